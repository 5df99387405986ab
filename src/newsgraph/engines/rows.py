"""Outcomes as flat rows of three strings, the shape Ray Data's blocks and Parquet files hold.

``kind`` is ``article`` (payload: the Article's JSON, the output contract), ``rejected``
(payload: the one-line reason) or ``known`` (payload: the stored article's id).
"""

from __future__ import annotations

import json
from typing import Any

from newsgraph.engines import Known, Outcome
from newsgraph.ingest.rejected import Rejected
from newsgraph.model import Article

COLUMNS = ("kind", "origin", "payload")


def row_of(outcome: Outcome) -> dict[str, str]:
    """One outcome as a row."""
    if isinstance(outcome, Rejected):
        return {"kind": "rejected", "origin": outcome.origin, "payload": outcome.reason}
    if isinstance(outcome, Known):
        return {"kind": "known", "origin": outcome.origin, "payload": outcome.article_id}
    origin = outcome.origin or outcome.id
    return {"kind": "article", "origin": origin, "payload": outcome.to_json()}


def outcome_of(row: dict[str, Any]) -> Outcome:
    """The outcome a row holds; a row of an unknown kind is a rejection naming it."""
    kind, origin, payload = row.get("kind"), str(row.get("origin")), row.get("payload") or ""
    if kind == "article":
        return Article.from_dict(json.loads(payload))
    if kind == "known":
        return Known(origin, payload)
    if kind == "rejected":
        return Rejected(origin, payload)
    return Rejected(origin, f"unknown row kind {kind!r}: written by another newsgraph version?")
