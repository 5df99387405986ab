"""Evaluation gate: quote scores on a fixed PolNeAR dev subset must not drop below the baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from newsgraph.eval.quotes import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "quotes.json"
TOLERANCE = 0.01


@pytest.mark.shared
@pytest.mark.slow
def test_quote_scores_do_not_drop(settings: Settings) -> None:
    pinned = json.loads(BASELINE.read_text(encoding="utf-8"))
    dev = shared_path("data", "polnear", "dev")
    report = evaluate(dev, settings, limit=pinned["limit"])
    drops = {
        name: (value, report.scores.get(name, 0.0))
        for name, value in pinned["scores"].items()
        if report.scores.get(name, 0.0) < value - TOLERANCE
    }
    assert not drops, f"quote scores dropped (pinned, now): {drops}"
