"""The quotes stage's word lists: ``resources/quotes/cues.json`` and the shared speech verbs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newsgraph.stages.common.speech import speech_verbs
from newsgraph.wordlists import WordLists

CUES_FILE = "quotes/cues.json"
OUTLETS_FILE = "quotes/outlets.txt"
OUTLET_WORDS_FILE = "quotes/outlet_words.txt"


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
    hearer_verbs: frozenset[str]  # 'tell': the object is who heard it ('told Reuters')
    outlets: frozenset[str]  # 'Reuters', 'BBC': news outlets by name
    outlet_words: frozenset[str]  # 'Times', 'Sun': last words of outlets' names
    outlet_nouns: frozenset[str]  # 'newspaper', 'report': an outlet speaking in its own name

    def is_outlet(self, name: str, source: str | None = None) -> bool:
        """A news outlet: known by name, named like one ('Malaysia Sun'), or the article's own."""
        bare = name.removeprefix("The ").removeprefix("the ")
        words = bare.split()
        return bool(words) and (
            bare in self.outlets
            or (len(words) > 1 and words[-1] in self.outlet_words)
            or (source is not None and bare.lower() == source.lower())
        )

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
        hearer_verbs=frozenset(raw["hearer_verbs"]),
        outlets=words.words(OUTLETS_FILE, lower=False),
        outlet_words=words.words(OUTLET_WORDS_FILE, lower=False),
        outlet_nouns=frozenset(raw["outlet_nouns"]),
    )
