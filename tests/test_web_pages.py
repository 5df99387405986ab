"""The server-rendered pages: every page renders, article text is escaped, nothing is remote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import open_store
from newsgraph.model import Article, Entity, Mention
from newsgraph.settings import Settings
from newsgraph.web.app import create_app
from test_kb_queries import smith_store
from test_web_api import build_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_store(tmp_path_factory.mktemp("pages") / "pages.db")
    with TestClient(create_app(db, Settings())) as test_client:
        yield test_client


def _kb_id(client: TestClient, name: str) -> str:
    items = client.get("/api/entities", params={"search": name}).json()["items"]
    return str(next(e["id"] for e in items if e["name"] == name))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search?q=Haiti",
        "/articles",
        "/articles/wire1",
        "/entities",
        "/quotes",
        "/timeline",
        "/timeline?q=Haiti+mission",
        "/entities?type=PERSON",
    ],
)
def test_page_renders(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200 and "<title>" in response.text


def test_entity_page_renders_graph_data(client: TestClient) -> None:
    page = client.get(f"/entities/{_kb_id(client, 'Kenya')}").text
    assert 'id="graph-data"' in page and "/static/vendor/cytoscape.min.js" in page


def test_article_script_tag_shows_as_text(client: TestClient) -> None:
    page = client.get("/articles/script1").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<b>bold</b>" not in page


def test_javascript_url_is_not_a_link(client: TestClient) -> None:
    assert 'href="javascript:' not in client.get("/articles/script1").text


def test_article_marks_facts_in_place(client: TestClient) -> None:
    page = client.get("/articles/wire1").text
    assert '<mark class="ent ent-person" title="PERSON: William Ruto (President)"' in page
    assert 'title="William Ruto (direct quote)"' in page
    assert 'title="DATE: 2024-10-07 (relative to published date)"' in page


def test_article_shows_removed_boilerplate_folded(client: TestClient) -> None:
    page = client.get("/articles/wire1").text
    assert '<details class="removed"' in page and "Subscribe to our newsletter" in page


def test_search_page_marks_matches(client: TestClient) -> None:
    assert "<mark>Haiti</mark>" in client.get("/search?q=Haiti").text


def test_missing_article_page_is_404(client: TestClient) -> None:
    response = client.get("/articles/nope")
    assert response.status_code == 404 and "Not found" in response.text


def test_pages_load_nothing_from_other_hosts(client: TestClient) -> None:
    page = client.get(f"/entities/{_kb_id(client, 'Kenya')}").text + client.get("/").text
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_unknown_page_is_an_html_404(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404 and "<title>" in response.text


def test_bad_page_parameter_is_an_html_422(client: TestClient) -> None:
    response = client.get("/search", params={"q": "Haiti", "offset": -5})
    assert response.status_code == 422 and "offset" in response.text


def test_pages_forbid_inline_scripts(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"


def test_odd_article_id_gets_a_working_link(tmp_path: Path) -> None:
    db = tmp_path / "odd.db"
    store = open_store(db)
    store.save(Article("news/2024?x#1", "Text of an article with an odd id.", title="Odd"))
    store.close()
    with TestClient(create_app(db, Settings())) as odd:
        assert 'href="/articles/news%2F2024%3Fx%231"' in odd.get("/articles").text
        assert odd.get("/articles/news%2F2024%3Fx%231").status_code == 200
        assert odd.get("/api/articles/news%2F2024%3Fx%231").json()["id"] == "news/2024?x#1"


def test_articles_page_filters_by_section_and_date(client: TestClient) -> None:
    page = client.get("/articles", params={"section": "World", "date_from": "", "date_to": "2024"})
    assert page.status_code == 200 and "2 articles" in page.text


# -- names several entities fit, and the correction forms --------------------------------------


@pytest.fixture(scope="module")
def smiths(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = smith_store(tmp_path_factory.mktemp("smiths") / "smiths.db")
    with TestClient(create_app(db, Settings())) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = smith_store(tmp_path_factory.mktemp("writable") / "smiths.db")
    with TestClient(create_app(db, Settings(), token="t0ken")) as test_client:
        yield test_client


def test_search_lists_every_entity_named_so(smiths: TestClient) -> None:
    page = smiths.get("/search", params={"q": "Smith"}).text
    assert "3 entities named Smith (2 PERSON, 1 GPE)" in page
    assert page.count('href="/entities/kb_') >= 3 and "Jada Pinkett Smith" in page


def test_entity_lookup_by_an_ambiguous_name_lists_candidates(smiths: TestClient) -> None:
    response = smiths.get("/entities/Smith")
    assert response.status_code == 200 and "3 entities named Smith" in response.text
    assert 'id="entity-name"' not in response.text  # no profile was picked


def test_entity_lookup_by_a_name_one_entity_fits_opens_it(smiths: TestClient) -> None:
    response = smiths.get("/entities/Reggie Bush", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/entities/kb_")


def test_entity_lookup_by_an_unknown_name_is_404(smiths: TestClient) -> None:
    assert smiths.get("/entities/Nobody Atall").status_code == 404


def test_timeline_of_an_ambiguous_name_lists_candidates(smiths: TestClient) -> None:
    page = smiths.get("/timeline", params={"entity": "Smith"}).text
    assert "3 entities named Smith" in page and 'href="/timeline?entity=kb_' in page


def test_entity_page_says_corrections_are_off_without_token(smiths: TestClient) -> None:
    page = smiths.get(smiths.get("/entities/Reggie Bush").url.path).text
    assert "Corrections are off: start serve with --token." in page
    assert 'id="merge-form"' not in page and "corrections.js" not in page


def test_entity_page_with_token_has_merge_and_split(writable: TestClient) -> None:
    page = writable.get("/entities/Alex Smith").text
    assert 'id="merge-form"' in page and 'type="password"' in page
    assert page.count("Split this mention out") == 2
    assert '<script src="/static/corrections.js">' in page and "Corrections are off" not in page


def test_corrections_script_is_served(writable: TestClient) -> None:
    script = writable.get("/static/corrections.js")
    assert script.status_code == 200 and "Authorization" in script.text


FIRST_NAMES = [
    "Alex",
    "Chris",
    "Walter",
    "Julian",
    "Doug",
    "Peter",
    "Clive",
    "David",
    "Jacqui",
    "Jemma",
    "Ronald",
    "Ollie",
]


def test_search_describes_ten_candidates_and_links_the_rest(tmp_path: Path) -> None:
    arts = []
    for i, first in enumerate(FIRST_NAMES):
        name = f"{first} Smith"
        art = Article(f"m{i}", f"{name} spoke on day {i} of the meeting.", title="Smiths")
        art.entities = [Entity("e0", name, "PERSON", [Mention(0, len(name), name)])]
        arts.append(art)
    db = build_store(tmp_path / "many.db", arts)
    with TestClient(create_app(db, Settings())) as many:
        page = many.get("/search", params={"q": "Smith"}).text
    assert "12 people named Smith" in page and '<a href="/entities/Smith">and 2 more' in page
