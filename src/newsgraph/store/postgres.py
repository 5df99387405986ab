"""The PostgreSQL store: the same tables, queries and migrations as SQLite, on a server.

Its SQL is SQLite's (``store/sqlite.py``, ``store/kb_tables.py``, ``store/schema.py``), written
once: ``to_postgres`` rewrites each statement the first time it runs and ``schema_script`` each
migration, so a query or a column another change adds to the SQLite store works here as is.
What PostgreSQL spells otherwise is one table of rules below: placeholders, upserts,
``NULLS FIRST/LAST`` to sort as SQLite does, byte-order (``"C"``) collation, the triggers as
plpgsql functions, and full-text search as a ``tsvector`` column with a GIN index queried with
``websearch_to_tsquery`` (in place of the FTS5 tables).

Writers: with a resolver (inline resolution) a save takes a transaction-level advisory lock, so
one writer resolves at a time; without one (``ingest --no-resolve``, many workers) saves run
concurrently and ``newsgraph resolve`` links them afterwards.
"""

from __future__ import annotations

import functools
import queue
import re
import threading
from collections.abc import Sequence
from typing import Any, cast

import psycopg
from psycopg import pq

from newsgraph.errors import StoreError
from newsgraph.store import schema
from newsgraph.store.address import shown_db
from newsgraph.store.base import KBResolver, Page, SearchHit
from newsgraph.store.kb_tables import KBTables
from newsgraph.store.sqlite import _ARTICLE_COLS, _FTS_WORD, MAX_READERS, SQLiteStore, _summary

WRITE_LOCK = 0x6E657773  # the advisory lock inline resolution serialises writers on
TS_CONFIG = "english"  # stemming as FTS5's porter tokenizer does
ARTICLE_TSV = (
    f"setweight(to_tsvector('{TS_CONFIG}', coalesce(title, '')), 'A') || "
    f"to_tsvector('{TS_CONFIG}', text)"
)

# -- statements ------------------------------------------------------------------------------

_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.I)
_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO (\w+)\(([^)]*)\)", re.I)
_PLACEHOLDER = re.compile(r"\?(\d*)")
_END_COLUMN = re.compile(r"(?<![\"\w.])end\b(?!\s*\()")  # the column 'end' (END is the keyword)
_QUALIFIED_END = re.compile(r"\.end\b")
_INDEXED_BY = re.compile(r" INDEXED BY \w+")
_MATCH = re.compile(r"(\w+) WHERE \1 MATCH \?")
_ORDER_BY = re.compile(r"ORDER BY (.+?)(?=\s+LIMIT\b|\s+OFFSET\b|\)|$|\s+UNION\b)", re.S)
REPLACE_KEYS = {"kb_roots": ("key",)}  # key columns of the tables written INSERT OR REPLACE
FTS_TABLES = {"articles_fts": "articles", "quotes_fts": "quotes"}  # FTS5 table -> tsv owner
SKIPPED = ("INSERT INTO articles_fts", "INSERT INTO quotes_fts")  # kept by generated columns


