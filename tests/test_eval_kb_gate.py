"""Evaluation gate: cross-document B³ on the check half (eval/split.py) of MEANTIME (all 29
check-half documents, resolved in one store; only they are read) must not drop below
tests/baselines/kb_b3.json, and resolution must keep beating exact-name matching there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import gate_failures
from newsgraph.eval.kb_b3 import evaluate
from newsgraph.eval.report import Report
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "kb_b3.json"


@pytest.fixture(scope="module")
def report(meantime_check_half: Path) -> Report:
    return evaluate(meantime_check_half, Settings())


@pytest.mark.shared
def test_b3_does_not_drop_below_baseline(report: Report) -> None:
    assert report.scores["check.documents"] == json.loads(BASELINE.read_text())["documents"]
    assert not gate_failures(report.scores, BASELINE, "scores")


@pytest.mark.shared
def test_resolution_beats_exact_names_on_the_check_half(report: Report) -> None:
    assert report.scores["newsgraph.check.found.f1"] > report.scores["exact_name.check.found.f1"]


@pytest.mark.shared
def test_resolution_adds_no_wrong_merge_to_exact_names(report: Report) -> None:
    own, exact = (
        report.scores["newsgraph.check.found.precision"],
        report.scores["exact_name.check.found.precision"],
    )
    assert own >= exact - 0.005
