"""Calendar dates as written in metadata and datelines, normalised to YYYY-MM-DD."""

from __future__ import annotations

import calendar
import re
from datetime import date

_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_YEAR_RANGE = range(1800, 2200)


def parse_date(text: str) -> str | None:
    """The calendar date a string states (ISO, 'October 3, 2024', '3 Oct 2024'), or None.

    Numeric day/month orders such as 03/10/2024 are ambiguous between countries and give None.
    A timestamp keeps the date as written, without converting its time zone.
    """
    text = text.strip()
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _valid(year, month, day)
    if match := _DAY_MONTH_YEAR.search(text):
        day_text, month_name, year_text = match.groups()
        return _valid(int(year_text), _month_number(month_name), int(day_text))
    if match := _MONTH_DAY_YEAR.search(text):
        month_name, day_text, year_text = match.groups()
        return _valid(int(year_text), _month_number(month_name), int(day_text))
    return None


def _month_number(name: str) -> int:
    """1-12 for an English month name or its abbreviation."""
    # calendar's names are English under the C locale, and newsgraph never sets LC_TIME
    prefix = name.lower()[:3]
    return next(i for i in range(1, 13) if calendar.month_name[i].lower().startswith(prefix))


def _valid(year: int, month: int, day: int) -> str | None:
    """The ISO date, or None when the parts name no real day."""
    if year not in _YEAR_RANGE:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
