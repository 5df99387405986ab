"""Evaluation gate for figures: scores on the check half (eval/split.py) of MEANTIME (airbus +
gm, all 29 check-half documents) must not drop below the pins in tests/baselines/figures.json.
Only check-half documents are read, so the unprefixed scores (type accuracy, spaCy) are
check-half scores too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import gate_failures
from newsgraph.eval.figures import evaluate
from newsgraph.eval.report import Report
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "figures.json"
PINNED = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(settings: Settings, meantime_check_half: Path) -> Report:
    return evaluate(meantime_check_half, settings)


def test_figures_scores_hold_on_the_check_half(report: Report) -> None:
    assert report.documents == PINNED["documents"]
    assert report.scores["newsgraph.tune.span_strict.f1"] == 0  # no tune-half document was read
    assert not gate_failures(report.scores, BASELINE, "scores")


def test_newsgraph_beats_raw_spacy_numbers(report: Report) -> None:
    assert report.scores["newsgraph.span_strict.f1"] > report.scores["spacy.span_strict.f1"]
