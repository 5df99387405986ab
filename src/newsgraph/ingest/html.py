"""HTML pages: trafilatura finds the article body and its metadata."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import justext
import trafilatura
from lxml import html as lxml_html
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsgraph.clean import clean_text, parse_date
from newsgraph.errors import RejectedInput
from newsgraph.ingest.article import Metadata, article_from_clean
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

# htmldate: the page's metadata first (JSON-LD, Open Graph, <time>, URL), then its text.
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}
# trafilatura's time grows with the element count (~55 µs each on these machines: 200,000
# <p> take 11 s or more); a news page has a few thousand, so pages above this are refused.
MAX_HTML_ELEMENTS = 20_000
_START_TAG = re.compile(r"<[A-Za-z]")
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")  # a host name with a dot, IDN too
# The page's summary, which a news page often also shows as its standfirst under the headline.
_DESCRIPTIONS = (
    "//meta[@property='og:description']/@content | //meta[@name='description']/@content"
    " | //meta[@name='twitter:description']/@content"
)
_SHOWN_TEXT = "//body//text()[contains(., $start)][not(ancestor::script or ancestor::style)]"
STANDFIRST_MIN_WORDS = 8  # a shorter description is a tag line, not a paragraph
_SITE_NAME = "//meta[@property='og:site_name']/@content"
_MONTH_YEAR = re.compile(r"^\s*[A-Za-z]{3,9}\.?\s+\d{4}\s*$")  # "January 2008" is no outlet


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

    Raises RejectedInput when every extraction route finds fewer than ``settings.min_words``
    words. ``words`` as for ``article_from_text``.
    """
    words = words or WordLists(settings.language)
    given = meta or Metadata()
    check_dom_size(html, origin)
    page = ParsedPage(html, load_html(html), given.url)
    body, route, tried = extract_body(page, settings.min_words, origin)
    if (lead := standfirst(page.tree, body)) is not None:
        body = f"{lead}\n\n{body}"
    found, sources = page_metadata(page.tree, given.url)
    page_meta = given.over(found)
    sources = {k: v for k, v in sources.items() if getattr(given, k) is None}
    sources.update({k: "given" for k in sources_of(given)})
    clean = clean_text(body, known_title=page_meta.title, words=words, whole_page=False)
    article = article_from_clean(
        clean, page_meta, settings, origin, input_kind, record_id, words, sources
    )
    if route != ROUTES[0][0]:
        article.warnings.append(f"ingest: body found by {route} (routes tried: {tried})")
    return article


def sources_of(meta: Metadata) -> list[str]:
    """The names of the fields a Metadata knows."""
    return [
        name
        for name in ("title", "section", "source", "published", "url", "author")
        if getattr(meta, name) is not None
    ]


def check_dom_size(html: str, origin: str) -> None:
    """Refuse a page with more elements than MAX_HTML_ELEMENTS, before trafilatura parses it."""
    elements = sum(1 for _ in _START_TAG.finditer(html))
    if elements > MAX_HTML_ELEMENTS:
        raise RejectedInput(
            f"HTML page too large to parse: {elements:,} elements, more than "
            f"MAX_HTML_ELEMENTS={MAX_HTML_ELEMENTS:,}; a news page has a few thousand",
            origin,
        )


@dataclass(frozen=True)
class ParsedPage:
    """The page's markup and its tree, parsed once by trafilatura's loader (which takes an XML
    declaration lxml refuses; None when it finds no HTML) and read by every route, the
    metadata reader and the standfirst search; trafilatura and htmldate copy a tree they are
    given before changing it."""

    html: str
    tree: lxml_html.HtmlElement | None
    url: str | None


def _trafilatura_default(page: ParsedPage) -> str:
    """trafilatura's defaults (tables kept) but no reader comments."""
    if page.tree is None:
        return ""
    text = trafilatura.extract(page.tree, url=page.url, include_comments=False)
    return text or ""


def _trafilatura_recall(page: ParsedPage) -> str:
    if page.tree is None:
        return ""
    text = trafilatura.extract(
        page.tree, url=page.url, include_comments=False, include_tables=True, favor_recall=True
    )
    return text or ""


def _trafilatura_baseline(page: ParsedPage) -> str:
    if page.tree is None:
        return ""
    return trafilatura.baseline(page.tree)[1] or ""


def _justext(page: ParsedPage) -> str:
    """jusText without a stop-list (its language-independent mode): blocks kept by length and
    link density alone."""
    paragraphs = justext.justext(
        page.html.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0
    )
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


# The fallback chain, in order: the first route finding min_words words gives the body.
ROUTES: tuple[tuple[str, Callable[[ParsedPage], str]], ...] = (
    ("trafilatura", _trafilatura_default),
    ("trafilatura-recall", _trafilatura_recall),
    ("trafilatura-baseline", _trafilatura_baseline),
    ("justext", _justext),
)


def extract_body(page: ParsedPage, min_words: int, origin: str) -> tuple[str, str, str]:
    """The main text (paragraphs blank-line separated), the route that found it and the routes
    tried; RejectedInput naming every route when none finds ``min_words`` words."""
    tried: list[str] = []
    for name, route in ROUTES:
        text = route(page)
        count = len(text.split())
        tried.append(f"{name} {count} words")
        if count >= min_words:
            # one paragraph per line; the cleaner reads blank-line separated paragraphs
            return text.replace("\n", "\n\n"), name, ", ".join(tried)
    raise RejectedInput(
        f"no article text found in this HTML page: every extractor found fewer than "
        f"min_words={min_words} words ({', '.join(tried)})",
        origin,
    )


