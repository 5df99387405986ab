"""Name lexicons and lookups shared by the entities and titles stages.

Everything here is immutable data loaded once per process from ``newsgraph/resources``:
role words, honorifics, alias cues, demonyms and the country index (pycountry plus the short
forms news writes), so the stages stay linear passes over one parsed document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import pycountry
from spacy.tokens import Doc, Token

# spaCy labels that are numbers or times: other stages own them.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUOTE_CHARS = frozenset({'"', "'", "“", "”", "‘", "’", "«", "»", "``", "''"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})


@dataclass(frozen=True)
class Lexicons:
    """The word lists, each a frozen set of lowercase entries."""

    roles: frozenset[str]
    title_modifiers: frozenset[str]
    honorifics: frozenset[str]
    alias_cues: tuple[tuple[str, ...], ...]  # token sequences, longest first
    place_nouns: frozenset[str]
    org_designators: frozenset[str]
    org_words: frozenset[str]  # case-sensitive last words of organisation names
    org_roles: frozenset[str]  # lowercase roles that follow an organisation's name
    org_nouns: frozenset[str]  # lowercase nouns right before an organisation's name
    portfolios: frozenset[str]  # lowercase portfolios opening a title ('Defence Minister')


def _lines(name: str) -> list[str]:
    """Non-comment lines of a resource file."""
    text = files("newsgraph").joinpath("resources", name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    """All word lists, read once per process."""
    cues = sorted((tuple(c.lower().split()) for c in _lines("alias_cues.txt")), key=len)
    return Lexicons(
        roles=frozenset(w.strip().lower() for w in _lines("roles.txt")),
        title_modifiers=frozenset(w.strip().lower() for w in _lines("title_modifiers.txt")),
        honorifics=frozenset(w.strip().lower() for w in _lines("honorifics.txt")),
        alias_cues=tuple(reversed(cues)),
        place_nouns=frozenset(w.strip().lower() for w in _lines("place_nouns.txt")),
        org_designators=frozenset(w.strip() for w in _lines("org_designators.txt")),
        org_words=frozenset(w.strip() for w in _lines("org_words.txt")),
        org_roles=frozenset(w.strip().lower() for w in _lines("org_roles.txt")),
        org_nouns=frozenset(w.strip().lower() for w in _lines("org_nouns.txt")),
        portfolios=frozenset(w.strip().lower() for w in _lines("portfolio_words.txt")),
    )


def _tsv(name: str) -> dict[str, str]:
    """First column -> second column of a tab-separated resource."""
    return {cols[0].strip(): cols[1].strip() for cols in _rows(name)}


def _rows(name: str) -> list[list[str]]:
    return [(line.split("\t") + [""])[:3] for line in _lines(name)]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> ISO alpha-3 ('' for groups without one country, like 'Arab')."""
    table = _tsv("demonyms.tsv")
    plurals = {f"{k}s": v for k, v in table.items() if not k.endswith(("s", "sh", "ch", "ese"))}
    return {**plurals, **table}


