"""Patterns that find time expressions and the rules that turn each match into a TIMEX3 value.

Each ``TimeRule`` is a compiled pattern built from the word tables of ``words.TimeWords``
(``resources/times/``) plus a normaliser ``(match, context) -> Resolved | None``. The
tagger runs every rule over the text, keeps the longest non-overlapping matches, and asks the
winning rule for the value, given the reference date and the tense of the clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter
from text_to_num.lang import LANG

from newsgraph.stages.figures.numerals import library_language, number_word_pattern, words_to_number
from newsgraph.stages.times import calendars as C
from newsgraph.stages.times.words import TimeWords, build_time_words
from newsgraph.wordlists import WordLists


@dataclass(frozen=True)
class Context:
    """What a normaliser may look at besides the match itself."""

    text: str
    ref: date | None  # the reference date (published or inferred); None: year unknown
    tense: str | None  # past | future | None for the clause the expression sits in
    words: TimeWords


@dataclass(frozen=True)
class Resolved:
    """A normalised expression: TIMEX3 type and value, and whether the value used ``ref``."""

    type: str
    value: str
    relative: bool = False


Normaliser = Callable[[re.Match[str], Context], "Resolved | None"]


@dataclass(frozen=True)
class TimeRule:
    """A pattern and its normaliser; ``trigger``, when set, is a cheap regex for a word every
    match contains, so the costly pattern only runs in windows around it."""

    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    trigger: re.Pattern[str] | None = None
    keywords: tuple[str, ...] = ()  # lower-case substrings of which every match holds one
    modifiable: bool = False  # takes in left modifiers: "the beginning of 2024", "early March"


@dataclass(frozen=True)
class TimeRules:
    """The rule table built from one set of word tables, with those tables."""

    words: TimeWords
    rules: tuple[TimeRule, ...]


def build_time_rules(words: WordLists) -> TimeRules:
    """The tagger's rules compiled from the word tables ``words`` holds."""
    time_words = words.get(build_time_words)
    return TimeRules(time_words, _rule_table(time_words))


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?(?!\d)"  # 'er': French '1er mai'
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)(?!\d)"
_TENS = "|".join(LANG["en"].MTENS)  # the library's English words, for spelled years
_ONES = "|".join(LANG["en"].UNITS)
_OF = re.compile(r"\s+of\b")
_AGE = re.compile(r"(?i:-old\b|\s+old\b)")


def _number(word: str, w: TimeWords) -> float | None:
    """A number written in digits or words; None for vague quantities ("several")."""
    word = word.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if re.fullmatch(r"\d+\s+1/2", word):
        return float(word.split()[0]) + 0.5  # "5 1/2 hours"
    if word in w.number_words:
        return float(w.number_words[word])
    return words_to_number(word, w.language)


def _unit(word: str, w: TimeWords) -> str:
    word = word.lower()
    return w.unit_plurals.get(word, word)


def _duration_value(amount: float | None, unit: str, w: TimeWords) -> str:
    """P2Y, PT5H, PXD... (decades and centuries in years, quarters in months)."""
    letter, is_time = w.units[unit]
    scale = {"DE": ("Y", 10), "CE": ("Y", 100)}.get(letter, (letter, 1))
    letter, factor = scale
    if unit == "fortnight":
        factor = 2
    if amount is None:
        number = "X"
    else:
        total = amount * factor
        mixed = None
        if total != int(total) and (letter, is_time) in _SMALLER_UNIT:
            mixed = _mixed_duration(total, letter, is_time)
        if mixed is not None:
            return mixed
        number = str(int(total)) if total == int(total) else str(total)
    return f"PT{number}{letter}" if is_time else f"P{number}{letter}"


# A fraction of a unit written in the next smaller one: P2Y6M, P1W3D, P1DT12H, PT5H30M, PT1M30S.
# Keyed by (letter, is a time unit); months ("M", False) have no whole smaller unit.
_SMALLER_UNIT: dict[tuple[str, bool], tuple[int, str, bool]] = {
    ("Y", False): (12, "M", False), ("W", False): (7, "D", False), ("D", False): (24, "H", True),
    ("H", True): (60, "M", True), ("M", True): (60, "S", True),
}  # fmt: skip