def standfirst(tree: lxml_html.HtmlElement | None, body: str) -> str | None:
    """The standfirst the extractor left out (it sits in the article's <header>, outside the
    text block): the page element showing the page's description, when the body lacks it."""
    if tree is None:
        return None
    flat_body = " ".join(body.split())
    for described in tree.xpath(_DESCRIPTIONS):
        summary = " ".join(str(described).split()).rstrip(".…").rstrip()
        if len(summary.split()) < STANDFIRST_MIN_WORDS:
            continue
        probe = summary[:80]
        if probe in flat_body:
            return None
        if (shown := _element_showing(tree, summary, probe)) is not None:
            return shown
    return None


def _element_showing(tree: lxml_html.HtmlElement, summary: str, probe: str) -> str | None:
    """The text of the smallest element in <body> whose text starts with the summary and is
    not much longer than it."""
    start = " ".join(summary.split()[:3])
    for node in tree.xpath(_SHOWN_TEXT, start=start)[:20]:
        element = node.getparent()
        for _ in range(5):
            if element is None:
                break
            text = " ".join(element.text_content().split())
            if len(text) > 1.5 * len(summary) + 20:
                break
            if text.startswith(probe):
                return text
            element = element.getparent()
    return None


def page_metadata(
    tree: lxml_html.HtmlElement | None, url: str | None
) -> tuple[Metadata, dict[str, str]]:
    """Headline, outlet, date, author and section from the page's own metadata, and where
    each came from: trafilatura's metadata reader (og:/JSON-LD/<h1>/<title> minus the site
    name), htmldate's extensive search for the date (JSON-LD, Open Graph, <time>, URL, then
    the page's text), and the outlet from ``outlet_of_page``."""
    page = (
        Document()
        if tree is None
        else trafilatura.extract_metadata(tree, default_url=url, date_config=_DATE_PARAMS)
    )
    outlet, outlet_source = outlet_of_page(tree, page, url)
    found = Metadata(
        title=page.title,
        section=next(iter(page.categories or []), None),
        source=outlet,
        published=parse_date(page.date) if page.date else None,
        url=page.url,
        author=author_without_outlet(page.author, outlet),
    )
    sources = {name: "page metadata" for name in sources_of(found)}
    if found.published:
        sources["published"] = "htmldate"
    if outlet_source is not None:
        sources["source"] = outlet_source
    return found, sources


def outlet_of_page(
    tree: lxml_html.HtmlElement | None, page: Document, url: str | None
) -> tuple[str | None, str | None]:
    """The outlet and where it came from: the site's own ``og:site_name`` first (trafilatura
    lets a JSON-LD publisher, often the company, "Ediciones EL PAÍS S.L.", override it), then
    trafilatura's site name (JSON-LD publisher, else a part of <title>; the URL's host when it
    finds none), then the domain."""
    declared = _first_text(tree.xpath(_SITE_NAME)) if tree is not None else None
    if declared is not None and plausible_outlet(declared, Document(title=page.title)):
        return _as_trafilatura_writes(declared), "og:site_name"
    domain = outlet_from_url(page.url or url)
    if page.sitename != domain and plausible_outlet(page.sitename, page):
        return page.sitename, "page metadata"
    return domain, "domain" if domain is not None else None


def author_without_outlet(author: str | None, outlet: str | None) -> str | None:
    """The byline without the outlet's name, which trafilatura reads as an author when a page
    credits its staff ("Rob Picheta; CNN" -> "Rob Picheta"; "The Economist" -> None)."""
    if not author or not outlet:
        return author
    names = [name for name in author.split("; ") if _letters(name) != _letters(outlet)]
    return "; ".join(names) or None


def _as_trafilatura_writes(name: str) -> str:
    """A site name as trafilatura's reader gives it: no Twitter '@', a lower-case name that
    is no host title-cased ('wmn' -> 'Wmn'), so the outlet reads the same whichever source."""
    name = name.lstrip("@")
    return name.title() if name and "." not in name and not name[0].isupper() else name


def _first_text(values: list[object]) -> str | None:
    return next((" ".join(str(v).split()) for v in values if str(v).strip()), None)


def plausible_outlet(name: str | None, page: Document) -> bool:
    """A site name that can be an outlet: has a letter, is not a date or a bare number, and
    is not the page's own headline or author (a site name read off the <title> or a byline)."""
    if not name or not any(ch.isalpha() for ch in name):
        return False
    letters = _letters(name)
    if letters == _letters(page.title or "") or letters in _letters(page.author or ""):
        return False
    return parse_date(name) is None and _MONTH_YEAR.search(name) is None


def _letters(text: str) -> str:
    """Only the letters, casefolded: "Kristen Falc'hon" and "de Kristen Falchon" compare."""
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def outlet_from_url(url: str | None) -> str | None:
    """The registered domain of a URL ('www.lemonde.fr/...' -> 'lemonde.fr'), or None when
    the URL names no host with a dot ('hard::page.html', 'localhost')."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host if _HOST.fullmatch(host) else None
