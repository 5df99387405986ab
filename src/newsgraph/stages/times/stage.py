"""Stage 'times': find time expressions and normalise them to TIMEX3 values.

Rules in ``rules.py`` find candidate spans; overlaps go to the longest; each value is
resolved against the publication date with the tense of its clause ("October 3" told in the
past is the last October 3 before publication). Without a publication date, the latest fully
specified date in the text becomes the reference (anchor "inferred"); without one either,
relative values keep X placeholders ("XXXX-10-03"), never today's date.
A range ("from 2004 to 2017") is two expressions, one per end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from newsgraph.model import Article, TimeExpr
from newsgraph.settings import Settings
from newsgraph.stages.times import calendars as C
from newsgraph.stages.times.rules import ANAPHOR, Context, TimeRule, TimeRules, build_time_rules
from newsgraph.stages.times.words import TimeWords
from newsgraph.wordlists import WordLists

_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PLURAL_COUNTED = {"NNS"}  # not NNPS: "the 2008 Olympic Games" is a year


@dataclass
class Candidate:
    """A rule's match before normalisation."""

    start: int
    end: int
    rule: TimeRule
    match: re.Match[str]
    order: int
    modifier: str | None = None


def run(article: Article, doc: Doc, settings: Settings, words: WordLists) -> None:
    """Fill ``article.times`` with the expressions of the clean text."""
    article.times = tag_times(
        article.text,
        doc,
        article.published,
        words.get(build_time_rules),
        also_dated_by=article.title,
        published_inferred=article.published_inferred,
    )


def tag_times(
    text: str,
    doc: Doc | None,
    published: str | None,
    rules: TimeRules,
    also_dated_by: str | None = None,
    published_inferred: bool = False,
) -> list[TimeExpr]:
    """Time expressions of ``text``, resolved against ``published`` (YYYY-MM-DD) or, without
    it, a reference inferred from the full dates of ``text`` and ``also_dated_by`` (the
    headline). A ``published`` that was itself inferred gives the anchor "inferred"."""
    w = rules.words
    candidates = [
        c
        for c in find_candidates(text, rules)
        if not _is_counted_number(c, doc)
        and not _is_modifier_word(c, doc, w)
        and not _is_ordinal(c, doc)
    ]
    tenses = [clause_tense(doc, c.start, c.end, w) if doc is not None else None for c in candidates]
    ref = parse_date(published)
    anchor = "inferred" if published_inferred else "published"
    year_end = None
    if ref is None:
        absolute = absolute_values(text, candidates, w)
        headline = also_dated_by or ""
        ref, anchor = (
            infer_reference(
                absolute + absolute_values(headline, find_candidates(headline, rules), w)
            ),
            "inferred",
        )
        year = infer_reference_year(text, candidates, absolute, tenses) if ref is None else None
        year_end = date(year, 12, 31) if year is not None else None
    out = []
    for cand, tense in zip(candidates, tenses, strict=True):
        if year_end is not None and _year_level(cand):
            # only the year is known: "October 3" is that year's, whatever the tense
            expr = normalise(cand, Context(text, year_end, C.PAST, w), "inferred")
        else:
            expr = normalise(cand, Context(text, ref, tense, w), anchor)
        if expr is not None:
            out.append(expr)
    out = merge_adjacent(text, out)
    resolve_anaphors(out, ref, w)
    if doc is not None:
        anchor_comparisons(out, doc)
    return out


def resolve_anaphors(exprs: list[TimeExpr], ref: date | None, w: TimeWords) -> None:
    """'that day', 'the next morning', 'later that year': counted from the last date mentioned,
    or from the reference date when the story has named none."""
    last: date | None = None
    last_month: tuple[int, int] | None = None
    last_year: int | None = None
    for expr in exprs:
        if expr.value.startswith(ANAPHOR):
            _, unit, shift = expr.value.split(":")
            expr.value, expr.type = _anaphor_value(
                unit, int(shift), last, last_month, last_year, ref, w
            )
            continue
        if (day := parse_date(expr.value)) is not None:
            last, last_month, last_year = day, (day.year, day.month), day.year
        elif m := _MONTH_VALUE.fullmatch(expr.value):
            last_month, last_year = (int(m[1]), int(m[2])), int(m[1])
        elif _YEAR_VALUE.fullmatch(expr.value):
            last_year = int(expr.value)


