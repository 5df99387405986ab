"""PLOVER recipients the object does not name itself: the doer of an act that is the object
('demanded the withdrawal of Serbian forces', 'investigating crimes by Croatian extremists'),
the people a common noun's modifier names ('shell Iraqi towns'), and the owner an 'of' phrase
names ('workers of the United Bus Company')."""

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
