"""The speech verbs, one list (``resources/common/speech_verbs.txt``) for every stage."""

from __future__ import annotations

from newsgraph.wordlists import WordLists

SPEECH_VERBS_FILE = "common/speech_verbs.txt"


def speech_verbs(words: WordLists) -> frozenset[str]:
    """Lemmas of reporting verbs ('say', 'tell'): a quote's cue, a speaker's act."""
    return words.words(SPEECH_VERBS_FILE)