def _anaphor_value(
    unit: str,
    shift: int,
    day: date | None,
    month: tuple[int, int] | None,
    year: int | None,
    ref: date | None,
    w: TimeWords,
) -> tuple[str, str]:
    """(value, type) of an anaphoric expression given the last day, month and year mentioned."""
    part = w.parts_of_day.get(unit)
    base_day = day or ref
    if unit == "day" or part:
        if base_day is None:
            return "XXXX-XX-XX", "DATE"
        value = (base_day + timedelta(days=shift)).isoformat()
        return (f"{value}T{part}", "TIME") if part else (value, "DATE")
    if unit == "week":
        return (
            (C.week_value(base_day + timedelta(weeks=shift)), "DATE")
            if base_day
            else ("XXXX-WXX", "DATE")
        )
    if unit == "month":
        base = month or ((ref.year, ref.month) if ref else None)
        return (C.month_value(*C.add_months(*base, shift)), "DATE") if base else ("XXXX-XX", "DATE")
    base_year = year or (ref.year if ref else None)
    return (f"{base_year + shift:04d}", "DATE") if base_year else ("XXXX", "DATE")


_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)")
_YEAR_VALUE = re.compile(r"\d{4}")


def anchor_comparisons(exprs: list[TimeExpr], doc: Doc) -> None:
    """'profit rose in the third quarter from a year earlier': the same period, a year back."""
    for i, expr in enumerate(exprs):
        if not _YEAR_BACK.search(expr.text):
            continue
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None:
            continue
        period = _compared_period(exprs[:i], span.sent.start_char)
        if period is not None:
            expr.value = f"{int(period.value[:4]) - 1:04d}{period.value[4:]}"


def _compared_period(before: list[TimeExpr], sentence_start: int) -> TimeExpr | None:
    """The period a 'year earlier' compares with: one in the same sentence, else the last
    quarter or half the story reported on (not itself a year-back expression)."""
    for p in reversed(before):
        if _YEAR_BACK.search(p.text):
            continue
        pattern = _SUB_YEAR_PERIOD if p.start >= sentence_start else _REPORTED_PERIOD
        if pattern.fullmatch(p.value):
            return p
    return None


def merge_adjacent(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """Join 'Monday, Oct. 26' and '9 a.m. Tuesday' into one expression each."""
    merged: list[TimeExpr] = []
    for expr in exprs:
        prev = merged[-1] if merged else None
        joined = _join(text, prev, expr) if prev is not None else None
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(expr)
    return merged


def _join(text: str, first: TimeExpr, second: TimeExpr) -> TimeExpr | None:
    gap = text[first.end : second.start]
    if not _JOINABLE_GAP.fullmatch(gap):
        return None
    span = text[first.start : second.end]
    # 'mardi 10 septembre' (issue 12): French puts no comma between a weekday and its date
    if _is_day(first) and _is_day(second) and ("," in gap or _same_weekday(first, second)):
        return TimeExpr(span, first.start, second.end, "DATE", second.value, second.anchor)
    if first.type == "TIME" and _CLOCK_VALUE.search(first.value) and _is_day(second):
        value = second.value + first.value[first.value.index("T") :]
        return TimeExpr(span, first.start, second.end, "TIME", value, second.anchor)
    return None


def _same_weekday(first: TimeExpr, second: TimeExpr) -> bool:
    """Both are dates on the same day of the week: a weekday named before its date."""
    days = [parse_date(e.value) for e in (first, second)]
    return days[0] is not None and days[1] is not None and days[0].weekday() == days[1].weekday()


def _is_day(expr: TimeExpr) -> bool:
    return expr.type == "DATE" and bool(_DAY_VALUE.fullmatch(expr.value))


_YEAR_BACK = re.compile(r"(?i)\b(?:a|one)\s+year\s+(?:ago|earlier)$|^year-(?:earlier|ago)$")
_SUB_YEAR_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12]|SU|FA|WI|SP|\d\d(?:-\d\d)?)")
_REPORTED_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12])")
_JOINABLE_GAP = re.compile(r",?\s{1,2}(?:on\s+)?")
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)")
_CLOCK_VALUE = re.compile(r"T\d\d:\d\dZ?$")


