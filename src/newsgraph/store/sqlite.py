"""The embedded default store: one SQLite file (WAL, foreign keys, FTS5)."""

from __future__ import annotations

import hashlib
import json
import queue
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.errors import NotFound, StoreError
from newsgraph.model import Article, Entity
from newsgraph.store import schema
from newsgraph.store.base import (
    ArticleSummary,
    CoOccurrence,
    EntitySummary,
    EventCount,
    EventFilter,
    EventRecord,
    FacetCount,
    KBResolver,
    MergeLink,
    Overview,
    Page,
    QuoteRecord,
    SaveResult,
    SearchFacets,
    SearchFilter,
    SearchHit,
    Story,
    TitleUse,
)
from newsgraph.store.kb_tables import KBTables

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
_FTS_WORD = re.compile(r"\w+")
CACHE_KIB = 65_536  # SQLite page cache per connection (64 MiB)
MMAP_BYTES = 268_435_456  # memory-map up to 256 MiB of the file
MAX_READERS = 2  # read connections per store: concurrent reads beyond wait for one
UNSETTLED = "SELECT EXISTS(SELECT 1 FROM kb_dirty) OR EXISTS(SELECT 1 FROM kb_touched)"

_ARTICLE_COLS = (
    "a.id, a.title, a.section, a.source, a.published, a.url, a.origin, a.story_id, "
    "a.n_entities, a.n_quotes, a.n_times, a.n_figures, a.n_events"
)