@functools.lru_cache(maxsize=4096)
def to_postgres(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """A shared (SQLite-dialect) statement in PostgreSQL's spelling ('' when PostgreSQL has
    nothing to do), with the order of the arguments it takes when it numbers them (``?1``)."""
    if sql.lstrip().startswith(SKIPPED):
        return "", None
    out = sql.replace("%", "%%")
    out = _QUALIFIED_END.sub('."end"', out)
    out = _END_COLUMN.sub('"end"', out)
    out = _MATCH.sub(
        lambda m: f"{FTS_TABLES[m.group(1)]} WHERE tsv @@ websearch_to_tsquery('{TS_CONFIG}', ?)",
        out,
    )
    out = out.replace(" IN ()", " IN (NULL)")  # SQLite allows an empty list; it matches nothing
    out = _INDEXED_BY.sub("", out)  # SQLite's planner hints; PostgreSQL plans its own
    out = out.replace(" LIKE ", " ILIKE ").replace("last_insert_rowid()", "lastval()")
    out = _ORDER_BY.sub(lambda m: "ORDER BY " + _nulls_as_sqlite(m.group(1)), out)
    if _IGNORE.match(out):
        out, returning, tail = _IGNORE.sub("INSERT INTO", out).partition(" RETURNING ")
        out += " ON CONFLICT DO NOTHING" + (returning + tail if returning else "")
    elif m := _REPLACE.match(out):
        table, cols = m.group(1), [c.strip() for c in m.group(2).split(",")]
        keys = REPLACE_KEYS[table]
        sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in keys)
        out = (
            f"INSERT INTO {out[m.start(1) :]} ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}"
        )
    order: list[int] = []
    numbered = False
    for m in _PLACEHOLDER.finditer(out):
        numbered |= bool(m.group(1))
        order.append(int(m.group(1)) - 1 if m.group(1) else (max(order) + 1 if order else 0))
    return _PLACEHOLDER.sub("%s", out), tuple(order) if numbered else None


