"""Stock indices and financial instruments: a FINANCIAL type, never forced into PERSON or ORG.

Two sources: the gazetteer ``resources/entities/financial_indices.txt`` ("Dow Jones Industrial
Average", "FTSE 100", "Treasury bonds"), and the pattern "<capitalised name> index / Index /
Composite / Average" ("Hang Seng index", "Kospi index", "Nikkei 225 Index", "Nasdaq Composite").
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.wordlists import WordLists

FINANCIAL = "FINANCIAL"
_INDEX_HEADS = frozenset(("index", "Index", "Composite", "Average"))


def build_financial_names(words: WordLists) -> tuple[tuple[str, ...], ...]:
    """The gazetteer's names as token tuples, longest first."""
    names = {tuple(line.split()) for line in words.lines("entities/financial_indices.txt")}
    return tuple(sorted(names, key=len, reverse=True))


def financial_spans(doc: Doc, words: WordLists) -> list[tuple[int, int]]:
    """Token spans [start, end) of index and instrument names, left to right, not overlapping."""
    names = words.get(build_financial_names)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        end = _gazetteer_end(doc, i, names) or _pattern_end(doc, i)
        if end:
            spans.append((i, end))
            i = end
        else:
            i += 1
    return spans


def _gazetteer_end(doc: Doc, i: int, names: tuple[tuple[str, ...], ...]) -> int | None:
    for name in names:
        end = i + len(name)
        if end <= len(doc) and tuple(t.text for t in doc[i:end]) == name:
            if name[-1] not in _INDEX_HEADS and end < len(doc) and doc[end].text in _INDEX_HEADS:
                return end + 1  # "FTSE 100 index"
            return end
    return None


def _pattern_end(doc: Doc, i: int) -> int | None:
    """'Hang Seng index': capitalised proper nouns (and a number) right before an index head."""
    if i > 0 and doc[i - 1].pos_ == "PROPN":
        return None  # start at the name's first word
    j = i
    while j < len(doc) and (
        (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].text not in _INDEX_HEADS)
        or (j > i and doc[j].like_num)
    ):
        j += 1
    if j > i and j < len(doc) and doc[j].text in _INDEX_HEADS:
        return j + 1
    return None
