"""The events stage's vocabulary: the word lists of ``resources/events/words.json`` as one
``EventWords``, built once per ``WordLists`` (``words.get(build_event_words)``), and the
entity-label groups the rules share (structure, not vocabulary: spaCy and MEANTIME labels)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.wordlists import WordLists

WORDS_FILE = "events/words.json"

# Entity labels (spaCy and MEANTIME) of people, of groups, and of places.
PERSON_TYPES = frozenset({"PERSON", "PER"})
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP", "LOC", "PRO", "MIX", "FAC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# The kinds a pronoun may refer to in ``pronoun_types``.
_PRONOUN_KINDS = {"person": PERSON_TYPES, "group": GROUP_TYPES}


@dataclass(frozen=True)
class EventWords:
    """Every word list the events rules look words up in; see words.json for what each is."""

    future_aux: frozenset[str]
    plan_verbs: frozenset[str]
    promise_verbs: frozenset[str]
    promise_nouns: frozenset[str]
    implicative_verbs: frozenset[str]
    attempt_words: frozenset[str]
    negating_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    saying_verbs: frozenset[str]
    quantity_nouns: frozenset[str]
    needs_noun_object: frozenset[str]
    needs_actor_object: frozenset[str]
    carrier_nouns: frozenset[str]
    information_nouns: frozenset[str]
    information_verbs: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    proposal_words: frozenset[str]
    violence_words: frozenset[str]
    speaker_pronouns: frozenset[str]
    abstract_objects: frozenset[str]
    idiom_preposition: dict[str, str]
    meet_non_partners: frozenset[str]
    claim_determiners: frozenset[str]
    warning_words: frozenset[str]
    fee_modifiers: frozenset[str]
    fee_nouns: frozenset[str]
    currency_words: frozenset[str]
    question_words: frozenset[str]
    topic_preps: frozenset[str]
    on_state_verbs: frozenset[str]
    anaphoric_nouns: dict[str, frozenset[str]]
    target_preps: tuple[str, ...]
    noun_target_preps: tuple[str, ...]
    place_preps: frozenset[str]
    pronoun_types: dict[str, frozenset[str]]
    cancel_verbs: frozenset[str]
    cut_verbs: frozenset[str]
    suppress_verbs: frozenset[str]
    aspectual_verbs: frozenset[str]
    unaccusative_verbs: frozenset[str]
    prepositional_objects: frozenset[str]
    particle_preps: frozenset[str]
    demand_aux: frozenset[str]
    demand_speech_verbs: frozenset[str]
    demand_state_verbs: frozenset[str]
    demand_inanimate_subjects: frozenset[str]
    demand_pro_verbs: frozenset[str]
    poll_words: frozenset[str]
    object_control_verbs: frozenset[str]
    relative_pronouns: frozenset[str]
    grammatical_verbs: frozenset[str]
    period_end_preps: frozenset[str]
    release_words: frozenset[str]
    people_nouns: frozenset[str]
    contest_words: frozenset[str]
    visit_verbs: frozenset[str]
    partner_verbs: frozenset[str]


def build_event_words(words: WordLists) -> EventWords:
    """The events word lists read from data, with the unions the rules use."""
    data = words.json(WORDS_FILE)
    lists: dict[str, Any] = {
        f.name: frozenset(_entries(data, f.name))
        for f in fields(EventWords)
        if f.type == "frozenset[str]"
    }
    lists["carrier_nouns"] = lists["quantity_nouns"] | lists["carrier_nouns"]
    lists["demand_speech_verbs"] = lists["saying_verbs"] | lists["demand_speech_verbs"]
    lists["target_preps"] = tuple(_entries(data, "target_preps"))
    lists["noun_target_preps"] = tuple(_entries(data, "noun_target_preps"))
    lists["idiom_preposition"] = dict(_entries(data, "idiom_preposition"))
    lists["anaphoric_nouns"] = {
        noun: frozenset(types) for noun, types in _entries(data, "anaphoric_nouns").items()
    }
    lists["pronoun_types"] = {
        pronoun: frozenset().union(*(_kind(kind) for kind in kinds))
        for pronoun, kinds in _entries(data, "pronoun_types").items()
    }
    return EventWords(**lists)


def _entries(data: dict[str, Any], name: str) -> Any:
    try:
        return data[name]["words"]
    except (KeyError, TypeError):
        raise NewsgraphError(
            f"resources/{WORDS_FILE} has no list {name!r} (an object with 'note' and 'words'); "
            f"restore it from the repository"
        ) from None


def _kind(kind: str) -> frozenset[str]:
    if kind not in _PRONOUN_KINDS:
        raise NewsgraphError(
            f"resources/{WORDS_FILE}: pronoun_types names kind {kind!r}; use one of "
            f"{sorted(_PRONOUN_KINDS)}"
        )
    return _PRONOUN_KINDS[kind]
