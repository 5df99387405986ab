"""POST /api/ingest: turn a JSON article or a JSONL batch into stored, analysed articles.

One bad line never stops the batch: each line is either stored, a duplicate, or reported with
its reason, and the lines around it are still stored. Hostile JSON (the limits of
``ingest/jsontext.py`` on nesting and integer size) is a rejected line, never a crash;
lone surrogates in strings are replaced with U+FFFD and the article carries a warning.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import NewsgraphError, RejectedInput
from newsgraph.ingest.jsontext import load_json
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
    text = text.removeprefix("\ufeff")  # a byte order mark is an editor's, not an error
    if not text.strip():
        raise RejectedInput("the body is empty; send one JSON article or JSON Lines")
    try:
        whole = bounded_json(text)
    except ValueError:
        return [(n, _parse_line(n, line)) for n, line in _lines(text)]
    if isinstance(whole, list):
        return [(n, _check_record(n, item)) for n, item in enumerate(whole, 1)]
    return [(1, _check_record(1, whole))]


def bounded_json(text: str) -> Any:
    """The readers' bounded JSON (``ingest/jsontext.py``: nesting and integer size checked),
    with its refusals as ValueError, like a syntax error."""
    try:
        return load_json(text)
    except RejectedInput as exc:
        raise ValueError(str(exc)) from exc


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def _parse_line(number: int, line: str) -> dict[str, Any] | RejectedItem:
    try:
        return _check_record(number, bounded_json(line))
    except json.JSONDecodeError as exc:
        return RejectedItem(number, f"not valid JSON: {exc.msg} (column {exc.colno})")
    except ValueError as exc:
        return RejectedItem(number, f"not accepted: {exc}")


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
        read = _read_record(number, item, settings)
        if isinstance(read, RejectedItem):
            report.rejected.append(read)
        else:
            articles.append((number, read))
    fresh = [(n, a) for n, a in articles if not _already_stored(store, a)]
    fresh_lines = {n for n, _ in fresh}
    for number, article in articles:
        if number not in fresh_lines:
            report.duplicates.append(DuplicateItem(number, article.id, article.title))
    for number, article in _analysed(fresh, analyse, report):
        _save(number, article, store, report)
    report.stored.sort(key=lambda item: item.line)
    report.rejected.sort(key=lambda item: item.line)
    report.duplicates.sort(key=lambda item: item.line)
    return report


def _read_record(number: int, record: dict[str, Any], settings: Settings) -> Article | RejectedItem:
    """One record as an Article, or its rejection: no record, however odd, ends the request."""
    try:
        article = article_from_record(record, settings, f"POST line {number}")
    except RejectedInput as exc:
        return RejectedItem(number, exc.reason)
    except Exception as exc:  # noqa: BLE001 - a reader bug must cost one line, not the batch
        return RejectedItem(number, f"could not be read ({type(exc).__name__}: {exc})")
    return article  # lone surrogates were replaced, with a warning, by the record reader


def _analysed(
    fresh: list[tuple[int, Article]], analyse: Analyse, report: IngestReport
) -> list[tuple[int, Article]]:
    """The batch through the pipeline; if it fails, each article alone, so that only the
    article that breaks the pipeline is rejected."""
    if not fresh:
        return []
    try:
        return list(zip([n for n, _ in fresh], analyse([a for _, a in fresh]), strict=True))
    except Exception:  # noqa: BLE001 - find the article at fault below
        pass
    done: list[tuple[int, Article]] = []
    for number, article in fresh:
        done += _analysed_alone(number, article, analyse, report)
    return done


def _analysed_alone(
    number: int, article: Article, analyse: Analyse, report: IngestReport
) -> list[tuple[int, Article]]:
    try:
        return [(number, analyse([article])[0])]
    except Exception as exc:  # noqa: BLE001 - one article's failure is its rejection
        report.rejected.append(
            RejectedItem(number, f"could not be analysed ({type(exc).__name__}: {exc})")
        )
        return []


def _already_stored(store: Store, article: Article) -> bool:
    return bool(article.content_hash) and store.has_hash(article.content_hash or "")


def _save(number: int, article: Article, store: Store, report: IngestReport) -> None:
    try:
        result = store.save(article)
    except NewsgraphError as exc:
        report.rejected.append(RejectedItem(number, f"could not be stored: {exc}"))
        return
    except (ValueError, OverflowError) as exc:  # e.g. a value SQLite cannot bind
        reason = f"could not be stored ({type(exc).__name__}: {exc})"
        report.rejected.append(RejectedItem(number, reason))
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
        events=len(article.plover_events()),
        warnings=list(article.warnings),
    )
