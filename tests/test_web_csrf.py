"""Cross-site writes: a page of another origin cannot store anything, even on a token server.

The browser test serves newsgraph (with a token) and an attacker's page on two loopback ports;
the page posts to /api/ingest with ``fetch(no-cors)`` and with a form, and the store must hold
exactly what it held before.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from newsgraph.api import open_store
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from test_ui_browser import serving
from test_web_api import ARTICLE_TEXT, TOKEN, WITH_TOKEN, build_store

RECORD = json.dumps({"id": "csrf", "text": ARTICLE_TEXT})


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(build_store(tmp_path / "w.db"), Settings(), token=TOKEN)
    with TestClient(app, headers=WITH_TOKEN) as client:
        yield client


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://testserver:8001"},
        {"Origin": "http://testserver", "Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
    ids=["other host", "opaque origin", "other port", "cross-site fetch", "sibling site"],
)
def test_write_from_another_origin_is_403_even_with_the_token(
    writer: TestClient, headers: dict[str, str]
) -> None:
    response = writer.post("/api/entities/kb_1/merge", json={"into": "kb_2"}, headers=headers)
    assert response.status_code == 403 and "refused" in response.json()["detail"]


def test_write_from_the_server_own_origin_passes_the_origin_check(writer: TestClient) -> None:
    headers = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    response = writer.post("/api/entities/kb_1/merge", json={"into": "kb_2"}, headers=headers)
    assert response.status_code == 404  # past the checks: the entity does not exist


def _attacker(target: str) -> Starlette:
    """Another origin's pages: one posts with fetch(no-cors), one with an HTML form."""
    fetch_page = f"""<!doctype html><script>
      window.done = Promise.all([
        fetch("{target}/api/ingest", {{method: "POST", mode: "no-cors", body: {json.dumps(RECORD)},
              headers: {{"Content-Type": "application/json", "Authorization": "Bearer guess"}}}}),
        fetch("{target}/api/ingest", {{method: "POST", mode: "no-cors", body: {json.dumps(RECORD)},
              headers: {{"Content-Type": "text/plain"}}}}),
      ]).then(() => "sent", (e) => "failed: " + e);
    </script>"""
    name, value = RECORD[:-2] + ', "pad": "', '"}'
    form_page = f"""<!doctype html>
      <form method="post" action="{target}/api/ingest" enctype="text/plain">
        <input type="hidden" name='{name}' value='{value}'><button>go</button>
      </form>"""

    async def fetch_route(request: Any) -> HTMLResponse:
        return HTMLResponse(fetch_page)

    async def form_route(request: Any) -> HTMLResponse:
        return HTMLResponse(form_page)

    return Starlette(routes=[Route("/fetch", fetch_route), Route("/form", form_route)])


def _articles(db: Path) -> int:
    store = open_store(db)
    try:
        return store.list_articles(limit=1).total
    finally:
        store.close()


@pytest.mark.browser
def test_page_of_another_origin_cannot_write(browser: Any, tmp_path: Path) -> None:
    db = build_store(tmp_path / "csrf.db")
    before = _articles(db)
    with (
        serving(create_app(db, Settings(), token=TOKEN)) as target,
        serving(_attacker(target)) as attacker,
    ):
        page = browser.new_page()
        page.goto(f"{attacker}/fetch")
        assert page.evaluate("window.done") == "sent"  # the requests left the browser
        page.goto(f"{attacker}/form")
        with page.expect_navigation():
            page.click("button")
        assert page.url.startswith(target)  # the form reached the server, which refused it
        page.close()
    assert _articles(db) == before
