"""Evaluation gate for times: scores on a fixed TimeBank subset must not drop below the pins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import scores_below, shared_path
from newsgraph.eval.report import Report
from newsgraph.eval.times import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "times.json"
PINNED = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(settings: Settings) -> Report:
    return evaluate(shared_path(*PINNED["path"]), settings, limit=PINNED["limit"])


def test_times_scores_hold_on_the_pinned_subset(report: Report) -> None:
    pinned = PINNED
    assert not scores_below(report.scores, pinned["scores"])


def test_newsgraph_beats_the_dateparser_baseline(report: Report) -> None:
    pytest.importorskip("dateparser")
    assert report.scores["newsgraph.value.f1"] > report.scores["dateparser.value.f1"]


def test_meantime_time_values_with_and_without_a_publication_date(settings: Settings) -> None:
    report = evaluate(shared_path("data", "meantime", "corpus_gm"), settings, limit=6)
    assert report.scores["newsgraph.all.value.f1"] > 0.6
    # the date line holds the full date: without a publication date values barely move
    assert (
        report.scores["newsgraph.no_dct.all.value.f1"]
        >= report.scores["newsgraph.all.value.f1"] - 0.05
    )
