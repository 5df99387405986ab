"""Whole-article behaviour: every fact the pipeline finds in each example, pinned as a golden file.

The golden is a readable digest (names, types, titles, speakers, values; no offsets) so that a
change in any stage shows up as a reviewable diff. Regenerate after an intended change with
NEWSGRAPH_UPDATE_GOLDEN=1 and review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from conftest import ROOT
from newsgraph.ingest import read_sources
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden" / "extract"


def digest(article: Article) -> dict[str, Any]:
    """What a reader would check in an article's analysis, without offsets (entities with their
    mention count and how many of those are in the title; every other fact with its field)."""
    name = {e.id: e.name for e in article.entities}
    return {
        "entities": [
            [
                e.type,
                e.name,
                len(e.mentions),
                sum(m.field == "title" for m in e.mentions),
                e.titles,
                e.affiliations,
                e.aliases,
                e.country,
            ]
            for e in article.entities
        ],
        "quotes": [
            [q.field, q.kind, name.get(q.speaker or ""), q.cue, q.text[:60]] for q in article.quotes
        ],
        "times": [[t.field, t.text, t.type, t.value, t.anchor] for t in article.times],
        "figures": [
            [f.field, f.text, f.value, f.unit, f.kind, f.low, f.high] for f in article.figures
        ],
        "events": [
            [
                v.field,
                v.type,
                v.mode,
                v.trigger,
                name.get(v.actor or ""),
                name.get(v.target or ""),
                v.time,
                v.factuality,
            ]
            for v in article.events
        ],
        "warnings": article.warnings,
    }


def _dump(data: dict[str, Any]) -> str:
    """JSON with one fact per line, so that a golden diff reads fact by fact."""
    parts = []
    for key, items in data.items():
        rows = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in items)
        parts.append(f' "{key}": [\n{rows}\n ]' if items else f' "{key}": []')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _analysed(pipeline: Pipeline, settings: Settings) -> dict[str, Article]:
    articles = [a for a in read_sources([str(EXAMPLES)], settings) if isinstance(a, Article)]
    return {a.id: a for a in pipeline.run(articles)}


@pytest.fixture(scope="module")
def analysed(pipeline: Pipeline, settings: Settings) -> dict[str, Article]:
    return _analysed(pipeline, settings)


def test_every_example_has_a_golden_digest(analysed: dict[str, Article]) -> None:
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for article_id, article in analysed.items():
            (GOLDEN / f"{article_id}.json").write_text(_dump(digest(article)), encoding="utf-8")
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(analysed)


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_example_analysis_matches_its_golden(path, analysed: dict[str, Article]) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads(path.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(digest(analysed[path.stem]), ensure_ascii=False))
    assert got == expected
