"""Stage 'figures': counts, amounts, money and percentages with what they count.

A figure's span is the number phrase itself: approximator, currency and scale included
("Some 90,000", "US$40 billion", "3.5%"); what it counts is ``unit``, the noun phrase the number
modifies ("people", "gang groups", "blue helmets"). Approximators set ``approximate`` or a bound:
"at least 200" is low=200, "up to 60" is high=60; vague amounts are ranges with no value:
"dozens of agents" is low=24, high=143. Ranges ("between 12 and 20", "200-250", "15-20%") are one
figure with low and high. Years and dates belong to the times stage and are skipped here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Article, Figure
from newsgraph.settings import Settings
from newsgraph.stages.figures.numbers import parse_amount
from newsgraph.stages.figures.words import FigureWords, build_figure_words
from newsgraph.wordlists import WordLists

_RANGE_GAP = re.compile(r"\s*(?:-|–|to|and|or)\s*", re.I)
_BETWEEN = re.compile(r"(?i:\b(?:between|from)\s+)$")


@dataclass
class Found:
    """A pattern match with what was read off it."""

    figure: Figure
    word_one: bool  # the amount is the word 'one', often a pronoun


def run(article: Article, doc: Doc, settings: Settings, words: WordLists) -> None:
    """Fill ``article.figures`` with the figures of the clean text."""
    taken = [(t.start, t.end) for t in article.times]
    article.figures = find_figures(article.text, doc, taken, words.get(build_figure_words))


def find_figures(
    text: str, doc: Doc | None, taken: list[tuple[int, int]], w: FigureWords
) -> list[Figure]:
    """Figures of ``text`` outside the ``taken`` spans (time expressions), in text order."""
    found: list[Figure] = []
    for m in w.pattern.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        if _is_identifier(text, m.start(), w) and not _ends_range(text, m.start(), found):
            continue
        item = _read_match(m, w)
        if item is None:
            continue
        fig = item.figure
        if doc is not None and fig.kind not in ("money", "percent"):
            if _names_something(text, doc, fig):
                continue
            unit_tokens = counted_tokens(doc, fig.end, w)
            if _is_model_number(fig, unit_tokens, doc):
                continue
            fig.unit = _unit_text(text, unit_tokens, w) or fig.unit
        if _looks_like_year(fig):
            continue
        if fig.unit is None and item.word_one:
            continue  # "one of them": a pronoun, not a count
        if item.figure.kind == "count" and item.figure.unit is None:
            item.figure.kind = "other"
        found.append(item.figure)
    changes = {f.start for f in found if doc is not None and _after_change(doc, f, w)}
    return merge_ranges(text, found, changes)


def _after_change(doc: Doc, fig: Figure, w: FigureWords) -> bool:
    """'fell $28.63 to $38.65', 'edged up 0.1% to 4.7%', 'increased by 296,000 to ...': the
    amount follows a word of change, so a following 'to' gives the new level, not a range."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    i = span.start - 1 if span is not None else -1
    if i >= 0 and doc[i].lower_ == "by":
        i -= 1
    return i >= 0 and (doc[i].lower_ in w.change_verbs or doc[i].lemma_.lower() in w.change_verbs)


_HYPHEN_RANGE = re.compile(r"(?<![\w.,-])(\d[\d,]*(?:\.\d+)?)-(\d[\d,]*(?:\.\d+)?)(?![\w-])")


def _hyphen_range_at(text: str, start: int) -> re.Match[str] | None:
    """'200-250 seats', '15-20%': two plain numbers joined by a hyphen, the first smaller
    (so not '737-800' after a name, 'A330-200', '2010-11' or a score '52-35')."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _HYPHEN_RANGE.search(text, max(line_start, start - 30))
    while m is not None and m.start() <= start:
        if start in (m.start(1), m.start(2)):
            low, high = (float(g.replace(",", "")) for g in m.groups())
            return m if low < high else None
        m = _HYPHEN_RANGE.search(text, m.start() + 1)
    return None


def _ends_range(text: str, start: int, found: list[Figure]) -> bool:
    """The second number of a hyphen range whose first number was kept as a figure."""
    m = _hyphen_range_at(text, start)
    return (
        m is not None
        and start == m.start(2)
        and bool(found)
        and found[-1].start <= m.start(1) < found[-1].end
    )


_NAME_ENTITY_TYPES = {"PRODUCT", "ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "GPE", "PERSON"}


def _names_something(text: str, doc: Doc, fig: Figure) -> bool:
    """'Boeing 787', 'Trent 900', 'A330-200': a number inside a name, not a count."""
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first = span[0]
    if first.ent_type_ in _NAME_ENTITY_TYPES:
        return True
    prev = doc[first.i - 1] if first.i > 0 else None
    if fig.end < len(text) and text[fig.end] == "-" and text[fig.end + 1 : fig.end + 2].isdigit():
        return _hyphen_range_at(text, fig.start) is None  # "737-800", not "200-250"
    return (
        prev is not None
        and prev.text[:1].isupper()
        and not prev.is_sent_start
        and (prev.pos_ == "PROPN")
    )


def _looks_like_year(fig: Figure) -> bool:
    """A bare 1600-2099 that counts nothing plural is a year the times stage left alone."""
    if fig.kind in ("money", "percent") or not re.fullmatch(r"(?:1[6-9]|20)\d\d", fig.text):
        return False
    return fig.unit is None or not fig.unit.endswith("s")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _is_identifier(text: str, start: int, w: FigureWords) -> bool:
    """'Flight 123', 'COVID-19', 'No. 5': numbers that name rather than count."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum():
        return True  # "COVID-19", "737-800", "2010-11"
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].lower() in w.identifier_cues


