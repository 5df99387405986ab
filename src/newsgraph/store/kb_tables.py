"""The knowledge base's tables as a resolver sees them: candidate lookups in, links out.

The store persists and answers; who is who is decided above it (``kb/resolver.py``). Every
method here is one plain read or write of the KB tables, so a resolver runs unchanged on any
back end whose ``KBTables`` speaks its SQL. The caller holds the transaction: the store opens
one around a save or a settle and hands the resolver this view of its connection.

SQL is written once in the SQLite dialect; PostgreSQL's connection rewrites the few forms it
spells otherwise (``store/postgres.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from newsgraph.model import Article

KB_TABLES = ("kb_keys", "kb_facts", "kb_stats", "kb_stories", "kb_entities")
RESOLUTION_TABLES = ("kb_links", "kb_members", "kb_blocks", "kb_roots", "entity_keys")
WORK_TABLES = ("kb_dirty", "kb_touched")


class KBTables:
    """Reads and writes of the KB tables on one connection, inside the caller's transaction."""

    def __init__(self, db: Any) -> None:
        self.db = db  # sqlite3, or PostgreSQL's connection that rewrites the shared SQL

    def _run(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self.db.execute(sql, tuple(args))

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            self.db.executemany(sql, rows)

    def _marks(self, n: int) -> str:
        return ",".join("?" * n)

    # -- writing one article's links --------------------------------------------------------
    def add_members(self, rows: list[tuple[Any, ...]]) -> None:
        self._many("INSERT INTO kb_members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def add_blocks(self, rows: list[tuple[str, str, str]]) -> None:
        self._many("INSERT OR IGNORE INTO kb_blocks VALUES (?, ?, ?)", rows)
        self._many("INSERT OR IGNORE INTO kb_dirty(block) VALUES (?)", [(b,) for b, _, _ in rows])

    def add_search_keys(self, rows: list[tuple[str, str, str]]) -> None:
        self._many("INSERT OR IGNORE INTO entity_keys VALUES (?, ?, ?)", rows)

    def add_links(self, rows: list[tuple[str, str, str, str, float, int]]) -> None:
        """Link article entities (after their members and keys: the aggregates read them)."""
        self._many(
            "INSERT INTO kb_links(article_id, entity_id, kb_id, evidence, score, n_mentions) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    def create_entity(
        self, kb_id: str, name: str, etype: str, country: str | None, status: str | None = None
    ) -> bool:
        """Create a KB entity unless it exists; True when it was new."""
        if status is None:
            sql = "INSERT OR IGNORE INTO kb_entities(id, name, type, country) VALUES (?, ?, ?, ?)"
            return bool(self._run(sql, (kb_id, name, etype, country)).rowcount > 0)
        sql = (
            "INSERT OR IGNORE INTO kb_entities(id, name, type, country, status) "
            "VALUES (?, ?, ?, ?, ?)"
        )
        return bool(self._run(sql, (kb_id, name, etype, country, status)).rowcount > 0)

    def create_entities(self, rows: list[tuple[str, str, str, str | None, str]]) -> int:
        """Create the KB entities (id, name, type, country, status) that do not exist, in one
        statement (the first row of an id wins); returns how many were new."""
        if not rows:
            return 0
        values = ", ".join(["(?, ?, ?, ?, ?)"] * len(rows))
        cursor = self._run(
            f"INSERT OR IGNORE INTO kb_entities(id, name, type, country, status) VALUES {values}"
            " RETURNING id",
            [v for row in rows for v in row],
        )
        return len(cursor.fetchall())

    def relink(
        self, article_id: str, entity_id: str, kb_id: str, evidence: str, score: float
    ) -> None:
        """Move one link (delete and insert, so the aggregates follow)."""
        (n_mentions,) = self._run(
            "SELECT n_mentions FROM kb_links WHERE article_id = ? AND entity_id = ?",
            (article_id, entity_id),
        ).fetchone()
        self._run(
            "DELETE FROM kb_links WHERE article_id = ? AND entity_id = ?", (article_id, entity_id)
        )
        self.add_links([(article_id, entity_id, kb_id, evidence, score, n_mentions)])

    # -- the blocks to settle ---------------------------------------------------------------
    def dirty_blocks(self) -> list[str]:
        return [b for (b,) in self._run("SELECT block FROM kb_dirty ORDER BY block").fetchall()]

    def clear_dirty(self) -> None:
        self._run("DELETE FROM kb_dirty")

    def block_people(self, block: str) -> list[tuple[str, str, str, str]]:
        """The distinct full names (given, middles, surname, display) of a block's people."""
        return [tuple(r) for r in self._run(
            "SELECT DISTINCT m.given, m.middles, m.surname, m.display FROM kb_blocks b "
            "JOIN kb_members m ON m.article_id = b.article_id AND m.entity_id = b.entity_id "
            "WHERE b.block = ? AND m.kind = 'name' AND m.grp = 'PERSON'",
            (block,),
        ).fetchall()]  # fmt: skip

    def set_root(self, key: str, root: str | None) -> None:
        """Record that ``key`` joins ``root`` (None: it is its own root)."""
        if root is None:
            self._run("DELETE FROM kb_roots WHERE key = ?", (key,))
        else:
            self._run("INSERT OR REPLACE INTO kb_roots(key, root) VALUES (?, ?)", (key, root))

    def key_links(self, key: str, target: str, evidence: str, keep: str) -> list[tuple[Any, ...]]:
        """Members of ``key`` not linked to ``target`` with ``evidence`` and not marked ``keep``:
        (article, entity, kb id, link evidence, own evidence, score, display, type, country)."""
        return [tuple(r) for r in self._run(
            "SELECT l.article_id, l.entity_id, l.kb_id, l.evidence, m.evidence, m.score, "
            "m.display, e.type, e.country FROM kb_members m JOIN kb_links l "
            "ON l.article_id = m.article_id AND l.entity_id = m.entity_id JOIN entities e "
            "ON e.article_id = m.article_id AND e.id = m.entity_id "
            "WHERE m.key = ? AND l.evidence != ? AND (l.kb_id != ? OR l.evidence != ?)",
            (key, keep, target, evidence),
        ).fetchall()]  # fmt: skip

    def block_surnames(self, block: str) -> list[tuple[str, str, str, str]]:
        """The bare surnames of a block: (article, entity, kb id, evidence)."""
        return [tuple(r) for r in self._run(
            "SELECT m.article_id, m.entity_id, l.kb_id, l.evidence FROM kb_blocks b "
            "JOIN kb_members m ON m.article_id = b.article_id AND m.entity_id = b.entity_id "
            "JOIN kb_links l ON l.article_id = m.article_id AND l.entity_id = m.entity_id "
            "WHERE b.block = ? AND m.kind = 'surname' ORDER BY m.article_id, m.entity_id",
            (block,),
        ).fetchall()]  # fmt: skip

    def block_roots(self, block: str) -> list[str]:
        """The root keys of the full-name people of a block, sorted."""
        rows = self._run(
            "SELECT DISTINCT coalesce(r.root, m.key) FROM kb_blocks b JOIN kb_members m "
            "ON m.article_id = b.article_id AND m.entity_id = b.entity_id "
            "LEFT JOIN kb_roots r ON r.key = m.key "
            "WHERE b.block = ? AND m.kind = 'name' AND m.grp = 'PERSON'",
            (block,),
        ).fetchall()
        return sorted(r for (r,) in rows)

    def keys_of_root(self, root: str) -> list[str]:
        return [k for (k,) in self._run("SELECT key FROM kb_roots WHERE root = ?", (root,))]

    def name_counts(self, keys: list[str]) -> dict[str, int]:
        """How often each display name is used by the full-name members of ``keys``."""
        return {
            name: int(n)
            for name, n in self._run(
                f"SELECT display, count(*) FROM kb_members WHERE key IN ({self._marks(len(keys))})"
                " AND kind = 'name' GROUP BY display",
                keys,
            ).fetchall()
        }

    def _members_of(self, keys: list[str]) -> str:
        return (
            "SELECT article_id, entity_id FROM kb_members "
            f"WHERE key IN ({self._marks(len(keys))}) AND kind = 'name'"
        )

    def member_facts(self, keys: list[str]) -> list[tuple[str, str]]:
        """The distinct titles and affiliations stated of the members of ``keys``."""
        return [tuple(r) for r in self._run(
            f"SELECT DISTINCT f.kind, f.value FROM ({self._members_of(keys)}) m "
            "JOIN entity_facts f ON f.article_id = m.article_id AND f.entity_id = m.entity_id "
            "WHERE f.kind IN ('title', 'affiliation')",
            keys,
        ).fetchall()]  # fmt: skip

    def member_countries(self, keys: list[str]) -> set[str]:
        return {c for (c,) in self._run(
            f"SELECT DISTINCT e.country FROM ({self._members_of(keys)}) m JOIN entities e "
            "ON e.article_id = m.article_id AND e.id = m.entity_id "
            "WHERE e.country IS NOT NULL",
            keys,
        ).fetchall()}  # fmt: skip

    def member_neighbour_keys(self, keys: list[str]) -> set[str]:
        """The keys of the full names in the articles where the members of ``keys`` appear."""
        return {k for (k,) in self._run(
            f"SELECT DISTINCT o.key FROM ({self._members_of(keys)}) m JOIN kb_members o "
            "ON o.article_id = m.article_id WHERE o.kind = 'name'",
            keys,
        ).fetchall()}  # fmt: skip

    def neighbour_keys(self, article_id: str, entity_id: str) -> set[str]:
        return {k for (k,) in self._run(
            "SELECT key FROM kb_members WHERE article_id = ? AND entity_id != ? "
            "AND kind = 'name'",
            (article_id, entity_id),
        ).fetchall()}  # fmt: skip

    def entity(self, article_id: str, entity_id: str) -> tuple[str, str, str | None]:
        """An article entity's (name, type, country)."""
        row = self._run(
            "SELECT name, type, country FROM entities WHERE article_id = ? AND id = ?",
            (article_id, entity_id),
        ).fetchone()
        return (row[0], row[1], row[2])

    def entity_facts(self, article_id: str, entity_id: str) -> list[tuple[str, str]]:
        return [tuple(r) for r in self._run(
            "SELECT kind, value FROM entity_facts WHERE article_id = ? AND entity_id = ?",
            (article_id, entity_id),
        ).fetchall()]  # fmt: skip

    # -- KB entities: touched, recomputed, deleted ------------------------------------------
    def touch(self, kb_ids: Iterable[str]) -> None:
        self._many("INSERT OR IGNORE INTO kb_touched(kb_id) VALUES (?)", [(k,) for k in kb_ids])

    def take_touched(self) -> list[str]:
        """The KB entities touched since the last call (forgotten as they are returned)."""
        touched = [k for (k,) in self._run("SELECT kb_id FROM kb_touched ORDER BY kb_id")]
        self._run("DELETE FROM kb_touched")
        return touched

    def linked_group(self, kb_id: str) -> str | None:
        """The resolution group of the article entities linked to ``kb_id`` (None: none is)."""
        row = self._run(
            "SELECT min(m.grp) FROM kb_links l JOIN kb_members m ON m.article_id = l.article_id "
            "AND m.entity_id = l.entity_id WHERE l.kb_id = ?",
            (kb_id,),
        ).fetchone()
        return row[0] if row else None

    def stats(self, kb_id: str) -> list[tuple[str, str, int]]:
        """A KB entity's counted names, types, countries and sure links."""
        return [tuple(r) for r in self._run(
            "SELECT kind, value, n FROM kb_stats WHERE kb_id = ?", (kb_id,)
        ).fetchall()]  # fmt: skip

    def update_entity(
        self, kb_id: str, name: str, etype: str, country: str | None, status: str
    ) -> None:
        self._run(
            "UPDATE kb_entities SET name = ?, type = ?, country = ?, status = ? WHERE id = ?",
            (name, etype, country, status, kb_id),
        )

    def delete_entity(self, kb_id: str) -> None:
        for table in ("kb_keys", "kb_facts", "kb_stats", "kb_stories"):
            self._run(f"DELETE FROM {table} WHERE kb_id = ?", (kb_id,))
        self._run("DELETE FROM kb_entities WHERE id = ?", (kb_id,))

    def entity_exists(self, kb_id: str) -> bool:
        return self._run("SELECT 1 FROM kb_entities WHERE id = ?", (kb_id,)).fetchone() is not None

    # -- corrections -------------------------------------------------------------------------
    def add_constraint(self, kind: str, subject: str, obj: str | None = None) -> None:
        self._run(
            "INSERT INTO kb_constraints(kind, subject, object) VALUES (?, ?, ?)",
            (kind, subject, obj),
        )

    def merge_targets(self) -> dict[str, str]:
        return dict(
            self._run(
                "SELECT subject, object FROM kb_constraints WHERE kind = 'merge' ORDER BY id"
            ).fetchall()
        )

    def split_subjects(self, article_id: str) -> list[str]:
        """The 'article/entity' subjects split by hand in one article."""
        return [s for (s,) in self._run(
            "SELECT subject FROM kb_constraints WHERE kind = 'split' AND subject >= ? "
            "AND subject < ?",
            (f"{article_id}/", f"{article_id}/\uffff"),
        ).fetchall()]  # fmt: skip

    def links_to(self, kb_id: str) -> list[tuple[str, str, float]]:
        return [tuple(r) for r in self._run(
            "SELECT article_id, entity_id, score FROM kb_links WHERE kb_id = ?", (kb_id,)
        ).fetchall()]  # fmt: skip

    def link_of(self, article_id: str, entity_id: str) -> str | None:
        row = self._run(
            "SELECT kb_id FROM kb_links WHERE article_id = ? AND entity_id = ?",
            (article_id, entity_id),
        ).fetchone()
        return row[0] if row else None

    def roots_of(self, keys: list[str]) -> dict[str, str]:
        if not keys:
            return {}
        return dict(
            self._run(
                f"SELECT key, root FROM kb_roots WHERE key IN ({self._marks(len(keys))})", keys
            ).fetchall()
        )

    def clear(self) -> None:
        """Forget every resolution decision (the corrections stay)."""
        for table in (*RESOLUTION_TABLES, *KB_TABLES, *WORK_TABLES):
            self._run(f"DELETE FROM {table}")

    # -- stories: copies of one wire story --------------------------------------------------
    def signatures_after(self, seen: int) -> list[tuple[int, str, bytes]]:
        """Stored MinHash signatures written after row ``seen``: (row, article id, bytes)."""
        return [(int(r), a, bytes(b)) for r, a, b in self._run(
            "SELECT rowid, article_id, minhash FROM signatures WHERE rowid > ? "
            "ORDER BY rowid",
            (seen,),
        ).fetchall()]  # fmt: skip

    def add_signature(self, article_id: str, minhash: bytes) -> None:
        self._run(
            "INSERT INTO signatures(article_id, minhash) VALUES (?, ?)", (article_id, minhash)
        )

    def story_of(self, article_id: str) -> str:
        row = self._run("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else article_id

    def join_story(self, article_id: str, story_id: str) -> None:
        """File a newly stored article (its own story so far) under ``story_id``."""
        self._run("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
        self._run(
            "DELETE FROM stories WHERE id = ? AND first_article = ?", (article_id, article_id)
        )

    # -- articles stored with resolution deferred -------------------------------------------
    def pending(self, limit: int) -> list[Article]:
        """Up to ``limit`` stored articles not resolved yet, oldest first."""
        rows = self._run(
            "SELECT a.json FROM kb_pending p JOIN articles a ON a.id = p.article_id "
            "ORDER BY a.pk LIMIT ?",
            (limit,),
        ).fetchall()
        return [Article.from_dict(json.loads(r[0])) for r in rows]

    def mark_pending(self, article_id: str) -> None:
        self._run("INSERT OR IGNORE INTO kb_pending(article_id) VALUES (?)", (article_id,))

    def mark_resolved(self, article_id: str) -> None:
        self._run("DELETE FROM kb_pending WHERE article_id = ?", (article_id,))
