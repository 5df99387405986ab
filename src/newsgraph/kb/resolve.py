"""Cross-article entity resolution: which knowledge-base entity an article's entity is.

Pure logic, no SQL. Resolution prefers "not sure" to a wrong merge, and its result does not
depend on the order articles arrive in:

1. Each article entity gets a **cluster key** computed from the entity alone (``member_of``):
   a person's given name, middle initials and surname (``PERSON:hillary|r|clinton``), an
   organisation's folded name (``ORG:associated press``), a country's ISO code
   (``PLACE:c:USA``). Entities with the same key are one KB entity, whose id is a hash of the
   key. Different given names never share a key; different types never do either.
2. A key that is a **short form** of exactly one longer key in its block (the surname) joins
   it (``roots``): an initial ('G. Bush' -> 'George W. Bush'), a nickname ('Bill' ->
   'William'), a name without the middle initials another has. Two candidates: it stays apart.
3. A **bare surname** ('Smith' alone in an article) joins a KB person only when exactly one
   person of that surname fits the article's context (``fits``): no title, country or
   affiliation conflict, and positive evidence (an agreeing title or affiliation, the same
   country, or entities named in both). Otherwise it is kept as an *unresolved* KB entity.
4. An **acronym** joins an expansion only when the article itself wrote the expansion (the
   entities stage then names the entity by it) or when it is well known: the PETRARCH2 actor
   dictionaries (``kb/known_actors.py``) list it with exactly one name whose initials it is,
   or ``resources/kb/known_aliases.tsv`` lists it. Bare acronyms otherwise cluster only with
   the same acronym.
5. Generic institution names ('the Senate', 'Interior Ministry') join only within one
   country; without one they stay unresolved.

The store calls ``member_of`` when it saves an article and ``roots`` / ``fits`` when it
settles the blocks that changed (see ``SQLiteStore.settle``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from rapidfuzz import fuzz

from newsgraph.kb.known_actors import load_known_actors, normalise_form
from newsgraph.kb.names import (
    NameWords,
    PersonName,
    acronym,
    glued_parts,
    looks_like_acronym,
    more_specific,
    normalise,
    parse_person,
    two_people,
)
from newsgraph.model import Entity
from newsgraph.wordlists import WordLists

COUNTRY_NAMES = "entities/country_names.tsv"  # the short country forms news writes
TITLE_MATCH_MIN = 80  # rapidfuzz token_set_ratio for two titles to agree
# Entities named in full both beside a bare surname and beside a KB person that count as
# support; countries are named beside everyone, so they do not count. One shared name linked
# 'Ray' to 'Hugh Ray' and 'Brown' to 'Kelly Brown' on BBC; two or more were right in a sample.
MIN_SHARED_NEIGHBOURS = 2
COUNTRY_KEY = "PLACE:c:"
TYPE_GROUPS = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

# Evidence scores: how sure a link is. A key shared by name is sure; the rest is less so.
SCORE_SAME_KEY = 1.0
SCORE_KNOWN_ALIAS = 0.95
SCORE_SHORT_FORM = 0.85
SCORE_CONTEXT = 0.7


@dataclass(frozen=True)
class KBWords:
    """What resolution reads from ``resources/kb/``: name lists and well-known aliases."""

    names: NameWords
    known_aliases: dict[str, str]  # folded alias -> folded expansion: 'un' -> 'united nations'
    country_forms: dict[str, str]  # folded short country forms pycountry lacks -> alpha-3
    words: WordLists  # where the known actors load from, on first use (about a second)

    def known_expansion(self, acronym_form: str) -> str | None:
        """The one expansion the PETRARCH2 dictionaries give an acronym: a multi-word name form,
        in a record of an organisation or group naming the acronym, whose initials it is ('un'
        -> 'united nations'). A record's other forms are not trusted as one identity: the
        dictionaries group distinct bodies under one code (FTC with OPIC and Exim Bank)."""
        actors = self.words.get(load_known_actors).lookup(normalise_form(acronym_form))
        found = {
            normalise(form)
            for actor in actors
            if actor.kind != "person"
            for form in actor.forms
            if acronym(normalise(form), self.names.small_words) == acronym_form
        }
        return found.pop() if len(found) == 1 else None


def build_kb_words(words: WordLists) -> KBWords:
    """The knowledge base's word lists, read once per loader."""
    from newsgraph.kb.names import build_name_words

    aliases = {normalise(r[0]): normalise(r[1]) for r in words.rows("kb/known_aliases.tsv")}
    rows = words.rows(COUNTRY_NAMES)
    forms = {normalise(r[0]): r[1].strip() for r in rows if r[2:3] != ["part"]}
    return KBWords(build_name_words(words), aliases, forms, words)


