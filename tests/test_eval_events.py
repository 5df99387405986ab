"""Evaluation gate for events: scores on fixed dev subsets must not drop below the pins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, shared_path
from newsgraph.errors import NewsgraphError
from newsgraph.eval import events
from newsgraph.settings import Settings

BASELINE = json.loads((ROOT / "tests" / "baselines" / "events.json").read_text("utf-8"))
TOLERANCE = 0.01


def _drops(scores: dict[str, float], pinned: dict[str, float]) -> list[str]:
    return [
        f"{name}: {scores.get(name, 0.0):.4f} < pinned {value:.4f}"
        for name, value in pinned.items()
        if scores.get(name, 0.0) < value - TOLERANCE
    ]


@pytest.mark.shared
@pytest.mark.slow
def test_meantime_scores_hold(settings: Settings) -> None:
    path = shared_path("data", "meantime")
    report = events.evaluate(path, settings, limit=BASELINE["meantime_limit"])
    assert not _drops(report.scores, BASELINE["meantime"])


@pytest.mark.shared
@pytest.mark.slow
def test_plover_type_accuracy_holds(settings: Settings) -> None:
    path = shared_path("data", "plover", "gsr_dev.json")
    report = events.evaluate(path, settings, limit=BASELINE["gsr_limit"])
    assert not _drops(report.scores, BASELINE["gsr"])


@pytest.mark.shared
def test_newsgraph_beats_the_baseline_on_plover(settings: Settings) -> None:
    path = shared_path("data", "plover", "gsr_dev.json")
    report = events.evaluate(path, settings, limit=30)
    assert report.scores["newsgraph.type.accuracy"] > report.scores["baseline.type.accuracy"]


def test_gsr_markup_gives_evt_spans_in_the_text() -> None:
    text = "Jordan and Britain have agreed to undertake exercises."
    markup = "(SRC: Jordan) and (SRC: Britain) have (EVT: agreed) to undertake exercises."
    assert events._evt_spans(markup, text) == [(text.index("agreed"), text.index(" to"))]


def test_unknown_path_gives_a_clear_error(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "records.txt"
    bad.write_text("x")
    with pytest.raises(NewsgraphError, match="MEANTIME folder or a PLOVER"):
        events.evaluate(bad, settings)
