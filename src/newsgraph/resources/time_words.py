"""Word lists behind the time-expression tagger: names, numbers, units and reference words.

Data only; ``stages/time_rules.py`` builds its patterns from these tables.
"""

from __future__ import annotations

# Month names and abbreviations -> month number (matched case-sensitively: "may" is a verb).
MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan.": 1, "Jan": 1, "Feb.": 2, "Feb": 2, "Mar.": 3, "Apr.": 4, "Apr": 4, "Jun.": 6,
    "Jul.": 7, "Aug.": 8, "Aug": 8, "Sept.": 9, "Sep.": 9, "Sept": 9, "Oct.": 10, "Oct": 10,
    "Nov.": 11, "Nov": 11, "Dec.": 12, "Dec": 12,
}  # fmt: skip

# Month names that are also common words; alone they count only after a temporal cue.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"May", "March", "Mar.", "Jan", "Jun.", "Jul."})

# Undotted abbreviations, too often names or words alone ("Jan", "Aug"); "May" is a full name.
BARE_MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    {"Jan", "Feb", "Apr", "Aug", "Oct", "Nov", "Dec"}
)

WEEKDAYS: dict[str, int] = {
    "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5, "Saturday": 6,
    "Sunday": 7,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

# Small cardinal and ordinal words; "a"/"an" count as one inside durations ("a year ago").
NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5,
}  # fmt: skip

# Quantity words with no exact number: the TIMEX3 value uses X ("several years" -> PXY).
VAGUE_QUANTITIES: tuple[str, ...] = (
    "several", "a few", "few", "many", "some", "a number of", "numerous", "recent",
    "the coming", "coming", "the next few", "the past few", "the last few",
)  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Calendar units -> (TIMEX3 duration letter, is it a time-of-day unit).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False),
}  # fmt: skip

UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "weeks": "week", "fortnights": "fortnight", "months": "month", "quarters": "quarter",
    "years": "year", "decades": "decade", "centuries": "century",
}  # fmt: skip

# Words that point at the present, past or future as a whole.
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "these days": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
    "recent years": "PAST_REF", "in the past": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF",
}  # fmt: skip

# Reference words that are no time expression when they modify a noun ("future growth").
REFERENCE_WORDS_NOT_AS_MODIFIERS: frozenset[str] = frozenset({"future"})

# Contexts in which a reference word is not a time expression but part of a temporal
# connective ("as soon as", "soon after the vote").
REFERENCE_WORD_EXCEPTIONS: tuple[str, ...] = (
    r"as\s+soon\s+as", r"just\s+now", r"soon\s+(?:after|before|afterwards|thereafter)\b",
)  # fmt: skip

# Frequency words that make a SET.
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
}  # fmt: skip

# Modifiers that narrow a period: TIMEX3 keeps the period's value (HeidelTime's MOD).
PERIOD_MODIFIERS: tuple[str, ...] = (
    "the beginning of", "the start of", "the end of", "the middle of", "the close of",
    "the turn of", "early", "late", "mid-", "mid", "the early", "the late", "the mid-",
)  # fmt: skip

# Halves: "the first half of 2024" -> 2024-H1.
HALVES: dict[str, str] = {"first half": "H1", "second half": "H2"}

# Words before a relative unit: "last year" (-1), "this week" (0), "next month" (+1).
RELATIVE_SHIFTS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "the current": 0,
    "next": 1, "coming": 1, "the coming": 1, "the next": 1, "following": 1,
}  # fmt: skip

# Words after "N units": "two years ago" (back), "three days later" (forward).
OFFSET_DIRECTIONS: dict[str, int] = {
    "ago": -1, "earlier": -1, "before": -1, "later": 1, "from now": 1, "hence": 1,
}  # fmt: skip

# Verbs' auxiliaries that put a clause in the future.
FUTURE_AUXILIARIES: frozenset[str] = frozenset({"will", "'ll", "shall", "wo", "going"})

# Verbs that point ahead whatever their tense: "postponed until Tuesday", "planned a march on
# Saturday", "has scheduled a news conference Thursday".
FUTURE_POINTING_VERBS: frozenset[str] = frozenset({
    "schedule", "reschedule", "postpone", "delay", "defer", "adjourn", "slate",
    "extend",
})  # fmt: skip

# Words between a date and its clause's verb that make the date lie ahead of the report whatever
# the verb's tense: "declared a dividend payable Dec. 7", "a summit set for April".
FUTURE_POINTING_MODIFIERS: frozenset[str] = frozenset({
    "payable", "effective", "due", "upcoming", "scheduled", "slated", "planned",
})  # fmt: skip

# Verbs that with "for" name when something is meant to happen: "a summit set for April".
SCHEDULING_VERBS: frozenset[str] = frozenset({"set", "plan", "book", "target", "slate"})

# Holidays on a fixed day: name -> (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Valentine's Day": (2, 14),
    "Independence Day": (7, 4), "Halloween": (10, 31), "Christmas Eve": (12, 24),
    "Christmas Day": (12, 25), "Christmas": (12, 25), "Boxing Day": (12, 26),
    "Veterans Day": (11, 11), "Armistice Day": (11, 11), "Bastille Day": (7, 14),
    "May Day": (5, 1), "International Women's Day": (3, 8), "Epiphany": (1, 6),
}  # fmt: skip

# Holidays on the nth weekday of a month: name -> (month, ISO weekday, n; -1 = last).
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "Thanksgiving Day": (11, 4, 4), "Thanksgiving": (11, 4, 4), "Labor Day": (9, 1, 1),
    "Memorial Day": (5, 1, -1), "Martin Luther King Day": (1, 1, 3), "Presidents Day": (2, 1, 3),
    "Presidents' Day": (2, 1, 3), "Columbus Day": (10, 1, 2), "Mother's Day": (5, 7, 2),
    "Father's Day": (6, 7, 3),
}  # fmt: skip

# Holidays counted in days from Easter Sunday.
EASTER_HOLIDAYS: dict[str, int] = {
    "Easter Sunday": 0, "Easter": 0, "Good Friday": -2, "Easter Monday": 1,
    "Palm Sunday": -7, "Ash Wednesday": -46, "Pentecost": 49,
}  # fmt: skip

# Decades written as words: "the nineties" -> 199.
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
