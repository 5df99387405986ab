"""Evaluation gate: entity scores on a fixed MEANTIME subset must not drop below the baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from newsgraph.eval.entities import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "entities.json"
TOLERANCE = 0.01


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    pinned = json.loads(BASELINE.read_text())
    return evaluate(shared_path("data", "meantime"), Settings(), limit=pinned["limit"])


@pytest.mark.shared
def test_scores_do_not_drop_below_baseline(report):
    pinned = json.loads(BASELINE.read_text())["scores"]
    dropped = {
        name: (report.scores[name], value)
        for name, value in pinned.items()
        if report.scores[name] < value - TOLERANCE
    }
    assert not dropped, f"scores below baseline (now, pinned): {dropped}"


@pytest.mark.shared
def test_newsgraph_beats_raw_spacy(report):
    assert report.scores["newsgraph.all.f1"] > report.scores["spacy.all.f1"]
