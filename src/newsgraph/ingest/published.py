"""The publication date from the body when the metadata has none: a "Posted"/"Publié le" line
or a dateline ("PORT-AU-PRINCE, 14 mai 2024 —") near the top of the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsgraph.wordlists import WordLists

CUES_FILE = "ingest/published_cues.txt"
MONTHS_FILE = "ingest/month_names.tsv"
HEAD_CHARS = 1_500  # a publication line or dateline sits in the first paragraphs


@dataclass(frozen=True)
class DateLines:
    """The patterns of a publication line and of a dateline, built from the word lists."""

    cue_line: re.Pattern[str]
    dateline: re.Pattern[str]
    months: dict[str, int]


def build_date_lines(words: WordLists) -> DateLines:
    """Patterns over 'day month year', 'month day, year' and ISO dates, in any listed language."""
    months = {name.lower(): int(number) for name, number in words.rows(MONTHS_FILE)}
    month = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th)?"
    when = (
        rf"(?P<date>(?i:{day}\s+(?:{month})\.?,?\s+\d{{4}}|(?:{month})\.?\s+{day},?\s+\d{{4}}|"
        rf"\d{{4}}-\d\d-\d\d))"
    )
    cues = "|".join(words.lines(CUES_FILE))
    return DateLines(
        cue_line=re.compile(rf"(?im)^[^\S\n]*(?:{cues})\b[^\n]{{0,40}}?{when}(?!\d)"),
        dateline=re.compile(
            rf"(?m)^[^\S\n]*[A-ZÀ-Ý][A-ZÀ-Ý'’. -]{{1,40}},[^\S\n]+(?:\w+[^\S\n]+)?{when}"
            rf"[^\S\n]*[—–-]"
        ),
        months=months,
    )


def published_in_text(text: str, words: WordLists) -> tuple[str, str] | None:
    """(YYYY-MM-DD, 'text-line' | 'dateline') from the top of the body, or None."""
    lines = words.get(build_date_lines)
    head = text[:HEAD_CHARS]
    for source, pattern in (("text-line", lines.cue_line), ("dateline", lines.dateline)):
        for found in pattern.finditer(head):
            if (value := _iso(found["date"], lines.months)) is not None:
                return value, source
    return None


def _iso(written: str, months: dict[str, int]) -> str | None:
    """The ISO date a matched date states, None when that day does not exist."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", written):
        parts = [int(p) for p in written.split("-")]
    else:
        tokens = re.findall(r"\d+|[^\W\d]+", written)
        numbers = [int(t) for t in tokens if t.isdigit()]
        names = [t.lower() for t in tokens if not t.isdigit() and t.lower() in months]
        if len(numbers) != 2 or len(names) != 1:
            return None
        day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
        parts = [year, months[names[0]], day]
    try:
        return date(parts[0], parts[1], parts[2]).isoformat()
    except ValueError:
        return None
