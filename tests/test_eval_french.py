"""Evaluation gate for French: entities and dates on the hand-annotated texts (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import gate_failures
from newsgraph.eval.french import evaluate_french, fold
from newsgraph.eval.report import Report
from newsgraph.pipeline import Pipeline

GOLD = Path(__file__).parent / "data" / "fr_news.json"
BASELINE = Path(__file__).parent / "baselines" / "french.json"
PINNED = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(pipeline: Pipeline) -> Report:
    return evaluate_french(GOLD, pipeline)


def test_french_scores_hold_on_the_hand_annotated_texts(report: Report) -> None:
    assert report.documents == PINNED["documents"] == 20
    assert not gate_failures(report.scores, BASELINE, "scores")


def test_every_annotation_is_anchored_in_its_text() -> None:
    for doc in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]:
        text = fold(doc["text"])
        for entity in doc["entities"]:
            assert entity["type"] in {"PERSON", "ORG", "GPE", "LOC"}, entity
            for name in (entity["name"], *entity.get("aliases", [])):
                assert fold(name) in text, (doc["id"], name)
        for date in doc["dates"]:
            assert fold(date["text"]) in text, (doc["id"], date)
