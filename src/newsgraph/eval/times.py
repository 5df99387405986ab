"""Evaluation of the times stage on TimeML (TimeBank, AQUAINT): spans, types and values.

Scores, per system: strict span P/R/F1 (same offsets), relaxed span P/R/F1 (overlap), type
accuracy on relaxed matches, and value P/R/F1 (a hit needs an overlapping span and the same
value). The baseline is dateparser's ``search_dates`` with the creation time as reference,
every hit typed DATE and valued at day granularity.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from newsgraph.eval.report import PRF, Report
from newsgraph.eval.timeml import TimemlDoc, read_timeml
from newsgraph.settings import Settings


@dataclass(frozen=True)
class Guess:
    """One system expression: offsets, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass
class Tally:
    """Counts for one system over the corpus."""

    strict: PRF
    relaxed: PRF
    value: PRF
    type_hits: int = 0
    matched: int = 0

    @classmethod
    def empty(cls) -> Tally:
        return cls(PRF(), PRF(), PRF())


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Score newsgraph and the dateparser baseline on the .tml files under ``path``."""
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    docs = read_timeml(path, limit)
    pipeline = Pipeline(replace(settings, stages=("times",)))
    ours, base = Tally.empty(), Tally.empty()
    baseline = _dateparser_available()
    for doc in docs:
        article = pipeline.analyse(Article(id=doc.id, text=doc.text, published=doc.dct))
        guesses = [Guess(t.start, t.end, t.type, t.value) for t in article.times]
        score_document(doc, guesses, ours)
        if baseline:
            score_document(doc, dateparser_guesses(doc), base)
    report = Report(task="times", documents=len(docs))
    if not baseline:
        report.notes.append("dateparser is not installed (pip install dateparser): no baseline")
    systems = [("newsgraph", ours)] + ([("dateparser", base)] if baseline else [])
    for name, tally in systems:
        report.add_prf(name, "span_strict", tally.strict)
        report.add_prf(name, "span_relaxed", tally.relaxed)
        report.add(name, "type_accuracy", tally.type_hits / tally.matched if tally.matched else 0)
        report.add_prf(name, "value", tally.value)
    report.notes.append(
        "value: a hit needs an overlapping span and the same TIMEX3 value; "
        "type accuracy is over relaxed span matches"
    )
    return report


def score_document(doc: TimemlDoc, guesses: list[Guess], tally: Tally) -> None:
    """Add one document's matches to the tally (each gold span matched at most once)."""
    gold = doc.timexes
    exact = {(g.start, g.end) for g in gold}
    tally.strict.tp += sum(1 for s in guesses if (s.start, s.end) in exact)
    tally.strict.fp += sum(1 for s in guesses if (s.start, s.end) not in exact)
    tally.strict.fn += len(gold) - sum(1 for g in gold if (g.start, g.end) in
                                       {(s.start, s.end) for s in guesses})  # fmt: skip
    used: set[int] = set()
    value_hits = 0
    for g in gold:
        match = next(
            (
                i
                for i, s in enumerate(guesses)
                if i not in used and s.start < g.end and g.start < s.end
            ),
            None,
        )
        if match is None:
            continue
        used.add(match)
        tally.matched += 1
        tally.type_hits += guesses[match].type == g.type
        value_hits += guesses[match].value == g.value
    tally.relaxed.tp += len(used)
    tally.relaxed.fp += len(guesses) - len(used)
    tally.relaxed.fn += len(gold) - len(used)
    tally.value.tp += value_hits
    tally.value.fp += len(guesses) - value_hits
    tally.value.fn += len(gold) - value_hits


def _dateparser_available() -> bool:
    try:
        import dateparser.search  # noqa: F401
    except ImportError:
        return False
    return True


def dateparser_guesses(doc: TimemlDoc) -> list[Guess]:
    """The baseline: dateparser.search_dates relative to the creation time, day granularity."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(doc.dct) if doc.dct else datetime(2000, 1, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    guesses, pos = [], 0
    for substring, when in found:
        start = doc.text.find(substring, pos)
        if start < 0:
            continue
        pos = start + len(substring)
        guesses.append(Guess(start, pos, "DATE", when.date().isoformat()))
    return guesses
