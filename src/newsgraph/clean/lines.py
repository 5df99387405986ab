"""Whole pages flattened to text: a learned classifier of each line (article or boilerplate)
and a learned pick of the headline among them.

A text dump of a whole page (menus, link lists, share buttons, related stories around the
article) is told apart from an article dump by its shape (``looks_like_page``). Each of its
lines is then described by what boilerplate detectors use (jusText, boilerpipe): length, stop-word
and punctuation density, link-list separators and bullets, repetition within the page, title
case, relative position, sentence ending, and the same for its neighbours. Three small logistic
regressions, trained by ``scripts/train_line_classifier.py`` on the tune half of the webpages
set and stored in ``resources/clean/line_model.json``, score each line:

- ``line``: is it article text, from its own and its neighbours' features;
- ``smooth``: the same, from its own score and its neighbours' scores (neighbourhood smoothing
  of the scores, on top of the neighbours' features the line model already sees); shipped only
  when it beats the line model alone on held-out tune pages, else ``null``;
- ``headline``: which line is the headline, from its features, the article score of what
  follows and how much of its wording the prose of the page repeats; fitted as a ranking
  (softmax over a page's candidate lines), so its score compares lines within one page.

The weights are applied here with plain Python; scikit-learn is needed only to train.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from newsgraph.clean.dates import parse_date
from newsgraph.model import Removed
from newsgraph.wordlists import WordLists

MODEL_FILE = "clean/line_model.json"
STOP_WORDS_FILE = "clean/line_stop_words.txt"
PAGE_MIN_LINES = 25  # fewer lines: an article dump, left to the cue-based cleaner
PAGE_MIN_SHORT_SHARE = 0.2  # of lines with at most SHORT_WORDS words
SHORT_WORDS = 4
HEADLINE_SCAN = 0.8  # share of the page, from its top, where the headline may stand
_SEPARATORS = re.compile(r"[|»«·•›‹/]| - ")
_BULLET = re.compile(r"^(?:[*+•·-]|\d+\.)\s")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")", "»", "…")
_WORD = re.compile(r"\w+")

BASE_FEATURES = (
    "log_words",
    "log_chars",
    "stop_density",
    "punct_density",
    "separators",
    "bullet",
    "repeated",
    "title_case",
    "upper_case",
    "digits",
    "position",
    "from_longest",
    "sentence_end",
    "ends_colon",
    "has_date",
    "text_share",
    "log_page_lines",
    "long_prose",
    "few_words",
    "many_words",
    "prose_gap",
    "between_prose",
    "in_prose_span",
)
CONTEXT_FEATURES = (
    "log_words",
    "stop_density",
    "bullet",
    "sentence_end",
    "separators",
    "long_prose",
)
CONTEXT_WINDOWS = (1, 3, 8)
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 40
PROSE_WORDS = 15  # a line this long with stop words in it reads as prose
PROSE_STOP_DENSITY = 0.2
LEAD_LINES = 3  # prose lines after a headline candidate whose words it should share
MIN_KEPT_WORDS = 80  # fewer kept: the threshold drops until the best lines hold this many
SANDWICH = 4  # a line with prose this close above and below sits inside the text (a subhead)


@dataclass(frozen=True)
class Logistic:
    """One logistic regression: standardisation, weights and bias, as scikit-learn fitted it."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    bias: float

    def probability(self, row: list[float]) -> float:
        score = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.coef, row, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    @classmethod
    def from_json(cls, data: dict[str, list[float] | float]) -> Logistic:
        def floats(key: str) -> tuple[float, ...]:
            value = data[key]
            assert isinstance(value, list)
            return tuple(float(v) for v in value)

        return cls(floats("mean"), floats("scale"), floats("coef"), float(data["bias"]))  # type: ignore[arg-type]


@dataclass(frozen=True)
class LineModel:
    """The three regressions, the article threshold and the stop words of the density feature."""

    line: Logistic
    smooth: Logistic | None
    headline: Logistic
    threshold: float
    headline_threshold: float
    stop_words: frozenset[str]


def build_line_model(words: WordLists) -> LineModel:
    """The shipped weights; ``words.get(build_line_model)`` loads them once."""
    model = words.json(MODEL_FILE)
    return LineModel(
        line=Logistic.from_json(model["line"]),
        smooth=Logistic.from_json(model["smooth"]) if model.get("smooth") else None,
        headline=Logistic.from_json(model["headline"]),
        threshold=float(model["threshold"]),
        headline_threshold=float(model["headline_threshold"]),
        stop_words=frozenset(w.lower() for w in words.lines(STOP_WORDS_FILE)),
    )


@dataclass
class PageLines:
    """The lines kept as article, the headline picked, and every line dropped with its reason."""

    kept: list[str]
    headline: str | None = None
    removed: list[Removed] = field(default_factory=list)


