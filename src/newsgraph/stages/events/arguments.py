"""Who and what an event involves: actor, target and place tokens from the dependency parse,
resolved to the article's entities (names, their compounds, possessives, pronouns)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import Article, Entity, Event, Mention
from newsgraph.stages.common.dateline import past_dateline
from newsgraph.stages.events.predicate import Predicate
from newsgraph.stages.events.vocabulary import PLACE_TYPES, EventWords

_SUBJECT_DEPS = ("nsubj", "csubj")
_CONTROLLED_DEPS = frozenset({"xcomp", "advcl"})
_INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl"})
_CLIMB_DEPS = frozenset({"dobj", "attr", "prep", "acomp"})  # "is willing to contribute"
_PRONOUN_WINDOW = 400  # characters before a pronoun searched for what it refers to


def actor_and_target(
    verb: Token, vocab: EventWords, skip_object: bool = False
) -> tuple[Token | None, Token | None]:
    """The subject (or passive agent) and the object (or recipient) of a verbal trigger."""
    actor = _subject(verb)
    passive_subject = _child(verb, ("nsubjpass",))
    agent = _agent(verb) or _shared_agent(verb)
    target: Token | None = None
    if passive_subject is not None:
        actor, target = agent, (None if skip_object else passive_subject)
    elif actor is None and verb.tag_ == "VBN" and _is_agent(agent):
        actor = agent  # a participle: "the first A380, made by Airbus"
    if actor is None and passive_subject is None:
        actor = _inherited_subject(verb, vocab)
        if actor is not None and _child(verb, ("auxpass",)) is not None and not skip_object:
            actor, target = agent, actor  # "and has been named": the shared subject undergoes it
    if actor is not None and actor.lower_ in vocab.relative_pronouns and verb.dep_ == "relcl":
        actor = verb.head
    if target is None and not skip_object:
        target = _child(verb, ("dobj", "dative"))
        if target is not None:
            target = look_through_quantity(target, vocab)
    if target is None:
        target = _prep_object(verb, vocab.target_preps)
    if target is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and not skip_object:
        target = verb.head  # "the mission, backed by the UN"
    if _undergoer_subject(verb, vocab) and not skip_object:
        actor, target = None, actor  # "sales fell": what fell, not who did it
    return actor, target


def _undergoer_subject(verb: Token, vocab: EventWords) -> bool:
    """An intransitive use of a verb whose subject undergoes the event."""
    if verb.lemma_.lower() not in vocab.unaccusative_verbs or verb.tag_ == "VBN":
        return False
    objects = ("dobj", "nsubjpass", "agent", "ccomp", "xcomp")
    return not any(c.dep_ in objects for c in verb.children)


def noun_arguments(noun: Token, vocab: EventWords) -> tuple[Token | None, Token | None]:
    """Actor and target of a nominal trigger: possessor or 'by', and 'against/with/of...'."""
    actor = _child(noun, ("poss",)) or _agent(noun)
    between = _between(noun)
    if between is not None:
        return between
    target = _prep_object(noun, vocab.noun_target_preps)
    if target is None:
        content = _prep_object(noun, ("for",))  # "a request for comment to the secretary"
        target = _prep_object(content, vocab.noun_target_preps) if content is not None else None
    if actor is None:
        actor = next((c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_
                      and _is_agent(c)), None)  # fmt: skip  # not "annual profit", "49% decline"
    if target is None:
        of = _prep_object(noun, ("of",))
        if of is not None:
            nested = _between(of)
            if nested is not None:
                return nested
            target = of
    if target is None and content is not None:
        target = look_through_quantity(content, vocab)  # "orders for new aircraft"
    return actor, target


def look_through_quantity(token: Token, vocab: EventWords) -> Token:
    """'dozens of agents' -> agents: the counted noun rather than the quantity word."""
    if token.lemma_.lower() in vocab.quantity_nouns or token.like_num:
        counted = _prep_object(token, ("of",))
        if counted is not None:
            return counted
    return token


def _is_agent(token: Token | None) -> bool:
    """Whether a 'by' object can be a doer: not a measure ('boost efficiency by 3%')."""
    if token is None or token.like_num:
        return False
    return token.ent_type_ not in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE", "TIME")


def _subject(verb: Token) -> Token | None:
    """The subject nearest before the verb (a mis-split sentence can give it two)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    before = [c for c in subjects if c.i < verb.i]
    if before:
        return before[-1]
    return subjects[0] if subjects else None


