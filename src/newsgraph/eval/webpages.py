"""Article extraction on real web pages: HTML body, headline, date, language, and text dumps.

The set (``../shared/data/webpages``) gives, per page, snippets the main text must keep and
snippets it must drop. Scoring is trafilatura's own: a kept snippet found is a true positive,
one missing a false negative; a dropped snippet found is a false positive. Counts add up over
the pages, then precision, recall and F1.

Two tasks, both scored per half (``eval.split.half_of`` of the file name):

- ``html``: the page as HTML through newsgraph's HTML reader, and trafilatura alone (its
  default ``extract``) as the reference, in the same run;
- ``text``: the page flattened to text as a text-mode browser renders it (inscriptis, see
  ``flatten_html``) and read by newsgraph's text reader; ``passthrough`` is the flattened text
  unchanged, the score of doing nothing.

Headline: no gold headline exists in the set, so the reference is the page's own declared
title (``og:title``, else ``<title>``); a headline counts as the article's own when its words
and the reference's overlap with F1 >= HEADLINE_MATCH (a site name alone, "Arts" or "Press
Room", does not). The same overlap is also reported against each kind of title the page
declares, over the pages declaring it: ``headline_own.og_title``, ``.json_ld`` (its JSON-LD
``headline``) and ``.h1`` (its first ``<h1>``). Date found: the share of pages given a
publication date (no gold dates). Outlet: ``outlet_found`` is the share of pages given one;
``outlet_of_site`` the share whose outlet is the site's own name by a check independent of the
reader: equal to the page's ``og:site_name``, or its letters and digits found in the host name
or the host's main label found in them ("Le Monde" and lemonde.fr, "DW" and dw.com; "Hosted" or
"January 2008" on lemonde.fr fail).
Language: agreement with the set's ``lang_guess``, itself a rough guess (German pages are
marked "fr"), so a pointer, not a score.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml import html as lxml_html
from trafilatura.settings import Document

from newsgraph.errors import RejectedInput
from newsgraph.eval.report import PRF, Report
from newsgraph.eval.split import HALVES, half_of
from newsgraph.ingest.article import Metadata
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

HEADLINE_MATCH = 0.6  # word-overlap F1 with the page's declared title for "the article's own"
_WORD = re.compile(r"\w+")
_HOST_IN_FILE = re.compile(r"^((?:[a-z0-9-]+\.)+[a-z]{2,3})(?=[-.])")
# inscriptis' strict profile: block elements on their own lines, no indentation for layout
_FLATTEN = ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False)


@dataclass
class Page:
    """One page of the set with its snippets."""

    url: str
    file: str
    lang_guess: str
    keep: list[str]
    drop: list[str]


@dataclass
class Outcome:
    """What one system made of one page."""

    body: str = ""
    title: str | None = None
    published: str | None = None
    language: str | None = None
    rejected: str | None = None
    outlet: str | None = None


@dataclass
class Tally:
    """Counts of one system over one half."""

    body: PRF = field(default_factory=PRF)
    pages: int = 0
    headline_own: int = 0
    dated: int = 0
    rejected: int = 0
    language_agrees: int = 0
    outlet_found: int = 0
    outlet_of_site: int = 0
    # per kind of declared title: [pages declaring it, pages whose headline matches it]
    headline_by_kind: dict[str, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class PageFacts:
    """What the page itself declares, read once for scoring every system."""

    reference: str | None  # og:title, else <title>
    titles: dict[str, str]  # og_title / json_ld / h1 -> that title
    site_name: str | None
    host: str


def load_pages(root: Path) -> list[Page]:
    """The pages of expected.json whose HTML file exists, sorted by file name."""
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    pages = [
        Page(url, e["file"], e.get("lang_guess", ""), e.get("with", []), e.get("without", []))
        for url, e in expected.items()
        if (root / "html" / e["file"]).is_file()
    ]
    return sorted(pages, key=lambda p: p.file)


def flatten_html(html: str) -> str:
    """The page as a text-mode browser shows it: inscriptis' rendering, block elements on
    their own lines, link targets and images left out, scripts and styles not shown."""
    return get_text(html, _FLATTEN)


def declared_title(html: str) -> str | None:
    """The page's own title: og:title, else <title>; None when it declares neither."""
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for value in tree.xpath("//meta[@property='og:title']/@content"):
        if str(value).strip():
            return " ".join(str(value).split())
    for value in tree.xpath("//title/text()"):
        if str(value).strip():
            return " ".join(str(value).split())
    return None


def page_facts(html: str, page: Page) -> PageFacts:
    """The page's declared titles (og:title, JSON-LD headline, first <h1>) and site name; the
    host from the URL, else from the file name for the set's URL-less ``hard::`` pages."""
    host = urlsplit(page.url).hostname or ""
    if not host and (named := _HOST_IN_FILE.match(page.file)):
        host = named[1]
    host = host.removeprefix("www.")
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return PageFacts(None, {}, None, host)
    found = {
        "og_title": _first(tree.xpath("//meta[@property='og:title']/@content")),
        "json_ld": _json_ld_headline(tree.xpath("//script[@type='application/ld+json']/text()")),
        "h1": _first([" ".join(h.text_content().split()) for h in tree.xpath("//h1")[:1]]),
    }
    site = _first(tree.xpath("//meta[@property='og:site_name']/@content"))
    titles = {kind: title for kind, title in found.items() if title}
    return PageFacts(declared_title(html), titles, site, host)


def _first(values: list[Any]) -> str | None:
    return next((" ".join(str(v).split()) for v in values if str(v).strip()), None)


