"""Word lists behind the figures stage: number words, scales, currencies and approximators.

Data only; ``stages/figures.py`` builds its patterns from these tables.
"""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "half a dozen": 6,
    "a hundred": 100, "a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000,
    "a score of": 20,
}  # fmt: skip

# Multipliers written after a number: "2.5 million", "$40 billion", "$15bn".
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12,
}  # fmt: skip

# Plural scale words as vague amounts: "dozens of agents" is at least 24 and fewer than 144.
VAGUE_AMOUNTS: dict[str, tuple[float, float]] = {
    "dozens of": (24, 143), "scores of": (40, 99), "hundreds of": (200, 999),
    "thousands of": (2_000, 9_999), "tens of thousands of": (20_000, 99_999),
    "hundreds of thousands of": (200_000, 999_999), "millions of": (2e6, 9.99e6),
    "billions of": (2e9, 9.99e9),
}  # fmt: skip

# Currency written before the amount ("US$40 billion"); '#' stands for '£' in some corpora.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "USD$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD",
    "AUD": "AUD", "C$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "£": "GBP", "GB£": "GBP", "GB #": "GBP",
    "#": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY", "Rs": "INR", "Rs.": "INR",
}  # fmt: skip

# Currency written after the amount ("9.9 billion yuan"); cents are hundredths.
CURRENCY_WORDS: dict[str, tuple[str, float]] = {
    "dollars": ("USD", 1), "dollar": ("USD", 1), "euros": ("EUR", 1), "euro": ("EUR", 1),
    "pounds": ("GBP", 1), "pounds sterling": ("GBP", 1), "yuan": ("CNY", 1),
    "renminbi": ("CNY", 1), "yen": ("JPY", 1), "rupees": ("INR", 1), "rubles": ("RUB", 1),
    "roubles": ("RUB", 1), "francs": ("CHF", 1), "pesos": ("MXN", 1), "cents": ("USD", 0.01),
    "cent": ("USD", 0.01), "pence": ("GBP", 0.01),
}  # fmt: skip

PERCENT_WORDS: tuple[str, ...] = ("%", "percent", "per cent", "percentage points", "pct")

# Approximators before a number and what they say about it: approximate, lower or upper bound.
APPROXIMATORS: dict[str, str] = {
    "some": "about", "about": "about", "around": "about", "roughly": "about",
    "approximately": "about", "nearly": "about", "almost": "about", "an estimated": "about",
    "close to": "about", "estimated": "about", "circa": "about", "just over": "about",
    "just under": "about",
    "at least": "low", "more than": "low", "over": "low", "upwards of": "low",
    "in excess of": "low", "no fewer than": "low", "no less than": "low",
    "up to": "high", "less than": "high", "fewer than": "high", "as many as": "high",
    "as much as": "high", "at most": "high", "under": "high", "no more than": "high",
    "all": "exact",
}  # fmt: skip

# Words in front of a number that make it a name or an identifier, not a figure.
IDENTIFIER_CUES: frozenset[str] = frozenset(
    {"no.", "number", "flight", "route", "chapter", "article", "section", "page", "room",
     "resolution", "channel", "version", "model", "level", "phase", "grade", "size", "pier",
     "gate", "terminal", "platform", "highway", "interstate", "bus", "line", "unit"}
)  # fmt: skip

# Words that may sit inside a counted noun phrase besides nouns: "6,700 'blue helmets'".
UNIT_SKIP_TOKENS: frozenset[str] = frozenset({"“", "”", '"', "'", "‘", "’", "``", "''", "more"})
