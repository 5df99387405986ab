"""Evaluation of the quotes stage against every PolNeAR attribution, with textacy alongside.

Gold: every attribution relation PolNeAR annotates (speech, beliefs, evaluations, documents as
sources), as annotated: a prediction that matches no gold relation is a false positive.

Matching: content spans are compared as sets of word tokens (``\\w+``); a prediction and a gold
relation match when the shared tokens reach the threshold ratio of BOTH sets (i.e. shared /
max(|gold|, |predicted|) >= t), one-to-one, best ratio first. Predicted quotes sharing a cue
(a quote split by its attribution) are one relation, as PolNeAR annotates them.

Views, each on the tune half, the check half (``eval.split.half_of`` of the article name) and
all documents:

- ``all``: every gold relation against every prediction.
- ``direct``: gold relations whose content opens with a quotation mark against predictions of
  kind 'direct'; nothing is excused.
- ``speech``: a second view on the gold subset fixed by the annotation: content in quotation
  marks, or a cue holding a verb whose first WordNet 3.0 sense is verb.communication
  (``resources/eval/speech_cue_verbs.txt``, built by ``scripts/build_cue_lexicons.py``; never
  the quotes stage's own lexicon). Predictions matching a relation outside the subset are
  neither right nor wrong in this view.

Speaker accuracy, on matches at 0.3 whose gold has a Source: right when the predicted speaker
mention overlaps the Source, or the predicted speaker entity has a mention that does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.eval.polnear import GoldAttribution, PolnearDoc, Spans, read_split
from newsgraph.eval.report import PRF, Report
from newsgraph.eval.split import HALVES, half_of
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

THRESHOLDS = (0.3, 0.8)
WORD = re.compile(r"\w+")
QUOTE_CHARS = "\"“”‘’'„«»"


@dataclass
class Item:
    """A quote reduced to what scoring needs: token ids, kind, speaker spans."""

    tokens: frozenset[int]
    direct: bool
    speaker_spans: Spans = field(default_factory=list)
    speech: bool = True


@dataclass
class _Tally:
    prf: dict[float, PRF] = field(default_factory=lambda: {t: PRF() for t in THRESHOLDS})
    speaker_right: int = 0
    speaker_total: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0


SPEECH_VERBS_FILE = Path(__file__).parent.parent / "resources" / "eval" / "speech_cue_verbs.txt"
VIEWS = ("all", "direct", "speech")
Tallies = dict[str, dict[str, dict[str, "_Tally"]]]  # half -> system -> view -> tally


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Score newsgraph and textacy's direct_quotations on one PolNeAR split folder, by half."""
    docs = read_split(path, limit)
    pipeline = Pipeline(settings)
    verbs = speech_cue_verbs()
    tallies: Tallies = {}
    gold_kinds: Counter[str] = Counter()
    for pdoc in docs:
        article = Article(id=pdoc.name, text=pdoc.text, published=pdoc.published)
        doc = pipeline.nlp(pdoc.text)
        pipeline.run_stages(article, doc)
        words = _word_starts(pdoc.text)
        gold = [_gold_item(g, doc, words, verbs) for g in pdoc.attributions]
        gold_kinds.update("direct" if g.direct else "speech" if g.speech else "other" for g in gold)
        predictions = {
            "newsgraph": _newsgraph_items(article, words),
            "textacy": _textacy_items(doc, words),
        }
        for half in (half_of(pdoc.name), "all"):
            for system, items in predictions.items():
                _score(tallies.setdefault(half, {}).setdefault(system, {}), gold, items)
    return _report(docs, tallies, gold_kinds)


def speech_cue_verbs() -> frozenset[str]:
    """The evaluation's own fixed list: verbs whose first WordNet sense is verb.communication."""
    lines = SPEECH_VERBS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _word_starts(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def _tokens(spans: Iterable[tuple[int, int]], words: list[tuple[int, int]]) -> frozenset[int]:
    """Indices of the words inside any of the character spans."""
    from bisect import bisect_left

    starts = [w[0] for w in words]
    found: set[int] = set()
    for start, end in spans:
        i = bisect_left(starts, start)
        while i < len(words) and words[i][1] <= end:
            found.add(i)
            i += 1
    return frozenset(found)


def _gold_item(
    gold: GoldAttribution, doc: Doc, words: list[tuple[int, int]], verbs: frozenset[str]
) -> Item:
    """A gold relation: direct when its content opens with a quotation mark."""
    direct = gold.content_text.lstrip()[:1] in QUOTE_CHARS
    return Item(
        _tokens(gold.content, words),
        direct,
        gold.source,
        direct or _speech_cue(gold.cue, doc, verbs),
    )


def _speech_cue(cue: Spans, doc: Doc, verbs: frozenset[str]) -> bool:
    """The annotated cue holds a verb of the fixed speech list (by spaCy lemma)."""
    for start, end in cue:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs for t in span):
            return True
    return False


