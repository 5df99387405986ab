"""Military and police ranks: titles of the person they precede, never part of the name."""

from __future__ import annotations

from newsgraph.model import Article, Entity


def _person(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name and e.type == "PERSON"]
    assert found, f"no person {name!r} in {[(e.name, e.type) for e in article.entities]}"
    return found[0]


def test_two_word_rank_is_cut_from_the_name_and_is_the_title(analyse):
    art = analyse(
        "Kenyan Navy chief Rear Admiral Wanjiru Kamau said on Monday the ships were ready."
    )
    person = _person(art, "Wanjiru Kamau")
    assert person.titles == ["Rear Admiral", "chief"]
    assert person.affiliations == ["Kenyan Navy"]


def test_abbreviated_ranks_split_by_the_tokeniser_are_titles(analyse):
    art = analyse("Adm. Jo Kim, Cmdr. Lee Park, Insp. Ada Obi and Supt. Ken Udo left.")
    assert _person(art, "Ada Obi").titles == ["Insp."]  # NER: 'Ada Obi' an ORG
    assert _person(art, "Ken Udo").titles == ["Supt."]


def test_a_rank_before_the_next_name_in_a_list_is_not_an_apposition(analyse):
    art = analyse("Adm. Jo Kim, Cmdr. Lee Park and Supt. Ken Udo left the base on Tuesday.")
    assert _person(art, "Jo Kim").titles == ["Adm."]
    assert _person(art, "Lee Park").titles == ["Cmdr."]


def test_lieutenant_general_is_one_title(analyse):
    art = analyse("The army is led by Lt. Gen. Kwabena Mensah, who was appointed in May.")
    assert _person(art, "Kwabena Mensah").titles == ["Lt. Gen."]


def test_a_rank_ner_took_for_an_organisation_is_a_title(analyse):
    art = analyse("Chief Inspector Tom Hill and Air Marshal Sam Oduya spoke on Friday.")
    assert "Air Marshal" not in {e.name for e in art.entities}
    assert _person(art, "Sam Oduya").titles == ["Air Marshal"]


def test_bare_surname_of_a_person_named_after_a_rank_is_a_mention(analyse):
    art = analyse(
        'Rear Admiral Ifeoma Okafor said on Friday the ships were ready. "We will not wait," '
        "Okafor told reporters."
    )
    assert [m.text for m in _person(art, "Ifeoma Okafor").mentions] == ["Ifeoma Okafor", "Okafor"]


def test_last_word_of_a_three_word_name_after_a_rank_is_a_mention(analyse):
    art = analyse(
        "Police Sergeant Nana Yaw Kyei said the road was closed. Kyei added that nobody was hurt."
    )
    person = _person(art, "Nana Yaw Kyei")
    assert [m.text for m in person.mentions] == ["Nana Yaw Kyei", "Kyei"]
    assert person.titles == ["Police Sergeant"]


def test_a_role_ending_a_sentence_is_no_abbreviated_rank(analyse):
    art = analyse("The report was written by Abena Serwaa Darko, a lawyer. Darko argues otherwise.")
    assert _person(art, "Abena Serwaa Darko").titles == ["lawyer"]


def test_a_surname_two_people_share_is_left_alone(analyse):
    art = analyse(
        "Rear Admiral Ifeoma Okafor said on Friday the ships were ready. Captain Chike Okafor "
        'agreed. "We will not wait," Okafor told reporters.'
    )
    assert [m.text for m in _person(art, "Ifeoma Okafor").mentions] == ["Ifeoma Okafor"]
    assert [m.text for m in _person(art, "Chike Okafor").mentions] == ["Chike Okafor"]
