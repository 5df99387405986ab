"""Cross-article entity resolution: which knowledge-base entity an article's entity is.

Pure logic, no SQL: the store fetches candidate KB entities by blocking keys (``lookup_keys``),
hands them here as ``Candidate`` records and saves the ``Match`` (or a new KB entity) with its
evidence. Keys are strings with a kind prefix, stored per KB entity:

- ``n:`` a normalised name form ("nayib bukele", "bukele", "un")
- ``t:`` a name token ("bukele"), for surnames and entity search
- ``a:`` the acronym of a multi-word form ("united nations" -> "un")
- ``c:`` an ISO alpha-3 code, for entities that name a country
- ``ti:`` / ``af:`` a title / an affiliation, for the surname conflict check
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from rapidfuzz import fuzz

from newsgraph.kb.resolve_words import (
    ACRONYM_SKIP,
    COUNTRY_SHORT_FORMS,
    NAME_STOPWORDS,
    POSSESSIVES,
    TYPE_GROUPS,
)
from newsgraph.model import Entity

FUZZY_NAME_MIN = 90  # rapidfuzz token_sort_ratio for "similar name"
TITLE_MATCH_MIN = 80  # rapidfuzz token_set_ratio for two titles to agree
MAX_ACRONYM = 8


def normalise(name: str) -> str:
    """A name folded for comparison: no accents, case, possessive, dots or leading 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    for ending in POSSESSIVES:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    text = text.replace(".", "")
    text = "".join(c if c.isalnum() else " " for c in text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def search_words(text: str) -> list[str]:
    """The words of a name search that can match a ``t:`` key (small words dropped)."""
    return [w for w in normalise(text).split() if w not in NAME_STOPWORDS]


def acronym(form: str) -> str | None:
    """The initials of a multi-word normalised form, skipping small words; None for one word."""
    words = [w for w in form.split() if w not in ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


@lru_cache(maxsize=65536)  # a pure lookup, repeated for every mention of common places
def country_code_of(form: str) -> str | None:
    """The ISO alpha-3 code when the normalised form is itself a country's name or code."""
    if not form:
        return None
    if form in COUNTRY_SHORT_FORMS:
        return COUNTRY_SHORT_FORMS[form]
    try:
        return str(pycountry.countries.lookup(form).alpha_3)
    except LookupError:
        return None


def type_group(entity_type: str) -> frozenset[str]:
    """The entity types that may name the same thing as ``entity_type``."""
    return next((g for g in TYPE_GROUPS if entity_type in g), frozenset({entity_type}))


@dataclass
class EntityKeys:
    """An article entity reduced to what resolution compares."""

    type: str
    forms: set[str]
    acronym_forms: set[str]  # forms written in capitals, short: "UN", "OAS"
    titles: set[str]
    affiliations: set[str]
    country: str | None
    names_country: bool  # the entity is a country, named by its name or code

    def stored_keys(self) -> set[str]:
        """The keys saved for the KB entity this article entity is linked to."""
        keys = {f"n:{f}" for f in self.forms}
        keys |= {f"t:{t}" for f in self.forms for t in f.split() if t not in NAME_STOPWORDS}
        keys |= {f"a:{a}" for f in self.forms if (a := acronym(f))}
        keys |= {f"ti:{t}" for t in self.titles} | {f"af:{a}" for a in self.affiliations}
        if self.names_country and self.country:
            keys.add(f"c:{self.country}")
        return keys

    def lookup_keys(self) -> list[str]:
        """The keys to fetch candidate KB entities by (blocking)."""
        keys = {f"n:{f}" for f in self.forms}
        keys |= {f"a:{f}" for f in self.acronym_forms}
        own_acronyms = {a for f in self.forms if (a := acronym(f))}
        keys |= {f"n:{a}" for a in own_acronyms} | {f"a:{a}" for a in own_acronyms}
        if self.type == "PERSON":
            keys |= {f"t:{f.split()[-1]}" for f in self.forms}
        if self.names_country and self.country:
            keys.add(f"c:{self.country}")
        return sorted(keys)


def entity_keys(entity: Entity) -> EntityKeys:
    """Normalise an article entity's canonical name, mention forms and aliases."""
    raw = [entity.name, *_own_names(entity)]
    forms = {f for f in (normalise(r) for r in raw) if f}
    capitals = {
        normalise(r) for r in raw if r.replace(".", "").isupper() and len(r.replace(".", "")) > 1
    }
    acronym_forms = {f for f in capitals if " " not in f and len(f) <= MAX_ACRONYM}
    codes = {country_code_of(f) for f in forms} - {None}
    etype = _repaired_type(entity, forms, codes)
    names_country = etype in ("GPE", "LOC") and (
        (entity.country in codes) if entity.country else len(codes) == 1
    )
    country = entity.country or (next(iter(codes)) if names_country else None)
    return EntityKeys(
        type=etype,
        forms=forms,
        acronym_forms=acronym_forms,
        titles={normalise(t) for t in entity.titles} - {""},
        affiliations={normalise(a) for a in entity.affiliations} - {""},
        country=country,
        names_country=names_country,
    )


def _own_names(entity: Entity) -> list[str]:
    """Mention texts and aliases naming the entity itself: for places, only the same country.

    A place's mentions or aliases may hold other places merged upstream ("England" as an alias
    of "Scotland"); letting them in would chain England, Scotland and Wales into one KB entity.
    """
    texts = [m.text for m in entity.mentions] + entity.aliases
    if entity.type not in ("GPE", "LOC"):
        return texts
    code = country_code_of(normalise(entity.name))
    name = normalise(entity.name)
    forms = [(t, normalise(t)) for t in texts]
    return [t for t, f in forms if f == name or (code is not None and country_code_of(f) == code)]


def _repaired_type(entity: Entity, forms: set[str], codes: set[str | None]) -> str:
    """A 'person' named only by a country's name, with no title or affiliation, is the country."""
    person_evidence = entity.titles or entity.affiliations or any(" " in f for f in forms)
    if entity.type == "PERSON" and len(codes) == 1 and not person_evidence:
        return "GPE"
    return entity.type


@dataclass
class Candidate:
    """A KB entity found by blocking, with its stored keys."""

    kb_id: str
    name: str
    type: str
    country: str | None
    articles: int
    keys: set[str] = field(default_factory=set)

    def values(self, kind: str) -> set[str]:
        prefix = f"{kind}:"
        return {k[len(prefix) :] for k in self.keys if k.startswith(prefix)}


@dataclass
class Match:
    """The KB entity an article entity resolves to, and why."""

    kb_id: str
    evidence: str
    score: float


def best_match(ek: EntityKeys, candidates: list[Candidate]) -> Match | None:
    """The most convincing candidate, or None when the entity is new to the KB."""
    group = type_group(ek.type)
    scored = [(m, c) for c in candidates if c.type in group if (m := _match(ek, c))]
    if not scored:
        return None
    surname_only = [m for m, _ in scored if m.evidence == "surname"]
    if len(surname_only) > 1:  # an ambiguous bare surname: several people share it
        scored = [(m, c) for m, c in scored if m.evidence != "surname"]
        if not scored:
            return None
    match, _ = max(scored, key=lambda mc: (mc[0].score, mc[1].articles))
    return match


def _match(ek: EntityKeys, cand: Candidate) -> Match | None:
    forms = cand.values("n")
    shared = ek.forms & forms
    if any(" " in f for f in shared):
        return Match(cand.kb_id, "exact name", 1.0)
    if ek.type != "PERSON" and shared:
        return Match(cand.kb_id, "exact name", 0.95)
    if ek.names_country and ek.country and ek.country in cand.values("c"):
        return Match(cand.kb_id, f"same country code {ek.country}", 0.97)
    if hit := _acronym_hit(ek, cand, forms):
        return hit
    if ek.type == "PERSON":
        return _person_match(ek, cand, forms)
    return _fuzzy(ek, cand, forms)


def _acronym_hit(ek: EntityKeys, cand: Candidate, forms: set[str]) -> Match | None:
    if ek.acronym_forms & cand.values("a"):
        return Match(cand.kb_id, f"acronym of {cand.name}", 0.9)
    mine = {a for f in ek.forms if (a := acronym(f))}
    if mine & forms:
        return Match(cand.kb_id, f"{cand.name} is its acronym", 0.9)
    return None


def _person_match(ek: EntityKeys, cand: Candidate, forms: set[str]) -> Match | None:
    """Same surname (one side a bare surname) or a near-identical full name, without conflict."""
    if not _shares_surname(ek.forms, forms):
        return _fuzzy(ek, cand, forms)
    if _conflict(ek, cand):
        return None
    if not any(" " in f for f in ek.forms | forms):  # one word on both sides: "Barbecue"
        return Match(cand.kb_id, "same single name", 0.7)
    if shared := sorted(ek.affiliations & cand.values("af")):
        return Match(cand.kb_id, f"surname + matching affiliation {shared[0]}", 0.9)
    if title := _agreeing_title(ek.titles, cand.values("ti")):
        return Match(cand.kb_id, f"surname + matching title {title}", 0.85)
    if ek.country and ek.country == cand.country:
        return Match(cand.kb_id, f"surname + same country {ek.country}", 0.85)
    return Match(cand.kb_id, "surname", 0.6)


def _shares_surname(mine: set[str], theirs: set[str]) -> bool:
    """One side names the person by surname alone and it is the other side's last name."""
    mine_single = {f for f in mine if " " not in f}
    theirs_single = {f for f in theirs if " " not in f}
    mine_last = {f.split()[-1] for f in mine if " " in f}
    theirs_last = {f.split()[-1] for f in theirs if " " in f}
    if mine_last and theirs_last and not (mine_last & theirs_last):
        return False
    return bool(mine_single & (theirs_last | theirs_single) or theirs_single & mine_last)


def _conflict(ek: EntityKeys, cand: Candidate) -> bool:
    """Stated facts that say these are two different people."""
    theirs_af, theirs_ti = cand.values("af"), cand.values("ti")
    if ek.affiliations and theirs_af and not (ek.affiliations & theirs_af):
        return True
    if ek.country and cand.country and ek.country != cand.country:
        return True
    return bool(ek.titles and theirs_ti and not _agreeing_title(ek.titles, theirs_ti))


def _agreeing_title(mine: set[str], theirs: set[str]) -> str | None:
    for a in sorted(mine):
        for b in sorted(theirs):
            if a.split()[-1] == b.split()[-1] or fuzz.token_set_ratio(a, b) >= TITLE_MATCH_MIN:
                return a
    return None


def _fuzzy(ek: EntityKeys, cand: Candidate, forms: set[str]) -> Match | None:
    """A near-identical multi-word name ("Organisation" / "Organization")."""
    long_mine = [f for f in ek.forms if " " in f]
    long_theirs = [f for f in forms if " " in f]
    best = max((fuzz.token_sort_ratio(a, b) for a in long_mine for b in long_theirs), default=0.0)
    if best < FUZZY_NAME_MIN or (ek.type == "PERSON" and _conflict(ek, cand)):
        return None
    return Match(cand.kb_id, f"similar name ({best:.0f})", 0.8 * best / 100)


def better_name(current: str, new: str) -> str:
    """The KB entity's display name: the longest proper form seen."""
    return new if len(new) > len(current) else current
