"""Name lexicons: demonyms, country short forms and subdivisions resolve to ISO alpha-3."""

from __future__ import annotations

from collections import Counter

from newsgraph.stages.entities.names import build_name_lexicons, initials
from newsgraph.wordlists import WordLists

LEX = WordLists().get(build_name_lexicons)


def test_demonym_and_its_plural_resolve_to_the_country():
    assert LEX.country_of_demonym("Haitian") == "HTI"
    assert LEX.country_of_demonym("Haitians") == "HTI"


def test_stateless_group_has_no_country():
    assert LEX.country_of_demonym("Arab") is None


def test_short_forms_of_country_names():
    assert [LEX.country_of_name(n) for n in ("U.S.", "Britain", "the Bahamas")] == [
        "USA",
        "GBR",
        "BHS",
    ]


def test_official_names_come_from_pycountry():
    assert LEX.country_of_name("Republic of Haiti") == "HTI"


def test_subdivision_gives_its_country():
    assert LEX.country_of_place("Alabama") == "USA"


def test_ambiguous_subdivision_goes_to_the_country_the_article_mentions_most():
    assert LEX.country_of_place("La Rioja", Counter({"ARG": 5, "ESP": 1})) == "ARG"
    assert LEX.country_of_place("La Rioja") is None


def test_display_name_avoids_inverted_official_names():
    assert LEX.country_display_name("BOL") == "Bolivia"


def test_initials_with_and_without_function_words():
    assert {"OAS", "OOAS"} == initials(["Organization", "of", "American", "States"])


def test_a_country_within_a_country_carries_its_code_but_is_no_alias():
    assert (LEX.country_of_place("Scotland"), LEX.country_of_name("Scotland")) == ("GBR", None)


def test_capital_city_gives_its_country():
    assert LEX.country_of_place("Port-au-Prince") == "HTI"


def test_two_nations_with_one_country_code_are_never_linked():
    from newsgraph.stages.entities.links import Candidate, link_names

    cands = [
        Candidate(0, "Scotland", "GPE", country="GBR"),
        Candidate(5, "England", "GPE", country="GBR"),
    ]
    assert link_names(cands, LEX) == [0, 1]


def test_short_form_of_the_same_country_is_still_linked():
    from newsgraph.stages.entities.links import Candidate, link_names

    cands = [
        Candidate(0, "United Kingdom", "GPE", country="GBR"),
        Candidate(5, "UK", "GPE", country="GBR"),
    ]
    assert link_names(cands, LEX) == [0, 0]


def test_the_last_word_of_an_organisation_name_is_that_organisation():
    from newsgraph.stages.entities.links import Candidate, link_names

    cands = [
        Candidate(0, "United Nations Security Council", "ORG"),
        Candidate(9, "Council", "ORG"),
        Candidate(14, "Harbour", "ORG"),  # not a word organisation names end with
        Candidate(20, "Port Harbour", "ORG"),
    ]
    assert link_names(cands, LEX) == [0, 0, 2, 3]
