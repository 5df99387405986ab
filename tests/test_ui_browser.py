"""End-to-end: the real web UI in headless Chromium (Debian's package), driven by Playwright.

The store holds the demo examples ingested through the real pipeline plus hand-built articles
whose facts are known exactly. Screenshots of each page go to tests/artifacts/ for review.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conftest import chromium_path
from newsgraph.ingest import read_sources
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.web.app import create_app
from test_web_api import build_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
EXAMPLES = ROOT / "examples"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _demo_store(db: Path, pipeline: Pipeline) -> Path:
    """The hand-built articles, then every demo example through the real pipeline."""
    found = read_sources([str(EXAMPLES)], pipeline.settings) if EXAMPLES.is_dir() else []
    articles = [a for a in found if isinstance(a, Article)]
    return build_store(db, pipeline.run(articles, workers=1))


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """The app served by uvicorn in a background thread on a free local port; its base URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port)
    config.log_level = "warning"
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start within 30 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """The demo store's app, served."""
    chromium_path()
    db = _demo_store(tmp_path_factory.mktemp("ui") / "demo.db", pipeline)
    with serving(create_app(db, pipeline.settings)) as url:
        yield url


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran: dialog {dialog.message!r}"))
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"


def shoot(page: Any, name: str) -> None:
    """A full-page screenshot under tests/artifacts/ for a person to review."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _search(page: Any, words: str) -> None:
    page.goto("/")
    page.fill("header input[name=q]", words)
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#results")


def test_home_page_shows_the_store(page: Any) -> None:
    page.goto("/")
    shoot(page, "home")
    assert "articles" in page.inner_text("main")


def test_search_lists_matching_articles(page: Any) -> None:
    _search(page, "Haiti mission")
    shoot(page, "search")
    titles = page.locator("#results .title").all_inner_texts()
    assert "Kenya to lead Haiti mission" in titles


def test_article_highlights_entities_quotes_and_times(page: Any) -> None:
    _search(page, "Haiti mission")
    page.locator("#results .title", has_text="Kenya to lead Haiti mission").first.click()
    page.wait_for_selector("#article-text")
    shoot(page, "article")
    person = page.locator("#article-text mark.ent.ent-person", has_text="William Ruto")
    assert person.count() == 1
    assert page.locator("#article-text mark.ent.ent-gpe").count() >= 2
    quote = page.locator("#article-text .quote", has_text="We are ready to go")
    assert "William Ruto" in (quote.get_attribute("title") or "")
    quote.hover()
    timex = page.locator("#article-text .timex", has_text="Monday")
    assert "2024-10-07" in (timex.get_attribute("title") or "")


def test_removed_boilerplate_is_folded(page: Any) -> None:
    page.goto("/articles/wire1")
    removed = page.locator("details.removed")
    assert not removed.evaluate("d => d.open")
    removed.locator("summary").click()
    assert page.locator("details.removed pre").first.is_visible()


def test_script_tag_in_article_shows_as_text(page: Any) -> None:
    page.goto("/articles/script1")
    shoot(page, "article_script")
    assert "<script>alert('x')</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text script").count() == 0


def test_entity_page_from_a_highlight(page: Any) -> None:
    page.goto("/articles/wire1")
    page.locator("#article-text mark.ent-person", has_text="William Ruto").click()
    page.wait_for_selector("#entity-name")
    page.wait_for_selector("#cograph[data-ready=true] canvas")
    shoot(page, "entity")
    assert "William Ruto" in page.inner_text("#entity-name")
    assert "President" in page.inner_text("#titles")
    assert page.locator("#timeline-chart circle").count() >= 1


def test_timeline_for_a_search_counts_copies_once(page: Any) -> None:
    page.goto("/timeline?q=Haiti+mission")
    page.wait_for_selector("#timeline")
    shoot(page, "timeline")
    events = page.locator("#timeline li.kind-event")
    assert events.count() == 1
    assert "Copy Daily" in events.first.inner_text()


def test_demo_article_from_the_pipeline_is_highlighted(page: Any) -> None:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ is absent")
    _search(page, "patrols")
    page.locator("#results .title").first.click()
    page.wait_for_selector("#article-text")
    shoot(page, "demo_article")
    assert page.locator("#article-text mark.ent").count() >= 3


def test_demo_entity_page_draws_its_graph(page: Any) -> None:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ is absent")
    page.goto("/entities?type=PERSON")
    page.locator("table a").first.click()
    page.wait_for_selector("#cograph[data-ready=true] canvas")
    shoot(page, "demo_entity")
    labels = page.evaluate("newsgraphGraph.nodes().map(n => n.style('label'))")
    assert len(labels) >= 2 and all(labels), labels  # every node drawn with its name
    most = int(page.get_attribute("#min-weight", "max") or 1)
    page.locator("#min-weight").fill(str(most))  # the slider hides links under the weight
    page.wait_for_selector(f"#cograph[data-min-weight='{most}']")
    # Cytoscape restyles on its next frame: wait (up to 5 s) for every drawn link to be strong
    # enough; a slider that hid nothing times out here
    page.wait_for_function(
        f"newsgraphGraph.edges(':visible').every(e => e.data('weight') >= {most})", timeout=5000
    )
    shown = page.evaluate("newsgraphGraph.edges(':visible').map(e => e.data('weight'))")
    assert all(w >= most for w in shown), (most, shown)
    page.set_viewport_size({"width": 400, "height": 900})
    page.reload()
    page.wait_for_selector("#cograph[data-ready=true] canvas")
    page.locator("#cograph").screenshot(path=str(ARTIFACTS / "demo_entity_graph_400.png"))
    assert page.locator("#cograph").bounding_box()["width"] <= 400  # no sideways scrolling


def test_demo_timeline_is_in_date_order(page: Any) -> None:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ is absent")
    page.goto("/")
    page.fill("input[aria-label='Timeline search']", "mission")
    page.press("input[aria-label='Timeline search']", "Enter")
    page.wait_for_selector("#timeline")
    shoot(page, "demo_timeline")
    dates = page.locator("#timeline .date").all_inner_texts()
    assert len(dates) >= 3 and dates == sorted(dates)


def test_quotes_page_filters_by_speaker(page: Any) -> None:
    page.goto("/quotes?speaker=Ruto")
    shoot(page, "quotes")
    speakers = page.locator("blockquote footer a").first.inner_text()
    assert speakers == "William Ruto"
