"""Scores French entities and dates against the hand-annotated texts of tests/data/fr_news.json.

The annotation method is in docs/languages.md. Entities are scored per text, one gold entry per
referent: a system entity matches a gold one when any of its surface forms (name, aliases,
mention texts) equals the gold name or one of its aliases (case, apostrophe and whitespace
folded), one to one; "typed" also needs the same type. Dates are scored per mention: a system
DATE or TIME expression matches a gold date when their spans overlap and the values are equal.
Every score is given for all texts and for the tune and check halves of their pages
(``page_half``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.eval.report import PRF, Report
from newsgraph.eval.split import HALVES, half_of
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC"})  # the types annotated
DATE_TYPES = frozenset({"DATE", "TIME"})  # durations and sets are not annotated


@dataclass
class Counts:
    """The three scores' counts over the texts."""

    typed: PRF = field(default_factory=PRF)
    untyped: PRF = field(default_factory=PRF)
    dates: PRF = field(default_factory=PRF)


def fold(name: str) -> str:
    """A surface form as compared: casefolded, curly apostrophes straight, spaces collapsed."""
    return " ".join(name.replace("\u2019", "'").casefold().split())


def evaluate_french(path: Path, pipeline: Pipeline) -> Report:
    """Entity F1 (typed and untyped) and date value F1 of the French pipeline on ``path``."""
    documents = json.loads(path.read_text(encoding="utf-8"))["documents"]
    articles = [
        Article(id=d["id"], text=d["text"], published=d["published"], language="fr")
        for d in documents
    ]
    counts = {half: Counts() for half in ("all", *HALVES)}
    for doc, article in zip(documents, pipeline.analyse_batch(articles), strict=True):
        for half in ("all", page_half(doc["id"])):
            _score_entities(doc["entities"], article, counts[half])
            _score_dates(doc["text"], doc["dates"], article, counts[half])
    report = Report(task="french", documents=len(documents))
    for half, count in counts.items():
        prefix = "" if half == "all" else f"{half}."
        for name, prf in (("typed", count.typed), ("untyped", count.untyped)):
            _add(report, f"{prefix}entities.{name}", prf)
        _add(report, f"{prefix}dates.value", count.dates)
    return report


def page_half(doc_id: str) -> str:
    """The half of a text: that of its page's name, its id without the passage number
    ('regards-2' -> 'regards'), so two passages of one page stay in one half."""
    return half_of(doc_id.rsplit("-", 1)[0])


def _add(report: Report, name: str, prf: PRF) -> None:
    for metric in ("precision", "recall", "f1"):
        value = round(getattr(prf, metric), 4)
        report.scores[f"{name}.{metric}"] = value
        report.rows.append(("newsgraph", f"{name}.{metric}", value))


def _score_entities(gold: list[dict[str, object]], article: Article, counts: Counts) -> None:
    system = [e for e in article.entities if e.type in ENTITY_TYPES]
    forms = [{fold(f) for f in (e.name, *e.aliases, *(m.text for m in e.mentions))} for e in system]
    for prf, typed in ((counts.typed, True), (counts.untyped, False)):
        free = set(range(len(system)))
        for g in gold:
            names = {fold(str(n)) for n in (g["name"], *g.get("aliases", []))}  # type: ignore[misc]
            hit = next(
                (
                    i
                    for i in sorted(free)
                    if forms[i] & names and (not typed or system[i].type == g["type"])
                ),
                None,
            )
            if hit is None:
                prf.fn += 1
            else:
                free.discard(hit)
                prf.tp += 1
        prf.fp += len(free)


def _score_dates(text: str, gold: list[dict[str, str]], article: Article, counts: Counts) -> None:
    system = [t for t in article.times if t.type in DATE_TYPES and t.field == "body"]
    free = set(range(len(system)))
    for (start, end), g in zip(_gold_spans(text, gold), gold, strict=True):
        value = g["value"]
        hit = next(
            (
                i
                for i in sorted(free)
                if system[i].start < end and start < system[i].end and system[i].value == value
            ),
            None,
        )
        if hit is None:
            counts.dates.fn += 1
        else:
            free.discard(hit)
            counts.dates.tp += 1
    counts.dates.fp += len(free)


def _gold_spans(text: str, gold: Iterable[dict[str, str]]) -> list[tuple[int, int]]:
    """Each gold date's span: the n-th listing of a text is its n-th occurrence (any case)."""
    seen: dict[str, int] = {}
    spans = []
    for g in gold:
        key = g["text"].casefold()
        n = seen.get(key, 0)
        seen[key] = n + 1
        found = list(re.finditer(re.escape(g["text"]), text, re.IGNORECASE))
        spans.append((found[n].start(), found[n].end()))
    return spans


if __name__ == "__main__":  # python -m newsgraph.eval.french [tests/data/fr_news.json]
    import sys

    from newsgraph.settings import Settings

    gold = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/fr_news.json")
    for name, value in evaluate_french(gold, Pipeline(Settings())).scores.items():
        print(f"{name:32} {value:.4f}")
