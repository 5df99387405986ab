"""Evaluation gate: entity scores on the check half (eval/split.py) of MEANTIME (all 29
check-half documents; only they are read) must not drop below tests/baselines/entities.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import gate_failures
from newsgraph.eval.entities import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "entities.json"


@pytest.fixture(scope="module")
def report(meantime_check_half: Path):  # type: ignore[no-untyped-def]
    return evaluate(meantime_check_half, Settings())


@pytest.mark.shared
def test_scores_do_not_drop_below_baseline(report):
    assert report.documents == json.loads(BASELINE.read_text())["documents"]
    assert not gate_failures(report.scores, BASELINE, "scores")


@pytest.mark.shared
def test_newsgraph_beats_raw_spacy(report):
    assert report.scores["newsgraph.check.all.f1"] > report.scores["spacy.check.all.f1"]


@pytest.mark.shared
def test_the_headline_adds_to_the_body(report):
    assert report.scores["newsgraph.check.all.f1"] > report.scores["newsgraph-body.check.all.f1"]