def _shared_agent(verb: Token) -> Token | None:
    """'selected and purchased by the government': conjoined passives share their agent."""
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB":
            agent = _agent(child)
            if agent is not None:
                return agent
    return None


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _agent(token: Token) -> Token | None:
    """The 'by' phrase of a passive verb or of an event noun."""
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            pobj = _child(child, ("pobj",))
            if pobj is not None:
                return pobj
    return None


_TIME_ENTS = frozenset({"DATE", "TIME"})


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the first of ``preps`` attached to ``token`` (in the order given)."""
    found: dict[str, Token] = {}
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            pobj = _child(child, ("pobj",))
            if pobj is not None and pobj.ent_type_ in _TIME_ENTS:
                continue  # 'said on Monday': a date is no one the act is done to
            if pobj is not None and child.lower_ not in found:
                found[child.lower_] = pobj
    for prep in preps:
        if prep in found:
            return found[prep]
    return None


def _between(noun: Token) -> tuple[Token, Token | None] | None:
    """'an agreement between X and Y': X acts, Y receives."""
    first = _prep_object(noun, ("between",))
    if first is None:
        return None
    second = _child(first, ("conj",))
    return first, second


def _inherited_subject(verb: Token, vocab: EventWords) -> Token | None:
    """The subject a verb without one shares with its governor ('agreed to send', 'and sent',
    'won a contract to supply', 'by citing')."""
    node = verb
    for _ in range(4):
        if node.head is node:
            return None
        if node.dep_ == "acl" and node.tag_ != "VBN" and node.head.dep_ in ("dobj", "attr"):
            node = node.head  # "won a contract to supply": the winner supplies
        elif node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head  # "by citing": the clause's subject cites
        elif node.dep_ not in _INHERIT_SUBJECT_DEPS and node.dep_ not in _CLIMB_DEPS:
            return None
        governor = node.head
        controlled = node.dep_ in _CONTROLLED_DEPS and _child(node, ("aux",)) is not None
        if controlled and governor.lemma_.lower() in vocab.object_control_verbs:
            obj = _child(governor, ("dobj",))
            if obj is not None:
                return obj
        if node.dep_ != "conj":
            # "was selected to purchase", "had been suspended after violating": the surface
            # subject of a passive governor controls its infinitives and adjuncts
            passive = _child(governor, ("nsubjpass",))
            if passive is not None and passive.lower_ not in vocab.relative_pronouns:
                return passive
        subject = _subject(governor) or _agent(governor)
        if subject is not None and _expletive(subject, governor, node):
            return None  # "it is important to support", "it would be possible to rescue"
        if subject is not None:
            return subject
        node = governor
    return None


def _expletive(subject: Token, governor: Token, clause: Token) -> bool:
    """'It' of a copula whose clause is extraposed stands for that clause, not for anyone."""
    return (
        subject.lower_ == "it"
        and governor.lemma_.lower() == "be"
        and clause.dep_ in ("xcomp", "ccomp")
    )


def mention_span(token: Token) -> tuple[int, int]:
    """Character span of the name or noun phrase a token heads (compounds and flat names)."""
    left = token
    for child in token.lefts:
        if child.dep_ in ("compound", "flat") and child.i < left.i:
            left = child
    right = token
    for child in token.rights:
        if child.dep_ in ("flat", "compound") and child.i > right.i:
            right = child
    return left.idx, right.idx + len(right)


def argument_span(token: Token | None, dateline: Mention | None = None) -> tuple[int, int] | None:
    """An argument's words: the name or noun phrase it heads with its appositions ('parent
    company EADS'), what ``Event.actor_start/actor_end`` hold; past the dateline, as the
    argument's entity is ('WASHINGTON -- President Obama said': 'President Obama')."""
    token = past_dateline(token, dateline)
    if token is None:
        return None
    start, end = mention_span(token)
    for child in token.children:
        if child.dep_ == "appos":
            end = max(end, child.right_edge.idx + len(child.right_edge))
    return start, end


