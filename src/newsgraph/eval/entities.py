"""Evaluation of the entities stage (placeholder until its issue lands)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.eval.report import Report
from newsgraph.settings import Settings


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    raise NewsgraphError("the entities evaluation is not implemented yet")
