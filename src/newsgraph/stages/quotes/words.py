"""The quotes stage's word lists: ``resources/quotes/cues.json`` and the shared speech verbs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newsgraph.stages.common.speech import speech_verbs
from newsgraph.wordlists import WordLists

CUES_FILE = "quotes/cues.json"


@dataclass(frozen=True)
class QuoteWords:
    """Speech verbs, multi-word cues and the pronouns that may name a speaker."""

    speech_verbs: frozenset[str]
    cue_phrases: tuple[tuple[str, ...], ...]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    reader_pronouns: frozenset[str]  # 'you', 'your': the reader, never a source
    person_types: frozenset[str]
    group_types: frozenset[str]
    ignored_heads: frozenset[str]
    person_nouns: frozenset[str]
    no_object_content: frozenset[str]
    clause_free_verbs: frozenset[str]  # cue quotations, govern no reported clause: 'continue'
    topic_prepositions: frozenset[str]
    verb_prepositions: Mapping[str, frozenset[str]]  # 'point' -> {'to'}
    speech_nouns: frozenset[str]
    speech_noun_verbs: frozenset[str]
    pronoun_genders: Mapping[str, str]  # 'he' -> 'm', 'her' -> 'f'
    honorific_genders: Mapping[str, str]  # 'mr' -> 'm', 'ms' -> 'f'
    noun_genders: Mapping[str, str]  # 'spokeswoman' -> 'f'

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.group_pronouns


def build_quote_words(words: WordLists) -> QuoteWords:
    """The stage's lists as one object; ``words.get(build_quote_words)`` builds it once."""
    raw = words.json(CUES_FILE)
    return QuoteWords(
        speech_verbs=speech_verbs(words),
        cue_phrases=tuple(tuple(p) for p in raw["cue_phrases"]),
        person_pronouns=frozenset(raw["person_pronouns"]),
        group_pronouns=frozenset(raw["group_pronouns"]),
        reader_pronouns=frozenset(raw["reader_pronouns"]),
        person_types=frozenset(raw["person_types"]),
        group_types=frozenset(raw["group_types"]),
        ignored_heads=frozenset(raw["ignored_heads"]),
        person_nouns=frozenset(raw["person_nouns"]),
        no_object_content=frozenset(raw["no_object_content"]),
        clause_free_verbs=frozenset(raw["clause_free_verbs"]),
        topic_prepositions=frozenset(raw["topic_prepositions"]),
        verb_prepositions={v: frozenset(p) for v, p in raw["verb_prepositions"].items()},
        speech_nouns=frozenset(raw["speech_nouns"]),
        speech_noun_verbs=frozenset(raw["speech_noun_verbs"]),
        pronoun_genders=dict(raw["pronoun_genders"]),
        honorific_genders=dict(raw["honorific_genders"]),
        noun_genders=dict(raw["noun_genders"]),
    )
