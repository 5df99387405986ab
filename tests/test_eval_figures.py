"""Evaluation gate for figures: scores on a fixed MEANTIME subset must not drop below the pins."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import scores_below, shared_path
from newsgraph.eval.figures import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "figures.json"


def test_figures_scores_hold_on_the_pinned_subset(settings: Settings) -> None:
    pinned = json.loads(BASELINE.read_text(encoding="utf-8"))
    report = evaluate(shared_path(*pinned["path"]), settings, limit=pinned["limit"])
    assert not scores_below(report.scores, pinned["scores"])
