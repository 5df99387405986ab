"""The store: a small ``Store`` protocol with SQLite as the embedded default.

``open_store(path)`` is the one way in; everything above the store uses only ``Store``.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.store.base import Store


def open_store(path: str | Path) -> Store:
    """Open (creating if needed) the store at ``path``: an SQLite file."""
    from newsgraph.store.sqlite import SQLiteStore

    return SQLiteStore(path)


__all__ = ["Store", "open_store"]
