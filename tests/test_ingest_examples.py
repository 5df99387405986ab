"""The demo corpus in examples/: what ingest makes of each file, pinned as golden files.

Regenerate after an intended change with NEWSGRAPH_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT
from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Article
from newsgraph.settings import Settings

EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden" / "ingest"


def _examples(settings: Settings) -> list[Article | Rejected]:
    return list(read_sources([str(EXAMPLES)], settings))


def test_examples_give_seven_articles_and_three_rejections(settings: Settings) -> None:
    items = _examples(settings)
    rejected = [Path(i.origin).name for i in items if isinstance(i, Rejected)]
    assert rejected == ["README.md", "harbour_times.rss#2", "wire_feed.jsonl:3"]
    assert sum(isinstance(i, Article) for i in items) == 7


def test_syndicated_copy_is_a_distinct_article(settings: Settings) -> None:
    articles = {a.id: a for a in _examples(settings) if isinstance(a, Article)}
    wire, copy = articles["aws-2025-0506-patrols"], articles["ht-2025-0506-lome"]
    assert wire.title == copy.title and wire.content_hash != copy.content_hash
    assert (wire.source, copy.source) == ("Accra Wire Service", "Harbour Times")


INGEST_FIELDS = ("id", "title", "section", "source", "published", "url", "author", "input_kind")
INGEST_FIELDS += ("content_hash", "text", "removed", "warnings")


def _ingested(article: Article) -> dict[str, object]:
    """What ingest decided about an article (the fields later stages leave alone)."""
    data = article.to_dict()
    fields = {name: data[name] for name in INGEST_FIELDS}
    fields["origin"] = Path(article.origin or "").relative_to(ROOT).as_posix()
    return fields


def _golden_name(article: Article) -> str:
    return Path((article.origin or "").replace(":", "_").replace("#", "_")).name + ".json"


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("*.json")))
def test_example_matches_its_golden_file(name: str, settings: Settings) -> None:
    found = {_golden_name(a): a for a in _examples(settings) if isinstance(a, Article)}
    expected = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
    assert _ingested(found[name]) == expected


def test_every_example_article_has_a_golden_file(settings: Settings) -> None:
    articles = [a for a in _examples(settings) if isinstance(a, Article)]
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for article in articles:
            text = json.dumps(_ingested(article), ensure_ascii=False, indent=2) + "\n"
            (GOLDEN / _golden_name(article)).write_text(text, encoding="utf-8")
    assert sorted(_golden_name(a) for a in articles) == sorted(p.name for p in GOLDEN.glob("*"))
