"""The JSON API: every endpoint, pagination bounds, clear 4xx errors, escaping and ingest."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import open_store
from newsgraph.model import Article, Entity, Event, Figure, Mention, Quote, Removed, TimeExpr
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from test_kb_queries import smith_store

WIRE = (
    "The United Nations said on Monday that Kenya will lead the Haiti mission. "
    '"We are ready to go," said President William Ruto in Nairobi. '
    "About 1,000 police officers will travel to Port-au-Prince next month, officials said, "
    "and the first units are expected to land before the rainy season begins in the capital."
)
SCRIPT_TEXT = (
    "A reader comment contained <script>alert('x')</script> in the middle of the text, "
    "and the Kenya government said nothing about it on Tuesday."
)


def _mention(text: str, words: str) -> Mention:
    start = text.index(words)
    return Mention(start, start + len(words), words)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def wire_article(article_id: str, source: str, text: str = WIRE) -> Article:
    """A hand-built wire story with one fact of every kind, offsets into its text."""
    ruto = _mention(text, "William Ruto")
    return Article(
        id=article_id,
        text=text,
        title="Kenya to lead Haiti mission",
        source=source,
        section="World",
        published="2024-10-09",
        url="https://example.org/" + article_id,
        removed=[Removed("Subscribe to our newsletter", "subscription cue")],
        entities=[
            Entity("e1", "United Nations", "ORG", [_mention(text, "United Nations")]),
            Entity("e2", "Kenya", "GPE", [_mention(text, "Kenya")], country="KEN"),
            Entity("e3", "William Ruto", "PERSON", [ruto], titles=["President"], country="KEN"),
            Entity("e4", "Haiti", "GPE", [_mention(text, "Haiti")], country="HTI"),
        ],
        quotes=[
            Quote(
                "We are ready to go,",
                *_span(text, "We are ready to go,"),
                kind="direct",
                speaker="e3",
                speaker_text="William Ruto",
                speaker_start=ruto.start,
                speaker_end=ruto.end,
                cue="said",
            )
        ],
        times=[
            TimeExpr("Monday", *_span(text, "Monday"), "DATE", "2024-10-07", "published"),
            TimeExpr("next month", *_span(text, "next month"), "DATE", "2024-11"),
        ],
        figures=[
            Figure(
                "About 1,000 police officers",
                *_span(text, "About 1,000 police officers"),
                1000.0,
                "police officers",
                approximate=True,
            )
        ],
        events=[
            Event(
                "ev1",
                "COOPERATE",
                "lead",
                *_span(text, "lead"),
                actor="e2",
                target="e4",
                time="2024-10-07",
            )
        ],
    )


def script_article() -> Article:
    """An article whose text holds a script tag, which every page must show as text."""
    return Article(
        id="script1",
        text=SCRIPT_TEXT,
        title="A <b>bold</b> title",
        source="Other Post",
        section="Opinion",
        published="2024-11-02",
        url="javascript:alert(1)",
        entities=[Entity("k", "Kenya", "GPE", [_mention(SCRIPT_TEXT, "Kenya")], country="KEN")],
    )


def build_store(db: Path, more: Iterable[Article] = ()) -> Path:
    """A store holding a wire story, its syndicated copy, the script-tag article and ``more``."""
    store = open_store(db)
    try:
        store.save(wire_article("wire1", "Example Wire"))
        store.save(wire_article("copy1", "Copy Daily", WIRE.replace("officials", "aides")))
        store.save(script_article())
        for article in more:
            store.save(article)
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, Settings())) as test_client:
        yield test_client


def _kb_id(client: TestClient, name: str) -> str:
    items = client.get("/api/entities", params={"search": name}).json()["items"]
    return str(next(e["id"] for e in items if e["name"] == name))


def test_articles_list_counts_every_article(client: TestClient) -> None:
    page = client.get("/api/articles").json()
    assert page["total"] == 3 and len(page["items"]) == 3


def test_articles_paginate(client: TestClient) -> None:
    page = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert len(page["items"]) == 1 and page["total"] == 3 and page["offset"] == 1


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"limit": "x"}])
def test_articles_pagination_out_of_bounds_is_422(client: TestClient, params: dict) -> None:
    response = client.get("/api/articles", params=params)
    assert response.status_code == 422 and response.json()["detail"]


def test_articles_filter_by_source(client: TestClient) -> None:
    items = client.get("/api/articles", params={"source": "Copy Daily"}).json()["items"]
    assert [a["id"] for a in items] == ["copy1"]


def test_articles_filter_by_section(client: TestClient) -> None:
    items = client.get("/api/articles", params={"section": "opinion"}).json()["items"]
    assert [a["id"] for a in items] == ["script1"]


def test_articles_filter_by_date(client: TestClient) -> None:
    items = client.get("/api/articles", params={"date_from": "2024-11"}).json()["items"]
    assert [a["id"] for a in items] == ["script1"]


def test_bad_date_is_422(client: TestClient) -> None:
    assert client.get("/api/articles", params={"date_from": "last week"}).status_code == 422


def test_article_has_all_facts_with_kb_ids(client: TestClient) -> None:
    article = client.get("/api/articles/wire1").json()
    assert article["text"] == WIRE and len(article["quotes"]) == 1
    assert all(e["kb_id"] for e in article["entities"])


def test_missing_article_is_404_without_file_paths(client: TestClient, db: Path) -> None:
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"] and str(db) not in response.text


def test_entities_filter_by_type(client: TestClient) -> None:
    items = client.get("/api/entities", params={"type": "person"}).json()["items"]
    assert [e["name"] for e in items] == ["William Ruto"]


def test_entities_bad_type_is_422(client: TestClient) -> None:
    assert client.get("/api/entities", params={"type": "PER SON;"}).status_code == 422


def test_entity_profile(client: TestClient) -> None:
    profile = client.get(f"/api/entities/{_kb_id(client, 'William Ruto')}").json()
    assert profile["entity"]["titles"] == ["President"]
    assert {q["text"] for q in profile["quotes_by"]} == {"We are ready to go,"}


def test_unknown_entity_is_404(client: TestClient) -> None:
    assert client.get("/api/entities/kb_nothing").status_code == 404


def test_quotes_by_speaker_name(client: TestClient) -> None:
    items = client.get("/api/quotes", params={"speaker": "Ruto"}).json()["items"]
    assert items and all(q["speaker_name"] == "William Ruto" for q in items)


def test_quotes_by_text(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"search": "nothing like it"}).json()["total"] == 0


def test_events_by_type_and_actor(client: TestClient) -> None:
    kenya = _kb_id(client, "Kenya")
    page = client.get("/api/events", params={"type": "cooperate", "actor": kenya}).json()
    assert page["total"] == 2 and page["items"][0]["target_name"] == "Haiti"


def test_events_by_date(client: TestClient) -> None:
    assert client.get("/api/events", params={"date_from": "2025"}).json()["total"] == 0


def test_timeline_counts_copies_once(client: TestClient) -> None:
    items = client.get("/api/timeline", params={"q": "Haiti mission"}).json()["items"]
    events = [i for i in items if i["kind"] == "event"]
    assert len(events) == 1 and set(events[0]["outlets"]) == {"Example Wire", "Copy Daily"}


def test_timeline_needs_entity_or_query(client: TestClient) -> None:
    response = client.get("/api/timeline")
    assert response.status_code == 400 and "entity" in response.json()["detail"]


def test_search_finds_every_copy(client: TestClient) -> None:
    page = client.get("/api/search", params={"q": "rainy season"}).json()
    assert {h["article"]["id"] for h in page["items"]} == {"wire1", "copy1"}


def test_search_without_query_is_422(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422


def test_search_text_is_not_sql(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "'; DROP TABLE articles; --"})
    assert response.status_code == 200
    assert client.get("/api/articles").json()["total"] == 3


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/entities/{kb_id}", "/api/timeline", "/api/ingest"):
        assert path in paths


def test_openapi_describes_the_responses(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"Article", "EntityProfile", "QuoteRecord", "IngestReport"} <= set(schemas)


def test_no_route_serves_files_outside_static(client: TestClient) -> None:
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


# -- ingest (runs the real pipeline) ------------------------------------------------------------

ARTICLE_TEXT = (
    "Ghana's navy said on Friday that it had seized a fishing trawler off the coast of Takoradi "
    "after a two-day chase. The crew of twelve was taken to the port, where officers questioned "
    "the captain about the catch and the licence of the vessel. Commodore Kwame Mensah said the "
    "navy would keep patrolling the fishing grounds until the end of the season."
)


TOKEN = "s3cret-token-for-tests"
WITH_TOKEN = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def ingest_client(tmp_path: Path, pipeline: Pipeline) -> Iterator[TestClient]:
    app = create_app(tmp_path / "ingest.db", pipeline.settings, token=TOKEN)
    app.state.newsgraph.use_pipeline(pipeline)  # reuse the session's spaCy pipeline
    with TestClient(app, headers=WITH_TOKEN) as test_client:
        yield test_client


def test_ingest_one_json_article(ingest_client: TestClient) -> None:
    record = {"id": "gh1", "text": ARTICLE_TEXT, "title": "Navy seizes trawler"}
    report = ingest_client.post("/api/ingest", json=record).json()
    assert [s["id"] for s in report["stored"]] == ["gh1"] and report["rejected"] == []
    assert ingest_client.get("/api/articles/gh1").json()["entities"]


def test_ingest_jsonl_batch_reports_the_bad_line(ingest_client: TestClient) -> None:
    lines = [
        json.dumps({"id": "a", "text": ARTICLE_TEXT}),
        "{not json",
        json.dumps({"id": "b", "text": ARTICLE_TEXT.replace("Friday", "Sunday")}),
    ]
    body = "\n".join(lines).encode()
    report = ingest_client.post(
        "/api/ingest", content=body, headers={"content-type": "application/x-ndjson"}
    ).json()
    assert [s["id"] for s in report["stored"]] == ["a", "b"]
    assert [r["line"] for r in report["rejected"]] == [2]
    assert "JSON" in report["rejected"][0]["reason"]


def test_ingest_rejects_a_record_without_text(ingest_client: TestClient) -> None:
    report = ingest_client.post("/api/ingest", json={"title": "no body"}).json()
    assert report["stored"] == [] and "text" in report["rejected"][0]["reason"]


def test_ingest_in_two_requests_stores_both(ingest_client: TestClient) -> None:
    ingest_client.post("/api/ingest", json={"id": "one", "text": ARTICLE_TEXT})
    second = {"id": "two", "text": ARTICLE_TEXT.replace("Takoradi", "Tema")}
    assert ingest_client.post("/api/ingest", json=second).json()["stored"][0]["id"] == "two"
    assert ingest_client.get("/api/articles").json()["total"] == 2


def test_ingest_twice_is_a_duplicate(ingest_client: TestClient) -> None:
    ingest_client.post("/api/ingest", json={"text": ARTICLE_TEXT})
    report = ingest_client.post("/api/ingest", json={"text": ARTICLE_TEXT}).json()
    assert report["stored"] == [] and report["duplicates"][0]["line"] == 1


def test_ingest_empty_body_is_400(ingest_client: TestClient) -> None:
    response = ingest_client.post(
        "/api/ingest", content=b"  ", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400 and "empty" in response.json()["detail"]


# -- names several entities fit, and corrections (writes need the token) ------------------------


@pytest.fixture
def smiths(tmp_path: Path) -> Path:
    return smith_store(tmp_path / "smiths.db")


@pytest.fixture
def writer(smiths: Path) -> Iterator[TestClient]:
    """A client of a server started with a token (requests carry none unless a test adds it)."""
    with TestClient(create_app(smiths, Settings(), token=TOKEN)) as test_client:
        yield test_client


def _id_named(client: TestClient, name: str) -> str:
    found = client.get("/api/entities/candidates", params={"name": name}).json()
    return str(next(c["entity"]["id"] for c in found["items"] if c["entity"]["name"] == name))


def test_candidates_list_every_fit(writer: TestClient) -> None:
    found = writer.get("/api/entities/candidates", params={"name": "Smith"}).json()
    assert found["heading"] == "3 entities named Smith (2 PERSON, 1 GPE)"
    assert [c["entity"]["name"] for c in found["items"]] == [
        "Alex Smith",
        "Smith",
        "Jada Pinkett Smith",
    ]
    assert found["items"][0]["note"] == "2024-02-10 – 2024-03-15 · with Washington"


def test_candidates_need_a_name(writer: TestClient) -> None:
    assert writer.get("/api/entities/candidates").status_code == 422


def test_write_on_a_server_without_token_is_403(client: TestClient) -> None:
    kenya = _kb_id(client, "Kenya")
    response = client.post(f"/api/entities/{kenya}/merge", json={"into": kenya}, headers=WITH_TOKEN)
    assert response.status_code == 403 and "--token" in response.json()["detail"]


def test_ingest_on_a_server_without_token_is_403(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"text": ARTICLE_TEXT}, headers=WITH_TOKEN)
    assert response.status_code == 403 and "writing is off" in response.json()["detail"]


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
def test_write_without_the_right_token_is_401(writer: TestClient, headers: dict) -> None:
    jada, alex = _id_named(writer, "Jada Pinkett Smith"), _id_named(writer, "Alex Smith")
    response = writer.post(f"/api/entities/{jada}/merge", json={"into": alex}, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert writer.get(f"/api/entities/{jada}").status_code == 200  # nothing was written


def test_ingest_with_a_wrong_token_is_401(writer: TestClient) -> None:
    headers = {"Authorization": "Bearer wrong"}
    assert writer.post("/api/ingest", json={"text": "x"}, headers=headers).status_code == 401


def test_merge_with_the_token_moves_the_entity(writer: TestClient) -> None:
    jada, alex = _id_named(writer, "Jada Pinkett Smith"), _id_named(writer, "Alex Smith")
    response = writer.post(f"/api/entities/{jada}/merge", json={"into": alex}, headers=WITH_TOKEN)
    assert response.status_code == 200 and response.json()["entity"]["articles"] == 3
    assert writer.get(f"/api/entities/{jada}").status_code == 404


def test_split_with_the_token_makes_a_new_entity(writer: TestClient) -> None:
    alex = _id_named(writer, "Alex Smith")
    body = {"article_id": "s3", "entity_id": "e0"}
    response = writer.post(f"/api/entities/{alex}/split", json=body, headers=WITH_TOKEN)
    new = response.json()["entity"]["id"]
    assert response.status_code == 200 and new != alex
    assert writer.get(f"/api/entities/{alex}").json()["entity"]["articles"] == 1


def test_write_with_a_form_body_is_415(writer: TestClient) -> None:
    alex = _id_named(writer, "Alex Smith")
    response = writer.post(f"/api/entities/{alex}/merge", data={"into": "x"}, headers=WITH_TOKEN)
    assert response.status_code == 415 and "application/json" in response.json()["detail"]


def test_ingest_as_plain_text_is_415(writer: TestClient) -> None:
    headers = {**WITH_TOKEN, "content-type": "text/plain"}
    response = writer.post("/api/ingest", content=b'{"text": "x"}', headers=headers)
    assert response.status_code == 415


def test_merge_into_itself_is_400(writer: TestClient) -> None:
    alex = _id_named(writer, "Alex Smith")
    response = writer.post(f"/api/entities/{alex}/merge", json={"into": alex}, headers=WITH_TOKEN)
    assert response.status_code == 400 and "itself" in response.json()["detail"]


def test_merge_without_a_target_is_422(writer: TestClient) -> None:
    alex = _id_named(writer, "Alex Smith")
    response = writer.post(f"/api/entities/{alex}/merge", json={"to": "x"}, headers=WITH_TOKEN)
    assert response.status_code == 422 and "into" in response.json()["detail"]


def test_split_of_another_entitys_mention_is_400(writer: TestClient) -> None:
    alex = _id_named(writer, "Alex Smith")
    body = {"article_id": "s1", "entity_id": "e0"}
    response = writer.post(f"/api/entities/{alex}/split", json=body, headers=WITH_TOKEN)
    assert response.status_code == 400 and "not a mention" in response.json()["detail"]


def test_events_outside_plover_only_on_request(tmp_path: Path) -> None:
    text = "Kenya unveiled a plan."
    art = Article(id="untyped1", text=text, published="2024-11-03")
    art.events = [Event("v1", None, "unveiled", 6, 14)]  # an event mention outside PLOVER
    with TestClient(create_app(build_store(tmp_path / "w.db", [art]), Settings())) as client:
        typed = client.get("/api/events").json()
        every = client.get("/api/events", params={"plover": "false"}).json()
    assert all(e["type"] for e in typed["items"])
    assert every["total"] == typed["total"] + 1


def test_documented_api_limits_are_the_served_ones(client: TestClient) -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "web.md").read_text()
    rows = re.findall(r"^\| `GET (/api/\S+)` \|.*`limit` \(1-(\d+)", docs, flags=re.M)
    paths = client.get("/openapi.json").json()["paths"]
    served = {
        path: next(
            p["schema"]["maximum"] for p in paths[path]["get"]["parameters"] if p["name"] == "limit"
        )
        for path, _ in rows
    }
    assert len(rows) >= 8 and served == {path: int(most) for path, most in rows}
