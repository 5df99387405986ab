"""The analyst's workbench over HTTP: events view and API, search facets, honest paging,
HEAD, origins without paths, story outlets, untitled articles, profile clean-ups."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import open_store
from newsgraph.kb import queries
from newsgraph.model import Article, Entity, Event, Mention, Quote
from newsgraph.settings import Settings
from newsgraph.web.app import create_app

ARTICLES = 130  # two events and a quote each: 390 timeline items for Kenya, past one page
VOCABULARY = (
    "harbour ministry budget rain village school bridge tariff court border clinic pension "
    "election wheat copper fishing railway drought union refinery"
)
WORDS = VOCABULARY.split()


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def workbench_article(i: int, rng: random.Random) -> Article:
    """An article where Kenya agrees with Haiti and Ruto speaks: every fact with offsets. Every
    other criticism has no PLOVER type (stored as "" until the schema takes None)."""
    month = 1 + i % 12
    opening = f"Report {i}: {_words(rng, 30)}."
    body = (
        f"{opening} Kenya agreed a deal with Haiti on {_words(rng, 3)}. "
        f'"We will deliver {_words(rng, 4)}," said William Ruto. '
        f"Kenya also criticised Haiti over {_words(rng, 3)}.\n{_words(rng, 25)}."
    )

    def at(words: str, after: int = 0) -> tuple[int, int]:
        start = body.index(words, after)
        return start, start + len(words)

    def ent(eid: str, name: str, etype: str, country: str) -> Entity:
        spans = []
        start = body.find(name)
        while start >= 0:
            spans.append(Mention(start, start + len(name), name))
            start = body.find(name, start + 1)
        return Entity(eid, name, etype, spans, country=country)

    quote_start, quote_end = at("We will deliver")
    quote_end = body.index(",", quote_end)
    agreed, criticised = at("agreed"), at("criticised")
    return Article(
        id=f"wb{i:03d}", text=body, title=None if i % 10 == 0 else f"Kenya and Haiti, part {i}",
        source="Harbour Times" if i % 2 else "Volta Voice", section="World" if i % 3 else "Africa",
        published=f"2024-{month:02d}-{1 + i % 27:02d}", origin=f"/srv/private/feeds/wb{i}.txt",
        entities=[ent("e1", "Kenya", "GPE", "KEN"), ent("e2", "Haiti", "GPE", "HTI"),
                  ent("e3", "William Ruto", "PERSON", "KEN")],
        quotes=[Quote(body[quote_start:quote_end], quote_start, quote_end, "direct",
                      speaker="e3", speaker_text="William Ruto")],
        events=[
            Event("v1", "AGREE", "agreed", *agreed, actor="e1", target="e2",
                  sentence_start=body.index("Kenya agreed"), sentence_end=body.index(" \"We")),
            Event("v2", "ACCUSE" if i % 2 else "", "criticised", *criticised,
                  actor="e1", target="e2", mode="criticize" if i % 2 else None),
        ],
    )  # fmt: skip


def build_workbench_store(path: Path) -> Path:
    store = open_store(path)
    rng = random.Random(15)
    store.save_many([workbench_article(i, rng) for i in range(ARTICLES)])
    store.settle()
    store.close()
    return path


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_workbench_store(tmp_path_factory.mktemp("workbench") / "wb.db")
    with TestClient(create_app(db, Settings())) as test_client:
        yield test_client


def _kenya(client: TestClient) -> str:
    return str(client.get("/api/entities", params={"search": "Kenya"}).json()["items"][0]["id"])


def test_timeline_total_is_honest_and_pages(client: TestClient) -> None:
    kenya = _kenya(client)
    first = client.get("/api/timeline", params={"entity": kenya}).json()
    assert len(first["items"]) == queries.TIMELINE_LIMIT < first["total"]
    rest = client.get("/api/timeline", params={"entity": kenya, "offset": 200}).json()
    assert len(rest["items"]) == first["total"] - 200
    assert first["items"][-1]["date"] <= rest["items"][0]["date"]


def test_timeline_limit_500_is_allowed_as_documented(client: TestClient) -> None:
    response = client.get("/api/timeline", params={"entity": _kenya(client), "limit": 500})
    assert response.status_code == 200 and len(response.json()["items"]) == response.json()["total"]
    assert client.get("/api/timeline", params={"q": "Kenya", "limit": 501}).status_code == 422


@pytest.mark.parametrize("url", ["/", "/events", "/api/overview", "/api/events", "/search?q=x"])
def test_head_is_answered_on_get_routes(client: TestClient, url: str) -> None:
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code == 200 and head.content == b""


def test_origin_is_a_file_name_in_the_api(client: TestClient) -> None:
    assert client.get("/api/articles/wb001").json()["origin"] == "wb1.txt"
    listed = client.get("/api/articles", params={"limit": 5}).json()["items"]
    assert all("/" not in a["origin"] for a in listed)


def test_untitled_article_shows_its_first_words(client: TestClient) -> None:
    listed = client.get("/api/articles", params={"limit": 200}).json()["items"]
    untitled = next(a for a in listed if a["id"] == "wb010")
    assert untitled["title"] is None and untitled["lead"].startswith("Report 10:")
    assert "Report 10:" in client.get("/articles/wb010").text


def test_events_filter_by_type_country_and_mode(client: TestClient) -> None:
    page = client.get("/api/events", params={"type": "ACCUSE", "country": "HTI"}).json()
    assert page["total"] == ARTICLES // 2
    assert all(e["type"] == "ACCUSE" and e["mode"] == "criticize" for e in page["items"])


def test_untyped_events_only_with_the_toggle(client: TestClient) -> None:
    typed = client.get("/api/events").json()["total"]
    every = client.get("/api/events", params={"typed": "false"}).json()["total"]
    assert (typed, every) == (ARTICLES + ARTICLES // 2, 2 * ARTICLES)


def test_events_actor_by_name_words(client: TestClient) -> None:
    page = client.get("/api/events", params={"actor": "kenya", "limit": 1}).json()
    assert page["total"] == ARTICLES + ARTICLES // 2 and page["items"][0]["actor_name"] == "Kenya"


def test_dyad_lists_events_between_two_entities_in_time_order(client: TestClient) -> None:
    dyad = client.get("/api/events/dyad", params={"a": "Haiti", "b": "Kenya"}).json()
    dates = [e["date"] for e in dyad["events"]["items"]]
    assert dyad["events"]["total"] == ARTICLES + ARTICLES // 2 and dates == sorted(dates)


def test_event_chart_counts_by_type_and_month(client: TestClient) -> None:
    chart = client.get("/api/events/chart").json()
    assert len(chart["months"]) == 12 and sum(chart["series"]["AGREE"]) == ARTICLES


def test_events_page_shows_actor_type_target_and_sentence(client: TestClient) -> None:
    html = client.get("/events", params={"type": "AGREE"}).text
    assert 'id="event-chart"' in html and "Kenya agreed a deal with Haiti" in html
    assert '<span class="arrow">→</span><strong>AGREE</strong>' in html


def test_events_csv_download_has_one_row_per_event(client: TestClient) -> None:
    response = client.get("/api/events.csv", params={"actor": _kenya(client), "type": "AGREE"})
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert response.headers["content-type"].startswith("text/csv") and len(rows) == ARTICLES
    assert rows[0]["target_name"] == "Haiti" and rows[0]["story_id"]


def test_search_facets_count_and_narrow(client: TestClient) -> None:
    facets = client.get("/api/search/facets", params={"q": "Kenya"}).json()
    outlets = {f["value"]: f["count"] for f in facets["sources"]}
    assert outlets == {"Harbour Times": ARTICLES // 2, "Volta Voice": ARTICLES // 2}
    narrowed = client.get("/api/search", params={"q": "Kenya", "source": "Volta Voice"}).json()
    assert narrowed["total"] == ARTICLES // 2


def test_search_sorts_by_date(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Kenya", "sort": "date"}).json()["items"]
    dates = [h["article"]["published"] for h in hits]
    assert dates == sorted(dates, reverse=True)


def test_search_page_has_facet_links_with_counts(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Kenya"}).text
    assert 'id="facets"' in html and "source=Volta+Voice" in html and f"({ARTICLES // 2})" in html


def test_article_page_lists_event_actor_and_target(client: TestClient) -> None:
    html = client.get("/articles/wb001").text
    side = html[html.index('id="article-events"') :]
    assert '<span class="actor"><a href="/entities/' in side and ">Haiti</a>" in side


def test_time_and_event_marks_take_keyboard_focus(client: TestClient) -> None:
    html = client.get("/articles/wb001").text
    assert (
        'class="event"' in html
        and 'tabindex="0" role="note" aria-label="agreed: event AGREE' in html
    )


def test_story_outlets_are_filled(client: TestClient) -> None:
    assert client.get("/api/stories/wb001").json()["outlets"] == ["Harbour Times"]


def test_titles_merge_case_insensitively() -> None:
    from newsgraph.store.base import TitleUse

    merged = queries.merge_titles(
        [TitleUse("President", ["2024-01-02"], 3), TitleUse("president", ["2024-03-01"], 1)]
    )
    assert [(u.title, u.articles, u.first, u.last) for u in merged] == [
        ("President", 4, "2024-01-02", "2024-03-01")
    ]


def test_affiliations_one_form_per_country() -> None:
    from newsgraph.wordlists import WordLists

    forms = queries.normalise_affiliations(["US", "United States", "U.S.", "Tory"], WordLists())
    assert len(forms) == 2 and "Tory" in forms