def looks_like_page(lines: list[str]) -> bool:
    """Many lines, a large share of them a few words long: menus and link lists around a text."""
    if len(lines) < PAGE_MIN_LINES:
        return False
    short = sum(len(line.split()) <= SHORT_WORDS for line in lines)
    return short >= PAGE_MIN_SHORT_SHARE * len(lines)


def base_features(lines: list[str], stop_words: frozenset[str]) -> list[list[float]]:
    """One row of BASE_FEATURES per line."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    total_chars = sum(len(line) for line in lines) or 1
    longest = max(range(len(lines)), key=lambda i: len(lines[i])) if lines else 0
    n = max(len(lines), 1)
    densities = [_stop_density(line, stop_words) for line in lines]
    prose = [i for i, line in enumerate(lines) if _reads_as_prose(line.split(), densities[i])]
    run = _densest_run(prose)
    rows = []
    for index, line in enumerate(lines):
        words = line.split()
        alpha = [w for w in words if w[:1].isalpha()]
        chars = max(len(line), 1)
        stop_density = densities[index]
        rows.append(
            [
                math.log1p(len(words)),
                math.log1p(len(line)),
                stop_density,
                sum(not (c.isalnum() or c.isspace()) for c in line) / chars,
                min(len(_SEPARATORS.findall(line)) / max(len(words), 1), 1.0),
                float(bool(_BULLET.match(line))),
                math.log(counts[line]),
                sum(w[0].isupper() for w in alpha) / max(len(alpha), 1),
                sum(w.isupper() and len(w) > 1 for w in alpha) / max(len(alpha), 1),
                sum(c.isdigit() for c in line) / chars,
                index / n,
                (index - longest) / n,
                float(line.endswith(_SENTENCE_END)),
                float(line.endswith(":")),
                float(len(words) <= 12 and parse_date(line) is not None),
                len(line) / total_chars,
                math.log1p(len(lines)),
                float(_reads_as_prose(words, stop_density)),
                float(len(words) <= SHORT_WORDS),
                float(len(words) >= PROSE_WORDS),
                *_prose_position(index, prose, run),
            ]
        )
    return rows


def _stop_density(line: str, stop_words: frozenset[str]) -> float:
    """The share of the line's words that are stop words."""
    tokens = [w.lower() for w in _WORD.findall(line)]
    return sum(t in stop_words for t in tokens) / max(len(tokens), 1)


def _reads_as_prose(words: list[str], stop_density: float) -> bool:
    """A line that reads as prose: long, with stop words in it."""
    return len(words) >= PROSE_WORDS and stop_density >= PROSE_STOP_DENSITY


def _prose_position(
    index: int, prose: list[int], run: tuple[int, int]
) -> tuple[float, float, float]:
    """Where a line stands against the page's prose: the distance to the nearest prose line,
    prose close on both sides (a subhead, a list inside the text), inside the longest run of
    prose lines no further than SANDWICH apart (the densest text block)."""
    at = bisect_left(prose, index)  # prose is in line order
    is_prose = at < len(prose) and prose[at] == index
    before = prose[at - 1] if at > 0 else None
    after_at = at + 1 if is_prose else at
    after = prose[after_at] if after_at < len(prose) else None
    gaps = [index - before] if before is not None else []
    gaps += [after - index] if after is not None else []
    gap = 0 if is_prose else min(gaps, default=len(prose) + 100)
    between = before is not None and after is not None and max(gaps) <= SANDWICH
    return math.log1p(gap), float(between), float(run[0] <= index <= run[1])


def _densest_run(prose: list[int]) -> tuple[int, int]:
    """First and last line of the run of prose lines holding the most of them."""
    if not prose:
        return (1, 0)
    best = (0, prose[0], prose[0])
    count, start = 1, prose[0]
    for previous, current in zip(prose, prose[1:], strict=False):
        if current - previous > SANDWICH:
            count, start = 0, current
        count += 1
        best = max(best, (count, start, current))
    return best[1], best[2]


def _window_means(values: list[float], width: int) -> list[float]:
    """For each position, the mean of the values up to ``width`` away, itself excluded."""
    means = []
    for i in range(len(values)):
        around = values[max(0, i - width) : i] + values[i + 1 : i + 1 + width]
        means.append(sum(around) / len(around) if around else 0.0)
    return means


def line_rows(base: list[list[float]]) -> list[list[float]]:
    """Each line's features (``base_features``) followed by its neighbours' (means over each
    context window)."""
    rows = [list(row) for row in base]
    for name in CONTEXT_FEATURES:
        column = [row[BASE_FEATURES.index(name)] for row in base]
        for width in CONTEXT_WINDOWS:
            for row, mean in zip(rows, _window_means(column, width), strict=True):
                row.append(mean)
    return rows


