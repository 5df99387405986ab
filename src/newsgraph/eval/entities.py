"""Entity mentions against MEANTIME: raw spaCy ``doc.ents`` and newsgraph's entities side by side,
on the tune and check halves of the documents.

What is scored: gold proper-name mentions (syntactic type NAM or PRE.NAM) of type PER, ORG and
LOC in the headline (analysed as ``Article.title``), the date line (it holds no names) and the
article body. MEANTIME annotates only the first sentences of each
body (sentences 2-5), so the whole body is analysed (merging sees every mention) but only the
annotated region is scored: up to the end of the sentence holding the last markable.
Gold names of type PRO, FIN, MIX or none are neutral: a system mention overlapping one is
neither right nor wrong, and system labels outside the three scored types (PRODUCT, EVENT,
LAW...) are not scored.

Matching is relaxed and one-to-one: a hit is a system mention overlapping a gold mention of a
compatible type; pairs are taken greedily by overlap ratio so that nested gold names
("Airbus parent EADS" around "EADS") cannot both be claimed by one system mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.eval.meantime import MeantimeDoc, read_meantime
from newsgraph.eval.report import PRF, Report
from newsgraph.eval.split import half_of
from newsgraph.headline import fold_title, title_article
from newsgraph.model import Article
from newsgraph.nlp import load_pipeline
from newsgraph.settings import Settings
from newsgraph.stages.entities import stage as entities_stage
from newsgraph.wordlists import WordLists

SCORED_TYPES = ("PER", "ORG", "LOC")
# The second view, "wide": PRO and FIN gold names scored as annotated too (MIX stays neutral)
WIDE_TYPES = (*SCORED_TYPES, "PRO", "FIN")
NAME_SYNTACTIC_TYPES = frozenset({"NAM", "PRE.NAM"})
# spaCy/newsgraph label -> MEANTIME type. NORP goes to LOC: MEANTIME marks demonyms used as
# premodifiers ("German", "British", "Irish") as LOC PRE.NAM mentions.
TYPE_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "LOC",
}
WIDE_TYPE_MAP = {**TYPE_MAP, "PRODUCT": "PRO", "FINANCIAL": "FIN"}
VIEWS = {"": (SCORED_TYPES, TYPE_MAP), "wide.": (WIDE_TYPES, WIDE_TYPE_MAP)}


@dataclass(frozen=True)
class Labelled:
    """A span with a MEANTIME type, offsets into the body."""

    start: int
    end: int
    type: str


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Score raw spaCy, newsgraph on the body alone (output v1) and newsgraph on headline and
    body (output v2) on the MEANTIME documents under ``path``, per tune/check half."""
    docs = read_meantime(path, limit)
    nlp = load_pipeline(settings.model)
    words = WordLists(settings.language)
    headlines = [d.text[: _headline_end(d)] for d in docs]
    bodies = [d.text[d.body_start :] for d in docs]
    parsed = nlp.pipe(t for pair in zip(headlines, bodies, strict=True) for t in pair)
    totals: dict[str, dict[str, PRF]] = {}
    for mt, headline in zip(docs, headlines, strict=True):
        title_doc, body_doc = next(parsed), next(parsed)
        half = half_of(mt.name)
        region = mt.body_start + _annotated_end(mt)
        for name, predicted in _systems(mt, headline, title_doc, body_doc, settings, words):
            for view, (types, type_map) in VIEWS.items():
                gold, neutral = _gold(mt, types)
                kept = _labelled(((p.start, p.end, p.type) for p in predicted), type_map)
                kept = [p for p in kept if p.start < region]
                for scope in (half, "all"):
                    _score(kept, gold, neutral, totals.setdefault(f"{name}.{view}{scope}", {}))
    report = Report(task="entities", documents=len(docs))
    for view, kinds in (("", ("all", *SCORED_TYPES)), ("wide.", ("all", "PRO", "FIN"))):
        for scope in ("tune", "check", "all"):
            for kind in kinds:
                for name in SYSTEMS:
                    got = totals.get(f"{name}.{view}{scope}", {}).get(kind, PRF())
                    report.add_prf(name, f"{view}{scope}.{kind}", got)
    report.notes += [
        "gold: MEANTIME NAM/PRE.NAM mentions of PER, ORG, LOC in the headline, the date line and "
        "the annotated body; PRO/FIN/MIX neutral. wide.*: PRO and FIN gold scored too (as "
        "annotated), PRODUCT->PRO, FINANCIAL->FIN; MIX neutral",
        "spacy: doc.ents of the headline and of the body, each parsed alone; newsgraph-body: "
        "the body only (output v1); newsgraph: title and body (output v2)",
        "relaxed one-to-one overlap matching; GPE, LOC, FAC, NORP count as LOC",
        "halves: tune/check by SHA-1 of the document name (eval/split.py)",
    ]
    return report


