"""Country names NER skipped become places, unless they name something or someone else."""

from __future__ import annotations

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.stages.entities.names import build_name_lexicons
from newsgraph.stages.entities.stage import _missed_countries


def _places(article: Article) -> dict[str, str | None]:
    return {e.name: e.country for e in article.entities if e.type == "GPE"}


def _found(pipeline: Pipeline, text: str) -> list[str]:
    """The country names found in ``text`` when NER found nothing."""
    lex = pipeline.words.get(build_name_lexicons)
    return [m.name for m in _missed_countries(pipeline.nlp(text), [], lex)]


def test_a_country_opening_a_sentence_that_ner_missed_is_a_place(analyse):
    art = analyse("Senegal will send two frigates to the mission by June.")
    assert _places(art) == {"Senegal": "SEN"}


def test_a_country_inside_a_longer_name_is_left_alone(pipeline):
    assert _found(pipeline, "Kenya Airways flew to the Bank of Ghana and to Air Togo.") == []


def test_a_country_name_with_person_evidence_is_left_alone(pipeline):
    assert _found(pipeline, "Coach Jordan said he would send his best players.") == []
    assert _found(pipeline, "Jordan said on Monday that he would stay at the club.") == []


def test_a_country_speaking_without_he_or_she_is_a_place(pipeline):
    assert _found(pipeline, "Jordan said on Monday that it would open the border.") == ["Jordan"]


def test_a_short_form_of_several_words_is_found_whole(pipeline):
    assert _found(pipeline, "Ivory Coast and South Korea signed the deal.") == [
        "Ivory Coast",
        "South Korea",
    ]
