"""Is a clean body an article, and in which language? Cheap checks with one-line reasons."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsgraph.errors import RejectedInput
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

# py3langid reads this many characters at most: the language of a body shows in its start,
# and the classifier's time grows with the text.
LANGUAGE_SAMPLE_CHARS = 5_000
# Below this probability the identification is a guess (a short or mixed text): the default
# language is kept rather than a guess sending an article past its pipeline.
MIN_LANGUAGE_PROBABILITY = 0.9


def identify_language(text: str, default: str = "en") -> str:
    """The ISO 639-1 code of the text's language, by py3langid (langid.py's model of 97
    languages, shipped in its wheel); ``default`` when it is unsure or there are no letters."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return default
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_LANGUAGE_PROBABILITY else default


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model, loaded once per process (read-only, like a spaCy pipeline)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def check_body(
    text: str, settings: Settings, origin: str | None = None, words: WordLists | None = None
) -> None:
    """Raise RejectedInput (naming the origin) unless the body is a plausible article."""
    reason = body_problem(text, settings, words)
    if reason is not None:
        raise RejectedInput(reason, origin)


def body_problem(text: str, settings: Settings, words: WordLists | None = None) -> str | None:
    """Why this body is not an article, or None when it is one (in any language)."""
    if not text.strip():
        return "no article body: nothing left after the headline and boilerplate"
    word_count = len(text.split())
    if word_count < settings.min_words:
        return (
            f"not an article: {word_count} word{'s' if word_count != 1 else ''} in the body, "
            f"fewer than min_words={settings.min_words}"
        )
    return None
