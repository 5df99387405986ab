"""Evaluation gate for article extraction on real pages: the first pages (sorted by file name)
of the check half (eval/split.py) of ../shared/data/webpages, as many as tests/baselines/
webpages.json says, must not drop below its pins; and the scorer's own behaviour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import check_half_subset, gate_failures, shared_path
from newsgraph.eval.report import Report
from newsgraph.eval.webpages import (
    Page,
    PageFacts,
    declared_title,
    evaluate,
    flatten_html,
    headline_overlap,
    load_pages,
    outlet_of_site,
    page_facts,
)
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "webpages.json"
PINNED = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The report on the pinned check-half pages only: a folder whose expected.json lists them
    and whose html/ links their files (half_of the file name, as eval/webpages.py splits)."""
    root = shared_path(*PINNED["path"])
    subset = check_half_subset(
        tmp_path_factory.mktemp("webpages"),
        root,
        (root / "html" / page.file for page in load_pages(root)),
        lambda f: f.name,
        PINNED["limit"],
    )
    files = {f.name for f in (subset / "html").iterdir()}
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    kept = {url: entry for url, entry in expected.items() if entry["file"] in files}
    (subset / "expected.json").write_text(json.dumps(kept), encoding="utf-8")
    return evaluate(subset, settings)


def test_webpages_scores_hold_on_the_check_half(report: Report) -> None:
    assert report.documents == PINNED["documents"]
    assert report.scores["newsgraph.html.tune.body.f1"] == 0  # no tune-half page was read
    assert not gate_failures(report.scores, BASELINE, "scores")


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
