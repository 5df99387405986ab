"""Name lexicons and lookups shared by the entities and titles stages.

``NameLexicons`` holds the word lists of ``resources/entities/`` (role words, honorifics, alias
cues, demonyms...), the speech verbs of ``resources/common/`` and the country index (pycountry
plus the short forms news writes), built once per ``WordLists`` by ``build_name_lexicons``, so
the stages stay linear passes over one parsed document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pycountry
from nicknames import NickNamer
from spacy.tokens import Doc, Token

from newsgraph.stages.common.speech import speech_verbs
from newsgraph.wordlists import WordLists

# spaCy labels that are numbers or times: other stages own them.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUOTE_CHARS = frozenset({'"', "'", "“", "”", "‘", "’", "«", "»", "``", "''"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’", "s"})
HONORIFICS_FILE = "entities/honorifics.tsv"
PERSONAL_MARK = "personal"  # second column of honorifics.tsv: an honorific only people take
COUNTRY_NAMES_FILE = "entities/country_names.tsv"
PART = "part"  # third column of country_names.tsv: a country within one


@dataclass(frozen=True)
class NameLexicons:
    """The word lists (frozen sets of entries, lowercase unless noted) and country indexes."""

    roles: frozenset[str]
    title_modifiers: frozenset[str]
    honorifics: frozenset[str]
    personal_honorifics: frozenset[str]  # 'mr', 'dr': before one word still a person's name
    alias_cues: tuple[tuple[str, ...], ...]  # token sequences, longest first
    place_nouns: frozenset[str]
    org_designators: frozenset[str]
    org_words: frozenset[str]  # case-sensitive last words of organisation names
    org_roles: frozenset[str]  # lowercase roles that follow an organisation's name
    org_nouns: frozenset[str]  # lowercase nouns right before an organisation's name
    portfolios: frozenset[str]  # lowercase portfolios opening a title ('Defence Minister')
    title_prepositions: frozenset[str]  # 'of', 'for', 'to': 'Minister of', French 'de', 'du'
    title_articles: frozenset[str]  # 'the' of 'Secretary-General of the OAS', French 'la', "l'"
    portfolio_articles: frozenset[str]  # French 'la' of 'ministre de la Santé'; none in English
    speech_verbs: frozenset[str]  # lemmas: 'Keta said' shows a person (shared with quotes)
    demonyms: Mapping[str, str]  # demonym -> alpha-3 ('' for groups without one country)
    countries: Mapping[str, str]  # lowercased country name -> alpha-3
    parts: Mapping[str, str]  # countries within a country ('scotland') -> its alpha-3
    cities: Mapping[str, str]  # lowercased capital or major city -> alpha-3 of its country
    subdivisions: Mapping[str, tuple[str, ...]]  # lowercased state/province -> alpha-3 codes
    countries_by_first_word: Mapping[str, tuple[str, ...]]  # longest first
    display_names: Mapping[str, str]  # alpha-3 -> the name affiliations use ('Bolivia')
    nicknames: NickNamer  # given names and their short forms (the ``nicknames`` package)
    name_particles: frozenset[str]  # 'van', 'de', 'bin': open a surname, never a given name
    common_nouns: frozenset[str]  # French 'État': capitalised by convention, no name alone

    def is_given_name(self, word: str) -> bool:
        """A given name the nickname table knows ('Paul', 'Mike', 'Ray')."""
        lowered = word.lower()
        return bool(self.nicknames.nicknames_of(lowered) or self.nicknames.canonicals_of(lowered))

    def country_of_name(self, name: str) -> str | None:
        """The alpha-3 code of a country named ``name``, or None."""
        return self.countries.get(name.lower().removeprefix("the "))

    def is_known_place(self, name: str) -> bool:
        """A country, a country within one ('Scotland') or a capital or major city ('Lomé')."""
        lowered = name.lower()
        return bool(
            self.country_of_name(name) or self.parts.get(lowered) or self.cities.get(lowered)
        )

    def nation_of(self, name: str) -> str | None:
        """What tells countries and nations apart: 'Scotland' for Scotland, 'GBR' for Britain."""
        lowered = name.lower()
        if lowered in self.parts:
            return lowered
        return self.country_of_name(name)

    def country_of_place(self, name: str, context: Counter[str] | None = None) -> str | None:
        """The country of a country or subdivision name ('Alabama' -> USA).

        A name several countries use ('San Salvador') goes to the one the article mentions most.
        """
        lowered = name.lower()
        code = self.country_of_name(name) or self.parts.get(lowered) or self.cities.get(lowered)
        if code:
            return code
        options = self.subdivisions.get(name.lower(), ())
        if len(options) == 1:
            return options[0]
        mentioned = [c for c in options if context and context[c]]
        if mentioned and context is not None:
            return max(mentioned, key=lambda c: context[c])
        return None

    def country_of_demonym(self, word: str) -> str | None:
        """'Haitian' -> HTI, 'Haitians' -> HTI; None for unknown words or stateless groups."""
        return self.demonyms.get(word) or None

    def is_demonym(self, word: str) -> bool:
        return word in self.demonyms

    def is_role(self, token: Token) -> bool:
        """A head noun of a job title ('minister', 'leader', 'CEO')."""
        return token.lower_ in self.roles and token.pos_ in ("NOUN", "PROPN")

    def is_capitalised_portfolio(self, token: Token) -> bool:
        """A portfolio written capitalised, as a title's named object ('Santé' of French
        'ministre de la Santé', which the tagger reads as a common noun)."""
        return token.text[:1].isupper() and token.lower_ in self.portfolios

    def is_honorific(self, token: Token) -> bool:
        return token.lower_ in self.honorifics

    def is_abbreviation_dot(self, doc: Doc, i: int) -> bool:
        """The '.' of an abbreviated rank or honorific that spaCy split off ('Col' '.')."""
        if doc[i].text != "." or i == 0 or doc[i - 1].whitespace_:
            return False
        return f"{doc[i - 1].lower_}." in self.honorifics

    def country_display_name(self, alpha_3: str) -> str:
        """A readable country name for affiliations: 'Bolivia', not 'Bolivia, Plurinational ...'."""
        if alpha_3 in self.display_names:
            return self.display_names[alpha_3]
        country = pycountry.countries.get(alpha_3=alpha_3)
        if country is None:
            return alpha_3
        return str(getattr(country, "common_name", None) or country.name)


def build_name_lexicons(words: WordLists) -> NameLexicons:
    """All lists and indexes; ``words.get(build_name_lexicons)`` builds them once per loader."""
    cues = sorted(
        (tuple(c.lower().split()) for c in words.lines("entities/alias_cues.txt")), key=len
    )
    honorifics = words.rows(HONORIFICS_FILE)
    countries = _country_index(words)
    parts = _part_index(words)
    return NameLexicons(
        roles=words.words("entities/roles.txt"),
        title_modifiers=words.words("entities/title_modifiers.txt"),
        honorifics=frozenset(row[0].strip().lower() for row in honorifics),
        personal_honorifics=frozenset(
            row[0].strip().lower() for row in honorifics if row[1:2] == [PERSONAL_MARK]
        ),
        alias_cues=tuple(reversed(cues)),
        place_nouns=words.words("entities/place_nouns.txt"),
        org_designators=words.words("entities/org_designators.txt", lower=False),
        org_words=words.words("entities/org_words.txt", lower=False),
        org_roles=words.words("entities/org_roles.txt"),
        org_nouns=words.words("entities/org_nouns.txt"),
        portfolios=words.words("entities/portfolio_words.txt"),
        title_prepositions=words.words("entities/title_prepositions.txt"),
        title_articles=words.words("entities/title_articles.txt"),
        portfolio_articles=words.words("entities/portfolio_articles.txt"),
        speech_verbs=speech_verbs(words),
        demonyms=_demonyms(words),
        countries=countries,
        parts=parts,
        cities={k.lower(): v for k, v in _tsv(words, "entities/cities.tsv").items()},
        subdivisions=_subdivision_index(),
        countries_by_first_word=_by_first_word(set(countries) | set(parts)),
        display_names={
            c[1].strip(): c[0].strip() for c in _rows(words, COUNTRY_NAMES_FILE) if c[2]
        },
        nicknames=NickNamer(),
        name_particles=words.words("entities/name_particles.txt"),
        common_nouns=words.words("entities/capitalised_common_nouns.txt", lower=False),
    )


def _rows(words: WordLists, name: str) -> list[list[str]]:
    """The first three columns of a tab-separated resource, missing ones ''."""
    return [(row + [""])[:3] for row in words.rows(name)]


def _tsv(words: WordLists, name: str) -> dict[str, str]:
    """First column -> second column of a tab-separated resource."""
    return {cols[0].strip(): cols[1].strip() for cols in _rows(words, name)}


def _demonyms(words: WordLists) -> dict[str, str]:
    """Demonym -> ISO alpha-3 ('' for groups without one country, like 'Arab')."""
    table = _tsv(words, "entities/demonyms.tsv")
    plurals = {f"{k}s": v for k, v in table.items() if not k.endswith(("s", "sh", "ch", "ese"))}
    return {**plurals, **table}


def _country_index(words: WordLists) -> dict[str, str]:
    """Lowercased country name (official, common, short form) -> ISO alpha-3."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                index[name.lower()] = country.alpha_3
    rows = _rows(words, COUNTRY_NAMES_FILE)
    index.update({r[0].lower(): r[1] for r in rows if r[2] != PART})
    return index