def _nulls_as_sqlite(terms: str) -> str:
    """An ORDER BY list sorting NULLs as SQLite does: first ascending, last descending."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(terms):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            parts.append(terms[start:i])
            start = i + 1
    parts.append(terms[start:])
    out = []
    for part in parts:
        term = part.strip()
        if "NULLS" in term.upper():
            out.append(term)
        elif term.upper().endswith(" DESC"):
            out.append(f"{term} NULLS LAST")
        else:
            out.append(f"{term} NULLS FIRST")
    return ", ".join(out)


class PgConnection:
    """A psycopg connection that speaks the shared SQL and behaves as the sqlite3 connection
    the shared store code expects (``with db:`` commits, ``in_transaction``)."""

    def __init__(self, url: str, read_only: bool = False, serialise: bool = False) -> None:
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_safe(url)}: {exc}".strip()) from exc
        self.read_only = read_only
        self.serialise = serialise  # write transactions take the advisory write lock

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        if sql.startswith("BEGIN"):
            return self._begin(sql)
        text, order = to_postgres(sql)
        if not text:
            return _NO_ROWS
        if order is not None:
            args = [args[i] for i in order]
        return self.conn.execute(text.encode(), tuple(args))

    def _begin(self, sql: str) -> Any:
        if self.read_only:  # one snapshot for the whole read, as SQLite's WAL reader has
            return self.conn.execute(b"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        self.conn.execute(b"BEGIN")
        if sql == "BEGIN IMMEDIATE" and self.serialise:
            self.conn.execute(b"SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        return _NO_ROWS

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        text, order = to_postgres(sql)
        if not text:
            return
        if order is not None:
            rows = [[r[i] for i in order] for r in rows]
        with self.conn.cursor() as cursor:
            cursor.executemany(text.encode(), rows)

    @property
    def in_transaction(self) -> bool:
        return self.conn.info.transaction_status != pq.TransactionStatus.IDLE

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if self.in_transaction:
            self.conn.execute("ROLLBACK" if kind else "COMMIT")

    def close(self) -> None:
        self.conn.close()


class PostgresStore(SQLiteStore):
    """The ``Store`` protocol on a PostgreSQL database: SQLite's methods over ``PgConnection``
    with full-text search, the change mark and migrations of its own."""

    errors = (psycopg.Error,)

    def __init__(self, url: str, resolver: KBResolver | None = None) -> None:
        self.path = _safe(url)
        self.url = url
        self._lock = threading.RLock()
        self.pg = PgConnection(url, serialise=resolver is not None)
        self.db = self.pg  # type: ignore[assignment]  # the shared code's sqlite3-like handle
        self._readers = queue.SimpleQueue()
        self._reader_slots = threading.BoundedSemaphore(MAX_READERS)
        self.resolver = resolver
        self.tables = KBTables(self.db)
        self._unsettled = False
        if migrate(self.pg, self.path) < schema.RESOLUTION_VERSION and resolver is not None:
            self.reresolve()

    def _new_reader(self) -> Any:
        return PgConnection(self.url, read_only=True)

    def change_mark(self) -> tuple[int, int]:
        """The server's WAL position: it moves with every committed write, by anyone."""
        self._fresh()
        with self._lock:
            (lsn,) = self.db.execute("SELECT pg_current_wal_insert_lsn() - '0/0'").fetchone()
            return int(lsn), 0

    def search(self, text: str, offset: int = 0, limit: int = 20) -> Page[SearchHit]:
        """Full-text search (tsvector, websearch_to_tsquery), best first, every copy included."""
        query = _fts_query(text)
        if not query:
            return Page([], 0, offset, limit)
        match = f"tsv @@ websearch_to_tsquery('{TS_CONFIG}', %s)"
        with self._reading() as db:
            conn = cast(PgConnection, db).conn
            count = conn.execute(f"SELECT count(*) FROM articles WHERE {match}".encode(), (query,))
            total = int(count.fetchone()[0])  # type: ignore[index]
            rows = conn.execute(
                f"SELECT {_ARTICLE_COLS}, ts_headline('{TS_CONFIG}', a.text, "
                f"websearch_to_tsquery('{TS_CONFIG}', %s), 'StartSel=[, StopSel=], "
                'MaxWords=24, MinWords=12, FragmentDelimiter=" … ", MaxFragments=1\'), '
                f"-ts_rank(a.tsv, websearch_to_tsquery('{TS_CONFIG}', %s)) AS score "
                f"FROM articles a WHERE a.{match} ORDER BY score, a.pk LIMIT %s OFFSET %s",
                (query, query, query, limit, offset),
            ).fetchall()
        hits = [SearchHit(_summary(r[:13]), r[13], float(r[14])) for r in rows]  # lower: better
        return Page(hits, int(total), offset, limit)

    def _fts_from(self) -> str:
        return "articles a"

    def _fts_match(self) -> str:
        return f"a.tsv @@ websearch_to_tsquery('{TS_CONFIG}', ?)"

    def _fts_snippet_rank(self, query: str) -> tuple[str, str, list[Any]]:
        snippet = (
            f"ts_headline('{TS_CONFIG}', a.text, websearch_to_tsquery('{TS_CONFIG}', ?), "
            '\'StartSel=[, StopSel=], MaxWords=24, MinWords=12, FragmentDelimiter=" … ", '
            "MaxFragments=1')"
        )
        rank = f"-ts_rank(a.tsv, websearch_to_tsquery('{TS_CONFIG}', ?))"
        return snippet, rank, [query, query]

    def search_ids(self, text: str, limit: int = 100) -> list[str]:
        """The ids of the best-matching articles, best first (no snippets, no count)."""
        query = _fts_query(text)
        if not query:
            return []
        with self._reading() as db:
            rows = (
                cast(PgConnection, db)
                .conn.execute(
                    f"SELECT id FROM articles WHERE tsv @@ websearch_to_tsquery('{TS_CONFIG}', %s) "
                    f"ORDER BY ts_rank(tsv, websearch_to_tsquery('{TS_CONFIG}', %s)) DESC, pk "
                    "LIMIT %s",
                    (query, query, limit),
                )
                .fetchall()
            )
        return [r[0] for r in rows]

    def close(self) -> None:
        super().close()


class _NoRowsCursor:
    """What a statement PostgreSQL has nothing to do for returns."""

    rowcount = 0

    def fetchone(self) -> None:
        return None

    def fetchall(self) -> list[Any]:
        return []

    def __iter__(self) -> Any:
        return iter(())


_NO_ROWS = _NoRowsCursor()


def _fts_query(text: str) -> str:
    """User text as a websearch query: every word must appear (quoted: no operators)."""
    return " ".join(f'"{w}"' for w in _FTS_WORD.findall(text))


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return shown_db(url)


# -- migrations ------------------------------------------------------------------------------

