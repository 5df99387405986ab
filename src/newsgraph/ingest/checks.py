"""Is a clean body an English news article? Cheap checks with one-line reasons."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newsgraph.errors import RejectedInput
from newsgraph.settings import Settings

STOPWORDS_FILE = Path(__file__).resolve().parent.parent / "resources" / "english_stopwords.txt"
# Share of English function words: English news ~0.43 (BBC median), team line-ups ~0.17;
# Spanish, French, German, Italian, Portuguese and Dutch news text 0.02-0.06.
MIN_ENGLISH_RATIO = 0.1
_EDGE_PUNCTUATION = "\"'“”‘’()[]{},.;:!?-–—«»"


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """The function words of resources/english_stopwords.txt."""
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for ln in lines if not ln.startswith("#") for w in ln.lower().split())


def english_ratio(text: str) -> float:
    """Share of the words that are English function words (0 for text without words)."""
    words = text.lower().split()
    if not words:
        return 0.0
    stop = english_stopwords()
    return sum(1 for w in words if w.strip(_EDGE_PUNCTUATION) in stop) / len(words)


def check_body(text: str, settings: Settings, origin: str | None = None) -> None:
    """Raise RejectedInput (naming the origin) unless the body is a plausible English article."""
    reason = body_problem(text, settings)
    if reason is not None:
        raise RejectedInput(reason, origin)


def body_problem(text: str, settings: Settings) -> str | None:
    """Why this body is not an English article, or None when it is one."""
    if not text.strip():
        return "no article body: nothing left after the headline and boilerplate"
    words = len(text.split())
    if words < settings.min_words:
        return (
            f"not an article: {words} word{'s' if words != 1 else ''} in the body, "
            f"fewer than min_words={settings.min_words}"
        )
    ratio = english_ratio(text)
    if ratio < MIN_ENGLISH_RATIO:
        return (
            f"not English: {ratio:.0%} of the words are English function words "
            f"(English text has over {MIN_ENGLISH_RATIO:.0%}); newsgraph reads English only"
        )
    return None
