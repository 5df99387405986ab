"""Train the attribution-cue classifier of the quotes stage on PolNeAR train + dev's tune half.

Writes ``src/newsgraph/resources/quotes/cue_model.json`` (feature -> weight). Deterministic:
documents in name order, L-BFGS logistic regression (deterministic), weights rounded.
Prints the cue detection scores on dev's check half (never used for training or choices).

Usage: python scripts/train_attribution_cues.py [../shared/data/polnear] [--threshold 0.3]
Needs scikit-learn (the ``train`` extra, pinned in constraints.txt); the stage itself only sums
the saved weights.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from newsgraph.eval.polnear import PolnearDoc, read_split
from newsgraph.eval.split import half_of
from newsgraph.nlp import load_pipeline
from newsgraph.settings import Settings
from newsgraph.stages.quotes.cues import CueModel, cue_features, is_candidate
from newsgraph.wordlists import WordLists

OUT = Path(__file__).resolve().parent.parent / "src/newsgraph/resources/quotes/cue_model.json"
MIN_COUNT = 3  # a feature seen fewer times in training is dropped
MIN_WEIGHT = 0.01  # smaller weights are dropped from the saved model
C = 0.5


def cue_heads(doc: Doc, pdoc: PolnearDoc) -> set[int]:
    """Token indices heading a gold cue: the candidate in the span whose head lies outside."""
    heads: set[int] = set()
    for relation in pdoc.attributions:
        for start, end in relation.cue:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            inside = [t for t in span if is_candidate(t)]
            outside = [t for t in inside if not (span.start <= t.head.i < span.end) or t.head is t]
            chosen = outside or inside
            if chosen:
                heads.add(chosen[0].i)
    return heads


def examples(
    docs: list[PolnearDoc], nlp, kinds: CueModel
) -> tuple[list[dict[str, int]], list[int]]:  # type: ignore[no-untyped-def]
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    for pdoc, doc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
        heads = cue_heads(doc, pdoc)
        for tok in doc:
            if is_candidate(tok):
                rows.append(dict.fromkeys(cue_features(tok, kinds), 1))
                labels.append(int(tok.i in heads))
    return rows, labels


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("polnear", nargs="?", default="../shared/data/polnear", type=Path)
    parser.add_argument("--threshold", type=float, default=0.3)
    args = parser.parse_args()
    began = time.perf_counter()
    words = WordLists()
    kinds_raw = words.json("quotes/cue_kinds.json")
    kinds = CueModel({}, 0.0, 1.0, kinds_raw["verbs"], frozenset(kinds_raw["document_nouns"]))
    nlp = load_pipeline(Settings().model)
    dev = read_split(args.polnear / "dev")
    train_docs = read_split(args.polnear / "train") + [d for d in dev if half_of(d.name) == "tune"]
    check_docs = [d for d in dev if half_of(d.name) == "check"]
    rows, labels = examples(train_docs, nlp, kinds)
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    rows = [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in rows]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=2000)
    model.fit(x, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= MIN_WEIGHT
    }
    saved = {
        "_about": __doc__.strip().splitlines()[0],
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": args.threshold,
        "training": {"documents": len(train_docs), "candidates": len(rows), "cues": sum(labels)},
        "weights": dict(sorted(weights.items())),
    }
    OUT.write_text(json.dumps(saved, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    trained = CueModel(weights, saved["bias"], args.threshold, kinds.verb_kinds, frozenset())
    tp = fp = fn = 0
    for pdoc, doc in zip(check_docs, nlp.pipe([d.text for d in check_docs]), strict=True):
        heads = cue_heads(doc, pdoc)
        found = {t.i for t in doc if trained.is_cue(t)}
        tp, fp, fn = tp + len(found & heads), fp + len(found - heads), fn + len(heads - found)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(
        f"{len(train_docs)} documents, {len(rows)} candidates, {sum(labels)} cues, "
        f"{len(weights)} weights, {OUT.stat().st_size / 1024:.0f} KiB, "
        f"{time.perf_counter() - began:.0f} s; dev check cue heads P {p:.3f} R {r:.3f} "
        f"F1 {2 * p * r / max(1e-9, p + r):.3f}"
    )


if __name__ == "__main__":
    main()
