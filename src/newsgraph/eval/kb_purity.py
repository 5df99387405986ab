"""Knowledge-base purity with no gold: signs of wrong merges that the links themselves show.

Over the KB entities found in two or more stories (syndicated copies count once):

- **people** whose linked article entities include two full names (two or more words once
  honorifics and roles are dropped, ``kb.names.parse_person``) with conflicting given names.
  Given names agree when equal, when one is the initial of the other ('G.' / 'George') or a
  nickname of the other ('Bill' / 'William', as the ``nicknames`` package lists them, which
  also pairs some nicknames with each other: 'Bill' / 'Will');
- **organisations** linking two multi-word names (after ``normalise``) that share no word once
  small words ('of', 'the') are dropped;
- **acronym links without an expansion**: article entities named by an acronym
  (``looks_like_acronym``) linked to a KB entity whose name is not one, in an article whose
  title and text do not contain that name. Links made through the well-known alias list or the
  PETRARCH2 dictionaries or a
  country's ISO code ('US' -> United States) are allowed without an expansion and counted
  apart; the rarest codes are listed, since a stray one ('MM' of 'MM Warburg' -> Burma) hides
  there.

The store is read through a read-only SQLite connection: the check inspects the links, member
names and statuses, which the ``Store`` protocol does not return, and it must never change the
knowledge base it judges (opening through ``open_store`` may settle or re-resolve).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.eval.report import Report
from newsgraph.kb.names import (
    NameWords,
    build_name_words,
    looks_like_acronym,
    normalise,
    parse_person,
)
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

EXAMPLES = 10  # examples listed per check unless told otherwise
MULTI_STORY = 2  # stories a KB entity needs to be checked
ALIAS_EVIDENCE = ("well-known alias", "well-known acronym")  # resolve.py's words for the
# links made by the alias list and by the PETRARCH2 dictionaries
CODE_EVIDENCE = "same country code"  # ... and one made by a country's ISO code (pycountry)


@dataclass
class Linked:
    """A KB entity with the display names of its linked article entities."""

    kb_id: str
    name: str
    type: str
    stories: int
    names: set[str] = field(default_factory=set)


@dataclass
class Check:
    """One purity check: how many entities were checked, which failed, and why."""

    checked: int = 0
    failed: list[tuple[Linked, tuple[str, str]]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return len(self.failed) / self.checked if self.checked else 0.0


@dataclass
class AcronymLinks:
    total: int = 0  # acronym-named article entities linked to a KB entity with a full name
    by_alias: int = 0  # of those without the name in their article: through the alias list
    by_code: Counter[tuple[str, str]] = field(default_factory=Counter)  # through an ISO code
    unexpanded: list[tuple[str, str, str]] = field(default_factory=list)  # acronym, KB, article


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Purity of the store at ``path``; ``limit`` is the number of examples listed per check."""
    nw = build_name_words(WordLists(settings.language))
    shown = EXAMPLES if limit is None else limit
    with read_only(path) as db:
        entities = multi_story_entities(db)
        people = person_conflicts([e for e in entities if e.type == "PERSON"], nw)
        orgs = org_conflicts([e for e in entities if e.type == "ORG"], nw)
        acronyms = acronym_links(db)
        n_articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        unresolved = _count_status(db, "unresolved")
        resolved = _count_status(db, "resolved")
        unsettled = db.execute("SELECT count(*) FROM kb_dirty").fetchone()[0]
    report = Report(task="kb-purity", documents=n_articles)
    report.add("people", "multi_story", people.checked)
    report.add("people", "conflicting_given_names", len(people.failed))
    report.add("people", "conflict_share", people.share)
    report.add("orgs", "multi_story", orgs.checked)
    report.add("orgs", "names_sharing_no_word", len(orgs.failed))
    report.add("orgs", "conflict_share", orgs.share)
    report.add("acronyms", "linked_to_full_name", acronyms.total)
    report.add("acronyms", "via_known_alias", acronyms.by_alias)
    report.add("acronyms", "via_country_code", sum(acronyms.by_code.values()))
    report.add("acronyms", "without_expansion", len(acronyms.unexpanded))
    report.add("kb", "resolved_entities", resolved)
    report.add("kb", "unresolved_entities", unresolved)
    report.notes += _notes(people, orgs, acronyms, shown)
    if unsettled:
        report.notes.append(f"warning: {unsettled} blocks not settled; open the store to settle")
    return report


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """The store's SQLite file opened read-only; a clear error for a missing or old store."""
    if not Path(path).is_file():
        raise NewsgraphError(f"no store at {path}; run `newsgraph ingest PATH --db {path}` first")
    db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "kb_members" not in tables:
            raise NewsgraphError(
                f"{path} predates the current knowledge base (schema v5); open it once with "
                "a newsgraph command (e.g. `newsgraph overview`) to upgrade it"
            )
        yield db
    finally:
        db.close()


