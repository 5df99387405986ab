"""Number words read by the ``text2num`` library (English, French and more), not by our tables.

'two hundred fifty thousand' -> 250000, 'one hundred and twenty' -> 120, 'deux cent cinquante
mille' -> 250000. Shared by the figures and times stages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num
from text_to_num.lang import LANG

_ARTICLES = {"a", "an", "un", "une"}


def library_language(language: str) -> str:
    """The text2num language for a newsgraph language; English when the library lacks it."""
    return language if language in LANG else "en"


def words_to_number(phrase: str, lang: str = "en") -> float | None:
    """'two hundred fifty thousand' -> 250000, 'a million' -> 1e6; None if not one number."""
    language = LANG[library_language(lang)]
    words = phrase.lower().split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words[0] = "one"  # "a hundred", "a million"
    words = [w for w in words if w != language.AND]
    for text in dict.fromkeys((" ".join(words), " ".join(words).replace("-", " "))):
        try:
            return float(text2num(text, lang)) if text else None
        except ValueError:
            continue
    return None


@lru_cache(maxsize=8)
def number_word_pattern(lang: str = "en") -> str:
    """A regex for one number in words: 'twenty-five', 'one hundred and twenty', 'a million'."""
    language = LANG[lang]
    scales = {*language.HUNDRED, *language.MULTIPLIERS}
    plurals = {s for s in scales if s.endswith("s") and s[:-1] in scales}
    scales -= plurals
    word = _alt(set(language.NUMBERS) - plurals)
    after_scale = "|".join(f"(?<={re.escape(s)})" for s in sorted(scales))
    joint = rf"(?:(?:{after_scale})\s+{language.AND}\s+|[- ]|\s+)"
    article = rf"(?:an?|une?)\s+(?=(?:{_alt(scales)})\b)"
    return rf"(?:{article})?(?:{word})(?:{joint}(?:{word})(?!\w))*"


def _alt(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