class SQLiteStore:
    """The ``Store`` protocol over one SQLite file; safe to share between threads.

    Its SQL is the shared SQL of both back ends: ``PostgresStore`` runs these methods with a
    connection that rewrites each statement for PostgreSQL (``kb_tables.PostgresDialect``).
    """

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)  # what a failed statement raises
    begin_write = "BEGIN IMMEDIATE"  # a write transaction: writers take turns

    def __init__(self, path: str | Path, resolver: KBResolver | None = None) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self.db = _connect(self.path)  # writes, settling, the change mark: under self._lock
        self._readers: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._reader_slots = threading.BoundedSemaphore(MAX_READERS)
        self.resolver = resolver  # None: articles are saved with resolution deferred
        self.tables = KBTables(self.db)
        self._unsettled = False  # saved since the last settle, in this process
        if _migrate(self.db, self.path) < schema.RESOLUTION_VERSION and resolver is not None:
            self.reresolve()

    # -- writing ---------------------------------------------------------------------------
    def save(self, article: Article) -> SaveResult:
        """Store an analysed article, resolve its entities into the KB and detect copies."""
        with self._lock:
            try:
                with self.db:
                    self.db.execute(self.begin_write)  # the copy lookup sees every commit
                    return self._save_one(article)
            except self.errors as exc:
                self._forget()  # the resolver may hold what was rolled back
                raise StoreError(f"could not save article {article.id!r}: {exc}") from exc

    def save_many(self, articles: list[Article]) -> list[SaveResult | StoreError]:
        """Store several articles in one transaction (one commit, one full-text flush); an
        article that cannot be stored is rolled back alone and its error returned in its place."""
        results: list[SaveResult | StoreError] = []
        with self._lock:
            try:
                with self.db:
                    self.db.execute(self.begin_write)
                    for article in articles:
                        results.append(self._save_in_savepoint(article))
            except self.errors as exc:
                self._forget()
                raise StoreError(f"could not save a batch of articles: {exc}") from exc
        return results

    def _save_in_savepoint(self, article: Article) -> SaveResult | StoreError:
        self.db.execute("SAVEPOINT article")
        failures: tuple[type[Exception], ...] = (StoreError, *self.errors)
        try:
            result = self._save_one(article)
        except failures as exc:
            self.db.execute("ROLLBACK TO article")
            self.db.execute("RELEASE article")  # the signature is indexed only after success
            if isinstance(exc, StoreError):
                return exc
            return StoreError(f"could not save article {article.id!r}: {exc}")
        self.db.execute("RELEASE article")
        return result

    def _save_one(self, article: Article) -> SaveResult:
        """Every write of one article, inside the caller's transaction."""
        content_hash = article.content_hash or _hash(article.text)
        row = self._one("SELECT id FROM articles WHERE content_hash = ?", content_hash)
        if row:
            return SaveResult(article_id=row[0], duplicate=True)
        if self._one("SELECT 1 FROM articles WHERE id = ?", article.id):
            raise StoreError(
                f"article id {article.id!r} is already stored with different content; "
                "give the record another id"
            )
        article.content_hash = content_hash
        self._write(article)
        result = SaveResult(article_id=article.id, story_id=article.id)
        if self.resolver is None:
            self.tables.mark_pending(article.id)
            return result
        result.syndicated_with = self.resolver.syndicate(self.tables, article)
        if result.syndicated_with:
            result.story_id = self.tables.story_of(article.id)
        result.new_kb_entities, result.merged_entities = self.resolver.add(self.tables, article)
        self._unsettled = True
        return result

    def _forget(self) -> None:
        if self.resolver is not None:
            self.resolver.forget()

    def _resolver(self) -> KBResolver:
        if self.resolver is None:
            raise StoreError(
                f"{self.path} was opened without a resolver; open it with "
                "newsgraph.api.open_store to correct or re-resolve the knowledge base"
            )
        return self.resolver

    def has_hash(self, content_hash: str) -> bool:
        with self._lock:
            return (
                self._one("SELECT 1 FROM articles WHERE content_hash = ?", content_hash) is not None
            )

    def settle(self) -> int:
        """Finish resolution for what was saved since the last settle (short forms, bare
        surnames, KB names and counts); returns how many article entities changed KB entity."""
        if self.resolver is None:
            return 0
        with self._lock, self.db:
            self.db.execute(self.begin_write)  # two readers settling at once take turns
            self._unsettled = False
            return self.resolver.settle(self.tables)

    def resolve_pending(self, resolver: KBResolver | None = None) -> int:
        """Link the articles stored with resolution deferred, then settle; returns how many."""
        self.resolver = resolver or self._resolver()
        with self._lock:
            try:
                with self.db:
                    self.db.execute(self.begin_write)
                    done = self.resolver.resolve_pending(self.tables)
            except self.errors as exc:
                self._forget()
                raise StoreError(f"could not resolve the stored articles: {exc}") from exc
        self.settle()
        return done

    def _fresh(self) -> None:
        """Settle before a read when anything was saved since the last settle (by this process
        or another one that has not settled yet)."""
        if self.resolver is not None and (self._unsettled or self._one(UNSETTLED)[0]):
            self.settle()

    def reresolve(self) -> None:
        """Resolve every stored article again from scratch, keeping the corrections."""
        resolver = self._resolver()
        self.resolve_pending()
        with self._lock, self.db:
            rows = self.db.execute("SELECT json FROM articles ORDER BY pk")  # read as it goes
            resolver.rebuild_all(self.tables, (Article.from_dict(json.loads(r[0])) for r in rows))
            self._unsettled = False

    def unmerge(self, article_id: str, entity_id: str) -> str:
        """Split one article entity out of its KB entity, now and in later ingests."""
        with self._lock, self.db:
            return self._resolver().split(self.tables, article_id, entity_id)

    def merge(self, kb_id: str, into_kb_id: str, evidence: str = "merged by hand") -> None:
        """Join ``kb_id`` to ``into_kb_id``, now and in later ingests."""
        with self._lock, self.db:
            self._resolver().merge(self.tables, kb_id, into_kb_id, evidence)

    def close(self) -> None:
        with self._lock:
            if self._unsettled:
                self.settle()
            self.db.close()
            while not self._readers.empty():
                self._readers.get_nowait().close()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A read connection of its own for one read, in one snapshot, settled first.

        Reads never take the write lock: in WAL mode a reader sees the last commit and does not
        wait for a writer, so a save or a settle in progress (this process's or another's) and
        the other requests' reads do not queue it. What was saved but not settled yet is settled
        first (under the write lock, on the write connection), then the snapshot is taken again.
        An in-memory store has one database per connection: it reads on the write connection.
        """
        if self.path == ":memory:":
            self._fresh()
            with self._lock:
                yield self.db
            return
        with self._reader_slots:
            try:
                db = self._readers.get_nowait()
            except queue.Empty:
                db = self._new_reader()
            try:
                db.execute("BEGIN")  # the snapshot starts with the check below
                if self.resolver is not None and (self._unsettled or _one(db, UNSETTLED)[0]):
                    db.execute("ROLLBACK")
                    self.settle()
                    db.execute("BEGIN")
                yield db
            finally:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                self._readers.put(db)

    def _new_reader(self) -> Any:
        return _connect_reader(self.path)

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles --------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article:
        """The stored Article (exact round trip, entities carrying their current kb_id)."""
        with self._reading() as db:
            row = _one(db, "SELECT json FROM articles WHERE id = ?", article_id)
            if row is None:
                raise NotFound(f"no article {article_id!r} in {self.path}")
            links = dict(
                db.execute(
                    "SELECT entity_id, kb_id FROM kb_links WHERE article_id = ?", (article_id,)
                ).fetchall()
            )
        article = Article.from_dict(json.loads(row[0]))
        for entity in article.entities:
            entity.kb_id = links.get(entity.id, entity.kb_id)
        return article

    def list_articles(
        self,
        offset: int = 0,
        limit: int = 50,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kb_id: str | None = None,
    ) -> Page[ArticleSummary]:
        """Articles, newest first, filtered by outlet, date range or KB entity."""
        where, args = _article_filters(source, date_from, date_to)
        join = ""
        if kb_id:
            join = "JOIN (SELECT DISTINCT article_id FROM kb_links WHERE kb_id = ?) k "
            join += "ON k.article_id = a.id "
            args = [kb_id, *args]
        sql = f"FROM articles a {join}{where}"
        with self._reading() as db:
            total = _one(db, f"SELECT count(*) {sql}", *args)[0]
            page_ids = db.execute(  # sort on the covering index, then read one page
                f"SELECT a.id {sql} ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
                (*args, limit, offset),
            ).fetchall()
            marks = ",".join("?" * len(page_ids))
            rows = db.execute(
                f"SELECT {_ARTICLE_COLS} FROM articles a WHERE a.id IN ({marks}) "
                "ORDER BY a.published DESC, a.id",
                [r[0] for r in page_ids],
            ).fetchall()
        return Page([_summary(r) for r in rows], total, offset, limit)

    def iter_articles(self) -> Iterator[Article]:
        """Every stored Article in ingest order, for exports."""
        with self._lock:
            ids = [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY pk")]
        for article_id in ids:
            yield self.get_article(article_id)

    def search(self, text: str, offset: int = 0, limit: int = 20) -> Page[SearchHit]:
        """Full-text search over titles and bodies, best first, every copy included."""
        query = _fts_query(text)
        if not query:
            return Page([], 0, offset, limit)
        with self._reading() as db:
            total = _one(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", query)[
                0
            ]
            ranked = db.execute(  # rank first; snippets only for the page shown
                "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? "
                "ORDER BY rank LIMIT ? OFFSET ?",
                (query, limit, offset),
            ).fetchall()
            marks = ",".join("?" * len(ranked))
            rows = db.execute(
                f"SELECT a.pk, {_ARTICLE_COLS}, snippet(articles_fts, 1, '[', ']', ' … ', 24) "
                "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})",
                (query, *[r[0] for r in ranked]),
            ).fetchall()
        by_pk = {r[0]: r[1:] for r in rows}
        hits = [
            SearchHit(_summary(by_pk[pk][:13]), by_pk[pk][13], score)
            for pk, score in ranked
            if pk in by_pk
        ]
        return Page(hits, total, offset, limit)

    def search_ids(self, text: str, limit: int = 100) -> list[str]:
        """The ids of the best-matching articles, best first (no snippets, no count)."""
        query = _fts_query(text)
        if not query:
            return []
        with self._reading() as db:
            rows = db.execute(
                "SELECT a.id FROM (SELECT rowid, rank FROM articles_fts "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) hit "
                "JOIN articles a ON a.pk = hit.rowid ORDER BY hit.rank",
                (query, limit),
            ).fetchall()
        return [r[0] for r in rows]

    def story(self, story_id: str) -> Story:
        """A story with its copies and outlets (oldest copy first)."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT id, source FROM articles WHERE story_id = ? ORDER BY pk", (story_id,)
            ).fetchall()
        if not rows:
            raise NotFound(f"no story {story_id!r}")
        outlets = list(dict.fromkeys(r[1] for r in rows if r[1]))
        return Story(story_id, [r[0] for r in rows], outlets)

    # -- knowledge base --------------------------------------------------------------------
    def list_entities(
        self,
        type: str | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[EntitySummary]:
        """KB entities, most stories first, filtered by type and name words (prefixes)."""
        where: list[str] = []
        args: list[Any] = []
        if type:
            where.append("k.type = ?")
            args.append(type.upper())
        for word in self._search_words(search or ""):
            where.append("k.id IN (SELECT kb_id FROM kb_keys WHERE key >= ? AND key < ?)")
            args += [f"t:{word}", f"t:{word}\uffff"]
        sql = "FROM kb_entities k" + (" WHERE " + " AND ".join(where) if where else "")
        with self._reading() as db:
            total = _one(db, f"SELECT count(*) {sql}", *args)[0]
            rows = db.execute(
                "SELECT k.id, k.name, k.type, k.country, k.n_articles, k.n_mentions, k.status "
                f"{sql} "
                "ORDER BY k.n_articles DESC, k.id LIMIT ? OFFSET ?",
                (*args, limit, offset),
            ).fetchall()
            items = self._entity_summaries(db, rows)
        return Page(items, total, offset, limit)

    def get_entity(self, kb_id: str) -> EntitySummary:
        with self._reading() as db:
            row = _one(
                db,
                "SELECT id, name, type, country, n_articles, n_mentions, status FROM kb_entities "
                "WHERE id = ?",
                kb_id,
            )
            if row is None:
                raise NotFound(f"no entity {kb_id!r} in {self.path}")
            return self._entity_summaries(db, [row])[0]

    def title_uses(self, kb_id: str) -> list[TitleUse]:
        """The entity's titles with the dates of the articles that used them."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT f.value, a.published, a.story_id FROM kb_links l "
                "JOIN entity_facts f ON f.article_id = l.article_id AND f.entity_id = l.entity_id "
                "JOIN articles a ON a.id = l.article_id "
                "WHERE l.kb_id = ? AND f.kind = 'title'",
                (kb_id,),
            ).fetchall()
        by_title: dict[str, tuple[set[str], set[str]]] = {}
        for title, published, story_id in rows:
            dates, stories = by_title.setdefault(title, (set(), set()))
            stories.add(story_id)
            if published:
                dates.add(published)
        uses = [
            TitleUse(t, sorted(d), len(s), min(d, default=None), max(d, default=None))
            for t, (d, s) in by_title.items()
        ]
        return sorted(uses, key=lambda u: (u.first or "9999", -u.articles, u.title))

    def merge_links(self, kb_id: str, limit: int = 200) -> list[MergeLink]:
        """The article entities linked to this KB entity (oldest first), with the evidence."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT l.article_id, l.entity_id, e.name, l.kb_id, l.evidence, l.score, "
                "a.published FROM kb_links l JOIN entities e ON e.article_id = l.article_id "
                "AND e.id = l.entity_id JOIN articles a ON a.id = l.article_id "
                "WHERE l.kb_id = ? ORDER BY a.published, l.article_id, l.entity_id LIMIT ?",
                (kb_id, limit),
            ).fetchall()
        return [MergeLink(*r) for r in rows]

    def co_occurring(self, kb_id: str, limit: int = 20) -> list[CoOccurrence]:
        """Other KB entities in the same stories, most shared stories first."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT k.id, k.name, k.type, top.n FROM (SELECT other.kb_id AS kb_id, "
                "count(DISTINCT mine.article_id) AS n FROM (SELECT min(l.article_id) AS article_id "
                "FROM kb_links l "
                "JOIN articles a INDEXED BY articles_meta ON a.id = l.article_id "
                "WHERE l.kb_id = ?1 GROUP BY a.story_id) mine "  # one copy per story
                "JOIN kb_links other ON other.article_id = mine.article_id "
                "AND other.kb_id != ?1 "
                "GROUP BY other.kb_id ORDER BY n DESC, other.kb_id LIMIT ?) top "
                "JOIN kb_entities k ON k.id = top.kb_id ORDER BY top.n DESC, k.id",
                (kb_id, limit),
            ).fetchall()
        return [CoOccurrence(*r) for r in rows]

    def shared_stories(self, kb_ids: list[str]) -> list[tuple[str, str, int]]:
        """Each pair of these KB entities that an article names together, with the stories
        (copies once) it happens in: one query for a whole graph, most shared first."""
        if len(kb_ids) < 2:
            return []
        marks = ",".join("?" * len(kb_ids))
        with self._reading() as db:
            rows = db.execute(
                "WITH l AS (SELECT DISTINCT l.kb_id, l.article_id, a.story_id FROM kb_links l "
                "JOIN articles a INDEXED BY articles_meta ON a.id = l.article_id "
                f"WHERE l.kb_id IN ({marks})) "
                "SELECT x.kb_id, y.kb_id, count(DISTINCT x.story_id) AS n FROM l x "
                "JOIN l y ON y.article_id = x.article_id AND x.kb_id < y.kb_id "
                "GROUP BY x.kb_id, y.kb_id ORDER BY n DESC, x.kb_id, y.kb_id",
                kb_ids,
            ).fetchall()
        return [(a, b, n) for a, b, n in rows]

    def change_mark(self) -> tuple[int, int]:
        """(PRAGMA data_version, total_changes): the first moves when another connection
        commits (another process, a CLI ingest), the second with every row this connection
        writes (a save, a settle, a merge), so together they move with any change."""
        self._fresh()  # a pending settle is a change: make it before reading the mark
        with self._lock:
            return int(self._one("PRAGMA data_version")[0]), self.db.total_changes

    def quotes(
        self,
        speaker_kb_id: str | None = None,
        speaker: str | None = None,
        text: str | None = None,
        about_kb_id: str | None = None,
        article_id: str | None = None,
        offset: int = 0,
        limit: int = 50,
        article_ids: list[str] | None = None,
        cue_kind: str | None = None,
    ) -> Page[QuoteRecord]:
        """Quotes by speaker (kb id or name text), quote text, entity mentioned, or article."""
        where: list[str] = []
        args: list[Any] = []
        if cue_kind:  # 'speech': what was said, not thought, judged or found by a report
            where.append("q.cue_kind = ?")
            args.append(cue_kind)
        source = "quotes q"
        if speaker_kb_id:  # driven by the speaker's links: an index walk, not a scan
            source = (
                "kb_links drv JOIN quotes q ON q.article_id = drv.article_id "
                "AND q.speaker = drv.entity_id"
            )
            where.append("drv.kb_id = ?")
            args.append(speaker_kb_id)
        if speaker:
            where.append("(se.name LIKE ? OR q.speaker_text LIKE ?)")
            args += [f"%{speaker}%"] * 2
        if text and (words := _fts_query(text)):
            where.append(
                "(q.article_id, q.idx) IN "
                "(SELECT article_id, idx FROM quotes_fts WHERE quotes_fts MATCH ?)"
            )
            args.append(words)
        if about_kb_id:
            where.append(
                "(q.article_id, q.idx) IN (SELECT m.article_id, m.quote_idx FROM kb_links ml "
                "JOIN quote_mentions m ON m.article_id = ml.article_id "
                "AND m.entity_id = ml.entity_id WHERE ml.kb_id = ?)"
            )
            args.append(about_kb_id)
        if article_id:
            where.append("q.article_id = ?")
            args.append(article_id)
        if article_ids is not None:
            where.append(f"q.article_id IN ({','.join('?' * len(article_ids))})")
            args += article_ids
        chosen = (  # which quotes, in order: the joins the filters need, nothing more
            f"FROM {source} JOIN articles a INDEXED BY articles_meta ON a.id = q.article_id "
            + (
                "LEFT JOIN entities se ON se.article_id = q.article_id AND se.id = q.speaker "
                if speaker
                else ""
            )
            + (" WHERE " + " AND ".join(where) if where else "")
        )
        order = "ORDER BY a.published DESC, q.article_id, q.idx"
        with self._reading() as db:
            total = _one(db, f"SELECT count(*) {chosen}", *args)[0]
            rows = db.execute(  # one page of rowids first, then its details joined
                "SELECT q.article_id, q.idx, q.text, q.kind, q.start, q.end, "
                "coalesce(se.name, q.speaker_text), sl.kb_id, q.cue, a.published, a.source, "
                "a.title, a.story_id, q.cue_kind FROM quotes q "
                "JOIN articles a INDEXED BY articles_meta ON a.id = q.article_id "
                "LEFT JOIN entities se ON se.article_id = q.article_id AND se.id = q.speaker "
                "LEFT JOIN kb_links sl ON sl.article_id = q.article_id "
                "AND sl.entity_id = q.speaker "
                f"WHERE q.rowid IN (SELECT q.rowid {chosen} {order} LIMIT ? OFFSET ?) {order}",
                (*args, limit, offset),
            ).fetchall()
        return Page([QuoteRecord(*r) for r in rows], total, offset, limit)

    def events(
        self,
        actor_kb_id: str | None = None,
        target_kb_id: str | None = None,
        kb_id: str | None = None,
        type: str | None = None,
        article_ids: list[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        offset: int = 0,
        limit: int = 50,
        typed_only: bool = True,
    ) -> Page[EventRecord]:
        """Events filtered by actor/target/any role KB entity, type, articles and date range;
        only PLOVER-typed ones unless ``typed_only`` is False (then every event mention)."""
        where: list[str] = []
        args: list[Any] = []
        for roles, value in (("e2.actor", actor_kb_id), ("e2.target", target_kb_id)):
            if value:
                where.append(_events_of_entity(roles))
                args.append(value)
        if kb_id:
            where.append(_events_of_entity("e2.actor, e2.target, e2.place"))
            args.append(kb_id)
        if type:
            where.append("ev.type = ?")
            args.append(type.upper())
        elif typed_only:
            where.append("ev.type IS NOT NULL")
        if article_ids is not None:
            where.append(f"ev.article_id IN ({','.join('?' * len(article_ids))})")
            args += article_ids
        if date_from:
            where.append("ev.date >= ?")
            args.append(date_from)
        if date_to:
            where.append("substr(ev.date, 1, ?) <= ?")
            args += [len(date_to), date_to]
        chosen = (  # which events, in order: the filters read events and links only
            "FROM events ev JOIN articles a INDEXED BY articles_meta ON a.id = ev.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
        )
        order = "ORDER BY ev.date, ev.article_id, ev.id"
        with self._reading() as db:
            total = _one(db, f"SELECT count(*) {chosen}", *args)[0]
            rows = db.execute(  # one page of rowids first, then its details joined
                f"SELECT {_EVENT_COLS} FROM events ev JOIN articles a INDEXED BY articles_meta "
                f"ON a.id = ev.article_id {_EVENT_ROLES}"
                f"WHERE ev.rowid IN (SELECT ev.rowid {chosen} {order} LIMIT ? OFFSET ?) {order}",
                (*args, limit, offset),
            ).fetchall()
        return Page([EventRecord(*r) for r in rows], total, offset, limit)

    def overview(self, top: int = 10) -> Overview:
        """Counts and the most-covered people, organisations and places."""
        with self._reading() as db:
            counts = _one(
                db,  # counted from small tables: article rows hold whole texts
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories), "
                "(SELECT count(*) FROM quotes), "
                "(SELECT count(*) FROM events WHERE type IS NOT NULL), "
                "(SELECT count(*) FROM times), (SELECT count(*) FROM figures)",
            )
            kb_count = _one(db, "SELECT count(*) FROM kb_entities")[0]
        people = self.list_entities(type="PERSON", limit=top).items
        orgs = self.list_entities(type="ORG", limit=top).items
        places = self.list_entities(type="GPE", limit=top).items
        places += self.list_entities(type="LOC", limit=top).items
        places = sorted(places, key=lambda e: -e.articles)[:top]
        articles, stories, quotes, events, times, figures = counts
        return Overview(
            articles, stories, kb_count, quotes, events, times, figures, people, orgs, places
        )

    # -- the analyst's workbench: filtered reads in portable SQL -----------------------------
    def find_events(
        self, wanted: EventFilter, offset: int = 0, limit: int = 50
    ) -> Page[EventRecord]:
        """Events narrowed by every field of ``wanted``, in date order (undated last)."""
        where, args, roles = _event_where(wanted)
        chosen = f"FROM events ev {_EVENT_ROLES if roles else ''}{where}"
        page_sql, page_args = self._event_page_sql(wanted, offset, limit)
        with self._reading() as db:
            total = _one(db, f"SELECT count(*) {chosen}", *args)[0]  # the same filters, no details
            rows = db.execute(page_sql, page_args).fetchall()
        return Page([EventRecord(*r) for r in rows], total, offset, limit)

    def _event_page_sql(
        self, wanted: EventFilter, offset: int, limit: int
    ) -> tuple[str, list[Any]]:
        """One page of events: the keys chosen over events alone, then their details joined
        for that page only (one pass when a name, place or country needs the role joins)."""
        where, args, roles = _event_where(wanted)
        order = (
            "ORDER BY CASE WHEN ev.date IS NULL THEN 1 ELSE 0 END, ev.date, ev.article_id, ev.id"
        )
        if roles:  # the filter joins the roles already: one pass
            sql = (
                f"SELECT {_EVENT_COLS} FROM events ev JOIN articles a ON a.id = ev.article_id "
                f"{_EVENT_ROLES}{where}{order} LIMIT ? OFFSET ?"
            )
            return sql, [*args, limit, offset]
        keys = (
            f"SELECT ev.article_id, ev.id FROM events ev {_EVENT_ROLES if roles else ''}{where}"
            f"{order} LIMIT ? OFFSET ?"
        )
        sql = (
            f"SELECT {_EVENT_COLS} FROM events ev JOIN articles a ON a.id = ev.article_id "
            f"{_EVENT_ROLES}WHERE (ev.article_id, ev.id) IN ({keys}) {order}"
        )
        return sql, [*args, limit, offset]

    def event_counts(self, wanted: EventFilter) -> list[EventCount]:
        """How many of the ``wanted`` events fall in each month, by type, months in order."""
        where, args, roles = _event_where(wanted)
        with self._reading() as db:
            rows = db.execute(
                "SELECT coalesce(substr(ev.date, 1, 7), ''), ev.type, count(*) FROM events ev "
                f"{_EVENT_ROLES if roles else ''}{where}GROUP BY 1, 2 ORDER BY 1, 2",
                args,
            ).fetchall()
        return [EventCount(m, t or None, n) for m, t, n in rows]

    def article_openings(self, article_ids: list[str], chars: int = 160) -> dict[str, str]:
        """The first ``chars`` characters of each article's body, for untitled articles."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        with self._reading() as db:
            rows = db.execute(
                f"SELECT id, substr(text, 1, ?) FROM articles WHERE id IN ({marks})",
                (chars, *article_ids),
            ).fetchall()
        return {r[0]: r[1] for r in rows}

    def search_filtered(
        self,
        text: str,
        wanted: SearchFilter,
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 20,
    ) -> Page[SearchHit]:
        """``search`` narrowed by ``wanted``, sorted by "relevance" or "date" (newest first)."""
        query = _fts_query(text)
        if not query:
            return Page([], 0, offset, limit)
        where, args = self._search_where(query, wanted)
        snippet, rank, rank_args = self._fts_snippet_rank(query)
        order = "a.published DESC, a.id" if sort == "date" else "rank, a.id"
        sql = f"FROM {self._fts_from()} {where}"
        with self._reading() as db:
            total = _one(db, f"SELECT count(*) {sql}", *args)[0]
            rows = db.execute(
                f"SELECT {_ARTICLE_COLS}, {snippet}, {rank} AS rank {sql} "
                f"ORDER BY {order} LIMIT ? OFFSET ?",
                (*rank_args, *args, limit, offset),
            ).fetchall()
        return Page([SearchHit(_summary(r[:13]), r[13], r[14]) for r in rows], total, offset, limit)

    def search_facets(self, text: str, wanted: SearchFilter, top: int = 20) -> SearchFacets:
        """Counts of the matching articles by year, outlet, section, language, entity type and
        event type (the ``top`` largest of each)."""
        query = _fts_query(text)
        if not query:
            return SearchFacets(0)
        where, args = self._search_where(query, wanted)
        hits = f"SELECT a.id FROM {self._fts_from()} {where}"
        by_column = (
            "SELECT {col}, count(*) FROM articles a WHERE a.id IN ({hits}) AND {col} IS NOT NULL "
            "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?"
        )
        by_fact = (
            "SELECT f.type, count(DISTINCT f.article_id) FROM {table} f WHERE f.article_id IN "
            "({hits}) AND f.type IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?"
        )
        with self._reading() as db:
            total = _one(db, f"SELECT count(*) FROM ({hits}) h", *args)[0]

            def counts(sql: str) -> list[FacetCount]:
                return [FacetCount(str(v), n) for v, n in db.execute(sql, (*args, top))]

            facets = SearchFacets(
                total,
                years=counts(by_column.format(col="substr(a.published, 1, 4)", hits=hits)),
                sources=counts(by_column.format(col="a.source", hits=hits)),
                sections=counts(by_column.format(col="a.section", hits=hits)),
                languages=counts(by_column.format(col="a.language", hits=hits)),
                entity_types=counts(by_fact.format(table="entities", hits=hits)),
                event_types=counts(by_fact.format(table="events", hits=hits)),
            )
        facets.years.sort(key=lambda f: f.value, reverse=True)
        return facets

    def _fts_from(self) -> str:
        """The full-text index joined to its articles (the PostgreSQL store: a tsvector column)."""
        return "articles_fts JOIN articles a ON a.pk = articles_fts.rowid"

    def _fts_match(self) -> str:
        """The condition a matching article meets; one ``?`` takes the query."""
        return "articles_fts MATCH ?"

    def _fts_snippet_rank(self, query: str) -> tuple[str, str, list[Any]]:
        """The snippet and rank (lower is better) expressions, with the arguments they take."""
        return "snippet(articles_fts, 1, '[', ']', ' … ', 24)", "articles_fts.rank", []

    def _search_where(self, query: str, wanted: SearchFilter) -> tuple[str, list[Any]]:
        where = [self._fts_match()]
        args: list[Any] = [query]
        if wanted.date_from:
            where.append("a.published >= ?")
            args.append(wanted.date_from)
        if wanted.date_to:
            where.append("substr(a.published, 1, ?) <= ?")
            args += [len(wanted.date_to), wanted.date_to]
        if wanted.source:
            where.append("a.source = ?")
            args.append(wanted.source)
        if wanted.section:
            where.append("lower(a.section) = lower(?)")
            args.append(wanted.section)
        if wanted.language:
            where.append("a.language = ?")
            args.append(wanted.language)
        for table, value in (("entities", wanted.entity_type), ("events", wanted.event_type)):
            if value:
                where.append(
                    f"EXISTS (SELECT 1 FROM {table} f WHERE f.article_id = a.id AND f.type = ?)"
                )
                args.append(value.upper())
        return "WHERE " + " AND ".join(where) + " ", args

    # -- internals -------------------------------------------------------------------------
    def _one(self, sql: str, *args: Any) -> Any:
        return self.db.execute(sql, args).fetchone()

    def _search_words(self, text: str) -> list[str]:
        """Name-search words folded as the resolver folds them (plain lower-case words when
        the store was opened without one)."""
        if self.resolver is not None:
            return self.resolver.search_words(text)
        return _FTS_WORD.findall(text.lower())

    def _write(self, article: Article) -> None:
        """Every insert of one article (its own story until the resolver files it)."""
        story_id = article.id
        db = self.db
        db.execute(
            "INSERT INTO articles(id, content_hash, story_id, title, section, source, published, "
            "url, author, origin, input_kind, text, json, n_entities, n_quotes, n_times, "
            "n_figures, n_events, language) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.content_hash,
                story_id,
                article.title,
                article.section,
                article.source,
                article.published,
                article.url,
                article.author,
                article.origin,
                article.input_kind,
                article.text,
                article.to_json(),
                len(article.entities),
                len(article.quotes),
                len(article.times),
                len(article.figures),
                len(article.plover_events()),
                article.language,
            ),
        )  # fmt: skip  (the JSON's kb_ids are not kept: get_article reads the current links)
        db.execute(
            "INSERT INTO articles_fts(rowid, title, text) VALUES (last_insert_rowid(), ?, ?)",
            (article.title or "", article.text),
        )
        db.execute(
            "INSERT OR IGNORE INTO stories(id, first_article) VALUES (?, ?)",
            (story_id, article.id),
        )
        _insert_entities(db, article)
        _insert_facts(db, article)

    def _entity_summaries(self, db: sqlite3.Connection, rows: list[Any]) -> list[EntitySummary]:
        """Entity rows with their titles, aliases and affiliations (most used first)."""
        items = [
            EntitySummary(r[0], r[1], r[2], r[3], articles=r[4], mentions=r[5], status=r[6])
            for r in rows
        ]
        if not items:
            return items
        by_id = {e.id: e for e in items}
        facts = db.execute(
            "SELECT kb_id, kind, value, n FROM kb_facts "
            f"WHERE kb_id IN ({','.join('?' * len(by_id))}) ORDER BY n DESC, value",
            list(by_id),
        ).fetchall()
        lists = {"title": "titles", "alias": "aliases", "affiliation": "affiliations"}
        for kb_id, kind, value, _ in facts:
            getattr(by_id[kb_id], lists[kind]).append(value)
        return items