def _mixed_duration(total: float, letter: str, is_time: bool) -> str | None:
    """'2 1/2 years' -> P2Y6M; None when the fraction is no whole number of the smaller unit."""
    per, smaller, smaller_is_time = _SMALLER_UNIT[(letter, is_time)]
    whole, part = int(total), (total - int(total)) * per
    if part != int(part):
        return None
    head = f"{whole}{letter}" if whole else ""
    if is_time:
        return f"PT{head}{int(part)}{smaller}"
    return f"P{head}T{int(part)}{smaller}" if smaller_is_time else f"P{head}{int(part)}{smaller}"


def _shift(word: str | None, w: TimeWords) -> int:
    return w.relative_shifts.get(word.lower(), 0) if word else 0


def _this(m: re.Match[str]) -> bool:
    """Whether the expression says 'this' (this year's occurrence, whatever the tense)."""
    shift = m.groupdict().get("shift")
    return shift is not None and shift.lower() == "this"


def _rel(value: str, type_: str = "DATE") -> Resolved:
    return Resolved(type_, value, relative="X" not in value[:4])


# --- normalisers, one per rule -------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Context) -> Resolved | None:
    day = C.safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    return Resolved("DATE", day.isoformat()) if day else None


def _us_slash(m: re.Match[str], ctx: Context) -> Resolved | None:
    year = int(m["y"]) + (1900 if len(m["y"]) == 2 and int(m["y"]) > 40 else 0)
    year += 2000 if len(m["y"]) == 2 and year < 100 else 0
    day = C.safe_date(year, int(m["m"]), int(m["d"]))
    return Resolved("DATE", day.isoformat()) if day else None


def _month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    month, day = ctx.words.months[m["month"]], int(m["day"])
    if m["year"]:
        return Resolved("DATE", f"{m['year']}-{month:02d}-{day:02d}")
    if _this(m) and ctx.ref is not None:
        return _rel(f"{ctx.ref.year:04d}-{month:02d}-{day:02d}")  # "this Oct. 3": this year's
    shift = _shift(m.groupdict().get("shift"), ctx.words)
    value = C.month_day_value(month, day, ctx.ref, ctx.tense, shift)
    return _rel(value)


def _month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", C.month_value(int(m["year"]), ctx.words.months[m["month"]]))


def _month_relative_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = C.unit_shift_value("year", ctx.ref, _shift(m["rel"], ctx.words))
    return (
        _rel(C.month_value(int(value), ctx.words.months[m["month"]]))
        if value and value.isdigit()
        else None
    )


def _month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    shift = _shift(m["shift"], ctx.words)
    cue_window = max(0, m.start() - 20)
    if (
        m["month"] in ctx.words.ambiguous_months
        and not m["shift"]
        and not ctx.words.ambiguous_month_cues.search(ctx.text, cue_window, m.start())
    ):
        return None
    if m["month"] in ctx.words.bare_month_abbreviations and not m["shift"]:
        return None  # bare "Jan"/"Aug" are too often names
    if _this(m) and ctx.ref is not None:
        return _rel(C.month_value(ctx.ref.year, ctx.words.months[m["month"]]))  # "this September"
    return _rel(C.month_only_value(ctx.words.months[m["month"]], ctx.ref, ctx.tense, shift))


