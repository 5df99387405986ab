"""Reading numbers written in digits or words: '90,000', '2.5 million', 'twenty-five'.

Compound number words ('two hundred fifty thousand', 'one hundred and twenty', 'deux cent
cinquante mille') are read by the ``text2num`` library (English and French), not by tables of
our own; only idioms it does not know ('a dozen', 'a score of') are in
``resources/figures/number_words.tsv``.
"""

from __future__ import annotations

import re

from newsgraph.stages.figures.numerals import words_to_number
from newsgraph.stages.figures.words import FigureWords

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def parse_amount(text: str, w: FigureWords, short_scale: str | None = None) -> float | None:
    """The value of an amount such as '40 billion', 'two million' or '$15bn' (scale 'bn')."""
    words = text.lower().split()
    if not words:
        return None
    if _DIGITS.fullmatch(words[0]):
        value: float | None = float(words[0].replace(",", ""))
        for word in words[1:]:
            if word not in w.scales:
                return None
            value = (value or 0.0) * w.scales[word]
    else:
        phrase = " ".join(words)
        value = float(w.number_words[phrase]) if phrase in w.number_words else None
        if value is None:
            value = words_to_number(phrase, w.language)
    if value is None:
        return None
    if short_scale:
        value *= w.scales.get(short_scale.lower(), 1.0)
    return value
