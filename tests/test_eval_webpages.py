"""Evaluation gate for article extraction on real pages, and the scorer's own behaviour."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import scores_below, shared_path
from newsgraph.eval.webpages import (
    Page,
    PageFacts,
    declared_title,
    evaluate,
    flatten_html,
    headline_overlap,
    outlet_of_site,
    page_facts,
)
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "webpages.json"


def test_webpages_scores_hold_on_the_pinned_subset(settings: Settings) -> None:
    pinned = json.loads(BASELINE.read_text(encoding="utf-8"))
    report = evaluate(shared_path(*pinned["path"]), settings, limit=pinned["limit"])
    assert not scores_below(report.scores, pinned["scores"])


def test_flattened_page_puts_blocks_on_their_own_lines() -> None:
    html = "<html><body><nav>Home | News</nav><h1>Title</h1><p>One.</p><p>Two.</p></body></html>"
    lines = [ln.strip() for ln in flatten_html(html).splitlines() if ln.strip()]
    assert lines == ["Home | News", "Title", "One.", "Two."]


def test_declared_title_prefers_open_graph() -> None:
    html = '<html><head><title>Site | A</title><meta property="og:title" content="A b"></head>'
    assert declared_title(html + "<body></body></html>") == "A b"


def test_a_site_name_is_not_the_articles_headline() -> None:
    reference = "Rain floods the valley for a third day - The Daily Post"
    assert headline_overlap("Rain floods the valley for a third day", reference) >= 0.6
    assert headline_overlap("The Daily Post", reference) < 0.6


def test_page_facts_read_each_kind_of_declared_title() -> None:
    html = (
        '<html><head><meta property="og:title" content="A b"><meta property="og:site_name" '
        'content="The Post"><script type="application/ld+json">{"@graph": [{"headline": "C d"}]}'
        "</script></head><body><h1>E f</h1></body></html>"
    )
    facts = page_facts(html, Page("https://www.post.example/a", "x.html", "en", [], []))
    assert facts.titles == {"og_title": "A b", "json_ld": "C d", "h1": "E f"}
    assert (facts.site_name, facts.host) == ("The Post", "post.example")


def test_an_outlet_counts_when_it_names_the_site() -> None:
    facts = PageFacts(None, {}, None, "lemonde.fr")
    assert outlet_of_site("Le Monde", facts) and outlet_of_site("lemonde.fr", facts)
    assert not outlet_of_site("Hosted", facts) and not outlet_of_site("January 2008", facts)
