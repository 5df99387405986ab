"""What the server reads again and again (entity profiles, their graphs), kept per process
while the store has not changed.

Each value is stored with the store's change mark (``Store.change_mark``) it was read under
and is served only while the mark still holds, so a save, a settle, a merge or a split, by this
process or another one (a CLI ingest, another server worker), makes the next read build it
afresh. No time-to-live is needed for correctness; the size bound keeps memory flat.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
CACHE_ENTRIES = 512  # values kept per process, least recently used dropped first


class StoreCache:
    """A bounded LRU of values keyed by what they are, each valid under one change mark.

    Cached values are shared between requests: callers read them and never change them.
    """

    def __init__(self, size: int = CACHE_ENTRIES) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, mark: Hashable, build: Callable[[], T]) -> T:
        """The value for ``key`` read under ``mark``, built (outside the lock) when absent or
        read under another mark. Take ``mark`` before building: a write during the build then
        leaves the entry behind the store's mark, and the next reader builds again."""
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == mark:
                self._items.move_to_end(key)
                self.hits += 1
                value: T = found[1]
                return value
            self.misses += 1
        value = build()
        with self._lock:
            self._items[key] = (mark, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)
