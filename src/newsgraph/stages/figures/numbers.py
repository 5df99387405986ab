"""Reading numbers written in digits or words: '90,000', '2.5 million', 'twenty-five'."""

from __future__ import annotations

import re

from newsgraph.stages.figures.words import FigureWords

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def parse_amount(text: str, w: FigureWords, short_scale: str | None = None) -> float | None:
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
        elif word in w.scales and (value is not None or number_words):
            scale *= w.scales[word]
        else:
            number_words.append(word)
    if value is None:
        value = _words_value(number_words, w)
    if value is None:
        return None
    if short_scale:
        scale *= w.scales.get(short_scale.lower(), 1.0)
    return value * scale


def _words_value(words: list[str], w: FigureWords) -> float | None:
    """'twenty five' -> 25, 'a dozen' -> 12; None when a word is not a number."""
    phrase = " ".join(words)
    if phrase in w.number_words:
        return float(w.number_words[phrase])
    total = 0.0
    for word in words:
        if word not in w.number_words:
            return None
        total += w.number_words[word]
    return total if words else None
