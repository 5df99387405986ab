"""Evaluation gate for times: scores on the check half (eval/split.py) of TimeBank's AQUAINT
part (all 42 check-half documents) and of MEANTIME (all 29 check-half documents) must not drop
below the pins in tests/baselines/times.json. Only check-half documents are read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import check_half_subset, gate_failures, shared_path
from newsgraph.eval.report import Report
from newsgraph.eval.times import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "times.json"
PINNED = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = shared_path(*PINNED["path"])
    subset = check_half_subset(
        tmp_path_factory.mktemp("aquaint"),
        root,
        root.rglob("*.tml"),
        lambda f: f.stem,  # eval/timeml.py: a document's id is its file stem
        PINNED["limit"],
    )
    return evaluate(subset, settings)


@pytest.fixture(scope="module")
def meantime(settings: Settings, meantime_check_half: Path) -> Report:
    return evaluate(meantime_check_half, settings)


def test_times_scores_hold_on_the_check_half(report: Report) -> None:
    assert report.documents == PINNED["documents"]
    assert report.scores["newsgraph.tune.value.f1"] == 0  # no tune-half document was read
    assert not gate_failures(report.scores, BASELINE, "scores")


def test_newsgraph_beats_the_dateparser_baseline(report: Report) -> None:
    pytest.importorskip("dateparser")
    assert report.scores["newsgraph.check.value.f1"] > report.scores["dateparser.check.value.f1"]


def test_meantime_time_values_hold_on_the_check_half(meantime: Report) -> None:
    assert meantime.documents == PINNED["meantime"]["documents"]
    assert not gate_failures(meantime.scores, BASELINE, "meantime", "scores")


def test_meantime_time_values_barely_need_a_publication_date(meantime: Report) -> None:
    # the date line holds the full date: without a publication date values barely move
    assert (
        meantime.scores["newsgraph.no_dct.check.value.f1"]
        >= meantime.scores["newsgraph.check.value.f1"] - 0.05
    )