def multi_story_entities(db: sqlite3.Connection) -> list[Linked]:
    """KB entities in two or more stories, with their members' display names, most stories
    first."""
    rows = db.execute(
        "SELECT k.id, k.name, k.type, k.n_articles, m.display FROM kb_entities k "
        "JOIN kb_links l ON l.kb_id = k.id JOIN kb_members m ON m.article_id = l.article_id "
        "AND m.entity_id = l.entity_id WHERE k.n_articles >= ? ORDER BY k.n_articles DESC, k.id",
        (MULTI_STORY,),
    )
    found: dict[str, Linked] = {}
    for kb_id, name, etype, stories, display in rows:
        found.setdefault(kb_id, Linked(kb_id, name, etype, stories)).names.add(display)
    return list(found.values())


def person_conflicts(people: list[Linked], nw: NameWords) -> Check:
    check = Check(checked=len(people))
    for person in people:
        if pair := conflicting_full_names(person.names, nw):
            check.failed.append((person, pair))
    return check


def conflicting_full_names(names: set[str], nw: NameWords) -> tuple[str, str] | None:
    """Two full names whose given names conflict, or None."""
    given: dict[str, str] = {}  # given name -> one full name using it
    for name in sorted(names):
        person = parse_person(name, nw)
        if person is not None and person.given:
            given.setdefault(person.given, person.display)
    for a, b in combinations(sorted(given), 2):
        if not given_names_agree(a, b, nw):
            return given[a], given[b]
    return None


def given_names_agree(a: str, b: str, nw: NameWords) -> bool:
    """Equal, one the initial of the other, or one a nickname of the other."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    nicks = nw.nicknames
    return a in nicks.nicknames_of(b) or b in nicks.nicknames_of(a)


def org_conflicts(orgs: list[Linked], nw: NameWords) -> Check:
    check = Check(checked=len(orgs))
    for org in orgs:
        if pair := names_sharing_no_word(org.names, nw):
            check.failed.append((org, pair))
    return check


def names_sharing_no_word(names: set[str], nw: NameWords) -> tuple[str, str] | None:
    """Two multi-word names with no word in common beyond small words, or None."""
    words: dict[str, frozenset[str]] = {}
    for name in sorted(names):
        form = normalise(name)
        content = frozenset(form.split()) - nw.small_words
        if len(form.split()) > 1 and content:
            words.setdefault(name, content)
    for a, b in combinations(sorted(words), 2):
        if not words[a] & words[b]:
            return a, b
    return None


def acronym_links(db: sqlite3.Connection) -> AcronymLinks:
    """Acronym-named article entities linked to a KB entity with a full name, and those whose
    article never writes that name."""
    rows = db.execute(
        "SELECT m.display, k.name, l.article_id, l.evidence FROM kb_links l "
        "JOIN kb_members m ON m.article_id = l.article_id AND m.entity_id = l.entity_id "
        "JOIN kb_entities k ON k.id = l.kb_id ORDER BY k.n_articles DESC, l.article_id"
    )
    found = AcronymLinks()
    texts: dict[str, str] = {}
    for display, kb_name, article_id, evidence in rows:
        if not looks_like_acronym(display) or looks_like_acronym(kb_name):
            continue
        found.total += 1
        if article_id not in texts:
            title, text = db.execute(
                "SELECT title, text FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            texts[article_id] = f" {normalise((title or '') + ' ' + text)} "
        if f" {normalise(kb_name)} " in texts[article_id]:
            continue
        if any(cue in evidence for cue in ALIAS_EVIDENCE):
            found.by_alias += 1
        elif evidence.startswith(CODE_EVIDENCE):
            found.by_code[(display, kb_name)] += 1
        else:
            found.unexpanded.append((display, kb_name, article_id))
    return found


def _count_status(db: sqlite3.Connection, status: str) -> int:
    row = db.execute("SELECT count(*) FROM kb_entities WHERE status = ?", (status,)).fetchone()
    return int(row[0])


def _notes(people: Check, orgs: Check, acronyms: AcronymLinks, shown: int) -> list[str]:
    notes = [
        f"people in >= {MULTI_STORY} stories: {people.checked}; with conflicting given names: "
        f"{len(people.failed)} ({people.share:.1%})"
    ]
    notes += [f"  {p.name} ({p.stories} stories): {a} / {b}" for p, (a, b) in people.failed[:shown]]
    notes.append(
        f"organisations in >= {MULTI_STORY} stories: {orgs.checked}; linking names that share "
        f"no word: {len(orgs.failed)} ({orgs.share:.1%})"
    )
    notes += [f"  {o.name} ({o.stories} stories): {a} / {b}" for o, (a, b) in orgs.failed[:shown]]
    notes.append(
        f"acronyms linked to a full name: {acronyms.total}; article does not write the name: "
        f"{len(acronyms.unexpanded)} (+ {acronyms.by_alias} through the well-known alias list "
        "or the PETRARCH2 dictionaries, "
        f"{sum(acronyms.by_code.values())} through a country's ISO code)"
    )
    notes += [f"  {a} -> {k} in article {art}" for a, k, art in acronyms.unexpanded[:shown]]
    rarest = sorted(acronyms.by_code.items(), key=lambda item: (item[1], item[0]))[:shown]
    if rarest:
        codes = ", ".join(f"{a} -> {k} ({n})" for (a, k), n in rarest)
        notes.append(f"  country codes, rarest first (where a stray code hides): {codes}")
    return notes