SYSTEMS = ("spacy", "newsgraph-body", "newsgraph")


def _systems(
    mt: MeantimeDoc,
    headline: str,
    title_doc: Doc,
    body_doc: Doc,
    settings: Settings,
    words: WordLists,
) -> list[tuple[str, list[Labelled]]]:
    """Each system's labelled spans in MEANTIME text offsets (title at 0, body at body_start)."""
    body = mt.body_start
    spacy = [(e.start_char, e.end_char, e.label_) for e in title_doc.ents] + [
        (body + e.start_char, body + e.end_char, e.label_) for e in body_doc.ents
    ]
    article = Article(id=mt.id, text=body_doc.text, title=headline, published=mt.dct)
    entities_stage.run(article, body_doc, settings, words)
    body_only = [
        (body + m.start, body + m.end, e.type) for e in article.entities for m in e.mentions
    ]
    part = title_article(article)
    if part is not None:
        entities_stage.run(part, title_doc, settings, words)
        fold_title(article, part, words)
    both = [
        (
            (0 if m.field == "title" else body) + m.start,
            (0 if m.field == "title" else body) + m.end,
            e.type,
        )
        for e in article.entities
        for m in e.mentions
    ]
    return [
        ("spacy", [Labelled(*t) for t in spacy]),
        ("newsgraph-body", [Labelled(*t) for t in body_only]),
        ("newsgraph", [Labelled(*t) for t in both]),
    ]


def _headline_end(mt: MeantimeDoc) -> int:
    """Where the headline (sentence 0) ends: the date line follows after a blank line."""
    end = mt.text.find("\n\n")
    return end if 0 <= end < mt.body_start else 0


def _gold(mt: MeantimeDoc, types: tuple[str, ...]) -> tuple[list[Labelled], list[Labelled]]:
    """Scored gold names and neutral ones, in MEANTIME text offsets, headline included."""
    scored: list[Labelled] = []
    neutral: list[Labelled] = []
    for s in mt.entities:
        if s.syntactic_type not in NAME_SYNTACTIC_TYPES:
            continue
        span = Labelled(s.start, s.end, s.type)
        (scored if s.type in types else neutral).append(span)
    return scored, neutral


def _annotated_end(mt: MeantimeDoc) -> int:
    """Body offset where annotation stops: the end of the sentence with the last markable."""
    spans = [*mt.entities, *mt.events, *mt.timexes, *mt.values]
    last = max((s.end for s in spans), default=len(mt.text))
    stops = [i for i in (mt.text.find(p, last) for p in (". ", "! ", "? ")) if i >= 0]
    end = min(stops) + 1 if stops else len(mt.text)
    return end - mt.body_start


def _labelled(
    spans: Iterable[tuple[int, int, str]], type_map: dict[str, str] | None = None
) -> list[Labelled]:
    """Spans whose label maps to a scored MEANTIME type."""
    known = type_map if type_map is not None else TYPE_MAP
    return [Labelled(s, e, known[label]) for s, e, label in spans if label in known]


def _overlap(a: Labelled, b: Labelled) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _score(
    predicted: list[Labelled],
    gold: list[Labelled],
    neutral: list[Labelled],
    totals: dict[str, PRF],
) -> None:
    """Add one document's hits, false alarms and misses, overall and per type."""
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = _overlap(p, g)
            if shared > 0 and p.type == g.type:
                union = max(p.end, g.end) - min(p.start, g.start)
                pairs.append((shared / union, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            _count(totals, predicted[i].type, "tp")
    for i, p in enumerate(predicted):
        if i not in used_p and not any(_overlap(p, n) > 0 for n in neutral):
            _count(totals, p.type, "fp")
    for j, g in enumerate(gold):
        if j not in used_g:
            _count(totals, g.type, "fn")


def _count(totals: dict[str, PRF], kind: str, field: str) -> None:
    for name in ("all", kind):
        prf = totals.setdefault(name, PRF())
        setattr(prf, field, getattr(prf, field) + 1)