@dataclass(frozen=True)
class Member:
    """An article entity as resolution sees it, computed from the entity alone."""

    group: str  # PERSON, ORG, PLACE, NORP, or the entity's own type
    kind: str  # 'name' (keyed), 'surname' (needs context), 'unresolved' (no usable name)
    key: str | None  # the cluster key; None unless kind is 'name'
    blocks: tuple[str, ...]  # where short forms and bare surnames look for this entity
    display: str  # the well-formed name shown for it
    evidence: str  # why it has this key
    score: float = SCORE_SAME_KEY
    person: PersonName | None = None


def kb_id_of_key(key: str) -> str:
    """The KB id of a cluster key: the same key gives the same id in any store."""
    return "kb_" + hashlib.sha1(key.encode()).hexdigest()[:12]


def unresolved_kb_id(article_id: str, entity_id: str) -> str:
    """The KB id of an article entity kept on its own."""
    return kb_id_of_key(f"unresolved:{article_id}/{entity_id}")


def group_of(entity_type: str) -> str:
    return TYPE_GROUPS.get(entity_type, entity_type)


def member_of(entity: Entity, kw: KBWords) -> Member:
    """The entity's cluster key (or why it has none) and the blocks it lives in."""
    group = group_of(_repaired_type(entity, kw))
    shown = _best_display(entity, group)
    if not shown:
        return Member(group, "unresolved", None, (), entity.name, "no usable name")
    if group == "PERSON":
        return _person_member(entity, shown, kw)
    if group == "PLACE":
        return _place_member(entity, shown, kw)
    if group == "ORG":
        return _org_member(entity, shown, kw)
    form = normalise(shown)
    if not form:
        return Member(group, "unresolved", None, (), shown, "no usable name")
    return Member(group, "name", f"{group}:{form}", (), shown, "same name")


def _best_display(entity: Entity, group: str) -> str:
    """The entity's name cleaned for display; for a glued span, the person's own part."""
    parts = glued_parts(entity.name)
    if len(parts) > 1:
        return parts[-1] if group == "PERSON" else max(parts, key=len)
    return parts[0] if parts else ""


def _person_member(entity: Entity, shown: str, kw: KBWords) -> Member:
    nw = kw.names
    if two_people(shown, nw):
        return Member("PERSON", "unresolved", None, (), shown, "two names run together")
    person = parse_person(shown, nw)
    if person is None:
        return Member("PERSON", "unresolved", None, (), shown, "not a person's name")
    alias_blocks = tuple(
        f"PERSON:{f}" for a in entity.aliases if (f := normalise(a)) and " " not in f
    )
    blocks = (f"PERSON:{person.surname}", *alias_blocks)
    if not person.given:
        return Member("PERSON", "surname", None, blocks, person.display, "bare name", person=person)
    return Member(
        "PERSON", "name", f"PERSON:{person.key}", blocks, person.display, "same full name",
        person=person,
    )  # fmt: skip


def _place_member(entity: Entity, shown: str, kw: KBWords) -> Member:
    form = normalise(shown)
    code = country_code_of(form, kw)
    if code and (entity.country in (None, code)):
        return Member("PLACE", "name", f"PLACE:c:{code}", (), shown, f"same country code {code}")
    if not form:
        return Member("PLACE", "unresolved", None, (), shown, "no usable name")
    return Member("PLACE", "name", f"PLACE:{form}", (), shown, "same place name")


