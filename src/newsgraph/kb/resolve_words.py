"""Word lists and type groups used by cross-article entity resolution (data, not logic)."""

from __future__ import annotations

# Small words skipped when forming an acronym: "Organization of American States" -> OAS.
ACRONYM_SKIP = frozenset(
    {"of", "the", "and", "for", "on", "in", "to", "de", "del", "la", "le", "des", "du", "&"}
)

# Words that carry no identity on their own, never used as blocking tokens.
NAME_STOPWORDS = ACRONYM_SKIP | frozenset({"a", "an", "mr", "mrs", "ms", "dr", "st", "jr", "sr"})

# Possessive endings stripped before comparing names ("Bukele's" -> "bukele").
POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")

# Entity types that may name the same thing: a place typed GPE in one article, LOC in another.
TYPE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"PERSON"}),
    frozenset({"ORG"}),
    frozenset({"GPE", "LOC", "FAC"}),
    frozenset({"NORP"}),
)

# Common short country forms pycountry does not know by name.
COUNTRY_SHORT_FORMS = {
    "us": "USA",
    "usa": "USA",
    "america": "USA",
    "uk": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "russia": "RUS",
    "south korea": "KOR",
    "north korea": "PRK",
    "iran": "IRN",
    "syria": "SYR",
    "venezuela": "VEN",
    "bolivia": "BOL",
    "vietnam": "VNM",
    "taiwan": "TWN",
    "laos": "LAO",
    "moldova": "MDA",
    "tanzania": "TZA",
    "the netherlands": "NLD",
    "holland": "NLD",
    "ivory coast": "CIV",
    "czech republic": "CZE",
}