def _part_index(words: WordLists) -> dict[str, str]:
    """Countries within a country ('Scotland') -> its alpha-3; they are not its other names."""
    return {r[0].lower(): r[1] for r in _rows(words, COUNTRY_NAMES_FILE) if r[2] == PART}


def _by_first_word(names: set[str]) -> dict[str, tuple[str, ...]]:
    """Lowercased country names (and countries within one) keyed by their first word, longest
    first: what a scan of the tokens looks names up by."""
    index: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: -len(n.split())):
        index.setdefault(name.split()[0], []).append(name)
    return {first: tuple(options) for first, options in index.items()}


def _subdivision_index() -> dict[str, tuple[str, ...]]:
    """Lowercased name of a state/province -> alpha-3 of the countries that have one so named."""
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        seen.setdefault(sub.name.lower(), set()).add(sub.country_code)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    return {name: tuple(sorted(alpha3[c] for c in codes)) for name, codes in seen.items()}


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


MAX_OF_OBJECT = 6  # tokens of the name in 'Minister of <name> <person>'
_OBJECT_JOINERS = frozenset({"and", "&"})  # 'Minister of Trade and Industry'


def role_of_before(
    doc: Doc, start: int, is_named: Callable[[Token], bool], lex: NameLexicons
) -> int | None:
    """Index of 'Minister' in 'Minister of Foreign Affairs <start>', or None.

    The object may join names ('Commissioner for Peace and Security') and open with an article
    ('Secretary-General of the OAS', French 'ministre de la Santé'): both lists are language
    data (``title_prepositions.txt``, ``title_articles.txt``). ``is_named`` says which tokens
    may form the name after the preposition (capitalised words, entities).
    """
    j = start - 1
    named = 0
    while j >= 0 and start - j <= MAX_OF_OBJECT:
        if is_named(doc[j]):
            named += 1
        elif doc[j].lower_ not in _OBJECT_JOINERS or j == start - 1:
            break
        j -= 1
    if j >= 0 and doc[j].lower_ in lex.title_articles and j < start - 1:
        j -= 1
    if named == 0 or j < 1 or doc[j].lower_ not in lex.title_prepositions:
        return None
    if doc[j + 1].lower_ in _OBJECT_JOINERS:
        return None
    return j - 1 if lex.is_role(doc[j - 1]) else None
