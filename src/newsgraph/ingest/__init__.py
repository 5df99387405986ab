"""Readers that turn raw inputs (text dumps, HTML, JSON records) into clean Articles.

The entry points every shell uses:
- ``read_sources(paths, settings)``: files, folders (recursive), ``-`` for stdin, ``.jsonl``
  files; yields an ``Article`` or a ``Rejected`` per input, never raises for bad input.
- ``article_from_text(text, settings, origin=...)``: one plain-text article (raises RejectedInput).
"""

from __future__ import annotations

from newsgraph.ingest.sources import Rejected, article_from_text, read_sources

__all__ = ["Rejected", "article_from_text", "read_sources"]
