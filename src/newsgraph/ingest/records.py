"""JSON records {"id", "text" | "html", "title", "published", "url", "source"}, one per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsgraph.clean import parse_date
from newsgraph.errors import RejectedInput
from newsgraph.ingest.article import Metadata, text_value
from newsgraph.ingest.html import article_from_html
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
    """The record's metadata fields, and warnings for values that could not be used."""
    values = {name: text_value(record.get(name)) for name in META_FIELDS}
    warnings = []
    raw_date = record.get("published")
    published = parse_date(raw_date) if isinstance(raw_date, str) else None
    if raw_date not in (None, "") and published is None:
        warnings.append(
            f"ingest: 'published' value {raw_date!r} is not a date (use YYYY-MM-DD or an ISO "
            f"timestamp); published left empty"
        )
    return Metadata(published=published, **values), warnings


def _record_id(record: Mapping[str, Any], origin: str) -> str | None:
    """The record's own id as a string, None when absent; other types are refused."""
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RejectedInput(f"record 'id' must be a string or an integer, not {value!r}", origin)
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
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line.strip())
        except json.JSONDecodeError as exc:
            yield Rejected(where, _json_error(number, exc))
            continue
        try:
            yield article_from_record(record, settings, where, words)
        except RejectedInput as exc:
            yield Rejected(where, exc.reason)


def _json_error(number: int, exc: json.JSONDecodeError) -> str:
    """'line 3 is not valid JSON (Expecting ',' delimiter at column 45)'."""
    return f"line {number} is not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"


def read_json_document(
    text: str, origin: str, settings: Settings, words: WordLists | None = None
) -> Iterator[Article | Rejected]:
    """A .json file: an array of records (origin FILE#N), one record, or JSON Lines after all."""
    words = words or WordLists(settings.language)
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        yield from read_records(enumerate(text.splitlines(), start=1), origin, settings, words)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        where = f"{origin}#{index}" if isinstance(data, list) else origin
        try:
            yield article_from_record(record, settings, where, words)
        except RejectedInput as exc:
            yield Rejected(where, exc.reason)