def _json_ld_headline(scripts: list[Any]) -> str | None:
    """The first "headline" in the page's JSON-LD blocks (nested in @graph or lists too)."""
    for script in scripts:
        try:
            stack = [json.loads(str(script))]
        except ValueError:
            continue
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if isinstance(node.get("headline"), str) and node["headline"].strip():
                    return " ".join(node["headline"].split())
                stack.extend(v for v in node.values() if isinstance(v, (list, dict)))
    return None


def outlet_of_site(outlet: str | None, facts: PageFacts) -> bool:
    """Is this outlet the site's own name (see the module docstring), not junk?"""
    if not outlet:
        return False
    if facts.site_name and outlet.casefold() == facts.site_name.casefold():
        return True
    name, host = _alnum(outlet), _alnum(facts.host)
    label = _alnum(facts.host.split(".")[-2] if facts.host.count(".") >= 1 else facts.host)
    return bool(name) and (name in host or (len(label) > 1 and label in name))


def _alnum(text: str) -> str:
    """Letters and digits only, casefolded: 'Le Monde' -> 'lemonde', 'lemonde.fr' -> 'lemondefr'."""
    return re.sub(r"\W|_", "", text.casefold())


def headline_overlap(found: str | None, reference: str | None) -> float:
    """Word-overlap F1 between two headlines (0 when either is missing)."""
    if not found or not reference:
        return 0.0
    a, b = _words(found), _words(reference)
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _score(tally: Tally, page: Page, outcome: Outcome, facts: PageFacts) -> None:
    text = " ".join(outcome.body.split())
    for snippet in page.keep:
        found = " ".join(snippet.split()) in text
        tally.body.tp += found
        tally.body.fn += not found
    for snippet in page.drop:
        tally.body.fp += " ".join(snippet.split()) in text
    tally.pages += 1
    tally.headline_own += headline_overlap(outcome.title, facts.reference) >= HEADLINE_MATCH
    for kind, title in facts.titles.items():
        counts = tally.headline_by_kind.setdefault(kind, [0, 0])
        counts[0] += 1
        counts[1] += headline_overlap(outcome.title, title) >= HEADLINE_MATCH
    tally.outlet_found += bool(outcome.outlet)
    tally.outlet_of_site += outlet_of_site(outcome.outlet, facts)
    tally.dated += outcome.published is not None
    tally.rejected += outcome.rejected is not None
    tally.language_agrees += outcome.language == page.lang_guess


def _from_article(read: Callable[[], Article]) -> Outcome:
    try:
        article = read()
    except RejectedInput as exc:
        return Outcome(rejected=exc.reason)
    language = getattr(article, "language", None) or "en"
    return Outcome(article.text, article.title, article.published, language, None, article.source)


def _trafilatura(html: str, url: str) -> Outcome:
    page = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if not isinstance(page, Document):
        return Outcome(rejected="nothing extracted")
    return Outcome(page.text or "", page.title, page.date, page.language, None, page.sitename)


def systems_for(settings: Settings, words: WordLists) -> dict[str, Callable[[str, Page], Outcome]]:
    """Each system of the report: page HTML and its entry -> Outcome."""

    def html_reader(html: str, page: Page) -> Outcome:
        meta = Metadata(url=page.url)
        return _from_article(
            lambda: article_from_html(html, settings, page.file, meta, words=words)
        )

    def text_reader(html: str, page: Page) -> Outcome:
        flat = flatten_html(html)
        return _from_article(lambda: article_from_text(flat, settings, page.file, words=words))

    def passthrough(html: str, page: Page) -> Outcome:
        return Outcome(flatten_html(html))

    return {
        "trafilatura": lambda html, page: _trafilatura(html, page.url),
        "newsgraph.html": html_reader,
        "passthrough.text": passthrough,
        "newsgraph.text": text_reader,
    }


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Score every system on both halves of the set (the first ``limit`` files, sorted)."""
    pages = load_pages(path)[:limit]
    words = WordLists(settings.language)
    systems = systems_for(settings, words)
    tallies = {(s, h): Tally() for s in systems for h in (*HALVES, "all")}
    rejections: Counter[str] = Counter()
    for page in pages:
        html = decode_bytes((path / "html" / page.file).read_bytes())
        facts = page_facts(html, page)
        for name, system in systems.items():
            outcome = system(html, page)
            for half in (half_of(page.file), "all"):
                _score(tallies[(name, half)], page, outcome, facts)
            if outcome.rejected and name.startswith("newsgraph"):
                rejections[f"{name} rejected: {outcome.rejected.split(':')[0]}"] += 1
    notes = [f"{reason} ({count} pages)" for reason, count in sorted(rejections.items())]
    report = Report("webpages", len(pages), notes=notes)
    for (name, half), tally in tallies.items():
        _add_tally(report, name, half, tally)
    return report


def _add_tally(report: Report, system: str, half: str, tally: Tally) -> None:
    report.add_prf(system, f"{half}.body", tally.body)
    pages = max(tally.pages, 1)
    report.add(system, f"{half}.headline_own", tally.headline_own / pages)
    report.add(system, f"{half}.date_found", tally.dated / pages)
    report.add(system, f"{half}.rejected", tally.rejected / pages)
    report.add(system, f"{half}.language_agrees_guess", tally.language_agrees / pages)
    report.add(system, f"{half}.outlet_found", tally.outlet_found / pages)
    report.add(system, f"{half}.outlet_of_site", tally.outlet_of_site / pages)
    for kind, (declared, own) in sorted(tally.headline_by_kind.items()):
        report.add(system, f"{half}.headline_own.{kind}", own / max(declared, 1))
