"""Turning a clean body and its metadata into an Article with its id and content hash."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

from newsgraph.clean import CleanText
from newsgraph.ingest.checks import check_body, identify_language
from newsgraph.ingest.metadata import checked_published, checked_value
from newsgraph.ingest.published import published_in_text
from newsgraph.ingest.unicode import escape_surrogates, replace_surrogates
from newsgraph.model import Article, Removed
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

# lines the cleaner removed from an article's head that may state its publication date
HEADER_REASONS = frozenset({"dateline", "byline"})


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
    meta_sources: dict[str, str] = field(default_factory=dict)


def article_from_clean(
    clean: CleanText,
    meta: Metadata,
    settings: Settings,
    origin: str,
    input_kind: str,
    record_id: str | None,
    words: WordLists,
    sources: dict[str, str] | None = None,
) -> Article:
    """The Article from cleaned text; ``meta`` wins over what the cleaner read in the text.
    ``sources`` says where each field of ``meta`` came from ("given" when not said)."""
    known = {name: "given" for name in _known_fields(meta)}
    known.update(sources or {})
    known.update({name: "text" for name in _known_fields(metadata_of(clean)) if name not in known})
    draft = Draft(
        text=clean.text,
        meta=meta.over(metadata_of(clean)),
        origin=origin,
        input_kind=input_kind,
        record_id=record_id,
        removed=clean.removed,
        meta_sources=known,
    )
    return finish_article(draft, settings, words)


def _known_fields(meta: Metadata) -> list[str]:
    return [f.name for f in dataclasses.fields(meta) if getattr(meta, f.name) is not None]


def finish_article(draft: Draft, settings: Settings, words: WordLists) -> Article:
    """The Article with its language, after checking the body is an article (RejectedInput
    otherwise).

    Everything stored is made valid text here, whichever reader built the draft: lone
    surrogates replaced (with a warning), metadata held to its limits (a warning per field
    dropped).
    """
    text = _valid_text(draft.text, "text", draft.warnings)
    check_body(text, settings, draft.origin, words)
    meta = _checked_metadata(draft.meta, draft.warnings)
    if meta.published is None:  # issue 12: the date line may have become the title or boilerplate
        header = [r.text for r in draft.removed if r.reason in HEADER_REASONS]
        top = "\n".join([meta.title or "", *header, text])
        if (found := published_in_text(top, words)) is not None:
            meta.published, draft.meta_sources["published"] = found
    record_id = _checked_id(draft.record_id, draft.warnings)
    digest = content_hash(text)
    return Article(
        id=record_id or digest[:16],
        text=text,
        title=meta.title,
        section=meta.section,
        source=meta.source,
        published=meta.published,
        url=meta.url,
        author=meta.author,
        origin=escape_surrogates(draft.origin),
        input_kind=draft.input_kind,
        content_hash=digest,
        removed=draft.removed,
        warnings=draft.warnings,
        language=identify_language(text, settings.language),
        meta_sources={k: v for k, v in draft.meta_sources.items() if getattr(meta, k, None)},
    )


def _valid_text(value: str, name: str, warnings: list[str]) -> str:
    """The value with lone surrogates replaced by U+FFFD, and a warning saying how many."""
    value, count = replace_surrogates(value)
    if count:
        warnings.append(
            f"ingest: {name!r} held {count} lone surrogate{'s' if count != 1 else ''} "
            f"(not valid Unicode); replaced with U+FFFD"
        )
    return value


def _checked_metadata(meta: Metadata, warnings: list[str]) -> Metadata:
    """The metadata within its limits; each value dropped leaves a warning."""
    kept: dict[str, str | None] = {}
    for name in ("title", "section", "source", "url", "author"):
        value = getattr(meta, name)
        value = None if value is None else _valid_text(value, name, warnings)
        kept[name], warning = checked_value(name, value)
        warnings.extend([warning] if warning else [])
    published, warning = checked_published(meta.published)
    warnings.extend([warning] if warning else [])
    return Metadata(published=published, **kept)


def _checked_id(record_id: str | None, warnings: list[str]) -> str | None:
    """The record's id within its limit, else None (the content hash then names the article)."""
    if record_id is None:
        return None
    record_id, warning = checked_value("id", _valid_text(record_id, "id", warnings))
    if warning:
        warnings.append(warning + "; the article is named by its content hash")
    return record_id
