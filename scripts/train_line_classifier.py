"""Train the text-dump line classifier (clean/lines.py) on the TUNE half of the webpages set.

    PYTHONPATH=src python scripts/train_line_classifier.py ../shared/data/webpages

Each tune page is flattened to text as ``newsgraph eval webpages`` does (inscriptis) and split
into lines the way the cleaner splits them. Labels, written down:

- article: the line is one of the lines of trafilatura's extraction of the same HTML page
  (default ``extract``), or a line of 5+ words found inside that extraction, or a line holding
  one of the page's must-keep snippets (expected.json ``with``);
- not article: every other line, and any line holding a must-drop snippet (``without``), which
  wins over trafilatura;
- headline: the line with the highest word-overlap F1 (>= 0.6) with the page's declared title
  (og:title, else <title>) or with its longest part once split at " | ", " - ", " – ", " — ",
  " :: " (the site name dropped).

Three logistic regressions (scikit-learn, ``train`` extra) are fitted: the line model on each
line's and its neighbours' features, the smoothing model on out-of-fold line scores of a line and
its neighbours (5 folds grouped by page), and the headline ranker on the headline features of
each page's candidate lines (softmax over a page's candidates, see ``_fit_ranker``). The article
threshold is the one giving the best snippet F1 on the out-of-fold scores of the tune pages (an
in-sample choice sits too high), the headline threshold the best headline share on them.
Output: ``src/newsgraph/resources/clean/line_model.json``. The check half is never read.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
import trafilatura
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from newsgraph.clean.lines import (
    HEADLINE_SCAN,
    LineModel,
    Logistic,
    base_features,
    headline_candidate,
    headline_rows,
    line_rows,
    smooth_rows,
)
from newsgraph.clean.normalise import normalise_text, split_paragraphs
from newsgraph.eval.split import half_of
from newsgraph.eval.webpages import (
    HEADLINE_MATCH,
    Page,
    declared_title,
    flatten_html,
    headline_overlap,
    load_pages,
)
from newsgraph.ingest.decode import decode_bytes
from newsgraph.wordlists import WordLists

OUT = Path(__file__).resolve().parents[1] / "src/newsgraph/resources/clean/line_model.json"
_TITLE_PARTS = re.compile(r" \| | - | – | — | :: ")
ARTICLE_MIN_WORDS = 5
RANK_L2 = 1.0  # of the headline ranker; 1.0 beat 0.1 in 5-fold cross-validation on tune pages
THRESHOLDS = [t / 100 for t in range(10, 91, 2)]


def _norm(text: str) -> str:
    return " ".join(text.split())


def label_page(lines: list[str], html: str, page: Page) -> tuple[list[int], int | None]:
    """Article labels per line and the index of the headline line (see the module doc)."""
    extracted = trafilatura.extract(html, url=page.url) or ""
    extracted_lines = {_norm(line) for line in extracted.split("\n") if line.strip()}
    extracted_flat = _norm(extracted)
    keep = [_norm(s) for s in page.keep]
    drop = [_norm(s) for s in page.drop]
    labels = []
    for line in lines:
        article = line in extracted_lines or any(s in line for s in keep)
        if len(line.split()) >= ARTICLE_MIN_WORDS and line in extracted_flat:
            article = True
        if any(s in line for s in drop):
            article = False
        labels.append(int(article))
    title = declared_title(html)
    references = [title] if title else []
    if title and (parts := _TITLE_PARTS.split(title)) and len(parts) > 1:
        references.append(max(parts, key=len))
    best, best_score = None, HEADLINE_MATCH
    for index, line in enumerate(lines):
        score = max((headline_overlap(line, ref) for ref in references), default=0.0)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = index, score
    return labels, best


def _fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None) -> Logistic:
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    model.fit((x - scaler.mean_) / scale, y, sample_weight=weight)
    return Logistic(
        tuple(float(v) for v in scaler.mean_),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in model.coef_[0]),
        float(model.intercept_[0]),
    )


def _fit_ranker(pages: list[tuple[np.ndarray, int | None]], l2: float = RANK_L2) -> Logistic:
    """A linear score ranking each page's candidate lines: softmax over a page's candidates,
    the labelled headline's log-probability maximised (L2-penalised, L-BFGS from zero, so the
    fit is deterministic); pages whose headline is not among the candidates only standardise.
    The bias is 0: only the order of scores within a page and the pick threshold matter."""
    x = np.vstack([rows for rows, _ in pages])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    data = [((rows - mean) / scale, label) for rows, label in pages if label is not None]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * l2 * float(w @ w), l2 * w
        for rows, label in data:
            s = rows @ w
            s = s - s.max()
            p = np.exp(s) / np.exp(s).sum()
            total -= float(np.log(p[label]))
            grad = grad + rows.T @ p - rows[label]
        return total, grad

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    return Logistic(
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in w),
        0.0,
    )


def _apply(model: Logistic, rows: list[list[float]]) -> list[float]:
    return [model.probability(row) for row in rows]


def _snippet_f1(pages: list[dict], threshold: float, scores: np.ndarray | None = None) -> float:
    """Snippet F1 over the pages keeping lines scored at least ``threshold`` (``p["smooth"]``
    or, given, one array of scores for all the pages' lines in order)."""
    tp = fn = fp = 0
    start = 0
    for p in pages:
        page_scores = p["smooth"] if scores is None else scores[start : start + len(p["lines"])]
        start += len(p["lines"])
        kept = (ln for ln, s in zip(p["lines"], page_scores, strict=True) if s >= threshold)
        body = _norm(" ".join(kept))
        found = [s in body for s in p["keep"]]
        tp += sum(found)
        fn += len(found) - sum(found)
        fp += sum(s in body for s in p["drop"])
    return 2 * tp / max(2 * tp + fp + fn, 1)


def main(root: Path) -> None:
    stop_words = WordLists().get(
        lambda w: frozenset(x.lower() for x in w.lines("clean/line_stop_words.txt"))
    )
    pages = _prepared_pages(root, stop_words)
    print(f"{len(pages)} tune pages, {sum(len(p['lines']) for p in pages)} lines")
    _train(pages, stop_words)


def _prepared_pages(root: Path, stop_words: frozenset[str]) -> list[dict]:
    """Every tune page flattened, split into lines, labelled and described."""
    pages = []
    for page in load_pages(root):
        if half_of(page.file) != "tune":
            continue
        html = decode_bytes((root / "html" / page.file).read_bytes())
        lines = split_paragraphs(normalise_text(flatten_html(html)))
        if len(lines) < 3:
            continue
        labels, headline = label_page(lines, html, page)
        base = base_features(lines, stop_words)
        pages.append(
            {
                "lines": lines,
                "labels": labels,
                "headline": headline,
                "title": declared_title(html),
                "keep": [_norm(s) for s in page.keep],
                "drop": [_norm(s) for s in page.drop],
                "rows": line_rows(base),
                "base": base,
            }
        )
    return pages


def _train(pages: list[dict], stop_words: frozenset[str]) -> None:
    groups = np.concatenate([[i] * len(p["lines"]) for i, p in enumerate(pages)])
    x = np.array([r for p in pages for r in p["rows"]])
    y = np.array([label for p in pages for label in p["labels"]])
    weight = np.array([np.log1p(len(line.split())) + 0.5 for p in pages for line in p["lines"]])
    out_of_fold = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        fold = _fit(x[train], y[train], weight[train])
        out_of_fold[test] = _apply(fold, x[test].tolist())
    line = _fit(x, y, weight)
    start = 0
    smooth_x = []
    for p in pages:
        scores = out_of_fold[start : start + len(p["lines"])].tolist()
        start += len(p["lines"])
        smooth_x.extend(smooth_rows(scores))
    smooth_x = np.array(smooth_x)
    smooth_oof = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(smooth_x, y, groups):
        smooth_oof[test] = _apply(
            _fit(smooth_x[train], y[train], weight[train]), smooth_x[test].tolist()
        )
    held_out = {
        name: max(_snippet_f1(pages, t, scores) for t in THRESHOLDS)
        for name, scores in (("line", out_of_fold), ("smoothed", smooth_oof))
    }
    print(f"held-out tune snippet F1: {held_out}")
    smooth = _fit(smooth_x, y, weight) if held_out["smoothed"] > held_out["line"] else None
    head_pages = []
    for p in pages:
        raw = _apply(line, p["rows"])
        p["smooth"] = _apply(smooth, smooth_rows(raw)) if smooth else raw
        rows = headline_rows(p["lines"], p["base"], p["smooth"])
        scan = max(1, int(len(rows) * HEADLINE_SCAN))
        candidates = [i for i in range(min(scan, len(rows))) if headline_candidate(p["lines"][i])]
        if candidates:
            labelled = candidates.index(p["headline"]) if p["headline"] in candidates else None
            head_pages.append((np.array([rows[i] for i in candidates]), labelled))
    headline = _fit_ranker(head_pages)
    held_scores = smooth_oof if smooth else out_of_fold  # scores of lines the fit did not see
    threshold = max(THRESHOLDS, key=lambda t: _snippet_f1(pages, t, held_scores))
    print(f"article threshold {threshold}: tune snippet F1 {_snippet_f1(pages, threshold):.3f}")
    model = LineModel(line, smooth, headline, threshold, 0.0, stop_words)
    headline_threshold = _pick_headline_threshold(pages, model)
    payload = {
        "about": "clean/lines.py line classifier; trained by scripts/train_line_classifier.py "
        "on the tune half of the webpages set",
        "pages": len(pages),
        "threshold": threshold,
        "headline_threshold": headline_threshold,
        **{
            name: {"mean": m.mean, "scale": m.scale, "coef": m.coef, "bias": m.bias} if m else None
            for name, m in (("line", line), ("smooth", smooth), ("headline", headline))
        },
    }
    OUT.write_text(json.dumps(_rounded(payload), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


def _pick_headline_threshold(pages: list[dict], model: LineModel) -> float:
    """The headline probability above which a pick beats no headline, best on the tune pages."""
    from newsgraph.clean.lines import classify_page

    best_t, best_share = 0.0, -1.0
    for t in [i / 20 for i in range(0, 19)]:
        trial = LineModel(
            model.line, model.smooth, model.headline, model.threshold, t, model.stop_words
        )
        own = sum(
            headline_overlap(classify_page(p["lines"], trial).headline, p["title"])
            >= HEADLINE_MATCH
            for p in pages
        )
        if own / len(pages) > best_share:
            best_t, best_share = t, own / len(pages)
    print(f"headline threshold {best_t}: tune headline own {best_share:.3f}")
    return best_t


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 5)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/webpages"))
