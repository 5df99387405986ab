"""Is a clean body an English news article? Cheap checks with one-line reasons."""

from __future__ import annotations

from newsgraph.errors import RejectedInput
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

# A list of its own, not spaCy's STOP_WORDS: the ratios below were measured with it (see the file).
FUNCTION_WORDS_FILE = "ingest/english_function_words.txt"
# Share of English function words: English news ~0.43 (BBC median), team line-ups ~0.17;
# Spanish, French, German, Italian, Portuguese and Dutch news text 0.02-0.06.
MIN_ENGLISH_RATIO = 0.1
_EDGE_PUNCTUATION = "\"'“”‘’()[]{},.;:!?-–—«»"


def english_ratio(text: str, words: WordLists | None = None) -> float:
    """Share of the words that are English function words (0 for text without words)."""
    tokens = text.lower().split()
    if not tokens:
        return 0.0
    function_words = (words or WordLists()).words(FUNCTION_WORDS_FILE)
    return sum(1 for w in tokens if w.strip(_EDGE_PUNCTUATION) in function_words) / len(tokens)


def check_body(
    text: str, settings: Settings, origin: str | None = None, words: WordLists | None = None
) -> None:
    """Raise RejectedInput (naming the origin) unless the body is a plausible English article."""
    reason = body_problem(text, settings, words)
    if reason is not None:
        raise RejectedInput(reason, origin)


def body_problem(text: str, settings: Settings, words: WordLists | None = None) -> str | None:
    """Why this body is not an English article, or None when it is one."""
    if not text.strip():
        return "no article body: nothing left after the headline and boilerplate"
    word_count = len(text.split())
    if word_count < settings.min_words:
        return (
            f"not an article: {word_count} word{'s' if word_count != 1 else ''} in the body, "
            f"fewer than min_words={settings.min_words}"
        )
    ratio = english_ratio(text, words or WordLists(settings.language))
    if ratio < MIN_ENGLISH_RATIO:
        return (
            f"not English: {ratio:.0%} of the words are English function words "
            f"(English text has over {MIN_ENGLISH_RATIO:.0%}); newsgraph reads English only"
        )
    return None