@lru_cache(maxsize=1)
def country_index() -> dict[str, str]:
    """Lowercased country name (official, common, short form) -> ISO alpha-3."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                index[name.lower()] = country.alpha_3
    index.update({r[0].lower(): r[1] for r in _rows("country_names.tsv") if r[2] != "part"})
    return index


@lru_cache(maxsize=1)
def country_names_by_first_word() -> dict[str, tuple[str, ...]]:
    """Lowercased country names (and countries within one) keyed by their first word, longest
    first: what a scan of the tokens looks names up by."""
    names = sorted(set(country_index()) | set(part_index()), key=lambda n: -len(n.split()))
    index: dict[str, list[str]] = {}
    for name in names:
        index.setdefault(name.split()[0], []).append(name)
    return {first: tuple(options) for first, options in index.items()}


@lru_cache(maxsize=1)
def part_index() -> dict[str, str]:
    """Countries within a country ('Scotland') -> its alpha-3; they are not its other names."""
    return {r[0].lower(): r[1] for r in _rows("country_names.tsv") if r[2] == "part"}


@lru_cache(maxsize=1)
def city_index() -> dict[str, str]:
    """Lowercased name of a capital or major city -> alpha-3 of its country."""
    return {k.lower(): v for k, v in _tsv("cities.tsv").items()}


@lru_cache(maxsize=1)
def subdivision_index() -> dict[str, tuple[str, ...]]:
    """Lowercased name of a state/province -> alpha-3 of the countries that have one so named."""
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        seen.setdefault(sub.name.lower(), set()).add(sub.country_code)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return {name: tuple(sorted(alpha3[c] for c in codes)) for name, codes in seen.items()}


def country_of_name(name: str) -> str | None:
    """The alpha-3 code of a country named ``name``, or None."""
    return country_index().get(name.lower().removeprefix("the "))


def is_known_place(name: str) -> bool:
    """A country, a country within one ('Scotland') or a capital or major city ('Lomé')."""
    lowered = name.lower()
    return bool(country_of_name(name) or part_index().get(lowered) or city_index().get(lowered))


def nation_of(name: str) -> str | None:
    """What tells countries and nations apart: 'Scotland' for Scotland, 'GBR' for Britain."""
    lowered = name.lower()
    if lowered in part_index():
        return lowered
    return country_of_name(name)


def country_of_place(name: str, context: Counter[str] | None = None) -> str | None:
    """The country of a country or subdivision name ('Alabama' -> USA).

    A name several countries use ('San Salvador') goes to the one the article mentions most.
    """
    lowered = name.lower()
    code = country_of_name(name) or part_index().get(lowered) or city_index().get(lowered)
    if code:
        return code
    options = subdivision_index().get(name.lower(), ())
    if len(options) == 1:
        return options[0]
    mentioned = [c for c in options if context and context[c]]
    if mentioned and context is not None:
        return max(mentioned, key=lambda c: context[c])
    return None


def country_of_demonym(word: str) -> str | None:
    """'Haitian' -> HTI, 'Haitians' -> HTI; None for unknown words or stateless groups."""
    return demonyms().get(word) or None


def is_demonym(word: str) -> bool:
    return word in demonyms()


def is_role(token: Token) -> bool:
    """A head noun of a job title ('minister', 'leader', 'CEO')."""
    return token.lower_ in lexicons().roles and token.pos_ in ("NOUN", "PROPN")


def is_honorific(token: Token) -> bool:
    return token.lower_ in lexicons().honorifics


def is_abbreviation_dot(doc: Doc, i: int) -> bool:
    """The '.' of an abbreviated rank or honorific that spaCy split off ('Col' '.')."""
    if doc[i].text != "." or i == 0 or doc[i - 1].whitespace_:
        return False
    return f"{doc[i - 1].lower_}." in lexicons().honorifics


def acronym_key(text: str) -> str:
    """'U.S.' -> 'US'; other text unchanged."""
    bare = text.replace(".", "")
    return bare if bare.isupper() and bare.isalpha() else text


def initials(words: list[str]) -> set[str]:
    """Acronyms a multiword name may go by: all initials, and capitalised words' initials."""
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words if w[0].isalnum()).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    return {every, capitals}


@lru_cache(maxsize=512)
def country_display_name(alpha_3: str) -> str:
    """A readable country name for affiliations: 'Bolivia', not 'Bolivia, Plurinational ...'."""
    preferred = {c[1].strip(): c[0].strip() for c in _rows("country_names.tsv") if c[2]}
    if alpha_3 in preferred:
        return preferred[alpha_3]
    country = pycountry.countries.get(alpha_3=alpha_3)
    if country is None:
        return alpha_3
    return str(getattr(country, "common_name", None) or country.name)


MAX_OF_OBJECT = 6  # tokens of the name in 'Minister of <name> <person>'
TITLE_PREPOSITIONS = frozenset({"of", "for", "to"})  # 'Minister of', 'Commissioner for'
_OBJECT_JOINERS = frozenset({"and", "&"})  # 'Minister of Trade and Industry'


def role_of_before(doc: Doc, start: int, is_named: Callable[[Token], bool]) -> int | None:
    """Index of 'Minister' in 'Minister of Foreign Affairs <start>', or None.

    The object may join names ('Commissioner for Peace and Security') and open with 'the'
    ('Secretary-General of the OAS'). ``is_named`` says which tokens may form the name after
    the preposition (capitalised words, entities).
    """
    j = start - 1
    named = 0
    while j >= 0 and start - j <= MAX_OF_OBJECT:
        if is_named(doc[j]):
            named += 1
        elif doc[j].lower_ not in _OBJECT_JOINERS or j == start - 1:
            break
        j -= 1
    if j >= 0 and doc[j].lower_ == "the" and j < start - 1:
        j -= 1
    if named == 0 or j < 1 or doc[j].lower_ not in TITLE_PREPOSITIONS:
        return None
    if doc[j + 1].lower_ in _OBJECT_JOINERS:
        return None
    return j - 1 if is_role(doc[j - 1]) else None
