"""Evaluation gate for article extraction on real pages, and the scorer's own behaviour."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import scores_below, shared_path
from newsgraph.eval.webpages import declared_title, evaluate, flatten_html, headline_overlap
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
