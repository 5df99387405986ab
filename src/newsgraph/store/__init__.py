"""The store: a small ``Store`` protocol with SQLite as the embedded default."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def open_store(path: Path) -> Any:
    """Placeholder until the store lands."""
    raise NotImplementedError("the store is not implemented yet")