def _newsgraph_items(article: Article, words: list[tuple[int, int]]) -> list[Item]:
    """Predicted quotes, those sharing a cue merged into one relation."""
    groups: dict[object, list[int]] = {}
    for i, quote in enumerate(article.quotes):
        key = ("cue", quote.cue_start) if quote.cue_start is not None else ("quote", i)
        groups.setdefault(key, []).append(i)
    items = []
    for members in groups.values():
        quotes = [article.quotes[i] for i in members]
        speaker = quotes[0]
        spans: Spans = []
        if speaker.speaker_start is not None and speaker.speaker_end is not None:
            spans.append((speaker.speaker_start, speaker.speaker_end))
        entity = article.entity(speaker.speaker)
        if entity is not None:
            spans += [(m.start, m.end) for m in entity.mentions]
        tokens = _tokens([(q.start, q.end) for q in quotes], words)
        items.append(Item(tokens, any(q.kind == "direct" for q in quotes), spans))
    return items


def _textacy_items(doc: Doc, words: list[tuple[int, int]]) -> list[Item]:
    """textacy's direct quotations; an article it cannot pair gives none (it raises)."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy rejects odd quote-mark counts for the whole article
        return []
    items = []
    for triple in triples:
        content = triple.content
        span = (content[0].idx, content[-1].idx + len(content[-1].text))
        speakers = [(t.idx, t.idx + len(t.text)) for t in triple.speaker]
        items.append(Item(_tokens([span], words), True, speakers))
    return items


def _score(tallies: dict[str, _Tally], gold: list[Item], predicted: list[Item]) -> None:
    """Add one document's matches to the tallies of each view (see the module docstring)."""
    selections: dict[str, tuple[Callable[[Item], bool], Callable[[Item], bool], bool]] = {
        "all": (lambda g: True, lambda p: True, False),
        "direct": (lambda g: g.direct, lambda p: p.direct, False),
        "speech": (lambda g: g.speech, lambda p: True, True),
    }
    for name, (gold_filter, pred_filter, excuse) in selections.items():
        tally = tallies.setdefault(name, _Tally())
        chosen = [g for g in gold if gold_filter(g)]
        ignored = [g for g in gold if not gold_filter(g)] if excuse else []
        preds = [p for p in predicted if pred_filter(p)]
        for threshold in THRESHOLDS:
            pairs = _match(chosen, preds, threshold)
            matched = {p for _, p in pairs}
            spare = [preds[i] for i in range(len(preds)) if i not in matched]
            excused = {i for _, i in _match(ignored, spare, threshold)}
            prf = tally.prf[threshold]
            prf.tp += len(pairs)
            prf.fn += len(chosen) - len(pairs)
            prf.fp += len(spare) - len(excused)
            if threshold == THRESHOLDS[0]:
                _score_speakers(tally, [(chosen[g], preds[p]) for g, p in pairs])


def _match(gold: list[Item], preds: list[Item], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, prediction index), best overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            shared = len(g.tokens & p.tokens)
            if shared:
                ratio = shared / max(len(g.tokens), len(p.tokens))
                if ratio >= threshold:
                    candidates.append((ratio, gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def _score_speakers(tally: _Tally, pairs: list[tuple[Item, Item]]) -> None:
    for gold, pred in pairs:
        if not gold.speaker_spans:
            continue
        tally.speaker_total += 1
        if any(_overlap(a, b) for a in gold.speaker_spans for b in pred.speaker_spans):
            tally.speaker_right += 1


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _report(docs: list[PolnearDoc], tallies: Tallies, kinds: Counter[str]) -> Report:
    report = Report(task="quotes (PolNeAR, every attribution)", documents=len(docs))
    for half in (*HALVES, "all"):
        n_docs = sum(1 for d in docs if half in ("all", half_of(d.name)))
        report.scores[f"{half}.documents"] = n_docs
        for system, views in tallies.get(half, {}).items():
            for view in VIEWS:
                tally = views.get(view, _Tally())
                for threshold, prf in tally.prf.items():
                    report.add_prf(system, f"{half}.{view}@{threshold}", prf)
                report.add(system, f"{half}.{view}.speaker_accuracy", tally.speaker_accuracy)
    total = sum(kinds.values()) or 1
    report.notes.append(
        f"gold relations: {total}; direct (quoted) {kinds['direct'] / total:.1%}, "
        f"other speech (cue verb's first WordNet sense is verb.communication) "
        f"{kinds['speech'] / total:.1%}, the rest (beliefs, evaluations, ...) "
        f"{kinds['other'] / total:.1%}"
    )
    report.notes.append(
        "all = every PolNeAR relation; direct = quoted gold vs direct predictions; speech = "
        "quoted or verb.communication cue gold, other matches excused; textacy finds direct "
        "quotes only; halves by SHA-1 of the article name (eval/split.py)"
    )
    return report
