"""JSON records {"id", "text" | "html", "title", "published", "url", "source"}, one per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsgraph.errors import RejectedInput
from newsgraph.ingest.article import Metadata, text_value
from newsgraph.ingest.guard import guarded
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.jsontext import load_json
from newsgraph.ingest.metadata import parse_published
from newsgraph.ingest.rejected import Rejected
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

META_FIELDS = ("title", "section", "source", "url", "author")


def article_from_record(
    record: Any, settings: Settings, origin: str = "<record>", words: WordLists | None = None
) -> Article:
    """One record: its 'text' through the plain-text cleaner, else its 'html' through trafilatura.

    Fields given in the record win over what the cleaner finds. A 'published' value that is
    not a date is kept as null with a warning on the article, not a rejection.
    """
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        reason = f"a record must be a JSON object with 'text' or 'html', not a {kind}"
        raise RejectedInput(reason, origin)
    meta, warnings = record_metadata(record)
    record_id = _record_id(record, origin)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        article = article_from_text(text, settings, origin, meta, "record", record_id, words)
    elif isinstance(html, str) and html.strip():
        article = article_from_html(html, settings, origin, meta, "record", record_id, words)
    else:
        raise RejectedInput("record has no non-empty 'text' or 'html' string field", origin)
    article.warnings.extend(warnings)
    return article


def record_metadata(record: Mapping[str, Any]) -> tuple[Metadata, list[str]]:
    """The record's metadata fields, and a warning for each value that could not be used."""
    warnings: list[str] = []
    values = {name: _text_field(record, name, warnings) for name in META_FIELDS}
    raw_date = record.get("published")
    published = parse_published(raw_date) if isinstance(raw_date, str) else None
    if raw_date not in (None, "") and published is None:
        warnings.append(
            f"ingest: 'published' value {_shown(raw_date)} is not a date (use YYYY-MM-DD or an "
            f"ISO timestamp, of a real day in 1900-2100); published left empty"
        )
    return Metadata(published=published, **values), warnings


def _text_field(record: Mapping[str, Any], name: str, warnings: list[str]) -> str | None:
    """A metadata field given as text; another type is dropped with a warning."""
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        warnings.append(
            f"ingest: {name!r} must be a string, not {type(value).__name__} "
            f"({_shown(value)}); dropped"
        )
    return text_value(value)


def _shown(value: Any, limit: int = 60) -> str:
    """A short repr for a warning: values can be a megabyte long."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


def _record_id(record: Mapping[str, Any], origin: str) -> str | None:
    """The record's own id as a string, None when absent; other types are refused."""
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        reason = f"record 'id' must be a string or an integer, not {_shown(value)}"
        raise RejectedInput(reason, origin)
    return str(value)


def read_records(
    lines: Iterable[tuple[int, str]],
    origin: str,
    settings: Settings,
    words: WordLists | None = None,
) -> Iterator[Article | Rejected]:
    """One Article or Rejected per non-blank JSON Lines line; a broken line stops nothing."""
    words = words or WordLists(settings.language)
    for number, line in lines:
        if line.strip():
            where = f"{origin}:{number}"
            yield from guarded(where, read_line, number, line, settings, where, words)


def read_line(
    number: int, line: str, settings: Settings, where: str, words: WordLists
) -> Iterator[Article | Rejected]:
    """One JSON Lines line as an Article, or a Rejected saying what is wrong with it."""
    try:
        record = load_json(line.strip())
    except json.JSONDecodeError as exc:
        yield Rejected(where, _json_error(number, exc))
        return
    except RejectedInput as exc:
        yield Rejected(where, f"line {number}: {exc.reason}")
        return
    yield article_from_record(record, settings, where, words)


def _record_items(
    record: Any, settings: Settings, where: str, words: WordLists
) -> Iterator[Article]:
    yield article_from_record(record, settings, where, words)


def _json_error(number: int, exc: json.JSONDecodeError) -> str:
    """'line 3 is not valid JSON (Expecting ',' delimiter at column 45)'."""
    return f"line {number} is not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"


def read_json_document(
    text: str, origin: str, settings: Settings, words: WordLists | None = None
) -> Iterator[Article | Rejected]:
    """A .json file: an array of records (origin FILE#N), one record, or JSON Lines after all."""
    words = words or WordLists(settings.language)
    try:
        data = load_json(text)
    except json.JSONDecodeError:
        yield from read_records(enumerate(text.splitlines(), start=1), origin, settings, words)
        return
    except RejectedInput as exc:
        yield Rejected(origin, exc.reason)
        return
    if data == []:
        yield Rejected(origin, "empty JSON array: no records to read")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        where = f"{origin}#{index}" if isinstance(data, list) else origin
        yield from guarded(where, _record_items, record, settings, where, words)
