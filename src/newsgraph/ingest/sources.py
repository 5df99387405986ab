"""Minimal placeholder readers (replaced by the ingest work of the foundation issue)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import RejectedInput
from newsgraph.model import Article
from newsgraph.settings import Settings


@dataclass
class Rejected:
    """An input that was not ingested, with the reason in one line."""

    origin: str
    reason: str


def article_from_text(text: str, settings: Settings, origin: str = "<text>") -> Article:
    """One plain-text article: first line the title, the rest the body."""
    lines = [ln.strip() for ln in text.strip().splitlines()]
    if not any(lines):
        raise RejectedInput("empty input", origin)
    title, body = lines[0], "\n".join(lines[1:]).strip()
    digest = hashlib.sha256(body.encode()).hexdigest()
    return Article(
        id=digest[:16],
        text=body,
        title=title,
        origin=origin,
        input_kind="text",
        content_hash=digest,
    )


def read_sources(paths: Iterable[str], settings: Settings) -> Iterator[Article | Rejected]:
    for p in paths:
        path = Path(p)
        try:
            yield article_from_text(path.read_text(encoding="utf-8"), settings, origin=str(path))
        except (OSError, UnicodeDecodeError, RejectedInput) as exc:
            yield Rejected(str(path), str(exc))
