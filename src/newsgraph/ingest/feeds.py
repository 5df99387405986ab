"""RSS and Atom feeds: one article per entry that carries the story's text.

feedparser reads every RSS and Atom dialect, and gives each entry's title, link, date, author,
categories and content. An entry's body is its full content (``content:encoded`` in RSS,
``<content>`` in Atom) when the feed has it, else its summary; most feeds carry only a teaser,
which the body checks then refuse with a reason that says so.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html

from newsgraph.errors import RejectedInput
from newsgraph.ingest.article import Metadata, text_value
from newsgraph.ingest.guard import guarded
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.metadata import impossible_date
from newsgraph.ingest.rejected import Rejected
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Block elements after which a line break keeps paragraphs apart in a fragment turned to text.
_HEADINGS = tuple(f"h{level}" for level in range(1, 7))
_BLOCKS = ("p", "div", "br", "li", *_HEADINGS, "blockquote", "tr")


def read_feed(
    text: str, origin: str, settings: Settings, words: WordLists | None = None
) -> Iterator[Article | Rejected]:
    """An Article or a Rejected per entry (origin ``FEED#N``); a feed that cannot be read, or
    that has no entries, is one Rejected."""
    words = words or WordLists(settings.language)
    parsed = feedparser.parse(text, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        why = f" ({type(problem).__name__}: {problem})" if problem else ""
        yield Rejected(origin, f"not an RSS or Atom feed with entries{why}")
        return
    source = text_value(parsed.get("feed", {}).get("title"))
    for index, entry in enumerate(entries, start=1):
        where = f"{origin}#{index}"
        yield from guarded(where, _entry_items, entry, settings, where, source, words)


def _entry_items(
    entry: Any, settings: Settings, origin: str, source: str | None, words: WordLists
) -> Iterator[Article]:
    yield article_from_entry(entry, settings, origin, source, words)


def article_from_entry(
    entry: Any,
    settings: Settings,
    origin: str,
    source: str | None = None,
    words: WordLists | None = None,
) -> Article:
    """One feed entry as an Article; raises RejectedInput when it has no usable text."""
    words = words or WordLists(settings.language)
    published, date_warning = _date(entry)
    meta = Metadata(
        title=text_value(entry.get("title")),
        section=_first_category(entry),
        source=source,
        published=published,
        url=text_value(entry.get("link")),
        author=text_value(entry.get("author")),
    )
    body, is_html, kind = _body(entry)
    if not body.strip():
        raise RejectedInput("feed entry has no content or summary", origin)
    try:
        if is_html:
            article = _from_html_fragment(body, settings, origin, meta, words)
        else:
            article = article_from_text(body, settings, origin, meta, "feed", None, words)
    except RejectedInput as exc:
        if kind == "summary":
            raise RejectedInput(f"feed entry carries only a summary: {exc.reason}", origin) from exc
        raise
    article.warnings.extend([date_warning] if date_warning else [])
    return article


def _from_html_fragment(
    html: str, settings: Settings, origin: str, meta: Metadata, words: WordLists
) -> Article:
    """trafilatura on the entry's HTML; a short fragment it finds no article in is read as
    plain text, one paragraph per block element."""
    try:
        return article_from_html(html, settings, origin, meta, "feed", None, words)
    except RejectedInput:
        text = _fragment_text(html)
        return article_from_text(text, settings, origin, meta, "feed", None, words)


def _fragment_text(html: str) -> str:
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return html
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())


def _body(entry: Any) -> tuple[str, bool, str]:
    """(text, whether it is HTML, 'content' | 'summary'): the longest full content first."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return best["value"], best.get("type", "text/html") in _HTML_TYPES, "content"
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or ""
    return summary, detail.get("type", "text/html") in _HTML_TYPES, "summary"


def _date(entry: Any) -> tuple[str | None, str | None]:
    """The entry's publication date (else its update date) as YYYY-MM-DD in UTC, and a warning
    when the feed's date names no real day (feedparser rolls ``2024-02-30`` into March)."""
    for key in ("published", "updated", "created"):
        raw, value = entry.get(key), entry.get(f"{key}_parsed")
        if isinstance(raw, str) and impossible_date(raw):
            return None, f"ingest: {key!r} value {raw[:60]!r} is not a real date; dropped"
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value), None
    return None, None


def _first_category(entry: Any) -> str | None:
    for tag in entry.get("tags") or []:
        term = text_value(tag.get("term") or tag.get("label"))
        if term:
            return term
    return None
