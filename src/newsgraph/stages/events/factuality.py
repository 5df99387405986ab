"""Whether an event happened, is planned or promised, hypothetical, denied or negated.

Read from the dependency parse around the trigger: its own negation and auxiliaries first,
then the verbs and nouns that govern its clause ("refused to", "promised to", "denied that").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.stages.events.vocabulary import EventWords

HAPPENED, PLANNED, PROMISED = "happened", "planned", "promised"
HYPOTHETICAL, DENIED, NEGATED = "hypothetical", "denied", "negated"
# Dependencies through which a governing word scopes over the trigger's clause.
_EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "pobj", "dobj"})
_MAX_GOVERNORS = 3


def factuality_of(
    trigger: Token, vocab: EventWords, clause_head: Token | None = None, trigger_cues: bool = True
) -> str:
    """The factuality of the event whose trigger is ``trigger`` (its light verb: clause_head)."""
    head = clause_head if clause_head is not None else trigger
    own = _own_cues(head, vocab)
    if own is None and head is not trigger and trigger_cues:
        own = _own_cues(trigger, vocab)
    if own is not None:
        return own
    node = head
    for _ in range(_MAX_GOVERNORS):
        if node.dep_ not in _EMBEDDING_DEPS or node.head is node:
            break
        governed = _governor_cue(node, node.head, vocab)
        if governed is not None:
            return governed
        node = node.head
    return HAPPENED


def _own_cues(token: Token, vocab: EventWords) -> str | None:
    """Negation, modality and future marked on the token itself."""
    children = list(token.children)
    lowers = {c.lower_ for c in children if c.dep_ in ("neg", "det", "advmod", "aux", "preconj")}
    if any(c.dep_ == "neg" for c in children) or lowers & {"never", "no"}:
        return NEGATED
    if any(c.dep_ == "mark" and c.lower_ in vocab.conditional_marks for c in children):
        return HYPOTHETICAL
    auxes = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if auxes & vocab.future_aux:
        return PROMISED if _is_commitment(token, vocab) else PLANNED
    if "would" in auxes and _reported(token, vocab):
        return PLANNED
    if auxes & vocab.hypothetical_aux:
        return HYPOTHETICAL
    if "going" in auxes or any(c.lower_ == "going" and c.dep_ == "aux" for c in children):
        return PLANNED
    return None


def _governor_cue(child: Token, governor: Token, vocab: EventWords) -> str | None:
    """What the governing verb or noun says about the embedded event."""
    lemma = governor.lemma_.lower()
    if lemma in vocab.denial_verbs:
        return DENIED
    if lemma in vocab.negating_verbs and child.dep_ in ("xcomp", "pcomp"):
        return NEGATED
    infinitive = _is_infinitive(child)
    if child.dep_ in ("xcomp", "ccomp", "acl", "relcl", "advcl"):
        promising = lemma in vocab.promise_verbs or lemma in vocab.promise_nouns
        if promising and (infinitive or child.dep_ in ("ccomp", "relcl")):
            return PROMISED
        if infinitive and lemma in vocab.attempt_words:
            return _own_cues(governor, vocab) if governor.pos_ == "VERB" else None
        if infinitive and lemma in vocab.implicative_verbs and governor.pos_ == "VERB":
            return _own_cues(governor, vocab)
        if infinitive:  # "plans to", "a mission to fight", "in order to"
            return _stronger(_own_cues(governor, vocab), PLANNED)
    if child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in vocab.conditional_marks for c in child.children
    ):
        return HYPOTHETICAL
    own = _own_cues(governor, vocab)
    if own in (PLANNED, PROMISED, HYPOTHETICAL) and child.dep_ == "advcl":
        return own  # "will wear its livery when it arrives": the arrival is future too
    if own in (NEGATED, DENIED) and child.dep_ in ("xcomp", "ccomp"):
        return own if child.dep_ == "xcomp" else None
    if own in (HYPOTHETICAL, PLANNED, PROMISED) and child.dep_ == "xcomp":
        return own
    return None


def is_prospective(token: Token, vocab: EventWords) -> bool:
    """Said of what will, would or is to be done: future or modal auxiliary, or 'to' + verb."""
    auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & (vocab.future_aux | vocab.hypothetical_aux)) or _is_infinitive(token)


def is_purpose(token: Token, vocab: EventWords) -> bool:
    """'stopped work to protest', 'a mission to fight gangs': an infinitive of purpose, not
    one governed by a word of planning or promising ('plans to', 'a plan to')."""
    if not _is_infinitive(token) or token.dep_ not in ("advcl", "relcl", "acl"):
        return False
    governor = token.head.lemma_.lower()
    return governor not in vocab.plan_verbs and governor not in vocab.promise_verbs


def _is_infinitive(token: Token) -> bool:
    """A 'to' + base-form verb: an intended or purposed event, not a reported one."""
    return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _stronger(own: str | None, embedded: str) -> str:
    """A negated or hypothetical governor outranks the plan it governs."""
    return own if own in (NEGATED, DENIED, HYPOTHETICAL) else embedded


def _is_commitment(token: Token, vocab: EventWords) -> bool:
    """'commitments that will be implemented': a future event that something promised."""
    return token.dep_ == "relcl" and token.head.lemma_.lower() in vocab.promise_nouns


def _reported(token: Token, vocab: EventWords) -> bool:
    """A clause reported by a speech verb ('said it would withdraw')."""
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in vocab.saying_verbs
