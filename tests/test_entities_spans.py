"""The entities stage cleans the spans NER gives: one name per span, nothing glued to it."""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph.model import Article
from newsgraph.stages.entities import stage


def _names(art) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.text for e in art.entities for m in e.mentions}


def test_a_name_never_crosses_a_line_break(analyse) -> None:  # type: ignore[no-untyped-def]
    names = _names(analyse("He climbed Everest with Edmund Hillary\nKevin Smith said it was cold."))
    assert not any("\n" in n for n in names)


def test_a_word_glued_to_a_bracket_is_cut(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("He studied at Oxford (Cambridge University)Matt Allen said the plan was good.")
    assert not any(")" in n for n in _names(art))


def test_square_bracket_insertion_is_not_the_name(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("The former premier [Ehud] Olmert said he would resign.")
    assert "Olmert" in _names(art) and not any("]" in n for n in _names(art))


def test_leading_role_is_cut(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Cornerback Al Harris said the team was ready.")
    assert "Al Harris" in {e.name for e in art.entities}


def test_leading_gerund_of_a_participial_phrase_is_cut(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Questioning Vindman, the lawmakers asked about the call.")
    assert "Vindman" in {e.name for e in art.entities}


def test_a_run_of_bylines_splits_into_names(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("By Kevin Scarbinsky Ray Melick Mike Bolton and staff")
    assert {"Kevin Scarbinsky", "Ray Melick", "Mike Bolton"} <= {e.name for e in art.entities}


def test_two_names_split_when_the_surname_stands_alone(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("The film honours Steve Irwin Paul Watson said on Monday. Irwin died in 2006.")
    assert {"Steve Irwin", "Paul Watson"} <= {e.name for e in art.entities}


def test_a_long_single_name_stays_whole(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Martin Luther King Jr spoke in Memphis. Jean Claude Van Damme was there.")
    names = {e.name for e in art.entities}
    assert {"Martin Luther King Jr", "Jean Claude Van Damme"} <= names


def test_a_leading_determiner_is_cut(pipeline, settings) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp("He joined a Conservative Party meeting in the town.")
    doc.ents = [Span(doc, 2, 5, label="ORG")]  # NER took 'a' in, as on BBC ('a Supreme Court')
    art = Article(id="t", text=doc.text)
    stage.run(art, doc, settings, pipeline.words)
    assert [e.name for e in art.entities] == ["Conservative Party"]
