"""French institutions named by a common noun before a proper name are organisations."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.stages.entities.institutions import build_institution_nouns, institution_start
from newsgraph.wordlists import WordLists

FRENCH = WordLists("fr").get(build_institution_nouns)


def _start(words: list[str], start: int, end: int, pos: list[str] | None = None) -> int | None:
    doc = Doc(Vocab(), words=words, pos=pos or ["X"] * len(words))
    return institution_start(doc, start, end, FRENCH)


def test_noun_before_de_opens_the_institution():
    assert _start(["au", "rectorat", "de", "Créteil"], 3, 4) == 1
    assert _start(["la", "cour", "d’", "appel", "de", "Rennes"], 5, 6) == 1


def test_noun_right_before_or_inside_the_name():
    assert _start(["lycée", "Paul", "Bert"], 1, 3) == 0
    assert _start(["lycée", "Mozart"], 0, 2) == 0


def test_adjectives_between_noun_and_de():
    words = ["l'", "Hôpital", "universitaire", "d'", "Ostrava"]
    assert _start(words, 4, 5, ["DET", "NOUN", "ADJ", "ADP", "PROPN"]) == 1


def test_no_institution_noun_and_no_english_nouns():
    assert _start(["la", "ville", "de", "Brest"], 3, 4) is None
    doc = Doc(Vocab(), words=["the", "prosecutor", "of", "Brest"])
    assert institution_start(doc, 3, 4, WordLists().get(build_institution_nouns)) is None
