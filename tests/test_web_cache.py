"""The server's per-process cache of entity profiles and graphs: served while the store has not
changed, read afresh after any write, by this process or another one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import open_store
from newsgraph.kb import queries
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.store.base import Store
from newsgraph.web.app import create_app
from newsgraph.web.cache import StoreCache
from test_kb_queries import build, dupuy, ent

TEXT_C = "Dominique Dupuy spoke to Kenya and Haiti again on Friday about the mission."


def third_article() -> Article:
    c = Article(id="c", text=TEXT_C, title="Again", source="AFP", published="2024-07-01")
    c.entities = [
        ent("p", "Dominique Dupuy", "PERSON", TEXT_C),
        ent("k", "Kenya", "GPE", TEXT_C, country="KEN"),
        ent("h", "Haiti", "GPE", TEXT_C, country="HTI"),
    ]
    return c


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cache.db"
    with open_store(path) as store:
        build(store)
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, Settings(db=db))) as c:
        yield c


def app_store(client: TestClient) -> Store:
    store: Store = client.app.state.newsgraph.store()  # type: ignore[attr-defined]
    return store


def cache_of(client: TestClient) -> StoreCache:
    cache: StoreCache = client.app.state.newsgraph.cache  # type: ignore[attr-defined]
    return cache


def profile_articles(client: TestClient, kb_id: str) -> list[str]:
    response = client.get(f"/api/entities/{kb_id}")
    assert response.status_code == 200
    return [a["id"] for a in response.json()["articles"]]


def test_cache_serves_a_value_while_its_mark_holds() -> None:
    cache, built = StoreCache(), []
    for _ in range(3):
        cache.get("k", 1, lambda: built.append(1) or len(built))
    assert built == [1] and cache.hits == 2


def test_cache_builds_again_under_another_mark() -> None:
    cache = StoreCache()
    cache.get("k", 1, lambda: "old")
    assert cache.get("k", 2, lambda: "new") == "new"


def test_cache_drops_the_least_recently_used_beyond_its_size() -> None:
    cache = StoreCache(size=2)
    for key in "abc":
        cache.get(key, 0, str)
    assert len(cache) == 2 and cache.get("a", 0, lambda: "rebuilt") == "rebuilt"


def test_a_second_profile_request_is_served_from_the_cache(client: TestClient) -> None:
    kb_id = dupuy(app_store(client))
    profile_articles(client, kb_id)
    hits = cache_of(client).hits
    profile_articles(client, kb_id)
    assert cache_of(client).hits == hits + 1


def test_a_save_in_the_server_process_invalidates_a_cached_profile(client: TestClient) -> None:
    store = app_store(client)
    kb_id = dupuy(store)
    assert "c" not in profile_articles(client, kb_id)
    store.save(third_article())
    assert "c" in profile_articles(client, kb_id)


def test_a_save_by_another_process_invalidates_a_cached_profile(
    client: TestClient, db: Path
) -> None:
    kb_id = dupuy(app_store(client))
    assert "c" not in profile_articles(client, kb_id)
    with open_store(db) as cli_store:  # another connection, as a CLI ingest would open
        cli_store.save(third_article())
    assert "c" in profile_articles(client, kb_id)


def test_a_merge_invalidates_a_cached_entity_page(client: TestClient) -> None:
    store = app_store(client)
    kb_id, haiti = dupuy(store), queries.find_entity(store, "Haiti").id
    assert f'"id": "{haiti}"' in client.get(f"/entities/{kb_id}").text  # a graph node
    store.merge(haiti, queries.find_entity(store, "Kenya").id)
    assert f'"id": "{haiti}"' not in client.get(f"/entities/{kb_id}").text


def test_the_change_mark_holds_while_nothing_is_written(db: Path) -> None:
    with open_store(db) as store:
        store.list_articles()
        assert store.change_mark() == store.change_mark()


def test_shared_stories_counts_each_pair_once(db: Path) -> None:
    with open_store(db) as store:
        ids = {name: queries.find_entity(store, name).id for name in ("Dupuy", "Kenya", "Haiti")}
        pairs = {frozenset((a, b)): n for a, b, n in store.shared_stories(list(ids.values()))}
    assert pairs == {
        frozenset((ids["Dupuy"], ids["Kenya"])): 2,
        frozenset((ids["Dupuy"], ids["Haiti"])): 1,
        frozenset((ids["Kenya"], ids["Haiti"])): 1,
    }


def test_entity_graph_links_the_co_occurring_entities(client: TestClient) -> None:
    store = app_store(client)
    kenya, haiti = (queries.find_entity(store, n).id for n in ("Kenya", "Haiti"))
    page = client.get(f"/entities/{dupuy(store)}").text
    assert f'"source": "{min(kenya, haiti)}", "target": "{max(kenya, haiti)}"' in page


def test_graph_api_gives_names_and_weights(client: TestClient) -> None:
    store = app_store(client)
    graph = client.get(f"/api/entities/{dupuy(store)}/graph").json()
    weights = {n["data"]["label"]: n["data"]["weight"] for n in graph["nodes"]}
    assert weights["Kenya"] == 2 and weights["Haiti"] == 1
    assert sorted(e["data"]["weight"] for e in graph["edges"]) == [1, 1, 2]


def test_graph_api_drops_links_under_min_weight(client: TestClient) -> None:
    store = app_store(client)
    graph = client.get(f"/api/entities/{dupuy(store)}/graph", params={"min_weight": 2}).json()
    assert {n["data"]["label"] for n in graph["nodes"]} == {"Dominique Dupuy", "Kenya"}
    assert [e["data"]["weight"] for e in graph["edges"]] == [2]


def test_graph_api_rejects_a_bad_min_weight(client: TestClient) -> None:
    assert (
        client.get(f"/api/entities/{dupuy(app_store(client))}/graph?min_weight=0").status_code
        == 422
    )
