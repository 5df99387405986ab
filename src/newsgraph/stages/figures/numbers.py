"""Reading numbers written in digits or words: '90,000', '2.5 million', 'twenty-five'."""

from __future__ import annotations

import re

from newsgraph.resources import figure_words as W

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def parse_amount(text: str, short_scale: str | None = None) -> float | None:
    """The value of an amount such as '40 billion', 'two million' or '$15bn' (scale 'bn')."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    value: float | None = None
    scale = 1.0
    number_words: list[str] = []
    for word in words:
        if _DIGITS.fullmatch(word):
            value = float(word.replace(",", ""))
        elif word in W.SCALES and (value is not None or number_words):
            scale *= W.SCALES[word]
        else:
            number_words.append(word)
    if value is None:
        value = _words_value(number_words)
    if value is None:
        return None
    if short_scale:
        scale *= W.SCALES.get(short_scale.lower(), 1.0)
    return value * scale


def _words_value(words: list[str]) -> float | None:
    """'twenty five' -> 25, 'a dozen' -> 12; None when a word is not a number."""
    phrase = " ".join(words)
    if phrase in W.NUMBER_WORDS:
        return float(W.NUMBER_WORDS[phrase])
    total = 0.0
    for word in words:
        if word not in W.NUMBER_WORDS:
            return None
        total += W.NUMBER_WORDS[word]
    return total if words else None
