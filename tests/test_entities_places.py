"""Towns NER took for people: the syntax around the name says place, nothing says person."""

from __future__ import annotations

from newsgraph.model import Article


def _type(article: Article, name: str) -> str:
    types = {e.name: e.type for e in article.entities}
    assert name in types, f"no entity {name!r} in {types}"
    return types[name]


def test_place_preposition_without_person_evidence_makes_a_place(analyse):
    art = analyse("The fishermen in Keta said the sea had taken their homes.")
    assert _type(art, "Keta") == "GPE"


def test_near_makes_a_place(analyse):
    art = analyse("Fishermen near Keta say the sea has taken their homes.")
    assert _type(art, "Keta") == "GPE"


def test_place_noun_of_makes_a_place(analyse):
    art = analyse("The town of Keta has lost hundreds of houses to the sea.")
    assert _type(art, "Keta") == "GPE"


def test_place_noun_in_apposition_makes_a_place(analyse):
    art = analyse("Keta, a fishing town, has lost hundreds of houses to the sea.")
    assert _type(art, "Keta") == "GPE"


def test_a_name_that_speaks_elsewhere_stays_a_person(analyse):
    art = analyse(
        "Residents in Keta said the sea wall had failed. Keta said on Monday that she would appeal."
    )
    assert _type(art, "Keta") == "PERSON"


def test_a_pronoun_after_the_name_keeps_a_person(analyse):
    art = analyse("We have confidence in Keta. She will lead the team.")
    assert _type(art, "Keta") == "PERSON"


def test_at_after_a_noun_makes_a_place(analyse):
    art = analyse("Two years ago, the beach at Keta held more than 200 fishing canoes.")
    assert _type(art, "Keta") == "GPE"


def test_in_a_known_country_after_the_name_makes_a_place(analyse):
    art = analyse("Many families from Keta in eastern Ghana have moved inland.")
    assert _type(art, "Keta") == "GPE"


def test_a_name_ner_took_for_a_people_is_a_place_where_places_go(analyse):
    art = analyse("The sailors told reporters at the naval base in Apapa.")  # NER: NORP
    assert _type(art, "Apapa") == "GPE"


def test_a_faith_after_in_stays_a_group(analyse):
    art = analyse("Women in Islam have rights.")
    assert _type(art, "Islam") == "NORP"


def test_a_group_name_modifying_a_noun_after_in_is_no_place(analyse):
    art = analyse("Voters in Democrat strongholds stayed home.")
    assert _type(art, "Democrat") == "NORP"


def test_a_pronoun_after_a_place_refers_to_the_person_before_it(analyse):
    art = analyse(
        "Navy chief Rear Admiral Ifeoma Okafor said the ships were ready. Okafor told reporters "
        "at the naval base in Apapa. She added that the ships would sail in June."
    )
    assert _type(art, "Apapa") == "GPE"


def test_a_name_coordinated_with_places_is_a_place(analyse):
    art = analyse("He visits Leeds, Bristol, Somerset, Basingstoke, Dorset and Torbay this week.")
    assert {e.name: e.type for e in art.entities}.get("Torbay") == "GPE"
    art = analyse("They bombed pubs in Guildford and Woolwich in 1974.")
    assert {e.name: e.type for e in art.entities}.get("Woolwich") == "GPE"


def test_a_person_coordinated_with_a_place_who_speaks_stays_a_person(analyse):
    art = analyse(
        "Officials from France and Mr Haldane met on Monday. Haldane said he was pleased."
    )
    assert {e.name: e.type for e in art.entities}.get("Haldane") == "PERSON"
