"""The word tables behind the time-expression tagger, read from ``resources/times/``.

``build_time_words`` reads them once per ``WordLists`` (``words.get(build_time_words)``); the
rules in ``rules.py`` build their patterns from what it returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.wordlists import WordLists


@dataclass(frozen=True)
class TimeWords:
    """Names, numbers, units and cue words of time expressions, and the patterns built of them."""

    months: dict[str, int]  # name or abbreviation -> month number (case-sensitive)
    ambiguous_months: frozenset[str]
    bare_month_abbreviations: frozenset[str]
    weekdays: dict[str, int]  # name -> ISO weekday
    seasons: dict[str, str]  # -> SP, SU, FA, WI
    parts_of_day: dict[str, str]  # -> MO, AF, EV, NI
    number_words: dict[str, float]  # idioms only ("a", "a couple of"); text2num reads the rest
    vague_quantities: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, bool]]  # unit -> (TIMEX3 letter, is a time-of-day unit)
    unit_plurals: dict[str, str]  # plural -> unit
    reference_words: dict[str, str]  # -> PRESENT_REF, PAST_REF, FUTURE_REF
    reference_words_not_as_modifiers: frozenset[str]
    set_words: dict[str, str]  # -> the SET's TIMEX3 value
    relative_shifts: dict[str, int]
    offset_directions: dict[str, int]
    future_auxiliaries: frozenset[str]
    future_pointing_verbs: frozenset[str]
    future_pointing_modifiers: frozenset[str]
    scheduling_verbs: frozenset[str]
    fixed_holidays: dict[str, tuple[int, int]]  # -> (month, day)
    weekday_holidays: dict[str, tuple[int, int, int]]  # -> (month, ISO weekday, n; -1 = last)
    easter_holidays: dict[str, int]  # -> days from Easter Sunday
    decade_words: dict[str, int]
    amount_approximators: tuple[str, ...]
    duration_openers: tuple[str, ...]
    half_modifiers: dict[str, str]  # left modifier -> H1 / H2
    reference_exceptions: re.Pattern[str]
    ambiguous_month_cues: re.Pattern[str]
    left_modifiers: re.Pattern[str]
    # issue 12, languages other than English: day words, and offsets and relative units written
    # in another word order ("il y a deux jours", "la semaine dernière"); empty for English
    deictic_days: dict[str, int]  # word -> days from the report ("yesterday" -1)
    offset_openers: dict[str, int]  # word before "N units" -> direction
    relative_unit_phrases: tuple[tuple[str, str, int], ...]  # (word, before|after, shift)
    language: str = "en"  # the language number words are read in (text2num)


def build_time_words(words: WordLists) -> TimeWords:
    """The tagger's tables from ``resources/times/``, with the patterns compiled from them."""
    units = words.rows("times/units.tsv")
    holidays = words.rows("times/holidays.tsv")
    left = words.rows("times/left_modifiers.tsv")
    return TimeWords(
        language=words.language,
        months=_numbers(words, "months.tsv"),
        ambiguous_months=words.words("times/ambiguous_months.txt", lower=False),
        bare_month_abbreviations=words.words("times/bare_month_abbreviations.txt", lower=False),
        weekdays=_numbers(words, "weekdays.tsv"),
        seasons=_table(words, "seasons.tsv"),
        parts_of_day=_table(words, "parts_of_day.tsv"),
        number_words={word: float(value) for word, value in words.rows("times/number_words.tsv")},
        vague_quantities=tuple(words.lines("times/vague_quantities.txt")),
        ordinals=_numbers(words, "ordinals.tsv"),
        units={unit: (letter, kind == "time") for unit, _, letter, kind in units},
        unit_plurals={plural: unit for unit, plural, _, _ in units},
        reference_words=_table(words, "reference_words.tsv"),
        reference_words_not_as_modifiers=words.words("times/reference_words_not_as_modifiers.txt"),
        set_words=_table(words, "set_words.tsv"),
        relative_shifts=_numbers(words, "relative_shifts.tsv"),
        offset_directions=_numbers(words, "offset_directions.tsv"),
        future_auxiliaries=words.words("times/future_auxiliaries.txt"),
        future_pointing_verbs=words.words("times/future_pointing_verbs.txt"),
        future_pointing_modifiers=words.words("times/future_pointing_modifiers.txt"),
        scheduling_verbs=words.words("times/scheduling_verbs.txt"),
        fixed_holidays={r[0]: (int(r[2]), int(r[3])) for r in holidays if r[1] == "fixed"},
        weekday_holidays={
            r[0]: (int(r[2]), int(r[3]), int(r[4])) for r in holidays if r[1] == "weekday"
        },
        easter_holidays={r[0]: int(r[2]) for r in holidays if r[1] == "easter"},
        decade_words=_numbers(words, "decade_words.tsv"),
        amount_approximators=tuple(words.lines("times/amount_approximators.txt")),
        duration_openers=tuple(words.lines("times/duration_openers.txt")),
        half_modifiers={row[0]: row[1] for row in left if len(row) > 1},
        reference_exceptions=re.compile(
            "|".join(f"(?i:{p})" for p in words.lines("times/reference_word_exceptions.txt"))
        ),
        ambiguous_month_cues=re.compile(
            rf"(?i:\b(?:{_phrases(words.lines('times/ambiguous_month_cues.txt'))})\s*)$"
        ),
        left_modifiers=re.compile(rf"(?i:\b(?P<mod>{_phrases(row[0] for row in left)})\s*)$"),
        deictic_days=_numbers(words, "deictic_days.tsv"),
        offset_openers=_numbers(words, "offset_openers.tsv"),
        relative_unit_phrases=tuple(
            (word, place, int(shift))
            for word, place, shift in words.rows("times/relative_unit_phrases.tsv")
        ),
    )


def _phrases(entries: Iterable[str]) -> str:
    """A regex alternation of word-list phrases in their order, any whitespace between words."""
    return "|".join(r"\s+".join(re.escape(w) for w in entry.split()) for entry in entries)


def _table(words: WordLists, name: str) -> dict[str, str]:
    return {key: value for key, value in words.rows(f"times/{name}")}


def _numbers(words: WordLists, name: str) -> dict[str, int]:
    return {key: int(value) for key, value in words.rows(f"times/{name}")}
