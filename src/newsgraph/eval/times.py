"""Evaluation of the times stage on TimeML (TimeBank, AQUAINT): spans, types and values.

Scores, per system: strict span P/R/F1 (same offsets), relaxed span P/R/F1 (overlap), type
accuracy on relaxed matches, and value P/R/F1 (a hit needs an overlapping span and the same
value). The baseline is dateparser's ``search_dates`` with the creation time as reference,
every hit typed DATE and valued at day granularity.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

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
    """Score newsgraph and the dateparser baseline on the .tml files under ``path``, or
    newsgraph on MEANTIME when ``path`` holds CAT XML and no .tml file."""
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    if path.is_dir() and not any(path.rglob("*.tml")) and any(path.rglob("*.xml")):
        return evaluate_meantime(path, settings, limit)

    from newsgraph.eval.split import HALVES, half_of

    docs = read_timeml(path, limit)
    pipeline = Pipeline(replace(settings, stages=("times",)))
    baseline = _dateparser_available()
    tallies = {(system, scope): Tally.empty() for system in ("newsgraph", "dateparser")
               for scope in ("all", *HALVES)}  # fmt: skip
    for doc in docs:
        article = pipeline.analyse(Article(id=doc.id, text=doc.text, published=doc.dct))
        guesses = [Guess(t.start, t.end, t.type, t.value) for t in article.times]
        base = dateparser_guesses(doc) if baseline else []
        for scope in ("all", half_of(doc.id)):
            score_document(doc, guesses, tallies["newsgraph", scope])
            if baseline:
                score_document(doc, base, tallies["dateparser", scope])
    report = Report(task="times", documents=len(docs))
    if not baseline:
        report.notes.append("dateparser is not installed (pip install dateparser): no baseline")
    systems = ["newsgraph"] + (["dateparser"] if baseline else [])
    for scope in ("all", *HALVES):  # 'all' keys stay unprefixed, as the gate reads them
        prefix = "" if scope == "all" else f"{scope}."
        for name in systems:
            tally = tallies[name, scope]
            report.add_prf(name, f"{prefix}span_strict", tally.strict)
            report.add_prf(name, f"{prefix}span_relaxed", tally.relaxed)
            matched = tally.type_hits / tally.matched if tally.matched else 0
            report.add(name, f"{prefix}type_accuracy", matched)
            report.add_prf(name, f"{prefix}value", tally.value)
    report.notes.append("halves: tune/check by SHA-1 of the document id (eval/split.py)")
    report.notes.append(
        "value: a hit needs an overlapping span and the same TIMEX3 value; "
        "type accuracy is over relaxed span matches"
    )
    return report


def evaluate_meantime(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Time value F1 on MEANTIME TIMEX3, headline and date line included, per tune/check half:
    with the creation time as publication date, and without it (the reference inferred)."""
    from newsgraph.eval.meantime import read_meantime
    from newsgraph.eval.split import half_of
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    docs = read_meantime(path, limit)
    pipeline = Pipeline(replace(settings, stages=("times",)))
    tallies: dict[str, Tally] = {}
    for mdoc in docs:
        title_end = max(mdoc.text.find("\n\n"), 0)
        body_start = title_end + 2 if title_end else 0  # the date line opens the body
        region = _annotated_end(mdoc.text, [*mdoc.entities, *mdoc.timexes, *mdoc.values])
        gold = [t for t in mdoc.timexes if t.start < region]
        for view, published in (("", mdoc.dct), ("no_dct.", None)):
            article = pipeline.analyse(
                Article(
                    id=mdoc.id,
                    text=mdoc.text[body_start:],
                    title=mdoc.text[:title_end] or None,
                    published=published,
                )
            )
            guesses = [
                Guess(start, end, t.type, t.value)
                for t in article.times
                if (start := t.start + (0 if t.field == "title" else body_start)) < region
                and (end := t.end + (0 if t.field == "title" else body_start))
            ]
            for scope in (half_of(mdoc.name), "all"):
                score_gold(gold, guesses, tallies.setdefault(f"{view}{scope}", Tally.empty()))
    report = Report(task="times-meantime", documents=len(docs))
    for view in ("", "no_dct."):
        for scope in ("tune", "check", "all"):
            tally = tallies.get(f"{view}{scope}", Tally.empty())
            report.add_prf("newsgraph", f"{view}{scope}.span_relaxed", tally.relaxed)
            report.add_prf("newsgraph", f"{view}{scope}.value", tally.value)
    report.notes += [
        "gold: MEANTIME TIMEX3 with a span (headline, date line and annotated body); the "
        "headline is analysed as Article.title, the date line opens the body",
        "rows: published = the creation time (DCT); no_dct.*: no publication date, the "
        "reference inferred from the text's own full dates (the date line among them)",
        "only the annotated region is scored (up to the sentence of the last markable)",
        "halves: tune/check by SHA-1 of the document name (eval/split.py)",
    ]
    return report


def _annotated_end(text: str, spans: list[Any]) -> int:
    """The end of the sentence holding the last markable: MEANTIME marks only the first ones."""
    last = max((s.end for s in spans), default=len(text))
    stops = [i for i in (text.find(p, last) for p in (". ", "! ", "? ", ".\n")) if i >= 0]
    return min(stops) + 1 if stops else len(text)


def score_document(doc: TimemlDoc, guesses: list[Guess], tally: Tally) -> None:
    """Add one document's matches to the tally (each gold span matched at most once)."""
    score_gold(doc.timexes, guesses, tally)


def score_gold(gold: Sequence[Any], guesses: list[Guess], tally: Tally) -> None:
    """Add matches against gold spans with ``start``, ``end``, ``type`` and ``value``."""
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
