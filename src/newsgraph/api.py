"""The library API the CLI and the web app call; nothing here prints."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.errors import RejectedInput
from newsgraph.ingest import Rejected, article_from_text, read_sources
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

if TYPE_CHECKING:
    from typing import Any as Store


def extract(source: str | Path | Article, settings: Settings | None = None) -> Article:
    """Analyse one article given as a file path, raw text or an ``Article``."""
    settings = settings or Settings()
    if isinstance(source, Article):
        article = source
    elif isinstance(source, Path) or (isinstance(source, str) and _looks_like_path(source)):
        first = next(iter(read_sources([str(source)], settings)), None)
        if first is None:
            raise RejectedInput("no article found", str(source))
        if isinstance(first, Rejected):
            raise RejectedInput(first.reason, first.origin)
        article = first
    else:
        article = article_from_text(source, settings)
    return Pipeline(settings).analyse(article)


def open_store(path: str | Path | None = None, settings: Settings | None = None) -> Store:
    """Open (creating if needed) the store at ``path`` or the settings' default."""
    from newsgraph.store import open_store as _open

    settings = settings or Settings()
    return _open(Path(path) if path else settings.db)


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and len(text) < 4096 and Path(text).exists()
