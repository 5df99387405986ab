"""Where a store lives: an SQLite file path or a ``postgresql://`` URL, and how to show it."""

from __future__ import annotations

import re
from pathlib import Path

URL_SCHEMES = ("postgresql:", "postgres:")


def is_url(db: str | Path) -> bool:
    """True when ``db`` names a database server (``postgresql://...``), not a file."""
    return str(db).startswith(URL_SCHEMES)


def server_url(db: str | Path) -> str:
    """The URL in ``db``, mended if it went through ``Path`` (which folds ``//`` to ``/``)."""
    text = str(db)
    scheme, _, rest = text.partition(":")
    return f"{scheme}://{rest.lstrip('/')}" if isinstance(db, Path) else text


def shown_db(db: str | Path) -> str:
    """``db`` as messages show it: a URL mended and without its password."""
    if not is_url(db):
        return str(db)
    return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", server_url(db))