def find_candidates(text: str, rules: TimeRules) -> list[Candidate]:
    """Every rule's matches, then the longest non-overlapping ones, in text order."""
    found: list[Candidate] = []
    lowered = text.lower()
    for order, rule in enumerate(rules.rules):
        if rule.keywords and not any(k in lowered for k in rule.keywords):
            continue
        for m in _matches(rule, text):
            start, end = m.span("span") if "span" in m.groupdict() else m.span()
            end = _trim_end(text, start, end)
            if end > start:
                found.append(Candidate(start, end, rule, m, order))
    found.sort(key=lambda c: (c.start - c.end, c.order, c.start))
    taken: list[Candidate] = []
    used = bytearray(len(text) + 1)
    for cand in found:
        if not any(used[cand.start : cand.end]):
            used[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    for cand in taken:
        _extend_left(text, cand, used, rules.words)
    return taken


def _matches(rule: TimeRule, text: str) -> list[re.Match[str]]:
    """The rule's matches; with a trigger, searched only in windows around trigger words."""
    if rule.trigger is None:
        return list(rule.pattern.finditer(text))
    windows: list[list[int]] = []
    for hit in rule.trigger.finditer(text):
        lo, hi = max(0, hit.start() - _WINDOW_BEFORE), hit.end() + _WINDOW_AFTER
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    found: list[re.Match[str]] = []
    for lo, hi in windows:
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1  # a window never ends inside a word: lookaheads see the real next character
        found.extend(rule.pattern.finditer(text, lo, min(hi, len(text))))
    return found


_WINDOW_BEFORE, _WINDOW_AFTER = 80, 40


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop trailing spaces a pattern may have eaten."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _extend_left(text: str, cand: Candidate, used: bytearray, w: TimeWords) -> None:
    """Take in modifiers such as 'the beginning of' or 'early' that belong to a date."""
    if not cand.rule.modifiable:
        return
    window_start = max(0, cand.start - 30)
    m = w.left_modifiers.search(text, window_start, cand.start)
    if m is None or any(used[m.start() : cand.start]):
        return
    used[m.start() : cand.start] = b"\x01" * (cand.start - m.start())
    cand.start = m.start()
    cand.modifier = " ".join(m["mod"].lower().split())


def _is_counted_number(cand: Candidate, doc: Doc | None) -> bool:
    """A year-like number counting a plural noun ('2000 people', 'two thousand troops'). Counts
    that look like years are round ('1500 protesters'); a year is seldom a multiple of 50, so
    'the 1992 protests' and 'fiscal 1989 sales' stay years."""
    if cand.rule.name not in ("year", "spelled_year") or doc is None:
        return False
    if cand.rule.name == "year" and int(cand.match["year"]) % 50:
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    if last.dep_ == "nummod" and last.head.tag_ in _PLURAL_COUNTED:
        return True
    if cand.rule.name == "year":
        return False  # "the 1997 elections" is a year
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return after is not None and after.tag_ in _PLURAL_COUNTED


def _is_ordinal(cand: Candidate, doc: Doc | None) -> bool:
    """'a second betrayal', 'a second group': the ordinal, not the unit of time."""
    if doc is None or " ".join(cand.match[0].lower().split()) not in ("a second", "one second"):
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[-1].dep_ == "amod"


def _is_modifier_word(cand: Candidate, doc: Doc | None, w: TimeWords) -> bool:
    """'a quarterly dividend', 'future growth': a frequency or reference word modifying a noun."""
    if doc is None:
        return False
    word = cand.match[0].lower()
    if cand.rule.name != "set_word" and word not in w.reference_words_not_as_modifiers:
        return False
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].dep_ == "amod"


def normalise(cand: Candidate, ctx: Context, anchor: str) -> TimeExpr | None:
    """The TimeExpr of one candidate, or None when its rule declines the match."""
    resolved = cand.rule.normalise(cand.match, ctx)
    if resolved is None:
        return None
    value = resolved.value
    halves = ctx.words.half_modifiers
    if cand.modifier in halves and re.fullmatch(r"\d{4}", value):
        value = f"{value}-{halves[cand.modifier]}"
    text = ctx.text[cand.start : cand.end]
    relative = resolved.relative and ctx.ref is not None
    return TimeExpr(text, cand.start, cand.end, resolved.type, value, anchor if relative else None)


# Rules whose value needs only the year of the reference ("October 3", "last March", "the
# summer", "two years ago"), as opposed to its day ("yesterday", "Tuesday", "last week").
_YEAR_LEVEL_RULES = frozenset({"month_day", "day_month", "month", "month_rel_year", "holiday",
                               "season", "the_year", "year_end", "quarter", "half"})  # fmt: skip
