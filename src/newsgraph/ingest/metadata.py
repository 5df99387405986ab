"""Limits on article metadata: lengths, control characters, dates that exist.

Metadata comes from records, feeds and pages anyone can write. A value past its limit, or a
date that names no real day, is dropped with a warning on the article rather than stored as
nonsense (a 1,000,000-character title, ``0000-00-00`` read as year -1).
"""

from __future__ import annotations

import re
from datetime import date

from newsgraph.clean import parse_date

# The longest value kept per field, in characters; longer ones are dropped with a warning.
FIELD_LIMITS = {"title": 1000, "section": 200, "source": 300, "author": 300, "url": 2048}
MAX_ID_CHARS = 200
YEARS = range(1900, 2101)  # a published date outside these years is a mistake, not news
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ISO_TIME = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?")
_DATE_SHAPE = re.compile(
    r"\d{4}[-/]\d{1,2}[-/]\d{1,2}|\b\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|\b[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}",
    re.I,
)


def checked_value(name: str, value: str | None) -> tuple[str | None, str | None]:
    """The value without control characters, or None and a warning when it is too long."""
    if value is None:
        return None, None
    value = _CONTROL.sub("", value)
    limit = FIELD_LIMITS.get(name, MAX_ID_CHARS if name == "id" else 1000)
    if len(value) > limit:
        return None, (
            f"ingest: {name!r} is {len(value):,} characters, more than the limit of {limit:,}; "
            f"dropped"
        )
    return value or None, None


def checked_published(value: str | None) -> tuple[str | None, str | None]:
    """A YYYY-MM-DD date that exists, in 1900-2100; else None and a warning."""
    if value is None:
        return None, None
    if _real_day(value):
        return value, None
    return None, (
        f"ingest: 'published' value {value!r} is not a real date in {YEARS[0]}-{YEARS[-1]}; dropped"
    )


def parse_published(raw: str) -> str | None:
    """The date a metadata string states, None unless the day (and any time) exists."""
    if (match := _ISO_TIME.match(raw)) is not None:
        hour, minute, second = (int(g or 0) for g in match.groups())
        if hour > 23 or minute > 59 or second > 60:
            return None
    value = parse_date(raw)
    return value if value is not None and _real_day(value) else None


def impossible_date(raw: str) -> bool:
    """Does this text have the shape of a date yet name no real day (``2024-02-30``)?"""
    return _DATE_SHAPE.search(raw) is not None and parse_published(raw) is None


def _real_day(value: str) -> bool:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return day.year in YEARS and len(value) == 10
