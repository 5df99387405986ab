"""HTML pages through trafilatura: body paragraphs and page metadata."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from newsgraph.errors import RejectedInput
from newsgraph.ingest import article_from_html
from newsgraph.ingest.article import Metadata
from newsgraph.ingest.html import outlet_from_url, standfirst
from newsgraph.settings import Settings

PARAGRAPHS = [
    "The regional security force began night patrols along the coast on Monday, officials said, "
    "after a month of attacks on fishing boats and fuel tankers near the port.",
    "The defence minister told reporters that the mission would add two more ships before the "
    "end of the year and that the government had asked its neighbours for help with fuel.",
    "Fishermen in the coastal villages welcomed the patrols but said they wanted the boats to "
    "stay for longer than the few weeks that had been promised by the government.",
]

PAGE = f"""<!DOCTYPE html><html><head>
<title>Night patrols begin on the coast | Harbour Times</title>
<meta property="og:title" content="Night patrols begin on the coast">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2025-05-06T08:30:00+00:00">
<meta name="author" content="Maria Lopez">
<link rel="canonical" href="https://harbour.example/news/patrols">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Night patrols begin on the coast</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer><p>© 2025 Harbour Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_body_is_the_article_paragraphs(settings: Settings) -> None:
    assert article_from_html(PAGE, settings).text == "\n\n".join(PARAGRAPHS)


def test_html_metadata_fills_the_article(settings: Settings) -> None:
    article = article_from_html(PAGE, settings)
    assert (article.title, article.source, article.author) == (
        "Night patrols begin on the coast",
        "Harbour Times",
        "Maria Lopez",
    )
    assert (article.published, article.url) == (
        "2025-05-06",
        "https://harbour.example/news/patrols",
    )


def test_html_kind_is_recorded(settings: Settings) -> None:
    assert article_from_html(PAGE, settings).input_kind == "html"


def test_page_without_article_text_is_rejected(settings: Settings) -> None:
    with pytest.raises(RejectedInput, match="no article"):
        article_from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", settings)


def test_a_rejected_page_names_every_route_tried(settings: Settings) -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav><p>Too short.</p></body></html>"
    with pytest.raises(RejectedInput) as info:
        article_from_html(html, settings)
    for route in ("trafilatura", "trafilatura-recall", "trafilatura-baseline", "justext"):
        assert f"{route} " in info.value.reason


def test_page_metadata_says_where_each_field_came_from(settings: Settings) -> None:
    body = " ".join(["Le conseil municipal a voté le budget de la ville mardi soir."] * 8)
    html = (
        '<html><head><meta property="og:title" content="Le budget voté">'
        '<meta property="article:published_time" content="2024-03-05"></head>'
        f"<body><article><h1>Le budget voté</h1><p>{body}</p></article></body></html>"
    )
    article = article_from_html(html, settings, meta=Metadata(url="https://www.ville.fr/a/1"))
    assert article.language == "fr" and article.published == "2024-03-05"
    assert article.source == "ville.fr" and article.meta_sources["source"] == "domain"
    assert article.meta_sources["published"] == "htmldate"


def test_a_table_inside_the_article_stays_in_the_body(settings: Settings) -> None:
    table = "<table><tr><td>Patrol boats</td><td>Twelve on the southern coast</td></tr></table>"
    page = PAGE.replace("</article>", f"{table}</article>")
    assert "Twelve on the southern coast" in article_from_html(page, settings).text


def test_a_pseudo_url_without_a_host_gives_no_outlet() -> None:
    assert outlet_from_url("hard::elfaro.net-page.html") is None
    assert outlet_from_url("http://localhost:8000/a") is None
    assert outlet_from_url("https://www.lemonde.fr/a") == "lemonde.fr"


STANDFIRST = (
    "Twelve boats will watch the southern coast at night after a month of attacks on tankers."
)


def test_a_standfirst_shown_in_the_header_opens_the_body(settings: Settings) -> None:
    page = PAGE.replace(
        "</head>", f'<meta property="og:description" content="{STANDFIRST}"></head>'
    ).replace("<article>", f'<header><p class="lead">{STANDFIRST}</p></header><article>')
    assert article_from_html(page, settings).text.startswith(STANDFIRST)


def test_a_description_the_page_does_not_show_stays_out(settings: Settings) -> None:
    page = PAGE.replace("</head>", f'<meta name="description" content="{STANDFIRST}"></head>')
    assert STANDFIRST not in article_from_html(page, settings).text


def test_a_publisher_that_is_the_author_gives_way_to_the_domain(settings: Settings) -> None:
    person = '{"@type": "NewsArticle", "publisher": {"@type": "Person", "name": "Maria Lopez"}}'
    page = PAGE.replace('<meta property="og:site_name" content="Harbour Times">', "").replace(
        "</head>", f'<script type="application/ld+json">{person}</script></head>'
    )
    meta = Metadata(url="https://www.harbour.example/news/patrols")
    article = article_from_html(page, settings, meta=meta)
    assert article.source == "harbour.example" and article.meta_sources["source"] == "domain"


def test_the_declared_site_name_is_the_outlet_and_leaves_the_byline(settings: Settings) -> None:
    company = '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "HT Ltd"}}'
    page = PAGE.replace('content="Maria Lopez"', 'content="Maria Lopez; Harbour Times"').replace(
        "</head>", f'<script type="application/ld+json">{company}</script></head>'
    )
    article = article_from_html(page, settings)
    assert article.source == "Harbour Times" and article.meta_sources["source"] == "og:site_name"
    assert article.author == "Maria Lopez"


def test_a_standfirst_is_found_under_an_xml_declaration() -> None:
    html = (
        '<?xml version="1.0" encoding="utf-8"?><html><head>'
        f'<meta name="description" content="{STANDFIRST}"></head>'
        f"<body><header><p>{STANDFIRST}</p></header><p>Body.</p></body></html>"
    )
    assert standfirst(load_html(html), "Body.") == STANDFIRST
