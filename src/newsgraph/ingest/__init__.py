"""Readers that turn raw inputs (text dumps, HTML, JSON records) into clean Articles.

The entry points every shell uses:
- ``read_sources(paths, settings)``: files, folders (recursive), ``-`` for stdin, ``.jsonl``
  files; yields an ``Article`` or a ``Rejected`` per input, never raises for bad input.
- ``article_from_text(text, settings, origin=...)``: one plain-text article (raises RejectedInput).
- ``article_from_html(html, settings, origin=...)``: one HTML page, through trafilatura.
- ``article_from_record(record, settings, origin=...)``: one JSON record (a dict).
"""

from __future__ import annotations

from newsgraph.ingest.article import Metadata, content_hash
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.records import article_from_record
from newsgraph.ingest.rejected import Rejected
from newsgraph.ingest.sources import read_bytes, read_sources
from newsgraph.ingest.text import article_from_text

__all__ = [
    "Metadata",
    "Rejected",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "content_hash",
    "read_bytes",
    "read_sources",
]