def drop_event_arguments(built: list[tuple[Predicate, Event]], kept: list[Event]) -> None:
    """An argument that is itself a reported event ('signed the agreement', 'the deal was
    approved', 'sales fell') is related to it as an event, not a participant: its span is
    cleared unless it names an entity."""
    triggers = [(e.trigger_start, e.trigger_end) for e in kept]

    def is_event(token: Token | None, own: Event) -> bool:
        if token is None or own.trigger_start <= token.idx < own.trigger_end:
            return False
        return any(s <= token.idx < e for s, e in triggers)

    alive = {id(e) for e in kept}
    for pred, event in built:
        if id(event) not in alive:
            continue
        if event.actor is None and is_event(pred.actor, event):
            event.actor_start = event.actor_end = event.actor_text = None
        if event.target is None and is_event(pred.target, event):
            event.target_start = event.target_end = event.target_text = None


def entity_of(
    article: Article, token: Token | None, vocab: EventWords, actor: bool = True
) -> Entity | None:
    """The entity a token refers to: its name, an apposition or conjunct, a pronoun, and for
    actors also a possessor or modifier ('Haiti's government', 'Salvadoran police'); never the
    dateline's place the parse may take for the first sentence's subject."""
    token = past_dateline(token, article.dateline)
    if token is None:
        return None
    if token.lower_ in vocab.pronoun_types:
        return _antecedent(article, token, vocab.pronoun_types[token.lower_])
    found = article.entity_at(*mention_span(token))
    if found is not None:
        return found
    deps = ("appos", "conj", "compound", "poss", "amod") if actor else ("appos", "conj")
    for child in token.children:
        if child.dep_ in deps and not (child.dep_ == "poss" and child.lower_ in ("its", "their")):
            found = entity_of(article, child, vocab, actor)
            if found is not None:
                return found
    of = _prep_object(token, ("of",))
    if of is not None and actor:
        return article.entity_at(*mention_span(of))
    anaphoric = vocab.anaphoric_nouns.get(token.lemma_.lower())
    if anaphoric is not None and any(c.lower_ == "the" for c in token.children):
        if "GPE" in anaphoric:
            return _country_antecedent(article, token) or _salient_antecedent(
                article, token, anaphoric
            )
        return _salient_antecedent(article, token, anaphoric)
    return None


def target_id(article: Article, token: Token | None, vocab: EventWords) -> str | None:
    """The recipient entity: the object itself, else its 'with/to/against' phrase
    ('signed an agreement with Chile')."""
    found = entity_of(article, token, vocab, actor=False)
    if found is None and token is not None and token.pos_ == "NOUN":
        found = entity_of(article, _prep_object(token, vocab.noun_target_preps), vocab, actor=False)
    return found.id if found is not None else None


def recipient_id(article: Article, pred: Predicate, vocab: EventWords) -> str | None:
    """When the object is a thing ('supported Turkey's efforts', 'offered concessions to the
    negotiator', 'demanded support from the UN'), the entity the act is for: the object's
    possessor, then the object's or the verb's recipient phrase ('to', 'from', 'with' ...)."""
    holders = [t for t in (pred.target, pred.clause, pred.head) if t is not None]
    candidates: list[Token | None] = (
        [c for c in holders[0].children if c.dep_ == "poss"] if pred.target else []
    )
    for holder in holders:
        for prep in vocab.target_preps:
            candidates.append(_prep_object(holder, (prep,)))
    for token in candidates:
        found = entity_of(article, token, vocab, actor=False)
        if found is not None:
            return found.id
    return None


