"""JSON Lines records: text or html, given metadata winning, broken lines rejected alone."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import RejectedInput
from newsgraph.ingest import Rejected, article_from_record
from newsgraph.ingest.records import read_json_document, read_records
from newsgraph.model import Article
from newsgraph.settings import Settings

PROSE = (
    "The regional security force began night patrols along the coast on Monday, officials said. "
    "The defence minister told reporters that the mission would add two more ships before the "
    "end of the year and that the government had asked its neighbours for help with fuel."
)


def _lines(*records: object) -> list[tuple[int, str]]:
    texts = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return list(enumerate(texts, start=1))


def test_record_id_and_given_title_win(settings: Settings) -> None:
    record = {"id": "r-1", "title": "Given title", "text": f"Other headline\n\n{PROSE}"}
    article = article_from_record(record, settings)
    assert (article.id, article.title, article.input_kind) == ("r-1", "Given title", "record")


def test_record_text_goes_through_the_cleaner(settings: Settings) -> None:
    record = {"text": f"Patrols begin\n\n{PROSE}\n\nSource link", "source": "Wire"}
    article = article_from_record(record, settings)
    assert (article.title, article.text, article.source) == ("Patrols begin", PROSE, "Wire")


def test_record_html_goes_through_trafilatura(settings: Settings) -> None:
    html = f"<html><body><article><h1>Patrols begin</h1><p>{PROSE}</p></article></body></html>"
    assert article_from_record({"html": html}, settings).text == PROSE


def test_iso_timestamp_published_becomes_a_date(settings: Settings) -> None:
    record = {"text": PROSE, "published": "2025-05-06T08:30:00Z"}
    assert article_from_record(record, settings).published == "2025-05-06"


def test_nonsense_published_is_null_with_a_warning(settings: Settings) -> None:
    article = article_from_record({"text": PROSE, "published": "last week"}, settings)
    assert article.published is None
    assert "'last week' is not a date" in article.warnings[0]


def test_record_without_text_or_html_is_rejected(settings: Settings) -> None:
    with pytest.raises(RejectedInput, match="no non-empty 'text' or 'html'"):
        article_from_record({"id": "x", "title": "Only a title"}, settings)


def test_broken_line_is_rejected_with_its_number_and_the_rest_goes_on(settings: Settings) -> None:
    lines = _lines({"text": PROSE}, '{"text": "cut off', {"text": PROSE.upper()})
    items = list(read_records(lines, "feed.jsonl", settings))
    assert [type(i) for i in items] == [Article, Rejected, Article]
    assert items[1].origin == "feed.jsonl:2" and "line 2 is not valid JSON" in items[1].reason


def test_line_that_is_not_an_object_is_rejected(settings: Settings) -> None:
    (item,) = read_records(_lines("[1, 2]"), "feed.jsonl", settings)
    assert isinstance(item, Rejected) and "must be a JSON object" in item.reason


def test_record_origin_carries_the_line_number(settings: Settings) -> None:
    items = list(read_records(_lines("", {"text": PROSE}), "feed.jsonl", settings))
    assert [i.origin for i in items] == ["feed.jsonl:2"]


def test_json_array_file_gives_one_article_per_item(settings: Settings) -> None:
    text = json.dumps([{"id": "a", "text": PROSE}, {"id": "b"}])
    items = list(read_json_document(text, "batch.json", settings))
    assert [(type(i), i.origin) for i in items] == [
        (Article, "batch.json#1"),
        (Rejected, "batch.json#2"),
    ]
