"""Institutions named by a common noun before a proper name: "lycée Paul Bert", "rectorat de
Créteil", "parquet de Brest", "Hôpital universitaire d'Ostrava".

NER finds the person or place the institution is named after and types it so ("Créteil" a
place, "Paul Bert" a person); the institution is the whole noun phrase, an organisation. The
nouns are the language's list ``resources/<lang>/entities/institution_nouns.txt`` (no entry in
English, whose institutions NER finds with their noun: "Harvard University").
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.wordlists import WordLists

_OF = frozenset({"de", "d'", "du"})  # 'rectorat de Créteil', "cour d'appel de Rennes"

Nouns = tuple[tuple[str, ...], ...]


def build_institution_nouns(words: WordLists) -> Nouns:
    """The nouns as lowercase token tuples, longest first."""
    lines = words.lines("entities/institution_nouns.txt")
    nouns = {tuple(_fold(w) for w in line.split()) for line in lines}
    return tuple(sorted(nouns, key=len, reverse=True))


def institution_start(doc: Doc, start: int, end: int, nouns: Nouns) -> int | None:
    """Where the institution named by the name [start, end) begins: at an institution noun that
    opens the name ('[lycée Mozart]', '[Cour de Cassation]'), stands right before it ('lycée
    [Paul Bert]') or before its 'de', past adjectives ("Hôpital universitaire d'[Ostrava]");
    None when no institution noun names it."""
    if any(len(n) < end - start and _words(doc, start, start + len(n)) == n for n in nouns):
        return start
    i = start
    if i > 0 and _fold(doc[i - 1].text) in _OF:
        i -= 1
        while i > 0 and doc[i - 1].pos_ == "ADJ" and doc[i - 1].text.islower():
            i -= 1
    return next((i - len(n) for n in nouns if _words(doc, i - len(n), i) == n), None)


def _words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(_fold(t.text) for t in doc[start:end]) if start >= 0 else ()


def _fold(text: str) -> str:
    return text.lower().replace("\u2019", "'")
