"""PLOVER recipients the object does not name itself: the doer of an act that is the object
('demanded the withdrawal of Serbian forces', 'investigating crimes by Croatian extremists'),
and people named only by the modifier of a recipient phrase ('confiscated weapons from
Palestinian armed groups', 'granted asylum to five Panamanian army officers')."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import Article
from newsgraph.stages.events import arguments as args
from newsgraph.stages.events.predicate import Predicate
from newsgraph.stages.events.vocabulary import EventWords

# Modifiers of a common noun that name whose it is ('Iraqi towns', 'government officials').
NAMING_MODIFIERS = frozenset({"amod", "compound", "nmod"})
# Who does an act named by a noun: its 'by' phrase, else its 'of' phrase.
_DOER_PREPS = ("by", "of")


def named_by_modifier(article: Article, token: Token | None, vocab: EventWords) -> str | None:
    """The people or place that a common noun's modifier names ('shell Iraqi towns', 'a
    Palestinian prisoner', 'Chilean government officials')."""
    if token is None or token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ in NAMING_MODIFIERS:
            found = args.entity_id(article, child, vocab, actor=False)
            if found is not None:
                return found
    return None


def named_or_modified(article: Article, token: Token | None, vocab: EventWords) -> str | None:
    """The entity a recipient token names, else the one its modifier names."""
    return args.entity_id(article, token, vocab, actor=False) or named_by_modifier(
        article, token, vocab
    )


def doer_of_act(
    article: Article, token: Token | None, event_nouns: frozenset[str], vocab: EventWords
) -> str | None:
    """When a recipient is itself an act ('the withdrawal of Serbian forces', 'alleged war
    crimes by Croatian extremists', 'Sweden's decision'), the one who does it."""
    if token is None or token.pos_ != "NOUN" or token.lemma_.lower() not in event_nouns:
        return None
    doers = [c for c in token.children if c.dep_ == "poss"]
    for prep in _DOER_PREPS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                doers.extend(c for c in child.children if c.dep_ == "pobj")
    for doer in doers:
        found = named_or_modified(article, doer, vocab)
        if found is not None:
            return found
    return None


def doer_of_object_act(
    article: Article, pred: Predicate, event_nouns: frozenset[str], vocab: EventWords
) -> str | None:
    """The doer of the act that is the event's object ('demanded the withdrawal of X')."""
    return doer_of_act(article, pred.target, event_nouns, vocab)


def owner_of_object(article: Article, pred: Predicate, vocab: EventWords) -> str | None:
    """A common-noun object with no entity of its own, named by its 'of' phrase ('workers of
    the United Bus Company', 'the offices of the Palestinian administrators')."""
    obj = pred.target
    if obj is None or obj.pos_ != "NOUN":
        return None
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            found = named_or_modified(article, pobj, vocab)
            if found is not None:
                return found
    return None


def protested_party(
    article: Article, pred: Predicate, event_nouns: frozenset[str], vocab: EventWords
) -> str | None:
    """Whom a protest is against, named in its purpose clause or 'against' phrase: 'a hunger
    strike to protest against Sweden's decision', 'a rally to protest the violations by X'."""
    holders = [t for t in (pred.head, pred.clause) if t is not None]
    objects = [c for h in holders for c in h.children if c.dep_ == "dobj"]  # 'began a strike'
    purposes = [c for h in holders + objects for c in h.children if _purpose_clause(c)]
    for holder in holders + purposes:
        for token in _objects_and_recipients(holder, vocab):
            found = named_or_modified(article, token, vocab) or doer_of_act(
                article, token, event_nouns, vocab
            )
            if found is not None:
                return found
    return None


def _purpose_clause(token: Token) -> bool:
    """'(a rally) to protest ...', '(began a strike) to protest against ...'."""
    clausal = token.dep_ in ("advcl", "relcl", "acl", "xcomp")
    return clausal and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _objects_and_recipients(holder: Token, vocab: EventWords) -> list[Token]:
    found = [c for c in holder.children if c.dep_ == "dobj"]
    for prep in vocab.target_preps:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def modified_recipient(article: Article, pred: Predicate, vocab: EventWords) -> str | None:
    """A recipient phrase whose noun is named only by its modifier ('from Palestinian armed
    groups', 'to five Panamanian army officers'), after every named recipient was tried."""
    for holder in (t for t in (pred.target, pred.clause, pred.head) if t is not None):
        for prep in vocab.target_preps:
            for child in holder.children:
                if child.dep_ in ("prep", "dative") and child.lower_ == prep:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    found = named_by_modifier(article, pobj, vocab)
                    if found is not None:
                        return found
    return None
