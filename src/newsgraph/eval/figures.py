"""Evaluation of the figures stage on MEANTIME VALUE markables (MONEY, QUANTITY, PERCENT).

Scores, per system: strict span P/R/F1 (same offsets), relaxed span P/R/F1 (overlap, each gold
span matched once) and type accuracy on relaxed matches. The baseline is spaCy's own
MONEY / QUANTITY / PERCENT / CARDINAL entities from the same parse.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.eval.meantime import MeantimeDoc, Span, read_meantime
from newsgraph.eval.report import PRF, Report
from newsgraph.eval.split import half_of
from newsgraph.settings import Settings

KIND_TO_TYPE = {"money": "MONEY", "percent": "PERCENT"}  # everything else: QUANTITY
SPACY_TYPES = {
    "MONEY": "MONEY",
    "PERCENT": "PERCENT",
    "QUANTITY": "QUANTITY",
    "CARDINAL": "QUANTITY",
}


@dataclass(frozen=True)
class Guess:
    start: int
    end: int
    type: str


@dataclass
class Tally:
    strict: PRF
    relaxed: PRF
    type_hits: int = 0

    @classmethod
    def empty(cls) -> Tally:
        return cls(PRF(), PRF())


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Score newsgraph and raw spaCy entities on the MEANTIME documents under ``path``."""
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    docs = read_meantime(path, limit)
    pipeline = Pipeline(replace(settings, stages=("times", "figures")))
    ours, base = Tally.empty(), Tally.empty()
    halves = {h: Tally.empty() for h in ("tune", "check")}
    for mdoc in docs:
        doc = pipeline.nlp(mdoc.text)
        article = Article(id=mdoc.id, text=mdoc.text, published=mdoc.dct)
        pipeline.run_stages(article, doc)
        limit_end = annotated_end(mdoc, doc)
        guesses = [
            Guess(f.start, f.end, KIND_TO_TYPE.get(f.kind, "QUANTITY"))
            for f in article.figures
            if f.start < limit_end
        ]
        score(mdoc.values, guesses, ours)
        score(mdoc.values, guesses, halves[half_of(mdoc.name)])
        spacy_guesses = [
            Guess(e.start_char, e.end_char, SPACY_TYPES[e.label_])
            for e in doc.ents
            if e.label_ in SPACY_TYPES and e.start_char < limit_end
        ]
        score(mdoc.values, spacy_guesses, base)
    report = Report(task="figures", documents=len(docs))
    for name, tally in (("newsgraph", ours), ("spacy", base)):
        report.add_prf(name, "span_strict", tally.strict)
        report.add_prf(name, "span_relaxed", tally.relaxed)
        matched = tally.relaxed.tp
        report.add(name, "type_accuracy", tally.type_hits / matched if matched else 0.0)
    for half, tally in halves.items():
        report.add_prf("newsgraph", f"{half}.span_strict", tally.strict)
        report.add_prf("newsgraph", f"{half}.span_relaxed", tally.relaxed)
    report.notes.append("halves: tune/check by SHA-1 of the document name (eval/split.py)")
    report.notes.append(
        "MEANTIME annotates only each article's first sentences: guesses after "
        "the sentence of the last markable are not scored"
    )
    report.notes.append(
        "gold: MEANTIME VALUE markables; type accuracy maps money->MONEY, percent->PERCENT, "
        "other kinds->QUANTITY (spaCy CARDINAL->QUANTITY)"
    )
    return report


def annotated_end(mdoc: MeantimeDoc, doc: Doc) -> int:
    """Where annotation stops: MEANTIME marks only the first sentences of each article."""
    ends = [m.end for m in [*mdoc.entities, *mdoc.events, *mdoc.timexes, *mdoc.values]]
    if not ends:
        return 0
    last = max(ends)
    span = doc.char_span(last - 1, last, alignment_mode="expand")
    return span.sent.end_char if span is not None else last


def score(gold: list[Span], guesses: list[Guess], tally: Tally) -> None:
    """Add one document's strict and relaxed matches to the tally."""
    exact_gold = {(g.start, g.end) for g in gold}
    exact_guess = {(s.start, s.end) for s in guesses}
    tally.strict.tp += len(exact_gold & exact_guess)
    tally.strict.fp += len(exact_guess - exact_gold)
    tally.strict.fn += len(exact_gold - exact_guess)
    used: set[int] = set()
    for g in gold:
        hit = next(
            (
                i
                for i, s in enumerate(guesses)
                if i not in used and s.start < g.end and g.start < s.end
            ),
            None,
        )
        if hit is None:
            continue
        used.add(hit)
        tally.type_hits += guesses[hit].type == g.type
    tally.relaxed.tp += len(used)
    tally.relaxed.fp += len(guesses) - len(used)
    tally.relaxed.fn += len(gold) - len(used)