def _org_member(entity: Entity, shown: str, kw: KBWords) -> Member:
    form = normalise(shown)
    if not form:
        return Member("ORG", "unresolved", None, (), shown, "no usable name")
    if looks_like_acronym(shown) and (expansion := kw.known_expansion(form)):
        return Member(
            "ORG", "name", f"ORG:{expansion}", (), shown,
            f"well-known acronym of {expansion} (PETRARCH2 dictionaries)", SCORE_KNOWN_ALIAS,
        )  # fmt: skip
    if form in kw.known_aliases:
        expansion = kw.known_aliases[form]
        return Member(
            "ORG", "name", f"ORG:{expansion}", (), shown,
            f"well-known alias {shown} of {expansion}", SCORE_KNOWN_ALIAS,
        )  # fmt: skip
    if looks_like_acronym(shown):
        return Member("ORG", "name", f"ORG:acr:{form}", (), shown, "same acronym")
    if all(w in kw.names.generic_org_words for w in form.split()):
        if entity.country:
            return Member(
                "ORG", "name", f"ORG:{form}@{entity.country}", (), shown,
                f"same institution in {entity.country}",
            )  # fmt: skip
        return Member("ORG", "unresolved", None, (), shown, "generic name, no country")
    return Member("ORG", "name", f"ORG:{form}", (), shown, "same name")


def _repaired_type(entity: Entity, kw: KBWords) -> str:
    """A 'person' named only by a country's name, with no title or affiliation, is the country."""
    if entity.type != "PERSON" or entity.titles or entity.affiliations:
        return entity.type
    forms = {normalise(m.text) for m in entity.mentions} | {normalise(entity.name)}
    codes = {country_code_of(f, kw) for f in forms if f}
    if len(codes) == 1 and None not in codes and not any(" " in f for f in forms):
        return "GPE"
    return entity.type


def country_code_of(form: str, kw: KBWords) -> str | None:
    """The ISO alpha-3 code when the folded form is itself a country's name or code."""
    if not form:
        return None
    if form in kw.country_forms:
        return kw.country_forms[form]
    if len(form) <= 3:  # 'mm', 'bb': initials are no country unless news writes them so
        return None
    return _pycountry_code(form)


@lru_cache(maxsize=65536)  # pycountry's lookup is a linear scan; the answer never changes
def _pycountry_code(form: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(form).alpha_3)
    except LookupError:
        return None


# -- short forms: which key a key joins -------------------------------------------------------


def roots(people: Iterable[PersonName], nw: NameWords) -> dict[str, str]:
    """Each person key of one block -> the key it joins (itself when it joins none).

    A key joins the longer keys that name the same person with more detail when they all lead
    to one root; with two or more roots ('G. Bush' beside George W. and George H. W.) it stays
    apart. Specificity strictly grows along a join, so the joins form no cycle.
    """
    by_key = {p.key: p for p in people}
    memo: dict[str, str] = {}

    def root(key: str) -> str:
        if key not in memo:
            person = by_key[key]
            longer = [k for k, p in by_key.items() if more_specific(person, p, nw)]
            found = {root(k) for k in longer}
            memo[key] = found.pop() if len(found) == 1 else key
        return memo[key]

    return {key: root(key) for key in sorted(by_key)}


def short_form_evidence(person: PersonName, root_display: str) -> str:
    """Why a short form joined a longer name."""
    if len(person.given) == 1:
        return f"initial of {root_display}"
    if not person.middles:
        return f"short form of {root_display}"
    return f"nickname of {root_display}"


# -- bare surnames: the context that lets one join --------------------------------------------


@dataclass
class Context:
    """What an article says about the entity a bare surname names, and who else it names."""

    titles: set[str]
    affiliations: set[str]
    country: str | None
    neighbours: set[str]  # cluster keys of the entities named in full in the same article