def open_sqlite(path: str | Path, resolver: KBResolver | None = None) -> SQLiteStore:
    """Open (creating if needed) the SQLite store at ``path``."""
    return SQLiteStore(path, resolver)


def _connect(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        parent = Path(path).parent
        if not parent.exists():
            raise StoreError(f"cannot create store {path}: folder {parent} does not exist")
    try:
        db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA busy_timeout = 5000")
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # the hot indexes stay in memory
        db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        db.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} is not a newsgraph store ({exc}); pass another --db file"
        ) from exc
    db.isolation_level = "DEFERRED"  # transactions via `with db:` from here on
    return db


def _connect_reader(path: str) -> sqlite3.Connection:
    """A connection that only reads (``query_only``), with explicit transactions."""
    db = _connect(path)
    db.isolation_level = None
    db.execute("PRAGMA query_only = ON")
    return db


def _one(db: sqlite3.Connection, sql: str, *args: Any) -> Any:
    return db.execute(sql, args).fetchone()


def _migrate(db: sqlite3.Connection, path: str) -> int:
    """Bring the schema up to date, refusing stores written by a newer newsgraph; returns the
    version the store had (the schema's own for a new store)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.VERSION:
        raise StoreError(
            f"{path} has schema version {version}, newer than this newsgraph "
            f"understands ({schema.VERSION}); upgrade newsgraph to open it"
        )
    if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise StoreError(f"{path} is an SQLite file but not a newsgraph store; use another --db")
    for number, script in enumerate(schema.MIGRATIONS[version:], start=version + 1):
        db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
    return version or schema.VERSION


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _insert_entities(db: sqlite3.Connection, article: Article) -> None:
    db.executemany(
        "INSERT INTO entities(article_id, id, name, type, country) VALUES (?, ?, ?, ?, ?)",
        [(article.id, e.id, e.name, e.type, e.country) for e in article.entities],
    )
    db.executemany(
        "INSERT INTO mentions(article_id, entity_id, start, end, text, field) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (article.id, e.id, m.start, m.end, m.text, m.field)
            for e in article.entities
            for m in e.mentions
        ],
    )
    facts = [(article.id, e.id, k, v) for e in article.entities for k, v in _facts_of(e)]
    db.executemany(
        "INSERT INTO entity_facts(article_id, entity_id, kind, value) VALUES (?, ?, ?, ?)", facts
    )


def _facts_of(entity: Entity) -> list[tuple[str, str]]:
    """The titles, aliases and affiliations an article entity states, each once."""
    kinds = (
        ("title", entity.titles),
        ("alias", entity.aliases),
        ("affiliation", entity.affiliations),
    )
    return [(kind, value) for kind, values in kinds for value in dict.fromkeys(values)]


def _insert_facts(db: sqlite3.Connection, article: Article) -> None:
    """Quotes (with the entities they mention), times, figures, events, removed boilerplate."""
    aid = article.id
    db.executemany(
        "INSERT INTO quotes(article_id, idx, text, kind, start, end, speaker, speaker_text, cue, "
        "field, cue_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid,
                i,
                q.text,
                q.kind,
                q.start,
                q.end,
                q.speaker,
                q.speaker_text,
                q.cue,
                q.field,
                q.cue_kind,
            )
            for i, q in enumerate(article.quotes)
        ],
    )
    db.executemany(
        "INSERT INTO quotes_fts(text, article_id, idx) VALUES (?, ?, ?)",
        [(q.text, aid, i) for i, q in enumerate(article.quotes)],
    )
    db.executemany(
        "INSERT OR IGNORE INTO quote_mentions(article_id, quote_idx, entity_id) VALUES (?, ?, ?)",
        [
            (aid, i, e.id)
            for i, q in enumerate(article.quotes)
            for e in article.entities
            if any(m.field == q.field and m.start < q.end and m.end > q.start for m in e.mentions)
        ],
    )
    db.executemany(
        "INSERT INTO times(article_id, idx, text, start, end, type, value, anchor, field) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, i, t.text, t.start, t.end, t.type, t.value, t.anchor, t.field)
            for i, t in enumerate(article.times)
        ],
    )
    db.executemany(
        "INSERT INTO figures(article_id, idx, text, start, end, value, unit, kind, currency, "
        "field) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, i, f.text, f.start, f.end, f.value, f.unit, f.kind, f.currency, f.field)
            for i, f in enumerate(article.figures)
        ],
    )
    db.executemany(
        "INSERT OR IGNORE INTO events(article_id, id, type, mode, trigger, trigger_start, "
        "trigger_end, actor, target, place, time, date, factuality, sentence, field) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, e.id, e.type, e.mode, e.trigger, e.trigger_start, e.trigger_end, e.actor,
                e.target, e.place, e.time, _event_date(e.time, article.published),
                e.factuality,
                _sentence(article.field_text(e.field), e.sentence_start, e.sentence_end), e.field,
            )
            for e in article.events
        ],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO removed(article_id, idx, text, reason) VALUES (?, ?, ?, ?)",
        [(aid, i, r.text, r.reason) for i, r in enumerate(article.removed)],
    )


def _events_of_entity(roles: str) -> str:
    """A filter: events where the KB entity plays one of ``roles``, driven by its links."""
    return (
        "ev.rowid IN (SELECT e2.rowid FROM kb_links l JOIN events e2 ON e2.article_id = "
        f"l.article_id AND l.entity_id IN ({roles}) WHERE l.kb_id = ?)"
    )


_EVENT_ROLES = "".join(
    f"LEFT JOIN entities {r}e ON {r}e.article_id = ev.article_id AND {r}e.id = ev.{col} "
    f"LEFT JOIN kb_links {r}l ON {r}l.article_id = ev.article_id AND {r}l.entity_id = ev.{col} "
    for r, col in (("a", "actor"), ("t", "target"), ("p", "place"))
)
_EVENT_COLS = (
    "ev.article_id, ev.id, ev.type, ev.mode, ev.trigger, ev.date, ev.factuality, ae.name, "
    "al.kb_id, ae.country, te.name, tl.kb_id, te.country, pe.name, pl.kb_id, ev.sentence, "
    "a.published, a.source, a.title, a.story_id, ev.field"
)


def _like(text: str) -> str:
    """A LIKE pattern finding ``text`` anywhere, its own % and _ taken literally."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_NAMING_ARTICLES = "ev.article_id IN (SELECT article_id FROM kb_links WHERE kb_id = ?)"


