"""Evaluation gate: MEANTIME entity scores (check half pinned) must not drop below the baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import gate_failures, shared_path
from newsgraph.eval.entities import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "entities.json"


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    pinned = json.loads(BASELINE.read_text())
    return evaluate(shared_path("data", "meantime"), Settings(), limit=pinned["limit"])


@pytest.mark.shared
def test_scores_do_not_drop_below_baseline(report):
    assert not gate_failures(report.scores, BASELINE, "scores")


@pytest.mark.shared
def test_newsgraph_beats_raw_spacy(report):
    assert report.scores["newsgraph.check.all.f1"] > report.scores["spacy.check.all.f1"]


@pytest.mark.shared
def test_the_headline_adds_to_the_body(report):
    assert report.scores["newsgraph.check.all.f1"] > report.scores["newsgraph-body.check.all.f1"]
