"""Calendar arithmetic for TIMEX3 values: shifting by units and picking the right occurrence.

A reference date of None means the year cannot be known, so values keep X placeholders
("XXXX-10-03") instead of guessing from today's date.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

PAST, FUTURE = "past", "future"

# How far a day may lie on the 'wrong' side of the reference before the year changes: past-tense
# reports often name a date a few days ahead ("the hearing was set for Jan. 14").
PAST_SLACK_DAYS = 14
FUTURE_SLACK_DAYS = 3
UNTENSED_AHEAD_DAYS = 90
UNTENSED_BEHIND_DAYS = 270


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def month_day_value(month: int, day: int, ref: date | None, tense: str | None, shift: int) -> str:
    """'October 3' resolved to the occurrence the tense or 'last'/'next' points at."""
    if ref is None:
        return f"XXXX-{month:02d}-{day:02d}"
    this_year = safe_date(ref.year, month, day)
    if this_year is None:
        return f"{ref.year:04d}-{month:02d}-{day:02d}"
    ahead = (this_year - ref).days  # > 0: later this year than the reference
    year = ref.year
    if shift < 0:
        year -= 1 if ahead >= 0 else 0
    elif shift > 0:
        year += 1 if ahead <= 0 else 0
    elif tense == FUTURE:
        year += 1 if ahead < -FUTURE_SLACK_DAYS else 0
    elif tense == PAST:
        year -= 1 if ahead > PAST_SLACK_DAYS else 0
    elif ahead > UNTENSED_AHEAD_DAYS:
        year -= 1
    elif ahead < -UNTENSED_BEHIND_DAYS:
        year += 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def month_only_value(month: int, ref: date | None, tense: str | None, shift: int) -> str:
    """'March' or 'last March' resolved to a year-month."""
    if ref is None:
        return f"XXXX-{month:02d}"
    ahead = month - ref.month
    year = ref.year
    if shift < 0:
        year -= 1 if ahead >= 0 else 0
    elif shift > 0:
        year += 1 if ahead <= 0 else 0
    elif tense == PAST:
        year -= 1 if ahead > 0 else 0
    elif tense == FUTURE:
        year += 1 if ahead < 0 else 0
    elif ahead > 6:  # no tense: the nearer occurrence
        year -= 1
    elif ahead < -6:
        year += 1
    return month_value(year, month)


def weekday_value(weekday: int, ref: date | None, tense: str | None, shift: int) -> str:
    """'Tuesday' resolved to the nearest such day in the direction the tense points."""
    if ref is None:
        return f"XXXX-WXX-{weekday}"
    delta = weekday - ref.isoweekday()
    if shift > 0 or (shift == 0 and tense == FUTURE):
        days = delta if delta > 0 or (delta == 0 and shift == 0) else delta + 7
    elif shift < 0:
        days = delta if delta < 0 else delta - 7
    elif tense == PAST:
        days = delta if delta <= 0 else delta - 7
    else:  # no tense: the nearest such day, the past one on a tie
        days = delta if -3 <= delta <= 3 else (delta - 7 if delta > 3 else delta + 7)
    return day_value(ref + timedelta(days=days))


def unit_shift_value(unit: str, ref: date | None, amount: int) -> str | None:
    """The period ``amount`` units away from ``ref`` at that unit's granularity."""
    if ref is None:
        return {"year": "XXXX", "month": "XXXX-XX", "day": "XXXX-XX-XX", "week": "XXXX-WXX"}.get(
            unit
        )
    if unit == "day":
        return day_value(ref + timedelta(days=amount))
    if unit in ("week", "weekend"):
        value = week_value(ref + timedelta(weeks=amount))
        return value + "-WE" if unit == "weekend" else value
    if unit == "fortnight":
        return week_value(ref + timedelta(weeks=2 * amount))
    if unit == "month":
        return month_value(*add_months(ref.year, ref.month, amount))
    if unit == "quarter":
        year, month = add_months(ref.year, ref.month, 3 * amount)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "year":
        return f"{ref.year + amount:04d}"
    if unit == "decade":
        return f"{(ref.year + 10 * amount) // 10:03d}"
    if unit == "century":
        return f"{(ref.year + 100 * amount) // 100:02d}"
    return None


def quarter_value(quarter: int, ref: date | None, tense: str | None) -> str:
    """'the third quarter' without a year: the latest one begun, or the next in future tense.

    The quarter just ended stays in this year even in the future tense: reports about it
    ("third-quarter results will be released") come out in the following quarter.
    """
    if ref is None:
        return f"XXXX-Q{quarter}"
    current = quarter_of(ref)
    year = ref.year
    if tense == FUTURE:
        year += 1 if quarter < current - 1 else 0
    elif quarter > current:
        year -= 1
    return f"{year:04d}-Q{quarter}"


def season_value(season: str, ref: date | None, shift: int) -> str:
    """'last summer' / 'this fall' as YYYY-SU / YYYY-FA."""
    if ref is None:
        return f"XXXX-{season}"
    return f"{ref.year + shift:04d}-{season}"


def weekend_value(ref: date | None, tense: str | None) -> str:
    """'the weekend': the one just past (or under way), the coming one in the future tense."""
    if ref is None:
        return "XXXX-WXX-WE"
    saturday_back = (ref.isoweekday() - 6) % 7  # days since the last Saturday (0 on Saturday)
    if tense == FUTURE and ref.isoweekday() < 6:
        saturday = ref + timedelta(days=6 - ref.isoweekday())
    else:
        saturday = ref - timedelta(days=saturday_back)
    return week_value(saturday) + "-WE"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth (or last, n=-1) ISO weekday of a month: Thanksgiving is (11, 4, 4)."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
