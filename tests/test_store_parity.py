"""SQLite and PostgreSQL give the same answers: the demo corpus and 300 BBC articles, analysed
once, saved into both back ends, then ``overview``, ``search``, ``entity``, ``timeline`` and
``export`` compared field by field.

Search is compared by its hits (which articles, how many), not by rank or snippet: FTS5's bm25
and PostgreSQL's ``ts_rank`` are different formulas, and each back end's own order is tested in
tests/test_store_reads.py.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, shared_path
from newsgraph.api import open_store
from newsgraph.ingest import Rejected, read_sources
from newsgraph.kb import export, queries
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.store.base import Store

BBC_ARTICLES = 300
SEARCHES = ["government", "minister said", "market shares", "film award", "election labour"]
TOP_ENTITIES = 25


def corpus_paths() -> list[str]:
    paths = [str(ROOT / "examples")]
    bbc = shared_path("corpora", "bbc")
    if bbc.exists():  # the examples alone still compare; the BBC part needs the shared data
        paths += [str(p) for p in sorted(bbc.rglob("*.txt"))[:BBC_ARTICLES]]
    return paths


@pytest.fixture(scope="module")
def analysed(pipeline: Pipeline, settings: Settings) -> list[dict[str, Any]]:
    """The corpus analysed once for the module, as dicts (each store gets its own copies)."""
    items = [a for a in read_sources(corpus_paths(), settings) if not isinstance(a, Rejected)]
    return [a.to_dict() for a in pipeline.run(iter(items))]


@pytest.fixture(scope="module")
def stores(
    analysed: list[dict[str, Any]], pg_server_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, Store]]:
    import pg_server

    pair = (
        open_store(tmp_path_factory.mktemp("parity") / "parity.db"),
        open_store(pg_server.fresh_schema(pg_server_url)),
    )
    for store in pair:
        for start in range(0, len(analysed), 100):
            chunk = [Article.from_dict(d) for d in analysed[start : start + 100]]
            store.save_many(chunk)
        store.settle()
    yield pair
    for store in pair:
        store.close()


def test_the_corpus_is_stored_alike(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    assert lite.list_articles().total == pg.list_articles().total > 0


def test_overview_is_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    assert asdict(queries.overview(lite)) == asdict(queries.overview(pg))


@pytest.mark.parametrize("text", SEARCHES)
def test_search_finds_the_same_articles(stores: tuple[Store, Store], text: str) -> None:
    lite, pg = stores
    found = [queries.search(s, text, limit=500) for s in stores]
    assert found[0].total == found[1].total
    assert {h.article.id for h in found[0].items} == {h.article.id for h in found[1].items}
    hits = {h.article.id: asdict(h.article) for h in found[1].items}
    assert all(asdict(h.article) == hits[h.article.id] for h in found[0].items)


def top_entities(store: Store) -> list[str]:
    return [e.id for e in queries.list_entities(store, limit=TOP_ENTITIES).items]


def test_entity_lists_are_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    for etype in (None, "PERSON", "ORG", "GPE"):
        pages = [asdict(queries.list_entities(s, type=etype, limit=100)) for s in stores]
        assert pages[0] == pages[1]
    assert asdict(queries.list_entities(lite, search="min")) == asdict(
        queries.list_entities(pg, search="min")
    )


def test_entity_profiles_are_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    for kb_id in top_entities(lite):
        assert asdict(queries.entity_profile(lite, kb_id)) == asdict(
            queries.entity_profile(pg, kb_id)
        )


def test_timelines_are_the_same(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    for kb_id in top_entities(lite)[:10]:
        assert [asdict(i) for i in queries.timeline(lite, kb_id)] == [
            asdict(i) for i in queries.timeline(pg, kb_id)
        ]


@pytest.mark.parametrize("what", export.WHATS)
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_exports_are_the_same(stores: tuple[Store, Store], what: str, fmt: str) -> None:
    outs = [io.StringIO(), io.StringIO()]
    counts = [export.export(s, what, fmt, out) for s, out in zip(stores, outs, strict=True)]
    assert counts[0] == counts[1] > 0
    assert outs[0].getvalue() == outs[1].getvalue()


def test_exports_of_every_event_are_the_same(stores: tuple[Store, Store]) -> None:
    outs = [io.StringIO(), io.StringIO()]
    for store, out in zip(stores, outs, strict=True):
        export.export(store, "events", "csv", out, every_event=True)
    assert outs[0].getvalue() == outs[1].getvalue()
    every = list(csv.DictReader(io.StringIO(outs[0].getvalue(), newline="")))
    assert len(every) > len(list(export.rows_of(stores[0], "events")))  # the untyped ones too


def test_graphml_exports_are_the_same(stores: tuple[Store, Store]) -> None:
    outs = [io.StringIO(), io.StringIO()]
    for store, out in zip(stores, outs, strict=True):
        export.export(store, "entities", "graphml", out)
    assert outs[0].getvalue() == outs[1].getvalue()


def test_articles_read_back_alike(stores: tuple[Store, Store]) -> None:
    lite, pg = stores
    ids = [a.id for a in queries.list_articles(lite, limit=500).items]
    assert ids == [a.id for a in queries.list_articles(pg, limit=500).items]
    for article_id in ids[:50]:
        assert lite.get_article(article_id).to_dict() == pg.get_article(article_id).to_dict()


def test_the_api_answers_alike(stores: tuple[Store, Store]) -> None:
    """``serve`` over each back end: the JSON of the read routes is the same (search is
    compared by its hits above: rank and snippet are each engine's own)."""
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    kb_id = top_entities(stores[0])[0]
    routes = [
        "/api/overview",
        "/api/articles?limit=20",
        "/api/entities?type=PERSON&limit=20",
        f"/api/entities/{kb_id}",
        f"/api/timeline?entity={kb_id}",
        "/api/quotes?limit=20",
        "/api/events?limit=20",
    ]
    answers = []
    for store in stores:
        db = store.url if hasattr(store, "url") else store.path  # type: ignore[attr-defined]
        with TestClient(create_app(Path(db), Settings())) as client:
            responses = [client.get(route) for route in routes]
            assert [r.status_code for r in responses] == [200] * len(routes)
            answers.append([r.json() for r in responses])
    assert answers[0] == answers[1]
