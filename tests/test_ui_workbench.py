"""The analyst's workflow in Chromium at a desktop and a phone width: search with a facet, open
an article, read speakers and event actors without hovering, open the entity, page its
timeline past 200 items, download its events as CSV. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import chromium_path
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from test_ui_browser import serving, shoot
from test_web_workbench import build_workbench_store


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chromium_path()  # skips cleanly without Chromium
    db = build_workbench_store(tmp_path_factory.mktemp("ui_workbench") / "wb.db")
    with serving(create_app(db, Settings())) as url:
        yield url


def _fits(page: Any, width: int) -> None:
    """Nothing pushes the page sideways: the reader never scrolls horizontally."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1


@pytest.mark.parametrize("width", [1400, 400])
def test_analyst_workflow(browser: Any, base_url: str, width: int, tmp_path: Path) -> None:
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto("/search?q=Kenya")
        page.click("#facets a:has-text('Volta Voice')")
        page.wait_for_url("**source=Volta+Voice**")
        assert "65 articles" in page.inner_text("h1")
        shoot(page, f"workbench_search_{width}")
        _fits(page, width)

        page.click("#results .title >> nth=0")
        page.wait_for_selector("#article-events")
        speaker = page.locator(".article-quote footer >> nth=0")
        actor = page.locator("#article-events .actor >> nth=0")
        target = page.locator("#article-events .target >> nth=0")
        assert speaker.is_visible() and "William Ruto" in speaker.inner_text()
        assert actor.is_visible() and actor.inner_text() == "Kenya"
        assert target.is_visible() and target.inner_text() == "Haiti"
        page.focus("#article-text .event >> nth=0")  # a tap or the keyboard shows its roles
        assert "Kenya → Haiti" in page.evaluate("document.activeElement.dataset.who")
        shoot(page, f"workbench_article_{width}")
        _fits(page, width)

        actor.locator("a").click()
        page.wait_for_selector("a:has-text('timeline')")
        shoot(page, f"workbench_entity_{width}")
        page.click("a[href^='/timeline?entity=']")
        page.wait_for_selector("#timeline-total")
        assert int(page.inner_text("#timeline-total")) > 200
        page.click(".pager a:has-text('Next') >> nth=0")
        page.wait_for_url("**offset=200**")
        assert page.locator("#timeline li").count() > 0
        shoot(page, f"workbench_timeline_page2_{width}")

        page.click("a:has-text('Events of')")
        page.wait_for_selector("#events")
        shoot(page, f"workbench_events_{width}")
        _fits(page, width)
        with page.expect_download() as download:
            page.click("#events-csv")
        saved = tmp_path / "events.csv"
        download.value.save_as(saved)
        with saved.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == int(page.inner_text("#events-total")) > 0
        assert {r["actor_name"] for r in rows} == {"Kenya"}
    finally:
        context.close()
    assert errors == []