_YEAR_LEVEL_UNITS = frozenset({"year", "decade", "century"})


def _year_level(cand: Candidate) -> bool:
    if cand.rule.name in _YEAR_LEVEL_RULES:
        return True
    unit = cand.match.groupdict().get("unit")
    return cand.rule.name in ("relative_unit", "ago") and (unit or "").lower() in _YEAR_LEVEL_UNITS


def infer_reference_year(
    text: str,
    candidates: list[Candidate],
    absolute: list[str | None],
    tenses: list[str | None],
) -> int | None:
    """Without any full date: the latest year written in the text outside future-tense clauses
    and "until" phrases ("At the beginning of 2024, Bukele offered..." but not "renewed until
    October 2025"): the story was written that year or later, most often that year."""
    years = []
    for cand, value, tense in zip(candidates, absolute, tenses, strict=True):
        if tense == C.FUTURE or _UNTIL_BEFORE.search(text, max(0, cand.start - 12), cand.start):
            continue
        if value is not None and re.fullmatch(r"\d{4}(?:-\d\d)?(?:-Q\d|-H\d)?", value):
            years.append(int(value[:4]))
    return max(years) if years else None


_UNTIL_BEFORE = re.compile(r"(?i:\b(?:until|till|through|by)\s+(?:early\s+|late\s+|mid-?)?$)")


def parse_date(value: str | None) -> date | None:
    """A YYYY-MM-DD (or longer ISO) string as a date; None when absent or malformed."""
    if not value or not _FULL_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def absolute_values(text: str, candidates: list[Candidate], w: TimeWords) -> list[str | None]:
    """Each candidate's value with no reference date: what the text itself fixes ('2024',
    'March 2022', 'June 2, 2021'), X placeholders or None for the rest."""
    values = []
    for cand in candidates:
        resolved = cand.rule.normalise(cand.match, Context(text, None, None, w))
        values.append(resolved.value if resolved is not None else None)
    return values


def infer_reference(absolute: list[str | None]) -> date | None:
    """The latest fully specified date written in the text, as a stand-in publication date."""
    days = [day for value in absolute if (day := parse_date(value)) is not None]
    return max(days) if days else None


def clause_tense(doc: Doc, start: int, end: int, w: TimeWords) -> str | None:
    """past | future | None: the tense of the verb that governs the span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    path = _path_to_verb(span.root)
    if not path:
        return None
    verb, between = path[-1], path[:-1]
    if any(t.lemma_.lower() in w.future_pointing_modifiers for t in between):
        return C.FUTURE  # "payable Dec. 7", "due this September"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in w.future_auxiliaries for a in auxes):
        return C.FUTURE
    in_subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in between)
    if verb.lemma_.lower() in w.future_pointing_verbs and not in_subject:
        return C.FUTURE  # "postponed until Tuesday", but not "figures for January extended"
    if verb.lemma_.lower() in w.scheduling_verbs and any(c.lower_ == "for" for c in verb.children):
        return C.FUTURE  # "a summit set for April", "was planned for early March"
    if any(t.lower_ in ("until", "till") for t in between):
        return None  # "gave them until mid-November": an end point, often still ahead

    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return C.PAST
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return C.PAST  # "has fallen", and reduced relatives: "the shares bought Thursday"
    if verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes):
        return _infinitive_tense(verb, w)
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return C.FUTURE  # "is leaving Thursday", but not "have been searching since Oct. 23"
    return None


def _infinitive_tense(verb: Token, w: TimeWords) -> str | None:
    """'plans to leave Thursday' points ahead; 'staged events to mark Friday' says nothing."""
    matrix = verb.head
    if matrix is verb:
        return None
    matrix_auxes = [c for c in matrix.children if c.dep_ in ("aux", "auxpass")]
    if matrix.tag_ in ("VBZ", "VBP", "MD") or any(a.tag_ in ("VBZ", "VBP") for a in matrix_auxes):
        return C.FUTURE
    if any(a.lower_ in w.future_auxiliaries for a in matrix_auxes):
        return C.FUTURE
    return None


def _path_to_verb(token: Token) -> list[Token]:
    """The tokens from ``token`` up to the nearest verb above it (a few steps at most), the
    verb last; empty when there is none."""
    path = [token]
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return path
        if token.head is token:
            return []
        token = token.head
        path.append(token)
    return []