def _read_match(m: re.Match[str], w: FigureWords) -> Found | None:
    """Kind, value, bounds and currency of one match."""
    approx = (m["approx"] or "").lower()
    approx = " ".join(approx.split())
    figure = Figure(m[0], m.start(), m.end(), None)
    if m["vague"]:
        figure.low, figure.high = w.vague_amounts[" ".join(m["vague"].lower().split())]
        figure.approximate = True
        return Found(figure, False)
    amount_text = m["amt1"] or m["amt2"]
    value = parse_amount(amount_text, w, m["short"])
    if value is None:
        return None
    currency_word = (m["cw1"] or m["cw2"] or "").lower()
    if m["cur"] or currency_word:
        figure.kind = "money"
        code, factor = w.currency_words.get(currency_word, ("USD", 1.0))
        figure.currency = w.currency_symbols.get(m["cur"] or "", code) if m["cur"] else code
        value *= factor
    elif m["pct"]:
        figure.kind = "percent"
        figure.unit = "percent"
    elif m["measure"]:
        figure.unit = m["measure"]
    figure.value = value
    _apply_approximator(figure, w.approximators.get(approx))
    return Found(figure, amount_text.lower() == "one")


def _apply_approximator(figure: Figure, meaning: str | None) -> None:
    if meaning == "about":
        figure.approximate = True
    elif meaning == "low":
        figure.approximate, figure.low = True, figure.value
    elif meaning == "high":
        figure.approximate, figure.high = True, figure.value


def counted_unit(text: str, doc: Doc, end: int, w: FigureWords) -> str | None:
    """The noun phrase a number counts: its nummod head with the words in between."""
    return _unit_text(text, counted_tokens(doc, end, w), w)


def counted_tokens(doc: Doc, end: int, w: FigureWords) -> list[Token]:
    """The tokens of the counted noun phrase after the number ending at ``end``."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    number = span[-1]
    head = number.head
    if number.dep_ in ("nummod", "quantmod") and head.i > number.i and head.pos_ in _NOUNS:
        return list(doc[number.i + 1 : head.i + 1])
    return _following_noun_phrase(doc, number.i + 1, w)


def _is_model_number(fig: Figure, unit_tokens: list[Token], doc: Doc) -> bool:
    """'the 737 airliner', 'Boeing's 787', 'final 717 jet': a three-digit integer after a
    determiner, adjective or name, before a singular noun or nothing, names a model."""
    if not _MODEL_NUMBER.fullmatch(fig.text):
        return False
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.pos_ not in ("DET", "ADJ", "PROPN", "PRON") and prev.tag_ != "POS":
        return False
    return not unit_tokens or unit_tokens[-1].tag_ in ("NN", "NNP")


_MODEL_NUMBER = re.compile(r"\d{3,4}")


_NOUNS = ("NOUN", "PROPN")


def _following_noun_phrase(doc: Doc, i: int, w: FigureWords) -> list[Token]:
    """Adjectives and nouns right after the number, up to the noun that ends the phrase."""
    words: list[Token] = []
    while i < len(doc) and len(words) < 5:
        tok = doc[i]
        if tok.text in w.unit_skip_tokens or (tok.lower_ == "of" and not words):
            i += 1
            continue
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or "\n" in tok.whitespace_:
            if tok.pos_ in _NOUNS and words:
                words.append(tok)
            break
        words.append(tok)
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if tok.pos_ in _NOUNS and (nxt is None or nxt.pos_ not in _NOUNS):
            break
        i += 1
    while words and words[-1].pos_ not in _NOUNS:
        words.pop()
    return words


def _unit_text(text: str, tokens: Iterable[Token], w: FigureWords) -> str | None:
    """The words of the unit as written, without quote marks."""
    toks = [t for t in tokens if t.text not in w.unit_skip_tokens]
    if not toks or toks[-1].pos_ not in _NOUNS:
        return None
    raw = text[toks[0].idx : toks[-1].idx + len(toks[-1])]
    cleaned = " ".join(w.strip("“”\"'‘’`") for w in raw.split())
    return cleaned.strip() or None


def merge_ranges(text: str, figures: list[Figure], changes: set[int] | None = None) -> list[Figure]:
    """'between $12 million and $20 million', '200-250', '15-20%' as one figure each; not
    'X to Y' when X (its start in ``changes``) is a change: 'fell $2 to $40'."""
    merged: list[Figure] = []
    for fig in figures:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and _is_range(text, prev, fig)
            and not (
                prev.start in (changes or set())
                and text[prev.end : fig.start].strip().lower() == "to"
            )
        ):
            merged[-1] = _range(text, prev, fig)
        else:
            merged.append(fig)
    return merged


def _is_range(text: str, first: Figure, second: Figure) -> bool:
    gap = text[first.end : second.start]
    if not _RANGE_GAP.fullmatch(gap) or first.value is None or second.value is None:
        return False
    if gap.strip().lower() in ("and", "or") and not _BETWEEN.search(
        text, max(0, first.start - 10), first.start
    ):
        return False
    return first.kind in (second.kind, "other", "count") and first.value <= second.value


def _range(text: str, first: Figure, second: Figure) -> Figure:
    between = _BETWEEN.search(text, max(0, first.start - 10), first.start)
    start = between.start() if between else first.start
    return Figure(
        text[start : second.end],
        start,
        second.end,
        None,
        unit=second.unit,
        kind=second.kind,
        approximate=True,
        low=first.value,
        high=second.value,
        currency=second.currency or first.currency,
    )