@dataclass
class Candidate:
    """A KB person a bare surname may name, with what the knowledge base knows of them."""

    kb_id: str
    name: str
    titles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    neighbour_keys: set[str] = field(default_factory=set)  # keys named beside them anywhere


def context_of(entity: Entity, neighbours: set[str]) -> Context:
    return Context(
        titles={normalise(t) for t in entity.titles} - {""},
        affiliations={normalise(a) for a in entity.affiliations} - {""},
        country=entity.country,
        neighbours=neighbours,
    )


def fits(context: Context, candidates: list[Candidate]) -> tuple[Candidate, str] | None:
    """The one candidate the context fits, with the evidence; None when none or several do."""
    fitting = []
    for cand in candidates:
        if _conflict(context, cand):
            continue
        if reasons := _support(context, cand):
            fitting.append((cand, reasons))
    if len(fitting) != 1:
        return None
    cand, reasons = fitting[0]
    return cand, f"surname; only {cand.name} fits ({', '.join(reasons)})"


def _conflict(context: Context, cand: Candidate) -> bool:
    """Stated facts that say these are two different people."""
    if context.affiliations and cand.affiliations and not context.affiliations & cand.affiliations:
        return True
    if context.country and cand.countries and context.country not in cand.countries:
        return True
    return bool(context.titles and cand.titles and not agreeing_title(context.titles, cand.titles))


def _support(context: Context, cand: Candidate) -> list[str]:
    reasons = []
    if title := agreeing_title(context.titles, cand.titles):
        reasons.append(f"title {title}")
    if shared := sorted(context.affiliations & cand.affiliations):
        reasons.append(f"affiliation {shared[0]}")
    if context.country and context.country in cand.countries:
        reasons.append(f"country {context.country}")
    both = {k for k in context.neighbours & cand.neighbour_keys if not k.startswith(COUNTRY_KEY)}
    if len(both) >= MIN_SHARED_NEIGHBOURS:
        reasons.append(f"{len(both)} entities named in both")
    return reasons


def agreeing_title(mine: set[str], theirs: set[str]) -> str | None:
    for a in sorted(mine):
        for b in sorted(theirs):
            if a.split()[-1] == b.split()[-1] or fuzz.token_set_ratio(a, b) >= TITLE_MATCH_MIN:
                return a
    return None


# -- names shown for a KB entity --------------------------------------------------------------


def best_name(names: dict[str, int], group: str, nw: NameWords) -> str:
    """The best-supported well-formed name: full names first for people, then the most used,
    then the longest, then alphabetical (so the choice never depends on arrival order)."""

    initials = {a for n in names if (a := acronym(normalise(n), nw.small_words))}

    def rank(item: tuple[str, int]) -> tuple[int, int, int, str]:
        name, count = item
        words = name.split()
        if (
            group != "PERSON"
        ):  # an acronym gives way to its own expansion ('UN' to 'United Nations')
            full = 0 if looks_like_acronym(name) and normalise(name) in initials else 1
        else:  # a given name spelled out beats an initial ('Steve Horgan' over 'S Horgan')
            full = (len(words) > 1) + (len(words) > 1 and len(words[0].rstrip(".")) > 1)
        return (-full, -count, -len(name), name)

    return min(names.items(), key=rank)[0] if names else ""


def search_words(text: str, nw: NameWords) -> list[str]:
    """The words of a name search that can match a ``t:`` key (small words dropped)."""
    return [w for w in normalise(text).split() if w not in nw.small_words]


def search_keys(display: str, nw: NameWords) -> set[str]:
    """The keys an entity is found by in name search: its folded form and its words."""
    form = normalise(display)
    keys = {f"n:{form}"} if form else set()
    keys |= {f"t:{w}" for w in form.split() if w not in nw.small_words}
    if a := acronym(form, nw.small_words):
        keys.add(f"a:{a}")
    return keys
