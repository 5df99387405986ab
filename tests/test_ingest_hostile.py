"""Hostile and odd inputs: each one is one rejection (or a warning), never the end of a batch."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsgraph.ingest import Rejected, article_from_record, read_bytes, read_sources
from newsgraph.ingest.html import MAX_HTML_ELEMENTS
from newsgraph.ingest.metadata import FIELD_LIMITS
from newsgraph.model import Article
from newsgraph.settings import Settings

PROSE = (
    "The regional security force began night patrols along the coast on Monday, officials said. "
    "The patrols follow a rise in attacks on fishing boats and cargo ships over the past year, "
    "and the ministry said they would continue until the end of the rainy season at least."
)


def read(data: bytes | str, kind: str | None = None, origin: str = "in") -> list[object]:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return list(read_bytes(raw, origin, Settings(), kind))


def only_rejection(items: list[object]) -> Rejected:
    assert len(items) == 1 and isinstance(items[0], Rejected), items
    return items[0]


def folder_items(folder: Path, follow_links: bool = False) -> list[Article | Rejected]:
    return list(read_sources([str(folder)], Settings(), follow_links=follow_links))


def test_deeply_nested_json_array_is_one_rejection() -> None:
    rejected = only_rejection(read("[" * 1000 + "]" * 1000, "json", "deep.json"))
    assert rejected.origin == "deep.json" and "nested more than" in rejected.reason


def test_nested_objects_in_a_jsonl_line_reject_that_line_only() -> None:
    lines = ['{"a":' * 1000 + "1" + "}" * 1000, json.dumps({"id": "ok", "text": PROSE})]
    first, second = read("\n".join(lines), "jsonl", "f.jsonl")
    assert isinstance(first, Rejected) and first.origin == "f.jsonl:1"
    assert isinstance(second, Article) and second.id == "ok"


def test_integer_of_5000_digits_is_one_rejection() -> None:
    line = '{"id": ' + "9" * 5000 + ', "text": "x"}'
    rejected = only_rejection(read(line, "jsonl", "big.jsonl"))
    assert rejected.origin == "big.jsonl:1" and "5,000 digits" in rejected.reason


def test_lone_surrogates_are_replaced_with_a_warning() -> None:
    record = {"id": "a\ud800", "title": "T\udfff", "text": PROSE + " \ud800"}
    article = article_from_record(record, Settings())
    assert "\ufffd" in article.text and article.title == "T\ufffd" and article.id == "a\ufffd"
    assert sum("lone surrogate" in w for w in article.warnings) == 3
    article.to_json().encode("utf-8")  # storable and printable


def test_empty_jsonl_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert "empty JSON Lines" in only_rejection(folder_items(tmp_path)).reason


def test_bom_only_json_is_rejected() -> None:
    assert "empty input" in only_rejection(read(b"\xef\xbb\xbf", "json")).reason


def test_empty_json_array_is_rejected() -> None:
    assert "empty JSON array" in only_rejection(read("[]", "json")).reason


def test_dangling_symlink_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert "dangling symlink" in only_rejection(folder_items(tmp_path)).reason


def test_looping_symlink_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert "symlink loop" in only_rejection(folder_items(tmp_path)).reason


def test_fifo_is_rejected_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert "named pipe" in only_rejection(folder_items(tmp_path)).reason


def test_empty_folder_named_like_a_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    rejected = only_rejection(folder_items(tmp_path))
    assert rejected.origin.endswith("dir.txt") and "empty folder" in rejected.reason


def test_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text(PROSE)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "outside.txt")
    assert "--follow-links" in only_rejection(folder_items(tmp_path / "in")).reason


def test_follow_links_reads_a_symlink_out_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "outside.txt").write_text(PROSE)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link.txt").symlink_to(tmp_path / "outside.txt")
    (item,) = folder_items(tmp_path / "in", follow_links=True)
    assert isinstance(item, Article)


def test_symlinked_folder_loop_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PROSE)
    (tmp_path / "self").symlink_to(tmp_path)
    items = folder_items(tmp_path)
    assert [type(i).__name__ for i in items] == ["Article", "Rejected"]


def test_non_utf8_file_name_is_kept_escaped(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt"), "w") as handle:
        handle.write(PROSE)
    (article,) = folder_items(tmp_path)
    assert isinstance(article, Article) and article.origin.endswith("bad\\xffname.txt")
    article.origin.encode("utf-8")


def test_overlong_title_is_dropped_with_a_warning() -> None:
    long_title = "x" * (FIELD_LIMITS["title"] + 1)
    article = article_from_record({"text": PROSE, "title": long_title}, Settings())
    assert article.title != long_title and "'title' is 1,001 characters" in article.warnings[0]


def test_overlong_id_falls_back_to_the_content_hash() -> None:
    article = article_from_record({"id": "i" * 100_000, "text": PROSE}, Settings())
    assert article.id == article.content_hash[:16] and "'id'" in article.warnings[0]


def test_wrong_typed_metadata_is_dropped_with_a_warning() -> None:
    article = article_from_record({"text": PROSE, "author": 42, "url": ["x"]}, Settings())
    assert article.author is None and article.url is None
    assert len([w for w in article.warnings if "must be a string" in w]) == 2


@pytest.mark.parametrize("value", ["0000-00-00", "2024-02-30T25:61:61Z", "1850-01-01"])
def test_impossible_record_dates_are_dropped_with_a_warning(value: str) -> None:
    article = article_from_record({"text": PROSE, "published": value}, Settings())
    assert article.published is None and "is not a date" in article.warnings[0]


@pytest.mark.parametrize("value", ["0000-00-00", "2024-02-30T25:61:61Z"])
def test_impossible_feed_dates_are_dropped_with_a_warning(value: str) -> None:
    feed = (
        f"<rss><channel><title>F</title><item><title>t</title><pubDate>{value}</pubDate>"
        f"<description>{PROSE}</description></item></channel></rss>"
    )
    (article,) = read(feed, "feed")
    assert isinstance(article, Article) and article.published is None
    assert any("not a real date" in w for w in article.warnings)


def test_html_page_with_too_many_elements_is_refused_before_parsing() -> None:
    page = "<html><body>" + "<p>word</p>" * (MAX_HTML_ELEMENTS + 1) + "</body></html>"
    assert "MAX_HTML_ELEMENTS" in only_rejection(read(page, "html")).reason


def test_any_reader_exception_is_one_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr("newsgraph.ingest.records.article_from_text", explode)
    lines = [json.dumps({"text": PROSE}), json.dumps({"text": PROSE + " Again."})]
    items = read("\n".join(lines), "jsonl", "f.jsonl")
    assert [i.origin for i in items if isinstance(i, Rejected)] == ["f.jsonl:1", "f.jsonl:2"]
    assert all("KeyError" in i.reason for i in items if isinstance(i, Rejected))