def smooth_rows(scores: list[float]) -> list[list[float]]:
    """A line's article score beside its neighbours' scores, for the smoothing regression."""
    previous = [0.0, *scores[:-1]]
    following = [*scores[1:], 0.0]
    wide = _window_means(scores, 3)
    wider = _window_means(scores, 8)
    widest = _window_means(scores, 20)
    return [list(r) for r in zip(scores, previous, following, wide, wider, widest, strict=True)]


def headline_rows(
    lines: list[str], base: list[list[float]], article: list[float]
) -> list[list[float]]:
    """Features of each line as the headline: its own shape and the article score after it."""
    prose = [i for i, p in enumerate(article) if p >= 0.5 and len(lines[i].split()) >= PROSE_WORDS]
    first_body = prose[0] if prose else len(lines)
    n = max(len(lines), 1)
    body_words: dict[str, int] = {}
    for i in prose:
        for word in {w.lower() for w in _WORD.findall(lines[i]) if len(w) >= 4}:
            body_words[word] = body_words.get(word, 0) + 1
    rows = []
    for index, row in enumerate(base):
        after = article[index + 1 : index + 4]
        before = article[max(0, index - 3) : index]
        to_prose = next((i - index for i in prose if i > index), n)
        lead = [i for i in prose if i > index][:LEAD_LINES]
        lead_words = {w.lower() for i in lead for w in _WORD.findall(lines[i]) if len(w) >= 4}
        own = [w.lower() for w in _WORD.findall(lines[index]) if len(w) >= 4]
        rows.append(
            [
                *row,
                sum(after) / len(after) if after else 0.0,
                sum(before) / len(before) if before else 0.0,
                article[index],
                (index - first_body) / n,
                float(index < first_body),
                math.log1p(to_prose),
                float(to_prose <= 3),
                float(0 < first_body - index <= 6),
                float(headline_candidate(lines[index])),
                sum(w in lead_words for w in own) / max(len(own), 1),
                sum(w in body_words for w in own) / max(len(own), 1),
                sum(body_words.get(w, 0) for w in own) / max(len(own), 1) / max(len(prose), 1),
                math.log1p(_repeats(lines, index)) if len(own) >= 2 else 0.0,
            ]
        )
    return rows


def _repeats(lines: list[str], index: int) -> int:
    """How many other lines of the page hold this (headline candidate) line."""
    if not headline_candidate(lines[index]):
        return 0
    line = lines[index]
    return sum(line in other for j, other in enumerate(lines) if j != index)


def headline_candidate(line: str) -> bool:
    """A line that may be a headline: a few words, not a list item."""
    words = len(line.split())
    return HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS and not _BULLET.match(line)


def score_lines(lines: list[str], model: LineModel) -> tuple[list[float], list[float]]:
    """Each line's smoothed article probability and headline probability."""
    base = base_features(lines, model.stop_words)
    raw = [model.line.probability(row) for row in line_rows(base)]
    smoothed = raw
    if model.smooth is not None:
        smoothed = [model.smooth.probability(row) for row in smooth_rows(raw)]
    headline = [model.headline.probability(row) for row in headline_rows(lines, base, smoothed)]
    return smoothed, headline


def classify_page(lines: list[str], model: LineModel) -> PageLines:
    """Keep the article lines of a flattened page, pick its headline, keep the rest aside."""
    article, headline = score_lines(lines, model)
    scan = max(1, int(len(lines) * HEADLINE_SCAN))
    candidates = [i for i in range(min(scan, len(lines))) if headline_candidate(lines[i])]
    best = max(candidates, key=lambda i: headline[i], default=None)
    title = None
    if best is not None and headline[best] >= model.headline_threshold:
        title = lines[best]
    page = PageLines(kept=[], headline=title)
    threshold = article_threshold(lines, article, model.threshold)
    for index, line in enumerate(lines):
        if index == best and title is not None:
            continue
        if title is not None and line == title and index < (best or 0):
            page.removed.append(Removed(line, "repeated headline"))
        elif article[index] >= threshold:
            page.kept.append(line)
        else:
            reason = f"boilerplate (line classifier p={1 - article[index]:.2f})"
            page.removed.append(Removed(line, reason))
    return page


def article_threshold(lines: list[str], article: list[float], threshold: float) -> float:
    """The model's threshold, or lower when it keeps fewer than MIN_KEPT_WORDS words: then the
    score of the line with which the best-scored lines reach that many (a page whose article
    the classifier doubts keeps its likeliest lines rather than nothing)."""
    if sum(len(ln.split()) for ln, p in zip(lines, article, strict=True) if p >= threshold) >= (
        MIN_KEPT_WORDS
    ):
        return threshold
    words = 0
    for score, line in sorted(zip(article, lines, strict=True), key=lambda pair: -pair[0]):
        words += len(line.split())
        if words >= MIN_KEPT_WORDS:
            return score
    return 0.0
