"""The word tables behind the figures stage, read from ``resources/figures/``.

``build_figure_words`` reads them once per ``WordLists`` (``words.get(build_figure_words)``) and
compiles the figure pattern from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from text_to_num.lang import LANG

from newsgraph.stages.figures.numerals import library_language, number_word_pattern
from newsgraph.wordlists import WordLists


@dataclass(frozen=True)
class FigureWords:
    """Number words, scales, currencies and approximators, and the pattern built of them."""

    number_words: dict[str, int]
    scales: dict[str, float]  # "million" -> 1e6, "bn" -> 1e9
    vague_amounts: dict[str, tuple[float, float]]  # "dozens of" -> (24, 143)
    currency_symbols: dict[str, str]  # written before the amount -> ISO 4217 code
    currency_words: dict[str, tuple[str, float]]  # written after it -> (code, factor)
    percent_words: tuple[str, ...]
    approximators: dict[str, str]  # -> about | low | high | exact
    identifier_cues: frozenset[str]
    unit_skip_tokens: frozenset[str]
    change_verbs: frozenset[str]  # "fell $2 to $40": a change and a level, not a range
    pattern: re.Pattern[str]  # a figure: approximator, currency, amount, scale, percent
    language: str = "en"  # the text2num language that reads number words


def build_figure_words(words: WordLists) -> FigureWords:
    """The stage's tables from ``resources/figures/``, with the figure pattern compiled."""
    currencies = words.json("figures/currencies.json")
    number_words = {w: int(v) for w, v in words.rows("figures/number_words.tsv")}
    language = library_language(words.language)
    vague_amounts = {
        w: (float(low), float(high)) for w, low, high in words.rows("figures/vague_amounts.tsv")
    }
    currency_symbols: dict[str, str] = dict(currencies["symbols"])
    currency_words = {w: (code, factor) for w, (code, factor) in currencies["words"].items()}
    percent_words = tuple(words.lines("figures/percent_words.txt"))
    approximators = {w: meaning for w, meaning in words.rows("figures/approximators.tsv")}
    amount = _amount(number_words, language)
    return FigureWords(
        number_words=number_words,
        scales={w: float(v) for w, v in words.rows("figures/scales.tsv")},
        vague_amounts=vague_amounts,
        currency_symbols=currency_symbols,
        currency_words=currency_words,
        percent_words=percent_words,
        approximators=approximators,
        language=language,
        identifier_cues=words.words("figures/identifier_cues.txt"),
        unit_skip_tokens=words.words("figures/unit_skip_tokens.txt", lower=False),
        change_verbs=words.words("figures/change_verbs.txt"),
        pattern=re.compile(
            rf"(?i)(?<![\w.])(?:(?P<approx>{_alt(approximators)})\s+)?(?:"
            rf"(?P<vague>{_alt(vague_amounts)})"
            rf"|(?P<cur>{_alt(currency_symbols)})\s?(?P<amt1>{amount})"
            rf"(?:\s?(?P<short>bn|mn|tn|m|k)(?![\w]))?"
            rf"(?![\w])(?:\s+(?P<cw1>{_alt(currency_words)})\b)?"
            rf"|(?P<amt2>{amount})(?:\s?(?P<pct>{_alt(percent_words)})(?![\w])"
            rf"|\s+(?P<cw2>{_alt(currency_words)})\b|(?P<measure>km|kg|mph|km/h|mm|cm|ft|lbs?)\b)?"
            rf")(?![\w])"
        ),
    )


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


def _amount(number_words: Iterable[str], language: str) -> str:
    """An amount in digits with scale words after it ('2.5 million'), or in words: the
    library's compound numbers ('two hundred fifty thousand') or an idiom ('a dozen')."""
    scales = sorted(set(LANG[language].MULTIPLIERS) | set(LANG[language].HUNDRED), key=len)
    scale = "|".join(re.escape(s) for s in reversed(scales))
    words = rf"{_alt(number_words)}|{number_word_pattern(language)}"
    # never a prefix of a longer number: '4.5p' is not '4', '1.8GHz' is not '1'
    return rf"(?:(?:{_DIGITS})(?![.,]?\d)(?:\s+(?:{scale})\b)*|(?<![\w-])(?:{words}))"
