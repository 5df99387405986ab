"""Which names in one article refer to the same actor: the grouping behind the entities stage.

A short name is linked to a longer one that it abbreviates: an acronym defined in parentheses
or matching the longer name's initials, an alias, a surname of a person named in full, the
tail of an organisation's name, or another name of the same country. An ambiguous short
name ('Thomas' with two Thomases in the article) goes to the nearest full name before it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from newsgraph.stages.entities.names import NameLexicons, acronym_key, initials

_PERSONAL = ("PERSON",)
_NOT_SURNAME_LABELS = ("NORP",)
_PLACE_OR_PEOPLE = ("NORP", "GPE", "LOC", "FAC")  # 'European' is no short 'European Union'


@dataclass(frozen=True)
class Candidate:
    """What grouping needs to know about one mention."""

    position: int  # token index, for 'nearest preceding'
    key: str
    label: str
    link: str | None = None  # explicitly defined as this other key
    country: str | None = None


@dataclass
class _KeyInfo:
    positions: list[int]
    labels: Counter[str]
    country: str | None
    links: list[str]

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]


def link_names(cands: list[Candidate], lex: NameLexicons) -> list[int]:
    """For each candidate, the index (into ``cands``) of the first mention of its group."""
    info = _key_info(cands)
    partners = _partner_index(info)
    parents = {key: _parents(key, info, partners, lex) for key in info}
    roots = [_root(c.key, c.position, parents, info, set()) for c in cands]
    first_of_root: dict[str, int] = {}
    for i, root in enumerate(roots):
        first_of_root.setdefault(root, i)
    return [first_of_root[r] for r in roots]


def _key_info(cands: list[Candidate]) -> dict[str, _KeyInfo]:
    info: dict[str, _KeyInfo] = {}
    for c in cands:
        entry = info.setdefault(c.key, _KeyInfo([], Counter(), None, []))
        entry.positions.append(c.position)
        entry.labels[c.label] += 1
        entry.country = entry.country or c.country
    for c in cands:
        linked = c.link is not None and c.link != c.key and c.link in info
        if linked and c.link not in info[c.key].links:
            info[c.key].links.append(str(c.link))
    return info


def _partner_index(info: dict[str, _KeyInfo]) -> dict[str, list[str]]:
    """What a short name can be looked up by: initials, country, word prefixes and suffixes.

    Built once per article so that linking stays linear in the number of names rather than
    comparing every name with every other.
    """
    index: dict[str, list[str]] = {}
    for key, entry in info.items():
        words = key.split()
        lookups = {f"acr:{a}" for a in initials(words)}
        if entry.country:
            lookups.add(f"country:{entry.country}")
        for n in range(1, len(words)):
            lookups.add("tail:" + " ".join(words[-n:]))
            lookups.add("head:" + " ".join(words[:n]))
        for lookup in lookups:
            index.setdefault(lookup, []).append(key)
    return index


def _parents(
    key: str, info: dict[str, _KeyInfo], partners: dict[str, list[str]], lex: NameLexicons
) -> list[str]:
    """Longer names this key may stand for; a link stated in the text wins outright."""
    me = info[key]
    if me.links:
        return me.links
    lookups = [f"acr:{key}", f"tail:{key}", f"head:{key}"]
    if me.country:
        lookups.append(f"country:{me.country}")
    options = dict.fromkeys(other for lookup in lookups for other in partners.get(lookup, ()))
    return [
        other
        for other in options
        if len(other) > len(key) and _abbreviates(key, me, other, info[other], lex)
    ]


def _abbreviates(key: str, me: _KeyInfo, other: str, entry: _KeyInfo, lex: NameLexicons) -> bool:
    """Is ``key`` a shorter name of ``other``: initials, same country, surname, name tail?"""
    if _different_nations(key, other, lex):
        return False  # 'England' is never a short 'Scotland', nor 'Ireland' 'Northern Ireland'
    words, other_words = key.split(), other.split()
    acronym = len(words) == 1 and key.isupper() and entry.label not in _PERSONAL
    if acronym and key in initials(other_words):
        return True
    if me.country and entry.country == me.country:
        return True
    n = len(words)
    if len(other_words) > n and other_words[-n:] == words:  # 'Bukele', 'Security Council'
        if entry.label in _PERSONAL:
            return me.label not in _NOT_SURNAME_LABELS and not me.country
        if entry.label == "ORG" and n == 1:  # 'the Council' after 'the UN Security Council'
            return me.label == "ORG" and key in lex.org_words
        return entry.label == "ORG" and n >= 2
    if other_words[:n] == words and entry.label == "ORG" and me.label not in _PLACE_OR_PEOPLE:
        # 'Acme' for 'Acme Corp', 'China Eastern' for 'China Eastern Airlines'
        return all(w in lex.org_designators or w in lex.org_words for w in other_words[n:])
    return False


def _different_nations(key: str, other: str, lex: NameLexicons) -> bool:
    """Both names are countries or nations, and not the same one."""
    mine, theirs = lex.nation_of(key), lex.nation_of(other)
    return mine is not None and theirs is not None and mine != theirs


def _root(
    key: str,
    position: int,
    parents: dict[str, list[str]],
    info: dict[str, _KeyInfo],
    seen: set[str],
) -> str:
    """Follow parent links to the longest form, choosing the nearest one when ambiguous."""
    seen.add(key)
    options = [p for p in parents[key] if p not in seen]
    if not options:
        return key
    chosen = options[0] if len(options) == 1 else _nearest(options, position, info)
    return _root(chosen, position, parents, info, seen)


def _nearest(options: list[str], position: int, info: dict[str, _KeyInfo]) -> str:
    """The option mentioned last before ``position``, else the first mentioned after it."""

    def distance(key: str) -> tuple[int, int]:
        pos = info[key].positions
        i = bisect_left(pos, position)
        if i > 0:
            return (0, position - pos[i - 1])
        return (1, pos[0] - position)

    return min(options, key=distance)


def same_entities(
    title: list[tuple[str, list[str], str]],
    body: list[tuple[str, list[str], str]],
    lex: NameLexicons,
) -> dict[str, str]:
    """For each title entity (id, names, type), the body entity it names, by the same rules
    that group names within one text: 'Ruto' in the headline is 'President William Ruto' of
    the body. Title names come first in reading order, so an ambiguous short name goes to the
    first full name of the body."""
    cands: list[Candidate] = []
    owners: list[tuple[str, str]] = []
    for side, entities, position in (("title", title, -len(title)), ("body", body, 0)):
        for n, (entity_id, names, label) in enumerate(entities):
            for name in dict.fromkeys(names):
                key = " ".join(acronym_key(w) for w in name.split())
                country = lex.country_of_name(name) if label in ("GPE", "LOC") else None
                cands.append(Candidate(position + n, key, label, country=country))
                owners.append((side, entity_id))
    groups = link_names(cands, lex)
    body_of_group: dict[int, str] = {}
    for (side, entity_id), group in zip(owners, groups, strict=True):
        if side == "body":
            body_of_group.setdefault(group, entity_id)
    found: dict[str, str] = {}
    for (side, entity_id), group in zip(owners, groups, strict=True):
        if side == "title" and entity_id not in found and group in body_of_group:
            found[entity_id] = body_of_group[group]
    return found
