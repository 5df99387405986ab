"""POST /api/ingest: turn a JSON article or a JSONL batch into stored, analysed articles.

One bad line never stops the batch: each line is either stored or reported with its reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import NewsgraphError, RejectedInput
from newsgraph.ingest.records import article_from_record
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.store.base import Store

Analyse = Callable[[list[Article]], list[Article]]


@dataclass
class StoredItem:
    """One article of the request that reached the store."""

    line: int
    id: str
    title: str | None
    story_id: str | None
    syndicated_with: str | None
    entities: int
    quotes: int
    times: int
    figures: int
    events: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class DuplicateItem:
    """One article of the request whose text is already stored: nothing was written."""

    line: int
    id: str
    title: str | None


@dataclass
class RejectedItem:
    """One line of the request that was not stored, and why."""

    line: int
    reason: str


@dataclass
class IngestReport:
    """What one POST stored and what it rejected."""

    stored: list[StoredItem] = field(default_factory=list)
    duplicates: list[DuplicateItem] = field(default_factory=list)
    rejected: list[RejectedItem] = field(default_factory=list)


def parse_body(body: bytes) -> list[tuple[int, dict[str, Any] | RejectedItem]]:
    """One JSON object (or array of objects), else JSON Lines: (line number, record or reason)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedInput(
            f"the body is not UTF-8 text ({exc.reason}); send JSON or JSONL"
        ) from exc
    if not text.strip():
        raise RejectedInput("the body is empty; send one JSON article or JSON Lines")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return [(n, _parse_line(n, line)) for n, line in _lines(text)]
    if isinstance(whole, list):
        return [(n, _check_record(n, item)) for n, item in enumerate(whole, 1)]
    return [(1, _check_record(1, whole))]


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def _parse_line(number: int, line: str) -> dict[str, Any] | RejectedItem:
    try:
        return _check_record(number, json.loads(line))
    except json.JSONDecodeError as exc:
        return RejectedItem(number, f"not valid JSON: {exc.msg} (column {exc.colno})")


def _check_record(number: int, record: object) -> dict[str, Any] | RejectedItem:
    """A record must be a JSON object; the ingest reader checks its fields."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        return RejectedItem(number, f'expected a JSON object like {{"text": ...}}, not a {kind}')
    return record


def ingest(body: bytes, store: Store, settings: Settings, analyse: Analyse) -> IngestReport:
    """Parse the body, analyse the good records with ``analyse(list[Article])`` and store them."""
    report = IngestReport()
    articles: list[tuple[int, Article]] = []
    for number, item in parse_body(body):
        if isinstance(item, RejectedItem):
            report.rejected.append(item)
            continue
        try:
            articles.append((number, article_from_record(item, settings, f"POST line {number}")))
        except RejectedInput as exc:
            report.rejected.append(RejectedItem(number, exc.reason))
    fresh = [(n, a) for n, a in articles if not _already_stored(store, a)]
    fresh_lines = {n for n, _ in fresh}
    for number, article in articles:
        if number not in fresh_lines:
            report.duplicates.append(DuplicateItem(number, article.id, article.title))
    if fresh:
        analysed = analyse([a for _, a in fresh])
        for (number, _), article in zip(fresh, analysed, strict=True):
            _save(number, article, store, report)
    report.stored.sort(key=lambda item: item.line)
    report.rejected.sort(key=lambda item: item.line)
    report.duplicates.sort(key=lambda item: item.line)
    return report


def _already_stored(store: Store, article: Article) -> bool:
    return bool(article.content_hash) and store.has_hash(article.content_hash or "")


def _save(number: int, article: Article, store: Store, report: IngestReport) -> None:
    try:
        result = store.save(article)
    except NewsgraphError as exc:
        report.rejected.append(RejectedItem(number, f"could not be stored: {exc}"))
        return
    if result.duplicate:
        report.duplicates.append(DuplicateItem(number, result.article_id, article.title))
        return
    item = _stored(number, article)
    item.id = result.article_id
    item.story_id = result.story_id
    item.syndicated_with = result.syndicated_with
    report.stored.append(item)


def _stored(number: int, article: Article) -> StoredItem:
    return StoredItem(
        line=number,
        id=article.id,
        title=article.title,
        story_id=None,
        syndicated_with=None,
        entities=len(article.entities),
        quotes=len(article.quotes),
        times=len(article.times),
        figures=len(article.figures),
        events=len(article.events),
        warnings=list(article.warnings),
    )
