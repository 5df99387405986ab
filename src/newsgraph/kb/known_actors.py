"""Known actors: heads of state, ministers, organisations and armed groups with dated roles.

The table ``resources/kb/known_actors.tsv.gz`` is derived from the PETRARCH2 / Phoenix actor
dictionaries (MIT licence, ``resources/kb/known_actors.LICENSE``) by
``scripts/build_known_actors.py``. It is evidence, not truth: a name form found here says who
the dictionaries knew under that name and which roles they held when; a caller links a mention
to a known actor only when the name and the article's context (date, role, country) agree, and
treats a form shared by several actors as ambiguous.

Name forms are compared after :func:`normalise_form`; the builder and any caller (the KB's own
names) use the same function, so a form written either way meets the same key.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, field

import pycountry

from newsgraph.wordlists import WordLists

ACTORS_FILE = "kb/known_actors.tsv.gz"
AGENTS_FILE = "kb/cameo_agents.tsv"
PLACES_FILE = "kb/cameo_places.tsv"
ORGS_FILE = "kb/cameo_orgs.tsv"
KINDS = ("person", "organisation", "group")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u2010": "-", "\u2013": "-"})
_NOT_NAME = re.compile(r"[^a-z0-9'&\- ]+")
_SPACES = re.compile(r"\s+")
_HYPHEN_SPACES = re.compile(r"\s*-\s*")


def normalise_form(text: str) -> str:
    """The key a name form is looked up by: 'The U.N.' -> 'un', 'Ban Ki-moon' -> 'ban ki-moon'.

    Lowercase, accents removed, underscores as spaces, dots removed (so 'K. Annan' and
    'K Annan' meet), other punctuation except hyphens, apostrophes and '&' as spaces, spaces
    collapsed, a leading 'the' dropped. Hyphens are kept here; :class:`KnownActors` also
    indexes each form with its hyphens as spaces, so 'Ban Ki Moon' finds 'ban ki-moon'.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = _NOT_NAME.sub(" ", plain.replace("_", " ").replace(".", ""))
    plain = _HYPHEN_SPACES.sub("-", _SPACES.sub(" ", plain)).strip(" -'")
    if plain.startswith("the "):
        plain = plain[4:]
    return plain


def _unhyphenated(form: str) -> str:
    return form.replace("-", " ")


