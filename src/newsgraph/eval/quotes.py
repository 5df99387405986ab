"""Evaluation of the quotes stage against PolNeAR attributions, with textacy alongside.

Matching: content spans are compared as sets of word tokens (``\\w+``); a prediction and a gold
relation match when the shared tokens reach the threshold ratio of BOTH sets (i.e. shared /
max(|gold|, |predicted|) >= t), one-to-one, best ratio first. Predicted quotes sharing a cue
(a quote split by its attribution) are one relation, as PolNeAR annotates them.

Gold: PolNeAR marks every attribution, beliefs and non-speech cues included. 'speech' gold is
what newsgraph treats as a quote: content in quotation marks, or a cue that is a speech verb
or 'according to'. Predictions that match a non-speech relation are neither right nor wrong
in the speech scores. Speaker accuracy, on matches at 0.3 whose gold has a Source: right when
the predicted speaker mention overlaps the Source, or the predicted speaker entity has a
mention that does.
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
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.stages.common.speech import speech_verbs

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


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Score newsgraph and textacy's direct_quotations on one PolNeAR split folder."""
    docs = read_split(path, limit)
    pipeline = Pipeline(settings)
    verbs = speech_verbs(pipeline.words)
    systems: dict[str, dict[str, _Tally]] = {}
    cue_counts: Counter[str] = Counter()
    gold_kinds: Counter[str] = Counter()
    for pdoc in docs:
        article = Article(id=pdoc.name, text=pdoc.text, published=pdoc.published)
        doc = pipeline.nlp(pdoc.text)
        pipeline.run_stages(article, doc)
        words = _word_starts(pdoc.text)
        gold = [_gold_item(g, doc, words, verbs) for g in pdoc.attributions]
        _count_gold(pdoc.attributions, gold, cue_counts, gold_kinds)
        predictions = {
            "newsgraph": _newsgraph_items(article, words),
            "textacy": _textacy_items(doc, words),
        }
        for system, items in predictions.items():
            _score(systems.setdefault(system, {}), gold, items)
    return _report(docs, systems, cue_counts, gold_kinds)


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
    """The cue holds a speech verb (by lemma) or 'according to'."""
    for start, end in cue:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        lemmas = [t.lemma_.lower() for t in span] + [t.lower_ for t in span]
        if any(lemma in verbs for lemma in lemmas) or "according" in lemmas:
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
    """Add one document's matches to the tallies: speech gold, all gold, direct, indirect."""
    selections: dict[str, tuple[Callable[[Item], bool], Callable[[Item], bool]]] = {
        "quotes": (lambda g: g.speech, lambda p: True),
        "all": (lambda g: True, lambda p: True),
        "direct": (lambda g: g.speech and g.direct, lambda p: p.direct),
        "indirect": (lambda g: g.speech and not g.direct, lambda p: not p.direct),
    }
    for name, (gold_filter, pred_filter) in selections.items():
        tally = tallies.setdefault(name, _Tally())
        chosen = [g for g in gold if gold_filter(g)]
        ignored = [g for g in gold if not gold_filter(g)]
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


def _count_gold(
    gold: list[GoldAttribution], items: list[Item], cues: Counter[str], kinds: Counter[str]
) -> None:
    """What share of PolNeAR is speech, and which non-speech cues are most common."""
    for relation, item in zip(gold, items, strict=True):
        kind = "direct" if item.direct else ("speech" if item.speech else "non-speech")
        kinds[kind] += 1
        if not item.speech:
            cues[relation.cue_text.lower()] += 1


def _report(
    docs: list[PolnearDoc],
    systems: dict[str, dict[str, _Tally]],
    cues: Counter[str],
    kinds: Counter[str],
) -> Report:
    report = Report(task="quotes (PolNeAR)", documents=len(docs))
    for system, tallies in systems.items():
        for name, tally in tallies.items():
            for threshold, prf in tally.prf.items():
                report.add_prf(system, f"{name}@{threshold}", prf)
            report.add(system, f"{name}.speaker_accuracy", tally.speaker_accuracy)
    total = sum(kinds.values()) or 1
    report.notes.append(
        f"gold relations: {total}; direct (quoted) {kinds['direct'] / total:.1%}, "
        f"reported speech {kinds['speech'] / total:.1%}, "
        f"non-speech (beliefs, evaluations, ...) {kinds['non-speech'] / total:.1%}"
    )
    common = ", ".join(f"{cue!r} {n}" for cue, n in cues.most_common(12))
    report.notes.append(f"most common non-speech cues: {common}")
    report.notes.append(
        "'quotes' = speech gold (quoted content, or a speech-verb / 'according to' cue); "
        "'all' = every PolNeAR relation; textacy finds direct quotes only"
    )
    return report
