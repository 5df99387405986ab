"""Cross-document entity resolution against MEANTIME's corpus-wide instances, scored with B³.

MEANTIME links each entity mention to a corpus-wide instance ("General Motors" in every
article of the gm corpus is one instance). Every document is analysed whole (headline, date
line and body, as the events and figures evaluations do, so the headline's names count too),
saved into a fresh temporary store and settled; the knowledge base's clusters are then read
back with ``store.get_article``.

What is scored: gold proper-name mentions (syntactic type NAM or PRE.NAM, as in the entity
evaluation) that carry a cross-document instance id, of any entity type (products and
financial names included: the knowledge base is judged on what it should link, not on what the
entity stage types). Each gold mention is matched to the system mention overlapping it
(relaxed one-to-one overlap, best overlap ratio first, as in ``eval/entities.py``, without the
type check); its system cluster is the KB entity of that mention's article entity.

B³ is reported twice: over the gold mentions found (both clusterings restricted to them), and
over all gold mentions, each mention not found being its own system cluster. Two baselines on
the same matches: no merging (each article entity its own cluster) and exact name (article
entities with the same normalised name are one cluster, across documents).

The documents are split into a fixed tune half and check half (``eval/split.py``); each half
is resolved in a store of its own, so its clusters owe nothing to the other half.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from newsgraph.api import open_store
from newsgraph.eval.entities import NAME_SYNTACTIC_TYPES
from newsgraph.eval.meantime import MeantimeDoc, read_meantime
from newsgraph.eval.report import Report
from newsgraph.eval.split import split_halves
from newsgraph.kb.names import normalise
from newsgraph.model import Article, Entity
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

K = TypeVar("K", bound=Hashable)
MentionKey = tuple[str, str]  # (document id, gold mention id)
SYSTEMS = ("newsgraph", "exact_name", "no_merging")


@dataclass(frozen=True)
class BCubed:
    """B³ precision and recall, averaged over items."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def b_cubed(gold: Mapping[K, str], system: Mapping[K, str]) -> BCubed:
    """B³ over the items of ``gold`` (``system`` must cluster each of them): an item's
    precision is the share of its system cluster that is in its gold cluster, its recall the
    share of its gold cluster that is in its system cluster."""
    if not gold:
        return BCubed(0.0, 0.0)
    gold_sets = _clusters(gold)
    system_sets = _clusters({k: system[k] for k in gold})
    precision = recall = 0.0
    for item, cluster in gold.items():
        g, s = gold_sets[cluster], system_sets[system[item]]
        both = len(g & s)
        precision += both / len(s)
        recall += both / len(g)
    return BCubed(precision / len(gold), recall / len(gold))


def _clusters(assignment: Mapping[K, str]) -> dict[str, set[K]]:
    out: dict[str, set[K]] = defaultdict(set)
    for item, cluster in assignment.items():
        out[cluster].add(item)
    return out


@dataclass(frozen=True)
class GoldMention:
    key: MentionKey
    start: int
    end: int
    instance: str  # the corpus-wide instance id


@dataclass
class Matches:
    """Gold mentions and, for those found, the system cluster of each system."""

    gold: dict[MentionKey, str]  # mention -> gold instance
    found: dict[str, dict[MentionKey, str]]  # system -> mention -> cluster (found ones only)

    def scores(self, system: str) -> tuple[BCubed, BCubed]:
        """B³ over the found mentions, and over all with each unfound one alone."""
        found = self.found[system]
        on_found = b_cubed({k: self.gold[k] for k in found}, found)
        alone = {k: found.get(k, f"unfound:{k[0]}/{k[1]}") for k in self.gold}
        return on_found, b_cubed(self.gold, alone)


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """B³ of the knowledge base and two baselines on each half of the MEANTIME documents."""
    docs = read_meantime(path, limit)
    pipeline = Pipeline(settings)
    articles = pipeline.analyse_batch(
        [Article(id=d.id, text=d.text, published=d.dct) for d in docs]
    )
    pairs = split_halves(zip(docs, articles, strict=True), lambda pair: pair[0].name)
    report = Report(task="kb-b3", documents=len(docs))
    for half, members in pairs.items():
        matches = match_documents(members, resolve_in_store([a for _, a in members]))
        _add_half(report, half, len(members), matches)
    report.notes += [
        "gold: NAM/PRE.NAM mentions with a cross-document instance id, any type; "
        "relaxed one-to-one overlap matching, no type check",
        "found: B³ over the gold mentions found; all: unfound mentions count as singletons",
        "halves: tune/check by SHA-1 of the document name (eval/split.py), each half resolved "
        "in its own store",
    ]
    return report