@dataclass(frozen=True)
class Role:
    """A CAMEO code an actor held, from ``start`` to ``end`` (ISO dates, inclusive; None = open)."""

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, date: str) -> bool:
        """Whether this dated role covers ``date`` (ISO; only its first 10 characters count)."""
        day = date[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KnownActor:
    """One actor of the dictionaries: its first form as id, a display name, kind, forms, roles."""

    id: str
    name: str
    kind: str
    forms: tuple[str, ...]
    roles: tuple[Role, ...] = field(default=())

    def role_on(self, date: str | None) -> list[Role]:
        """The roles that held on ``date``; the undated (default) roles when none did or no date.

        This is PETRARCH's reading: a dated role applies within its range, and the undated
        code applies when no dated one does.
        """
        undated = [r for r in self.roles if not r.dated]
        if date is None:
            return undated
        held = [r for r in self.roles if r.dated and r.holds_on(date)]
        return held or undated


class KnownActors:
    """The known actors indexed by normalised name form."""

    def __init__(self, actors: list[KnownActor], code_words: CodeWords) -> None:
        self.actors = actors
        self.code_words = code_words
        self._by_form: dict[str, list[KnownActor]] = {}
        for actor in actors:
            for form in actor.forms:
                for key in {form, _unhyphenated(form)}:
                    bucket = self._by_form.setdefault(key, [])
                    if actor not in bucket:
                        bucket.append(actor)

    def __len__(self) -> int:
        return len(self.actors)

    def lookup(self, form: str) -> list[KnownActor]:
        """Every actor known by ``form`` (any spelling; normalised here). Several = ambiguous."""
        key = normalise_form(form)
        found = self._by_form.get(key) or self._by_form.get(_unhyphenated(key)) or []
        return list(found)

    def describe_code(self, code: str) -> str:
        """A CAMEO code in words: 'USAGOV' -> 'United States government'."""
        return self.code_words.describe(code)


@dataclass(frozen=True)
class CodeWords:
    """What the parts of a CAMEO code mean: organisations, countries and regions, role agents."""

    orgs: dict[str, str]
    places: dict[str, str]
    agents: dict[str, str]

    def describe(self, code: str) -> str:
        """Organisation or place first, then each role agent: 'KORGOVBUS' ->
        'South Korea government (business)'."""
        code = code.strip().upper()
        head, rest = self._head(code)
        chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
        words = [self.agents.get(c) or self._place(c) for c in chunks]
        if not head:
            head, words = (words[0], words[1:]) if words else (code, [])
        if not words:
            return head
        described = f"{head} {words[0]}"
        return f"{described} ({', '.join(words[1:])})" if len(words) > 1 else described

    def _head(self, code: str) -> tuple[str, str]:
        for end in range(len(code) - len(code) % 3, 5, -3):
            if code[:end] in self.orgs:
                return self.orgs[code[:end]], code[end:]
        prefix = code[:3]
        if prefix in self.orgs:
            return self.orgs[prefix], code[3:]
        place = self._place(prefix)
        if place == prefix and prefix in self.agents:
            return "", code  # 'ELI', 'NGO': a role agent alone
        return place, code[3:]

    def _place(self, alpha_3: str) -> str:
        if alpha_3 in self.places:
            return self.places[alpha_3]
        country = pycountry.countries.get(alpha_3=alpha_3) or pycountry.historic_countries.get(
            alpha_3=alpha_3
        )
        if country is None:
            return alpha_3
        return str(getattr(country, "common_name", None) or country.name)


def build_code_words(words: WordLists) -> CodeWords:
    """The three code tables, as ``words.get`` builds and keeps them."""

    def table(name: str) -> dict[str, str]:
        return {row[0].strip(): row[1].strip() for row in words.rows(name) if len(row) > 1}

    places = table(PLACES_FILE)
    for row in words.rows("entities/country_names.tsv"):
        if len(row) > 2 and row[2].strip() == "display":
            places.setdefault(row[1].strip(), row[0].strip())
    return CodeWords(orgs=table(ORGS_FILE), places=places, agents=table(AGENTS_FILE))


def parse_roles(text: str) -> tuple[Role, ...]:
    """'IGOUNO/1997-01-01/2006-12-31;ELI//' -> two roles (the resource's role column)."""
    roles = []
    for part in filter(None, text.split(";")):
        code, start, end = (part.split("/") + ["", ""])[:3]
        roles.append(Role(code, start or None, end or None))
    return tuple(roles)


def format_roles(roles: tuple[Role, ...] | list[Role]) -> str:
    """The inverse of :func:`parse_roles`."""
    return ";".join(f"{r.code}/{r.start or ''}/{r.end or ''}" for r in roles)


def actor_from_row(row: list[str]) -> KnownActor:
    """One resource line: id, kind, name, forms ('|'-separated), roles."""
    actor_id, kind, name, forms, roles = (row + [""] * 5)[:5]
    return KnownActor(actor_id, name, kind, tuple(forms.split("|")), parse_roles(roles))


def read_actor_rows(words: WordLists) -> list[list[str]]:
    """The resource's lines as columns (it is gzipped: 2.6 MB of text, 0.6 MB packed)."""
    text = gzip.decompress(words.path(ACTORS_FILE).read_bytes()).decode("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _build_known_actors(words: WordLists) -> KnownActors:
    actors = [actor_from_row(row) for row in read_actor_rows(words)]
    return KnownActors(actors, words.get(build_code_words))


def load_known_actors(words: WordLists) -> KnownActors:
    """The known actors of the packaged resource, built once per ``WordLists``."""
    return words.get(_build_known_actors)


def describe_code(code: str, words: WordLists | None = None) -> str:
    """A CAMEO code in words ('IGOUNO' -> 'United Nations'), from the packaged tables."""
    return (words or WordLists()).get(build_code_words).describe(code)
