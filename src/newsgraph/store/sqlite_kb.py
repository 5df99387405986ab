"""The knowledge base's tables in SQLite: what resolution decided, written and settled.

The decisions are ``kb/resolve.py``'s; this module only reads what they need and writes what
they say. Saving an article links each entity by its cluster key at once (``add``); the blocks
it changed are settled later, once per batch (``settle``): short keys join longer ones, bare
surnames are linked by context, KB names, facts and counts are recomputed. Settling only reads
the final state of each block, so the same articles in any order give the same KB.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from newsgraph.errors import NotFound
from newsgraph.kb import resolve
from newsgraph.kb.names import PersonName
from newsgraph.model import Article, Entity

SPLIT_EVIDENCE = "split by hand"


class KBWriter:
    """Resolution's reads and writes on one connection; the caller holds lock and transaction."""

    def __init__(self, db: sqlite3.Connection, kw: resolve.KBWords) -> None:
        self.db = db
        self.kw = kw

    # -- saving one article ----------------------------------------------------------------
    def add(self, article: Article) -> tuple[int, int]:
        """Link each entity of a newly stored article; returns (new KB entities, joined)."""
        members = [(e, resolve.member_of(e, self.kw)) for e in article.entities]
        roots = self._roots_of([m.key for _, m in members if m.key])
        merges = self._merge_targets()
        splits = self._splits(article.id)
        new = joined = 0
        links, members_rows, blocks, keys = [], [], [], []
        for entity, member in members:
            kb_id, evidence, score, status = self._link_of(article.id, entity, member, roots)
            kb_id = _follow(kb_id, merges)
            if entity.id in splits:
                kb_id, evidence, score, status = splits[entity.id], SPLIT_EVIDENCE, 1.0, "resolved"
            if self._ensure_entity(kb_id, entity, member, status):
                new += 1
            else:
                joined += 1
            entity.kb_id = kb_id
            links.append((article.id, entity.id, kb_id, evidence, score, len(entity.mentions)))
            members_rows.append(_member_row(article.id, entity.id, member))
            blocks += [(b, article.id, entity.id) for b in member.blocks]
            keys += [(article.id, entity.id, k) for k in self._search_keys(entity, member)]
        self.db.executemany(
            "INSERT INTO kb_members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", members_rows
        )
        self.db.executemany("INSERT OR IGNORE INTO kb_blocks VALUES (?, ?, ?)", blocks)
        self.db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?)", keys)
        self.db.executemany(  # after members and keys: the triggers on kb_links read them
            "INSERT INTO kb_links(article_id, entity_id, kb_id, evidence, score, n_mentions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            links,
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO kb_dirty(block) VALUES (?)", [(b,) for b, _, _ in blocks]
        )
        self._touch(link[2] for link in links)
        return new, joined

    def _link_of(
        self, article_id: str, entity: Entity, member: resolve.Member, roots: dict[str, str]
    ) -> tuple[str, str, float, str]:
        if member.key is None:  # settled later (a bare surname) or kept alone
            return (
                resolve.unresolved_kb_id(article_id, entity.id),
                member.evidence,
                0.0,
                "unresolved",
            )
        root = roots.get(member.key, member.key)
        evidence = member.evidence if root == member.key else "short form (settling)"
        return resolve.kb_id_of_key(root), evidence, member.score, "resolved"

    def _ensure_entity(
        self, kb_id: str, entity: Entity, member: resolve.Member, status: str
    ) -> bool:
        """Create the KB entity if it is new; True when it was."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO kb_entities(id, name, type, country, status) "
            "VALUES (?, ?, ?, ?, ?)",
            (kb_id, member.display, entity.type, entity.country, status),
        )
        return cursor.rowcount > 0

    def _search_keys(self, entity: Entity, member: resolve.Member) -> set[str]:
        keys = resolve.search_keys(member.display, self.kw.names)
        if member.key and member.key.startswith("PLACE:c:"):
            keys.add(f"c:{member.key[len('PLACE:c:') :]}")
        return keys

    # -- settling ----------------------------------------------------------------------------
    def settle(self) -> int:
        """Settle every dirty block and refresh every touched KB entity; returns how many
        article entities changed KB entity."""
        blocks = [b for (b,) in self.db.execute("SELECT block FROM kb_dirty ORDER BY block")]
        moved = 0
        for block in blocks:
            moved += self._settle_keys(block)
        for block in blocks:
            moved += self._settle_surnames(block)
        self.db.execute("DELETE FROM kb_dirty")
        self._refresh_touched()
        return moved

    def _settle_keys(self, block: str) -> int:
        """Recompute which key of the block joins which, and move the links that changed."""
        rows = self.db.execute(
            "SELECT DISTINCT m.given, m.middles, m.surname, m.display FROM kb_blocks b "
            "JOIN kb_members m ON m.article_id = b.article_id AND m.entity_id = b.entity_id "
            "WHERE b.block = ? AND m.kind = 'name' AND m.grp = 'PERSON'",
            (block,),
        ).fetchall()
        people: dict[str, PersonName] = {}
        for given, middles, surname, display in sorted(rows):  # the same display in any order
            person = PersonName(given, middles, surname, display)
            people.setdefault(person.key, person)
        mapping = resolve.roots(people.values(), self.kw.names)
        merges = self._merge_targets()
        moved = 0
        for key, root in mapping.items():
            full_key, full_root = f"PERSON:{key}", f"PERSON:{root}"
            if root == key:
                self.db.execute("DELETE FROM kb_roots WHERE key = ?", (full_key,))
                evidence = None
            else:
                self.db.execute(
                    "INSERT OR REPLACE INTO kb_roots(key, root) VALUES (?, ?)",
                    (full_key, full_root),
                )
                evidence = resolve.short_form_evidence(people[key], people[root].display)
            target = _follow(resolve.kb_id_of_key(full_root), merges)
            moved += self._move_key(full_key, target, evidence)
        return moved

    def _move_key(self, key: str, target: str, evidence: str | None) -> int:
        """Link every member of ``key`` that is not split by hand to ``target``."""
        rows = self.db.execute(
            "SELECT l.article_id, l.entity_id, l.kb_id, l.evidence, m.evidence, m.score, "
            "m.display, e.type, e.country FROM kb_members m JOIN kb_links l "
            "ON l.article_id = m.article_id AND l.entity_id = m.entity_id JOIN entities e "
            "ON e.article_id = m.article_id AND e.id = m.entity_id "
            "WHERE m.key = ? AND l.evidence != ? AND (l.kb_id != ? OR l.evidence != ?)",
            (key, SPLIT_EVIDENCE, target, evidence or ""),
        ).fetchall()
        moved = 0
        for article_id, entity_id, current, had, own, score, display, etype, country in rows:
            wanted = evidence or own
            if current == target and had == wanted:
                continue
            wanted_score = resolve.SCORE_SHORT_FORM if evidence else score
            self.db.execute(
                "INSERT OR IGNORE INTO kb_entities(id, name, type, country) VALUES (?, ?, ?, ?)",
                (target, display, etype, country),
            )
            self._relink(article_id, entity_id, target, wanted, wanted_score)
            if current != target:
                moved += 1
                self._touch([current, target])
        return moved

    def _relink(
        self, article_id: str, entity_id: str, kb_id: str, evidence: str, score: float
    ) -> None:
        """Move one link (delete and insert, so the triggers keep the aggregates)."""
        (n_mentions,) = self.db.execute(
            "SELECT n_mentions FROM kb_links WHERE article_id = ? AND entity_id = ?",
            (article_id, entity_id),
        ).fetchone()
        self.db.execute(
            "DELETE FROM kb_links WHERE article_id = ? AND entity_id = ?", (article_id, entity_id)
        )
        self.db.execute(
            "INSERT INTO kb_links(article_id, entity_id, kb_id, evidence, score, n_mentions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (article_id, entity_id, kb_id, evidence, score, n_mentions),
        )

    def _settle_surnames(self, block: str) -> int:
        """Link each bare surname of the block to the one KB person its context fits, if any."""
        members = self.db.execute(
            "SELECT m.article_id, m.entity_id, l.kb_id, l.evidence FROM kb_blocks b "
            "JOIN kb_members m ON m.article_id = b.article_id AND m.entity_id = b.entity_id "
            "JOIN kb_links l ON l.article_id = m.article_id AND l.entity_id = m.entity_id "
            "WHERE b.block = ? AND m.kind = 'surname' ORDER BY m.article_id, m.entity_id",
            (block,),
        ).fetchall()
        if not members:
            return 0
        candidates = self._candidates(block)
        merges = self._merge_targets()
        moved = 0
        for article_id, entity_id, current, evidence in members:
            if evidence == SPLIT_EVIDENCE:
                continue
            entity = self._entity(article_id, entity_id)
            context = resolve.context_of(entity, self._neighbour_keys(article_id, entity_id))
            found = resolve.fits(context, candidates)
            if found is None:
                target = resolve.unresolved_kb_id(article_id, entity_id)
                target = _follow(target, merges)
                why, score, status = "bare surname; no single KB person fits", 0.0, "unresolved"
            else:
                target, why, score, status = (
                    _follow(found[0].kb_id, merges), found[1], resolve.SCORE_CONTEXT, "resolved"
                )  # fmt: skip
            if target == current and why == evidence:
                continue
            self.db.execute(
                "INSERT OR IGNORE INTO kb_entities(id, name, type, country, status) "
                "VALUES (?, ?, 'PERSON', ?, ?)",
                (target, entity.name, entity.country, status),
            )
            self._relink(article_id, entity_id, target, why, score)
            if target != current:
                moved += 1
                self._touch([current, target])
        return moved

    def _candidates(self, block: str) -> list[resolve.Candidate]:
        """The KB people a bare surname of this block may name: the roots of its full names,
        with what their full-name mentions say (bare surnames never count as evidence)."""
        rows = self.db.execute(
            "SELECT DISTINCT coalesce(r.root, m.key) FROM kb_blocks b JOIN kb_members m "
            "ON m.article_id = b.article_id AND m.entity_id = b.entity_id "
            "LEFT JOIN kb_roots r ON r.key = m.key "
            "WHERE b.block = ? AND m.kind = 'name' AND m.grp = 'PERSON'",
            (block,),
        ).fetchall()
        return [self._candidate(root) for (root,) in sorted(rows)]

    def _candidate(self, root: str) -> resolve.Candidate:
        keys = [root] + [k for (k,) in self.db.execute(
            "SELECT key FROM kb_roots WHERE root = ?", (root,)
        )]  # fmt: skip
        marks = ",".join("?" * len(keys))
        members = (
            f"SELECT article_id, entity_id FROM kb_members WHERE key IN ({marks}) AND kind = 'name'"
        )
        names = Counter(
            dict(self.db.execute(
                f"SELECT display, count(*) FROM kb_members WHERE key IN ({marks}) "
                "AND kind = 'name' GROUP BY display", keys,
            ).fetchall())
        )  # fmt: skip
        cand = resolve.Candidate(
            resolve.kb_id_of_key(root), resolve.best_name(dict(names), "PERSON", self.kw.names)
        )
        for kind, value in self.db.execute(
            f"SELECT DISTINCT f.kind, f.value FROM ({members}) m JOIN entity_facts f "
            "ON f.article_id = m.article_id AND f.entity_id = m.entity_id "
            "WHERE f.kind IN ('title', 'affiliation')",
            keys,
        ):
            (cand.titles if kind == "title" else cand.affiliations).add(resolve.normalise(value))
        cand.countries = {
            c for (c,) in self.db.execute(
                f"SELECT DISTINCT e.country FROM ({members}) m JOIN entities e "
                "ON e.article_id = m.article_id AND e.id = m.entity_id "
                "WHERE e.country IS NOT NULL", keys,
            )
        }  # fmt: skip
        cand.neighbour_keys = {
            k for (k,) in self.db.execute(
                f"SELECT DISTINCT o.key FROM ({members}) m JOIN kb_members o "
                "ON o.article_id = m.article_id WHERE o.kind = 'name'", keys,
            )
        }  # fmt: skip
        return cand

    def _neighbour_keys(self, article_id: str, entity_id: str) -> set[str]:
        return {
            k
            for (k,) in self.db.execute(
                "SELECT key FROM kb_members WHERE article_id = ? AND entity_id != ? "
                "AND kind = 'name'",
                (article_id, entity_id),
            )
        }

    def _entity(self, article_id: str, entity_id: str) -> Entity:
        name, etype, country = self.db.execute(
            "SELECT name, type, country FROM entities WHERE article_id = ? AND id = ?",
            (article_id, entity_id),
        ).fetchone()
        entity = Entity(entity_id, name, etype, [], country=country)
        for kind, value in self.db.execute(
            "SELECT kind, value FROM entity_facts WHERE article_id = ? AND entity_id = ?",
            (article_id, entity_id),
        ):
            {"title": entity.titles, "affiliation": entity.affiliations}.get(kind, []).append(value)
        return entity

    # -- KB entities: names, facts, counts ---------------------------------------------------
    def _touch(self, kb_ids: Iterable[str]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO kb_touched(kb_id) VALUES (?)", [(k,) for k in set(kb_ids)]
        )

    def _refresh_touched(self) -> None:
        touched = [k for (k,) in self.db.execute("SELECT kb_id FROM kb_touched")]
        for kb_id in touched:
            self._refresh(kb_id)
        self.db.execute("DELETE FROM kb_touched")

    def _refresh(self, kb_id: str) -> None:
        """Recompute a KB entity's name, type, country and status from its aggregates (kept by
        the triggers on kb_links), or delete it when nothing links to it any more."""
        group = self.db.execute(
            "SELECT min(m.grp) FROM kb_links l JOIN kb_members m ON m.article_id = l.article_id "
            "AND m.entity_id = l.entity_id WHERE l.kb_id = ?",
            (kb_id,),
        ).fetchone()[0]
        if group is None:
            for table in ("kb_keys", "kb_facts", "kb_stats", "kb_stories"):
                self.db.execute(f"DELETE FROM {table} WHERE kb_id = ?", (kb_id,))
            self.db.execute("DELETE FROM kb_entities WHERE id = ?", (kb_id,))
            return
        stats: dict[str, dict[str, int]] = {"name": {}, "type": {}, "country": {}, "sure": {}}
        for kind, value, n in self.db.execute(
            "SELECT kind, value, n FROM kb_stats WHERE kb_id = ?", (kb_id,)
        ):
            stats[kind][value] = n
        types = {k: n for k, n in stats["type"].items() if resolve.group_of(k) == group}
        fallback = "GPE" if group == "PLACE" else group
        etype = min(types, key=lambda k: (-types[k], k)) if types else fallback  # ties: by name
        countries = stats["country"]
        country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
        name = resolve.best_name(stats["name"], group, self.kw.names)
        status = "resolved" if stats["sure"] else "unresolved"
        self.db.execute(
            "UPDATE kb_entities SET name = ?, type = ?, country = ?, status = ? WHERE id = ?",
            (name, etype, country, status, kb_id),
        )

    # -- corrections -------------------------------------------------------------------------
    def merge(self, kb_id: str, into_kb_id: str, evidence: str) -> None:
        """Join ``kb_id`` to ``into_kb_id`` now and in every later ingest."""
        for k in (kb_id, into_kb_id):
            if not self.db.execute("SELECT 1 FROM kb_entities WHERE id = ?", (k,)).fetchone():
                raise NotFound(f"no entity {k!r} in the knowledge base")
        if kb_id == into_kb_id:
            return
        self.db.execute(
            "INSERT INTO kb_constraints(kind, subject, object) VALUES ('merge', ?, ?)",
            (kb_id, into_kb_id),
        )
        for article_id, entity_id, score in self.db.execute(
            "SELECT article_id, entity_id, score FROM kb_links WHERE kb_id = ?", (kb_id,)
        ).fetchall():
            self._relink(article_id, entity_id, into_kb_id, f"{evidence} (was {kb_id})", score)
        self._touch([kb_id, into_kb_id])
        self._refresh_touched()

    def split(self, article_id: str, entity_id: str) -> str:
        """Keep one article entity on its own, now and after every later settle."""
        row = self.db.execute(
            "SELECT kb_id FROM kb_links WHERE article_id = ? AND entity_id = ?",
            (article_id, entity_id),
        ).fetchone()
        if row is None:
            raise NotFound(f"no entity {entity_id!r} in article {article_id!r}")
        new_kb = resolve.kb_id_of_key(f"split:{article_id}/{entity_id}")  # as _splits gives
        name, etype, country = self.db.execute(
            "SELECT name, type, country FROM entities WHERE article_id = ? AND id = ?",
            (article_id, entity_id),
        ).fetchone()
        self.db.execute(
            "INSERT INTO kb_constraints(kind, subject) VALUES ('split', ?)",
            (f"{article_id}/{entity_id}",),
        )
        self.db.execute(
            "INSERT OR IGNORE INTO kb_entities(id, name, type, country) VALUES (?, ?, ?, ?)",
            (new_kb, name, etype, country),
        )
        self._relink(article_id, entity_id, new_kb, SPLIT_EVIDENCE, 1.0)
        self._touch([row[0], new_kb])
        self._refresh_touched()
        return new_kb

    # -- rebuilding --------------------------------------------------------------------------
    def rebuild_all(self, articles: Iterable[Article]) -> None:
        """Resolve every stored article again from scratch (after a resolution upgrade)."""
        for table in ("kb_links", "kb_members", "kb_blocks", "kb_roots", "entity_keys"):
            self.db.execute(f"DELETE FROM {table}")
        for table in ("kb_keys", "kb_facts", "kb_stats", "kb_stories", "kb_entities"):
            self.db.execute(f"DELETE FROM {table}")
        for table in ("kb_dirty", "kb_touched"):
            self.db.execute(f"DELETE FROM {table}")
        for article in articles:
            self.add(article)
        self.settle()

    # -- reads resolution needs --------------------------------------------------------------
    def _roots_of(self, keys: list[str]) -> dict[str, str]:
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        return dict(self.db.execute(f"SELECT key, root FROM kb_roots WHERE key IN ({marks})", keys))

    def _splits(self, article_id: str) -> dict[str, str]:
        """The entities of an article split out by hand -> the KB id each keeps."""
        rows = self.db.execute(
            "SELECT subject FROM kb_constraints WHERE kind = 'split' AND subject >= ? "
            "AND subject < ?",
            (f"{article_id}/", f"{article_id}/\uffff"),
        ).fetchall()
        return {s[len(article_id) + 1 :]: resolve.kb_id_of_key(f"split:{s}") for (s,) in rows}

    def _merge_targets(self) -> dict[str, str]:
        return dict(
            self.db.execute(
                "SELECT subject, object FROM kb_constraints WHERE kind = 'merge' ORDER BY id"
            ).fetchall()
        )


def _follow(kb_id: str, merges: dict[str, str]) -> str:
    """Where merge constraints send a KB id (a chain ends at its last target)."""
    seen = {kb_id}
    while kb_id in merges and merges[kb_id] not in seen:
        kb_id = merges[kb_id]
        seen.add(kb_id)
    return kb_id


def _member_row(article_id: str, entity_id: str, member: resolve.Member) -> tuple[object, ...]:
    person = member.person
    return (
        article_id, entity_id, member.group, member.kind, member.key, member.display,
        member.evidence, member.score,
        person.given if person else None, person.middles if person else None,
        person.surname if person else None,
    )  # fmt: skip
