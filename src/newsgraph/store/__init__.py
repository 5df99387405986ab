"""The store: a small ``Store`` protocol with SQLite as the embedded default.

``open_store(db)`` is the one way in; everything above the store uses only ``Store``. The store
persists and answers; resolution (who is who, which copies are one story) is a ``KBResolver``
from ``kb/resolver.py`` handed in by the caller (``newsgraph.api.open_store`` does). Opened
without one, the store saves articles with resolution deferred, for ``newsgraph resolve``.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.store.address import is_url, server_url, shown_db
from newsgraph.store.base import KBResolver, Store


def open_store(db: str | Path, resolver: KBResolver | None = None) -> Store:
    """Open (creating if needed) the store ``db``: an SQLite file path or a
    ``postgresql://`` URL."""
    if is_url(db):
        try:
            from newsgraph.store.postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(
                f"{shown_db(db)} needs psycopg: pip install 'newsgraph[postgres]' ({exc})"
            ) from exc

        return PostgresStore(server_url(db), resolver)
    from newsgraph.store.sqlite import SQLiteStore

    return SQLiteStore(db, resolver)


__all__ = ["KBResolver", "Store", "is_url", "open_store", "server_url", "shown_db"]
