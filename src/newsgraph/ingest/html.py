"""HTML pages: trafilatura finds the article body and its metadata."""

from __future__ import annotations

import re

import trafilatura
from trafilatura.settings import Document

from newsgraph.clean import clean_text, parse_date
from newsgraph.errors import RejectedInput
from newsgraph.ingest.article import Metadata, article_from_clean
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

# Dates from the page's own metadata only: quick, and no guessing from the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
# trafilatura's time grows with the element count (~55 µs each on these machines: 200,000
# <p> take 11 s or more); a news page has a few thousand, so pages above this are refused.
MAX_HTML_ELEMENTS = 20_000
_START_TAG = re.compile(r"<[A-Za-z]")


def article_from_html(
    html: str,
    settings: Settings,
    origin: str = "<html>",
    meta: Metadata | None = None,
    input_kind: str = "html",
    record_id: str | None = None,
    words: WordLists | None = None,
) -> Article:
    """One HTML page as an Article; metadata given by the caller wins over the page's own.

    Raises RejectedInput when trafilatura finds no article text. ``words`` as for
    ``article_from_text``.
    """
    words = words or WordLists(settings.language)
    given = meta or Metadata()
    check_dom_size(html, origin)
    body, found = extract_page(html, given.url, origin)
    page_meta = given.over(found)
    clean = clean_text(body, known_title=page_meta.title, words=words)
    return article_from_clean(clean, page_meta, settings, origin, input_kind, record_id, words)


def check_dom_size(html: str, origin: str) -> None:
    """Refuse a page with more elements than MAX_HTML_ELEMENTS, before trafilatura parses it."""
    elements = sum(1 for _ in _START_TAG.finditer(html))
    if elements > MAX_HTML_ELEMENTS:
        raise RejectedInput(
            f"HTML page too large to parse: {elements:,} elements, more than "
            f"MAX_HTML_ELEMENTS={MAX_HTML_ELEMENTS:,}; a news page has a few thousand",
            origin,
        )


def extract_page(html: str, url: str | None, origin: str) -> tuple[str, Metadata]:
    """trafilatura's main text (paragraphs blank-line separated) and the page's metadata."""
    page = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(page, Document) or not (page.text or "").strip():
        raise RejectedInput("no article text found in this HTML page", origin)
    found = Metadata(
        title=page.title,
        section=next(iter(page.categories or []), None),
        source=page.sitename,
        published=parse_date(page.date) if page.date else None,
        url=page.url,
        author=page.author,
    )
    # trafilatura puts one paragraph per line; the cleaner reads blank-line separated paragraphs
    return (page.text or "").replace("\n", "\n\n"), found