def _add_half(report: Report, half: str, n_docs: int, matches: Matches) -> None:
    n_found = len(matches.found["newsgraph"])
    report.scores[f"{half}.documents"] = n_docs
    report.scores[f"{half}.gold_mentions"] = len(matches.gold)
    report.scores[f"{half}.found_mentions"] = n_found
    report.notes.append(
        f"{half}: {n_docs} documents, {n_found} of {len(matches.gold)} gold mentions found, "
        f"{len(set(matches.gold.values()))} gold instances"
    )
    for system in SYSTEMS:
        on_found, on_all = matches.scores(system)
        for name, score in (("found", on_found), ("all", on_all)):
            report.add(system, f"{half}.{name}.precision", score.precision)
            report.add(system, f"{half}.{name}.recall", score.recall)
            report.add(system, f"{half}.{name}.f1", score.f1)


def resolve_in_store(articles: list[Article]) -> dict[tuple[str, str], str]:
    """(article id, entity id) -> KB id, after saving the articles into a fresh store."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-b3-") as tmp:
        store = open_store(Path(tmp) / "kb.db")
        try:
            for article in articles:
                store.save(article)
            store.settle()
            return {
                (a.id, e.id): e.kb_id or f"{a.id}/{e.id}"
                for a in (store.get_article(x.id) for x in articles)
                for e in a.entities
            }
        finally:
            store.close()


def match_documents(
    pairs: list[tuple[MeantimeDoc, Article]], kb: Mapping[tuple[str, str], str]
) -> Matches:
    """Match each document's gold mentions to system mentions and cluster them three ways."""
    matches = Matches(gold={}, found={s: {} for s in SYSTEMS})
    for doc, article in pairs:
        gold = gold_mentions(doc)
        matches.gold.update({g.key: g.instance for g in gold})
        for g, entity in match_mentions(gold, article).items():
            own, form = f"{article.id}/{entity.id}", normalise(entity.name)
            matches.found["newsgraph"][g.key] = kb[(article.id, entity.id)]
            matches.found["no_merging"][g.key] = own
            matches.found["exact_name"][g.key] = f"n:{form}" if form else own
    return matches


def gold_mentions(doc: MeantimeDoc) -> list[GoldMention]:
    """The document's proper-name mentions that have a cross-document instance."""
    return [
        GoldMention((doc.id, s.id), s.start, s.end, s.instance_id)
        for s in doc.entities
        if s.instance_id and s.syntactic_type in NAME_SYNTACTIC_TYPES
    ]


def match_mentions(gold: list[GoldMention], article: Article) -> dict[GoldMention, Entity]:
    """Each gold mention -> the entity of the system mention overlapping it, one to one, the
    best overlap ratio first (so nested gold names cannot share one system mention)."""
    system = [(m.start, m.end, e) for e in article.entities for m in e.mentions]
    pairs = []
    for i, (start, end, _) in enumerate(system):
        for j, g in enumerate(gold):
            shared = min(end, g.end) - max(start, g.start)
            if shared > 0:
                pairs.append((shared / (max(end, g.end) - min(start, g.start)), -i, -j))
    used_s: set[int] = set()
    out: dict[GoldMention, Entity] = {}
    for _, ni, nj in sorted(pairs, reverse=True):
        i, j = -ni, -nj
        if i not in used_s and gold[j] not in out:
            used_s.add(i)
            out[gold[j]] = system[i][2]
    return out
