"""Turning a clean body and its metadata into an Article with its id and content hash."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

from newsgraph.clean import CleanText
from newsgraph.ingest.checks import check_body
from newsgraph.model import Article, Removed
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists


@dataclass
class Metadata:
    """What is known about an article besides its text; None means not known."""

    title: str | None = None
    section: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    author: str | None = None

    def over(self, fallback: Metadata) -> Metadata:
        """These values, with the fallback's wherever this one knows nothing."""
        names = [f.name for f in dataclasses.fields(self)]
        merged = {n: _first_known(getattr(self, n), getattr(fallback, n)) for n in names}
        return Metadata(**merged)


def text_value(value: Any) -> str | None:
    """A metadata value given as text, its whitespace collapsed; None for anything else or
    blank text."""
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(value.split())


def _first_known(value: str | None, fallback: str | None) -> str | None:
    return value if value is not None else fallback


def metadata_of(clean: CleanText) -> Metadata:
    """The metadata the plain-text cleaner found in the text itself."""
    return Metadata(
        title=clean.title,
        section=clean.section,
        source=clean.source,
        published=clean.published,
        author=clean.author,
    )


def content_hash(text: str) -> str:
    """sha256 of the body with whitespace collapsed and case folded: equal for re-ingests."""
    key = " ".join(text.split()).casefold()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass
class Draft:
    """Everything an Article is built from, gathered by one reader."""

    text: str
    meta: Metadata
    origin: str
    input_kind: str  # text | html | record
    record_id: str | None = None
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def article_from_clean(
    clean: CleanText,
    meta: Metadata,
    settings: Settings,
    origin: str,
    input_kind: str,
    record_id: str | None,
    words: WordLists,
) -> Article:
    """The Article from cleaned text; ``meta`` wins over what the cleaner read in the text."""
    draft = Draft(
        text=clean.text,
        meta=meta.over(metadata_of(clean)),
        origin=origin,
        input_kind=input_kind,
        record_id=record_id,
        removed=clean.removed,
    )
    return finish_article(draft, settings, words)


def finish_article(draft: Draft, settings: Settings, words: WordLists) -> Article:
    """The Article, after checking the body is an English article (RejectedInput otherwise)."""
    check_body(draft.text, settings, draft.origin, words)
    digest = content_hash(draft.text)
    return Article(
        id=draft.record_id or digest[:16],
        text=draft.text,
        title=draft.meta.title,
        section=draft.meta.section,
        source=draft.meta.source,
        published=draft.meta.published,
        url=draft.meta.url,
        author=draft.meta.author,
        origin=draft.origin,
        input_kind=draft.input_kind,
        content_hash=digest,
        removed=draft.removed,
        warnings=draft.warnings,
    )
