"""End-to-end in headless Chromium: correcting the knowledge base from the entity page, with
the server's token, and the correction kept by the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import chromium_path
from newsgraph.api import open_store
from newsgraph.model import Article, Entity, Mention
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from test_ui_browser import serving, shoot

pytestmark = pytest.mark.browser
TOKEN = "s3cret-for-tests"


def _article(aid: str, name: str) -> Article:
    text = f"{name} spoke on day {aid} about the plans of the government for the coming year."
    entity = Entity("e1", name, "PERSON", [Mention(0, len(name), name)])
    return Article(id=aid, text=text, published="2024-05-01", entities=[entity])


def _kb_of(db: Path, aid: str) -> str:
    with open_store(db) as store:
        return store.get_article(aid).entities[0].kb_id or ""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Two articles naming Nayib Bukele and one naming Jimmy Cherizier, served with a token."""
    chromium_path()
    db = tmp_path / "kb.db"
    with open_store(db) as store:
        for article in (
            _article("a", "Nayib Bukele"),
            _article("b", "Nayib Bukele"),
            _article("c", "Jimmy Cherizier"),
        ):
            store.save(article)
    with serving(create_app(db, Settings(), token=TOKEN)) as url:
        yield url, db


@pytest.fixture
def page(browser: Any, served: tuple[str, Path]) -> Iterator[Any]:
    context = browser.new_context(base_url=served[0], viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_a_mention_is_split_out_from_the_entity_page(page: Any, served: tuple[str, Path]) -> None:
    _, db = served
    kb = _kb_of(db, "a")
    page.goto(f"/entities/{kb}")
    page.fill("#correction-token", TOKEN)
    page.click("button.split-link[data-article-id='b']")
    page.wait_for_selector("#correction-status:has-text('is now entity')")
    shoot(page, "entity-split")
    assert _kb_of(db, "b") != _kb_of(db, "a") == kb


def test_an_entity_is_merged_from_its_page(page: Any, served: tuple[str, Path]) -> None:
    _, db = served
    source, target = _kb_of(db, "c"), _kb_of(db, "a")
    page.goto(f"/entities/{source}")
    page.fill("#correction-token", TOKEN)
    page.fill("#merge-into", target)
    page.click("#merge-form button[type=submit]")
    page.wait_for_url(f"**/entities/{target}")
    assert _kb_of(db, "c") == target


def test_a_wrong_token_changes_nothing(page: Any, served: tuple[str, Path]) -> None:
    _, db = served
    kb = _kb_of(db, "a")
    page.goto(f"/entities/{kb}")
    page.fill("#correction-token", "not-the-token")
    page.click("button.split-link[data-article-id='b']")
    page.wait_for_selector("#correction-status:has-text('Not done')")
    assert _kb_of(db, "b") == kb