def _year(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", m["year"])


def _decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", m["dec"])


def _century(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", f"{int(m['n']) - 1:02d}")


def _weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = C.weekday_value(
        ctx.words.weekdays[m["weekday"]], ctx.ref, ctx.tense, _shift(m["shift"], ctx.words)
    )
    if m["part"]:
        return _rel(f"{value}T{ctx.words.parts_of_day[m['part'].lower()]}", "TIME")
    return _rel(value)


def _deictic(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["word"].lower()
    value = C.unit_shift_value("day", ctx.ref, ctx.words.deictic_days[word]) or "XXXX-XX-XX"
    part = m["part"].lower() if m["part"] else None
    if word in ("tonight", "last night"):
        part = "night"
    if part:
        return _rel(f"{value}T{ctx.words.parts_of_day[part]}", "TIME")
    return _rel(value)


def _this_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = C.unit_shift_value("day", ctx.ref, 0) or "XXXX-XX-XX"
    return _rel(f"{value}T{ctx.words.parts_of_day[m['part'].lower()]}", "TIME")


def _reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    window_start = max(0, m.start() - 12)
    for exception in ctx.words.reference_exceptions.finditer(ctx.text, window_start, m.end() + 12):
        if exception.start() <= m.start() and m.end() <= exception.end():
            return None
    word = " ".join(m[0].lower().split())
    if word == "soon" and ctx.tense == C.PAST:
        return None  # "was soon released": soon after a narrated time, not after the report
    return Resolved("DATE", ctx.words.reference_words[word])


def _relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    shift_word = m["shift"].lower()
    if m[0].lower().startswith("the ") and shift_word in ("next", "following", "previous"):
        return _anaphor(m["unit"], -1 if shift_word == "previous" else 1)  # "the next day"
    value = C.unit_shift_value(m["unit"].lower(), ctx.ref, _shift(m["shift"], ctx.words))
    return _rel(value) if value else None


ANAPHOR = "ANAPHOR"


def _anaphor(unit: str, shift: int) -> Resolved:
    """A value to be read off the last date the story mentioned ('that day', 'the next day')."""
    return Resolved("DATE", f"{ANAPHOR}:{unit.lower()}:{shift}", relative=True)


def _that_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    return _anaphor(m["unit"], 0)


def _season(m: re.Match[str], ctx: Context) -> Resolved | None:
    season = ctx.words.seasons[m["season"].lower()]
    if m["year"]:
        return Resolved("DATE", f"{m['year']}-{season}")
    if not m["shift"]:
        return None
    return _rel(C.season_value(season, ctx.ref, _shift(m["shift"], ctx.words)))


def _the_weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    return _rel(C.weekend_value(ctx.ref, ctx.tense))


def _the_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'the year ended Sept. 30' is a duration; 'for the year' is the year of the report."""
    if m["ended"]:
        return Resolved("DURATION", "P1Y")
    return _rel(f"{ctx.ref.year:04d}") if ctx.ref else None


def _ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit, amount = _unit(m["unit"], ctx.words), _number(m["num"], ctx.words)
    direction = ctx.words.offset_directions[" ".join(m["dir"].lower().split())]
    if direction == 0:  # "three days later": from an event of the story, not the report
        return Resolved("DURATION", _duration_value(amount, unit, ctx.words))
    if amount is None:
        return Resolved("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    if unit in ("hour", "minute", "second"):
        return _rel(C.unit_shift_value("day", ctx.ref, 0) or "XXXX-XX-XX")
    value = C.unit_shift_value(unit, ctx.ref, int(direction * amount))
    return _rel(value) if value else None


def _year_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    value = C.unit_shift_value(m["unit"].lower(), ctx.ref, -1)
    return _rel(value) if value else None


def _duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    if _AGE.match(ctx.text, m.end()):
        return None  # "a 44-year-old teacher" is an age, not a duration
    if _unit(m["unit"], ctx.words) == "quarter" and _OF.match(ctx.text, m.end()):
        return None  # "three-quarters of the vote" is a fraction
    amount = _number(m["num"], ctx.words)
    if amount is not None and m["half"]:
        amount += 0.5  # "a minute and a half"
    return Resolved("DURATION", _duration_value(amount, _unit(m["unit"], ctx.words), ctx.words))


def _long(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'decades-long' -> PXY, 'day-long' -> P1D."""
    word = m["unit"].lower()
    amount = None if word in ctx.words.unit_plurals else 1.0
    return Resolved("DURATION", _duration_value(amount, _unit(word, ctx.words), ctx.words))


def _bare_plural(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DURATION", _duration_value(None, _unit(m["span"], ctx.words), ctx.words))


def _set_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("SET", ctx.words.set_words[m[0].lower()])


def _every(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = m["unit"].lower()
    if word.capitalize() in ctx.words.weekdays:
        return Resolved("SET", f"XXXX-WXX-{ctx.words.weekdays[word.capitalize()]}")
    if word in ctx.words.parts_of_day:  # "every morning": a time of day on every day
        return Resolved("SET", f"XXXX-XX-XXT{ctx.words.parts_of_day[word]}")
    if _unit(word, ctx.words) not in ctx.words.units:
        return None
    return Resolved("SET", _duration_value(1, _unit(word, ctx.words), ctx.words))


def _per_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    if _unit(m["unit"], ctx.words) not in ctx.words.units:
        return None
    return Resolved("SET", _duration_value(1, _unit(m["unit"], ctx.words), ctx.words))


def _quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    rel = (m["rel"] or "").lower().split()[-1] if m["rel"] else ""
    year = m["year"] or m["yr"]
    if m["relyr"] or m["ofrel"]:  # "last year's first quarter", "the first quarter of last year"
        year = C.unit_shift_value("year", ctx.ref, _shift(m["relyr"] or m["ofrel"], ctx.words))
        if year is None or not year.isdigit():
            return None
    if year and not m["ord"]:  # "the 1988 quarter": the quarter under report, that year
        last = C.unit_shift_value("quarter", ctx.ref, -1)
        return _rel(f"{year}-{last[5:]}") if last and ctx.ref else None
    if m["ord"]:
        quarter = ctx.words.ordinals[m["ord"].lower()]
        if year:
            return Resolved("DATE", f"{year}-Q{quarter}")
        if rel in ("last", "previous", "year-earlier", "year-ago") and ctx.ref:
            return _rel(f"{ctx.ref.year - 1:04d}-Q{quarter}")
        if rel == "next" and ctx.ref:
            return _rel(f"{ctx.ref.year + 1:04d}-Q{quarter}")
        return _rel(C.quarter_value(quarter, ctx.ref, ctx.tense))
    if not rel and not m[0].lower().startswith("the"):
        return None
    shift = {"this": 0, "current": 0, "next": 1, "year-earlier": -5, "year-ago": -5}.get(rel, -1)
    value = C.unit_shift_value("quarter", ctx.ref, shift)
    return _rel(value) if value else None


def _half(m: re.Match[str], ctx: Context) -> Resolved | None:
    half = "H1" if m["ord"].lower() == "first" else "H2"
    if m["year"]:
        return Resolved("DATE", f"{m['year']}-{half}")
    return _rel(f"{ctx.ref.year:04d}-{half}" if ctx.ref else f"XXXX-{half}")


def _clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    hour, minute = int(m["h"]), int(m["min"] or 0)
    ampm = (m["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    day = C.unit_shift_value("day", ctx.ref, 0) or "XXXX-XX-XX"
    zone = "Z" if _UTC.search(m[0]) else ""  # ISO 8601 marks UTC (GMT) times with Z
    return _rel(f"{day}T{hour:02d}:{minute:02d}{zone}", "TIME")


_UTC = re.compile(r"(?:UTC|GMT)$")


def _named_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    clock = "24:00" if m[0].lower() == "midnight" else "12:00"
    day = C.unit_shift_value("day", ctx.ref, 0) or "XXXX-XX-XX"
    return _rel(f"{day}T{clock}", "TIME")


def _holiday_names(w: TimeWords) -> list[str]:
    return [*w.fixed_holidays, *w.weekday_holidays, *w.easter_holidays]


def _holiday_day(name: str, year: int, w: TimeWords) -> date:
    if name in w.fixed_holidays:
        return date(year, *w.fixed_holidays[name])
    if name in w.weekday_holidays:
        return C.nth_weekday(year, *w.weekday_holidays[name])
    return easter(year) + timedelta(days=w.easter_holidays[name])


def _holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'Thanksgiving', 'last Christmas', 'Easter 1998': the day in the year the words point to."""
    name = m["holiday"]
    if m["year"]:
        return Resolved("DATE", _holiday_day(name, int(m["year"]), ctx.words).isoformat())
    if ctx.ref is None:
        return None
    shift = _shift(m["shift"], ctx.words)
    this_year = _holiday_day(name, ctx.ref.year, ctx.words)
    year = ctx.ref.year
    if shift < 0 or (shift == 0 and ctx.tense == C.PAST):
        year -= 1 if this_year > ctx.ref or (shift < 0 and this_year == ctx.ref) else 0
    elif shift > 0 or ctx.tense == C.FUTURE:
        year += 1 if this_year < ctx.ref or (shift > 0 and this_year == ctx.ref) else 0
    else:  # no tense: the nearer of this year's and the neighbouring year's
        other = year - 1 if this_year > ctx.ref else year + 1
        if abs((_holiday_day(name, other, ctx.words) - ctx.ref).days) < abs(
            (this_year - ctx.ref).days
        ):
            year = other
    return _rel(_holiday_day(name, year, ctx.words).isoformat())


def _year_end(m: re.Match[str], ctx: Context) -> Resolved | None:
    return _rel(f"{ctx.ref.year:04d}") if ctx.ref else Resolved("DATE", "XXXX")


_TEENS = "|".join(LANG["en"].STENS)


def _spelled_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    if m["century"]:
        rest = _number(m["rest"], ctx.words)
        century = 1900 if m["century"].lower() == "nineteen" else 2000
        return Resolved("DATE", f"{century + int(rest):04d}") if rest is not None else None
    rest = _number(m["after"], ctx.words) if m["after"] else 0.0
    return Resolved("DATE", f"{2000 + int(rest):04d}") if rest is not None else None


def _decade_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("DATE", f"19{ctx.words.decade_words[m['decade'].lower()]}")


# --- the rule table, most specific first (ties in length go to the earlier rule) -----------


def _rule(
    name: str,
    pattern: str,
    normalise: Normaliser,
    trigger: str | None = None,
    keywords: tuple[str, ...] = (),
    modifiable: bool = False,
) -> TimeRule:
    """A rule; ``trigger`` is a cheap pattern for a word every match contains, so the rule's own
    pattern runs only in windows around it; ``keywords`` are substrings of the lower-cased text
    without which the rule cannot match, so it is skipped without scanning the text at all."""
    compiled = re.compile(trigger) if trigger else None
    return TimeRule(name, re.compile(pattern), normalise, compiled, keywords, modifiable)


def _in_order(words: Iterable[str]) -> str:
    """A regex alternation of literal words in their listed order."""
    return "|".join(re.escape(w) for w in words)


def _unit_trigger(w: TimeWords) -> str:
    """Any unit word, singular or plural: 'seconds?|...|century|centuries'."""
    units = [
        f"{unit}s?" if plural == unit + "s" else f"{unit}|{plural}"
        for plural, unit in w.unit_plurals.items()
    ]
    return rf"(?i:\b(?:{'|'.join(units)})\b)"


_REL_WORDS = "last|past|previous|this|current|next|coming|following"
_SET_UNITS = "day|week|month|year|quarter|morning|night|evening|hour|weekend"


def _rule_table(w: TimeWords) -> tuple[TimeRule, ...]:
    """Every rule, its patterns built from the word tables ``w``."""
    month = rf"(?<![A-Za-z])(?P<month>{_alt(w.months)})(?![A-Za-z])"
    weekday = rf"(?<![A-Za-z])(?P<weekday>{_alt(w.weekdays)})(?![A-Za-z])"
    spelled = number_word_pattern(library_language(w.language))
    num = rf"(?:\d+\s+1/2|\d+(?:\.\d+)?|(?<![\w-])(?:{spelled})|{_alt(w.number_words)})"
    vague = _alt(w.vague_quantities)
    unit = rf"(?:{_alt(list(w.units) + list(w.unit_plurals))})"
    approx = _in_order(w.amount_approximators)
    part = rf"(?P<part>{_alt(w.parts_of_day)})"
    holidays = _holiday_names(w)
    month_trigger = rf"(?<![A-Za-z])(?:{_alt(w.months)})(?![A-Za-z])"
    unit_trigger = _unit_trigger(w)
    set_units = _SET_UNITS + "|" + "|".join(day.lower() for day in w.weekdays)
    return (
        _rule(
            "iso",
            r"(?<![\d-])(?P<year>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)",
            _iso,
            keywords=("-",),
        ),
        _rule(
            "us_slash",
            r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?!["
            r"\d/])",
            _us_slash,
            keywords=("/",),
        ),
        _rule(
            "month_day",
            rf"(?:(?P<shift>(?i:last|next|this))\s+)?{month}\.?\s+{_DAY}(?:,?\s+{_YEAR}"
            rf")?",
            _month_day,
            month_trigger,
            modifiable=True,
        ),
        _rule(
            "day_month",
            rf"(?<!\d){_DAY}(?:\s+of)?\s+{month}(?:,?\s+{_YEAR})?",
            _month_day,
            month_trigger,
        ),
        _rule(
            "month_year",
            rf"{month},?\s+(?:of\s+)?{_YEAR}",
            _month_year,
            month_trigger,
            modifiable=True,
        ),
        _rule(
            "month_rel_year",
            rf"{month}\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b",
            _month_relative_year,
            month_trigger,
        ),
        _rule(
            # "October of next year": the month and the year are two expressions (MEANTIME)
            "month_of_rel_year",
            rf"(?P<span>{month})\s+(?i:of)\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b",
            _month_relative_year,
            month_trigger,
        ),
        _rule(
            "holiday",
            rf"(?:(?P<shift>(?i:last|next|this))\s+)?(?<![A-Za-z])(?P<holiday>{_alt(holidays)})"
            rf"(?![A-Za-z])(?:,?\s+{_YEAR})?",
            _holiday,
            rf"(?<![A-Za-z])(?:{_alt(holidays)})(?![A-Za-z])",
            tuple(sorted({n.lower().split()[0].split("'")[0] for n in holidays})),
        ),
        _rule(
            "spelled_year",
            rf"(?i:\b(?:the\s+year\s+)?(?:(?P<century>nineteen|twenty)[- ](?P<rest>(?:{_TENS})"
            rf"(?:[- ](?:{_ONES}))?|{_TEENS})|two\s+thousand(?:\s+and\s+(?P<after>{_ONES}|"
            rf"{_TEENS}))?)"
            rf"\b)(?![- ](?:{_ONES})\b)",
            _spelled_year,
            r"(?i:nineteen|twenty|two\s+thousand)",
            ("nineteen", "twenty", "thousand"),
        ),
        _rule(
            "decade_word",
            rf"(?i:\bthe\s+(?:(?:early|mid|late)[- ]?)?(?P<decade>{_alt(w.decade_words)})\b)",
            _decade_word,
            r"(?i:ties\b)",
            ("ties",),
        ),
        _rule(
            "that_unit",
            r"(?i:\b(?:(?:earlier|later)\s+)?that\s+(?:same\s+)?"
            r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b)",
            _that_unit,
            r"(?i:\bthat\s)",
            ("that",),
        ),
        _rule("year_end", r"(?i:\byear-end\b)", _year_end, keywords=("year-end",)),
        _rule("the_weekend", r"(?i:\bthe\s+weekend\b)", _the_weekend, keywords=("weekend",)),
        _rule(
            "the_year",
            r"(?i:(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bend\sof\s)|(?<=\bstart\sof\s)|"
            r"(?<=\bbeginning\sof\s)|(?<=\bmiddle\sof\s)|(?<=\brest\sof\s)|(?<=\bhalf\sof\s))"
            r"(?P<span>the\s+(?:full\s+|fiscal\s+)?year)(?![\w-])"
            r"(?=(?P<ended>\s+end(?:ed|ing)\b)?))",
            _the_year,
            keywords=("year",),
            modifiable=True,
        ),
        _rule("reference", rf"(?i:\b(?:{_alt(w.reference_words)})\b)", _reference),
        _rule(
            "deictic",
            rf"(?i:\b(?P<word>{_alt(w.deictic_days)})\b)(?:\s+(?i:{part}))?(?![A-Za-z"
            rf"])",
            _deictic,
            modifiable=True,
        ),
        _rule(
            "this_part",
            r"(?i:\bthis\s+(?P<part>morning|afternoon|evening)\b)",
            _this_part,
            r"(?i:\bthis\s)",
            ("this",),
        ),
        _rule(
            "weekday",
            rf"(?:(?P<shift>(?i:last|next|this|coming|past))\s+)?{weekday}(?:\s+(?i:{part}"
            rf"))?(?![A-Za-z])",
            _weekday,
            rf"(?<![A-Za-z])(?:{_alt(w.weekdays)})(?![A-Za-z])",
            modifiable=True,
        ),
        _rule(
            "quarter",
            r"(?i:\b(?:the\s+)?(?:(?P<relyr>this|last|next)\s+year's\s+)?"
            r"(?:(?P<rel>this|last|next|current|latest|previous|past|most recent|"
            r"(?:comparable\s+)?year-earlier|(?:comparable\s+)?year-ago|same)\s+)?"
            r"(?:(?P<yr>(?:19|20)\d\d)(?:'s)?\s+)?(?:fiscal\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd"
            r"|3rd|4th)[\s-]+)?(?:fiscal\s+)?quarter(?![\w-])(?:,?\s+(?:of\s+)?(?:fi"
            r"scal\s+)?(?P<year>(?:19|20)\d\d)(?!\d)|\s+of\s+(?P<ofrel>this|last|next)\s+year\b)?)",
            _quarter,
            r"(?i:quarter)",
            ("quarter",),
            modifiable=True,
        ),
        _rule(
            "half",
            r"(?i:\b(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?P<year>(?:19"
            r"|20)\d\d)(?!\d))?)",
            _half,
            r"(?i:\bhalf\b)",
            ("half",),
        ),
        _rule(
            "season",
            rf"(?i:\b(?:(?P<shift>last|this|next|the|early|late)\s+)?(?P<season>{_alt(w.seasons)}"
            rf")(?:,?\s+(?:of\s+)?{_YEAR})?\b)",
            _season,
            rf"(?i:\b(?:{_alt(w.seasons)})\b)",
            tuple(w.seasons),
            modifiable=True,
        ),
        _rule(
            "relative_unit",
            rf"(?i:\b(?:the\s+)?(?P<shift>{_REL_WORDS})\s+(?P<unit>year|month|week|we"
            rf"ekend|decade|century|fortnight|day|morning)\b)",
            _relative_unit,
            r"(?i:\b(?:year|month|week|weekend|decade|century|fortnight|day|morning)\b)",
            modifiable=True,
        ),
        _rule(
            "ago",
            rf"(?i:\b(?:(?:{approx})\s+)?(?P<num>{num}|{vague})[\s-]+(?P<unit>{unit}"
            rf")\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b)",
            _ago,
            unit_trigger,
        ),
        _rule(
            "year_ago",
            r"(?i:\b(?P<unit>year|month|week|quarter)-(?:earlier|ago)\b)",
            _year_ago,
            keywords=("-earlier", "-ago"),
        ),
        _rule(
            "duration",
            # an approximator before "the" or a vague quantity is a preposition, outside the
            # span as in TimeML: "over the past 20 years", "over several years"
            rf"(?i:\b(?:(?:{approx})\s+(?!(?:the|{vague})\b))?(?:the\s+)?"
            rf"(?:(?:{_in_order(w.duration_openers)})\s+)?(?P<n"
            rf"um>{num}|{vague})(?:\s+more)?[\s-]+(?P<unit>{unit})(?:-long)?\b"
            r"(?P<half>\s+and\s+a\s+half\b)?)",
            _duration,
            unit_trigger,
        ),
        _rule("long", rf"(?i:\b(?P<unit>{unit})-long\b)", _long, r"(?i:-long\b)", ("-long",)),
        _rule(
            "bare_plural",
            r"(?i:\b(?:for|over|within|in|took|take|takes|last(?:ed)?)\s+(?P<span>ye"
            r"ars|months|weeks|decades|centuries)\b)",
            _bare_plural,
            r"(?i:\b(?:years|months|weeks|decades|centuries)\b)",
            ("years", "months", "weeks", "decades", "centuries"),
        ),
        _rule("set_word", rf"(?i:\b(?:{_alt(w.set_words)})\b)", _set_word),
        _rule(
            "every",
            rf"(?i:\b(?:every|each)\s+(?:other\s+)?(?P<unit>{set_units})\b)",
            _every,
            r"(?i:\b(?:every|each)\b)",
            ("every", "each"),
        ),
        _rule(
            "per_unit",
            r"(?i:(?:\d|million|billion|percent|%|times|dollars|cents)\S*\s+(?P<span"
            r">(?:a|an|per)\s+(?P<unit>year|month|week|day|hour)\b))",
            _per_unit,
            r"(?i:\b(?:a|an|per)\s+(?:year|month|week|day|hour)\b)",
        ),
        _rule(
            "clock",
            r"(?<![\d:.$])(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>(?i"
            r":a\.m\.?|p\.m\.?|am\b|pm\b))(?:\s+(?:EST|EDT|GMT|UTC|ET|PST|PDT|CST|CD"
            r"T)\b)?",
            _clock,
            r"(?i:\b[ap]\.?m\b)",
            ("am", "a.m", "pm", "p.m"),
        ),
        _rule(
            "clock24",
            r"(?<![\d:.$])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])(?P<ampm>)("
            r"?:\s+(?:GMT|UTC|EST|EDT|ET)\b)?",
            _clock,
            r"\d:\d\d",
            (":",),
        ),
        _rule(
            "named_time",
            r"(?i:\b(?:noon|midnight|midday)\b)",
            _named_time,
            keywords=("noon", "midnight", "midday"),
        ),
        _rule(
            "decade",
            r"(?i:\b(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<dec>1[6-9]\d|20\d)0(?"
            r":'s|s)(?![A-Za-z]))",
            _decade,
            r"\d0'?s",
            ("0s", "0's"),
            modifiable=True,
        ),
        _rule(
            "century",
            r"(?i:\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b)",
            _century,
            r"(?i:century)",
            ("century",),
            modifiable=True,
        ),
        _rule("year", rf"(?<![\d$£€.,/]){_YEAR}(?!\s*%|\s*percent|[.,]\d)", _year, modifiable=True),
        _rule(
            "month",
            rf"(?:(?P<shift>(?i:last|next|this))\s+)?{month}",
            _month_alone,
            month_trigger,
            modifiable=True,
        ),
        *_other_word_order_rules(w, num, vague, unit),
    )


# --- issue 12: languages that order offsets and relative units otherwise ("il y a deux jours",
# "la semaine dernière", "cette semaine"); built only from the lists that hold them
# (offset_openers.tsv, relative_unit_phrases.tsv), which are empty for English.

_CALENDAR_UNITS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year",
                   "DE": "decade", "CE": "century"}  # fmt: skip


def _calendar_unit(word: str, w: TimeWords) -> str | None:
    """The calendar unit ('week') a unit word of any language names, by its TIMEX3 letter."""
    letter, is_time = w.units.get(_unit(word, w), ("", True))
    return None if is_time else _CALENDAR_UNITS.get(letter)


def _offset_before(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit, amount = _calendar_unit(m["unit"], ctx.words), _number(m["num"], ctx.words)
    direction = ctx.words.offset_openers[" ".join(m["dir"].lower().split())]
    if unit is None:  # hours and minutes: the day of the report
        return _rel(C.unit_shift_value("day", ctx.ref, 0) or "XXXX-XX-XX")
    if amount is None:
        return Resolved("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    value = C.unit_shift_value(unit, ctx.ref, int(direction * amount))
    return _rel(value) if value else None


def _unit_with_shift(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit = _calendar_unit(m["unit"] or m["unit2"], ctx.words)
    word = (m["before"] or m["after"]).lower()
    shift = next(s for w, _, s in ctx.words.relative_unit_phrases if w.lower() == word)
    value = C.unit_shift_value(unit, ctx.ref, shift) if unit else None
    return _rel(value) if value else None


def _other_word_order_rules(w: TimeWords, num: str, vague: str, unit: str) -> list[TimeRule]:
    rules = []
    if w.offset_openers:
        rules.append(
            _rule(
                "offset_before",
                rf"(?i:\b(?P<dir>{_alt(w.offset_openers)})\s+(?P<num>{num}|{vague})\s+"
                rf"(?P<unit>{unit})\b)",
                _offset_before,
            )
        )
    before = [p for p, place, _ in w.relative_unit_phrases if place == "before"]
    after = [p for p, place, _ in w.relative_unit_phrases if place == "after"]
    if before or after:
        rules.append(
            _rule(
                "unit_with_shift",
                rf"(?i:\b(?:(?P<before>{_alt(before) or '(?!)'})\s+(?P<unit>{unit})|"
                rf"(?:(?:l[ae]|les)\s+|l['’]\s*)?(?P<unit2>{unit})\s+(?P<after>"
                rf"{_alt(after) or '(?!)'}))(?!\w))",
                _unit_with_shift,
                modifiable=True,
            )
        )
    return rules