def partner_id(article: Article, actor: Token | None, vocab: EventWords) -> str | None:
    """'Jordan and Britain agreed': in a joint act each conjunct is the other's partner."""
    if actor is None:
        return None
    partner = next((c for c in actor.children if c.dep_ == "conj"), None)
    found = entity_of(article, partner, vocab, actor=False)
    return found.id if found is not None else None


def entity_id(
    article: Article, token: Token | None, vocab: EventWords, actor: bool = True
) -> str | None:
    entity = entity_of(article, token, vocab, actor)
    return entity.id if entity is not None else None


def _antecedent(
    article: Article, pronoun: Token, allowed: frozenset[str], before: int | None = None
) -> Entity | None:
    """The nearest earlier mention (ending before ``before``) of a type that fits."""
    limit = pronoun.idx if before is None else before
    best: tuple[int, Entity] | None = None
    for ent in article.entities:
        if ent.type not in allowed:
            continue
        for m in ent.mentions:
            near = limit - _PRONOUN_WINDOW <= m.start and m.end <= limit
            if near and not _in_dateline(article, m.start) and (best is None or m.start > best[0]):
                best = (m.start, ent)
    return best[1] if best is not None else None


def _in_dateline(article: Article, at: int) -> bool:
    dateline = article.dateline
    return dateline is not None and dateline.start <= at < dateline.end


def _country_antecedent(article: Article, token: Token) -> Entity | None:
    """'the country': the country named or implied ('Haitian police') most recently before
    this sentence, as its most mentioned GPE (Haiti, not a city with the same country code)."""
    limit = token.sent.start_char
    latest: tuple[int, str] | None = None
    for ent in article.entities:
        if ent.country is None or ent.type not in ("GPE", "NORP"):
            continue
        for m in ent.mentions:
            if m.end <= limit and (latest is None or m.start > latest[0]):
                latest = (m.start, ent.country)
    if latest is None:
        return None
    same = [e for e in article.entities if e.type == "GPE" and e.country == latest[1]]
    return max(same, key=lambda e: len(e.mentions)) if same else None


def _salient_antecedent(article: Article, token: Token, allowed: frozenset[str]) -> Entity | None:
    """'the country': the most mentioned entity of that type named before this sentence."""
    limit = token.sent.start_char
    scored = []
    for ent in article.entities:
        if ent.type not in allowed:
            continue
        before = [m for m in ent.mentions if m.end <= limit]
        if before:
            scored.append((len(ent.mentions), max(m.start for m in before), ent))
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def place_of(article: Article, pred: Predicate, vocab: EventWords) -> str | None:
    """A GPE/LOC entity in an 'in/at' phrase attached to the trigger (or its light verb)."""
    heads = [pred.head, pred.clause, _child(pred.head, ("dobj",))]
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in vocab.place_preps:
                pobj = _child(child, ("pobj",))
                entity = entity_of(article, pobj, vocab, actor=False)
                if entity is not None and entity.type in PLACE_TYPES:
                    return entity.id
    return None


_CLAUSAL_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "conj", "acl", "parataxis"})


def phrase_lemmas(pred: Predicate) -> set[str]:
    """Words of the trigger's own phrase (not its embedded clauses), for mode cues."""
    head = pred.clause if pred.clause is not None else pred.head
    lemmas = {head.lemma_.lower(), pred.head.lemma_.lower()}
    for child in head.children:
        if child.dep_ in _CLAUSAL_DEPS:
            continue
        for t in child.subtree:
            lemmas.add(t.lemma_.lower())
            lemmas.add(t.lower_)
    return lemmas


def sentence_lemmas(pred: Predicate) -> set[str]:
    """Words of the trigger's whole sentence, for modes told away from the trigger."""
    sent = pred.head.sent
    return {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}


def subtree_lemmas(pred: Predicate) -> set[str]:
    """Words of the trigger and every clause it governs (what was threatened or asked)."""
    head = pred.clause if pred.clause is not None else pred.head
    return {t.lemma_.lower() for t in head.subtree} | {t.lower_ for t in head.subtree}