def _in_role(roles: str) -> str:
    """A filter: the KB entity (one argument) is linked to one of the event's ``roles``."""
    return (
        "EXISTS (SELECT 1 FROM kb_links k WHERE k.kb_id = ? AND k.article_id = ev.article_id "
        f"AND k.entity_id IN ({roles}))"
    )


def _linked(roles: str) -> str:
    """A filter: the KB entity (two arguments) plays one of ``roles``: the articles naming it
    come first from kb_links(kb_id, ...), then its role in their events."""
    return f"{_NAMING_ARTICLES} AND {_in_role(roles)}"


def _event_where(w: EventFilter) -> tuple[str, list[Any], bool]:
    """The WHERE clause of an event filter (portable SQL), its arguments, and whether it reads
    the role columns of ``_EVENT_ROLES``. KB ids are matched through kb_links(kb_id, ...): the
    articles that name the entity first, then its role in each of their events."""
    where: list[str] = []
    args: list[Any] = []
    equal = (
        ("ev.type", w.type.upper() if w.type else None), ("ev.mode", w.mode),
        ("ev.factuality", w.factuality),
    )  # fmt: skip
    for column, value in equal:
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if w.typed_only and not w.type:
        where.append("ev.type IS NOT NULL AND ev.type <> ''")
    for kb_id, columns in ((w.actor, "ev.actor"), (w.target, "ev.target")):
        if kb_id:
            where.append(_linked(columns))
            args += [kb_id, kb_id]
    if w.entity:
        where.append(_linked("ev.actor, ev.target, ev.place"))
        args += [w.entity, w.entity]
    if w.dyad:
        a, b = w.dyad
        actor, target = _in_role("ev.actor"), _in_role("ev.target")
        where.append(
            f"{_NAMING_ARTICLES} AND {_NAMING_ARTICLES} AND "
            f"(({actor} AND {target}) OR ({actor} AND {target}))"
        )
        args += [a, b, a, b, b, a]
    roles = False
    for column, text in (("ae.name", w.actor_name), ("te.name", w.target_name)):
        if text:
            where.append(f"lower({column}) LIKE ? ESCAPE '\\'")
            args.append(_like(text))
            roles = True
    if w.place:
        where.append("(pl.kb_id = ? OR lower(pe.name) LIKE ? ESCAPE '\\')")
        args += [w.place, _like(w.place)]
        roles = True
    if w.country:
        where.append("? IN (ae.country, te.country, pe.country)")
        args.append(w.country.upper())
        roles = True
    if w.date_from:
        where.append("ev.date >= ?")
        args.append(w.date_from)
    if w.date_to:
        where.append("substr(ev.date, 1, ?) <= ?")
        args += [len(w.date_to), w.date_to]
    return ("WHERE " + " AND ".join(where) + " " if where else ""), args, roles


def _event_date(time: str | None, published: str | None) -> str | None:
    """The event's own date when its TIMEX3 value is a calendar date, else the publication date."""
    if time and (m := _DATE.match(time)):
        return m.group(0)
    return published


def _sentence(text: str, start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    return text[start:end].strip() or None


def _article_filters(
    source: str | None, date_from: str | None, date_to: str | None
) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if source:
        where.append("a.source = ?")
        args.append(source)
    if date_from:
        where.append("a.published >= ?")
        args.append(date_from)
    if date_to:
        where.append("substr(a.published, 1, ?) <= ?")
        args += [len(date_to), date_to]
    return (" WHERE " + " AND ".join(where) + " " if where else " "), args


def _fts_query(text: str) -> str:
    """User text as an FTS5 query: every word must appear (quoted, so no syntax errors)."""
    return " ".join(f'"{w}"' for w in _FTS_WORD.findall(text))


def _summary(row: Any) -> ArticleSummary:
    return ArticleSummary(*row)