_TRIGGER = re.compile(r"CREATE TRIGGER (\w+) (AFTER \w+ ON \w+) BEGIN(.*?)\nEND;", re.S)
_VIRTUAL = re.compile(r"CREATE VIRTUAL TABLE (\w+) USING fts5\((.*?)\);", re.S)
_FTS_FILL = re.compile(r"INSERT INTO (articles_fts|quotes_fts)\b[^;]*;", re.S)
_SELF_UPDATE = re.compile(
    r"INSERT INTO (\w+)[^;]*?DO UPDATE SET n = n \+ 1", re.S
)  # n is ambiguous
ROWID_TABLES = ("signatures", "quotes", "events")  # queries read their SQLite rowid


def schema_script(script: str) -> str:
    """One SQLite migration in PostgreSQL's DDL."""
    out = script.replace("DEFAULT (datetime('now'))", "DEFAULT (to_char(now() AT TIME ZONE "
                         "'UTC', 'YYYY-MM-DD HH24:MI:SS'))")  # fmt: skip
    out = _VIRTUAL.sub(_fts_column, out)
    out = _FTS_FILL.sub("", out)
    out = _TRIGGER.sub(_plpgsql_trigger, out)
    out = out.replace("INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
    out = out.replace("WITHOUT ROWID", "").replace(" REAL", " DOUBLE PRECISION")
    out = out.replace(" BLOB", " BYTEA")
    out = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', out)
    out = re.sub(r"(?<=[\s,])end INTEGER", '"end" INTEGER', out)
    tables = "|".join(ROWID_TABLES)
    out = re.sub(  # each right after its CREATE TABLE: a table may be renamed later on
        rf"CREATE TABLE ((?:{tables})\w*) \((.*?)\n\);",
        lambda m: (
            m.group(0) + f"\nALTER TABLE {m.group(1)} ADD COLUMN rowid BIGINT "
            "GENERATED ALWAYS AS IDENTITY;"
            f"\nCREATE INDEX {m.group(1)}_rowid ON {m.group(1)}(rowid);"
        ),
        out,
        flags=re.S,
    )
    return out


def _fts_column(m: re.Match[str]) -> str:
    owner = FTS_TABLES[m.group(1)]
    tsv = ARTICLE_TSV if owner == "articles" else f"to_tsvector('{TS_CONFIG}', text)"
    return (
        f"ALTER TABLE {owner} ADD COLUMN tsv tsvector GENERATED ALWAYS AS ({tsv}) STORED;\n"
        f"CREATE INDEX {owner}_tsv ON {owner} USING GIN (tsv);"
    )


def _plpgsql_trigger(m: re.Match[str]) -> str:
    name, when, body = m.group(1), m.group(2), m.group(3)
    body = _SELF_UPDATE.sub(lambda u: u.group(0).replace("= n +", f"= {u.group(1)}.n +"), body)
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN{body}\n"
        f"RETURN NULL;\nEND\n$body$;\n"
        f"CREATE TRIGGER {name} {when} FOR EACH ROW EXECUTE FUNCTION {name}();"
    )


def migrate(db: PgConnection, where: str) -> int:
    """Bring the schema up to date (the version kept in ``newsgraph_schema``); returns the
    version the database had (the schema's own for a new one)."""
    conn = db.conn
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK + 1,))  # one migrator
        conn.execute("CREATE TABLE IF NOT EXISTS newsgraph_schema (version INTEGER NOT NULL)")
        row = conn.execute("SELECT max(version) FROM newsgraph_schema").fetchone()
        version = int(row[0] or 0) if row else 0
        if version > schema.VERSION:
            raise StoreError(
                f"{where} has schema version {version}, newer than this newsgraph "
                f"understands ({schema.VERSION}); upgrade newsgraph to open it"
            )
        for number, script in enumerate(schema.MIGRATIONS[version:], start=version + 1):
            conn.execute(schema_script(script).encode())
            conn.execute("INSERT INTO newsgraph_schema(version) VALUES (%s)", (number,))
    return version or schema.VERSION
