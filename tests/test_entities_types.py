"""Type repair: evidence in the text decides before the NER labels vote."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.stages.entities.names import build_name_lexicons
from newsgraph.stages.entities.stage import RawMention, _vote_type, _with_model_names
from newsgraph.wordlists import WordLists

LEX = WordLists().get(build_name_lexicons)


def _m(label: str, key: str, **cues: bool) -> RawMention:
    return RawMention(0, 1, label, key, key, **cues)


def test_longest_form_outweighs_stray_labels_of_the_surname():
    full = _m("PERSON", "Ana Lopez")
    mentions = [full, _m("ORG", "Lopez"), _m("ORG", "Lopez")]
    assert _vote_type(mentions, full, LEX) == "PERSON"


def test_a_title_before_any_mention_makes_a_person():
    full = _m("ORG", "Lopez")
    mentions = [full, _m("ORG", "Lopez"), _m("ORG", "Lopez", person_cue=True)]
    assert _vote_type(mentions, full, LEX) == "PERSON"


def test_place_noun_overrides_facility():
    city = _m("FAC", "Port Town", place_cue=True)
    assert _vote_type([city], city, LEX) == "GPE"


def test_organisation_word_overrides_person():
    firm = _m("PERSON", "Douglas Aircraft", org_cue=True)
    assert _vote_type([firm, _m("PERSON", "Douglas Aircraft")], firm, LEX) == "ORG"


def test_full_name_seen_as_a_person_outweighs_many_bare_surnames():
    full = _m("PERSON", "Ana Lopez")
    mentions = [full] + [_m("ORG", "Lopez") for _ in range(6)]
    assert _vote_type(mentions, full, LEX) == "PERSON"


def test_country_tagged_person_without_evidence_is_a_place():
    country = _m("PERSON", "Benin")
    assert _vote_type([country, _m("PERSON", "Benin")], country, LEX) == "GPE"


def test_city_tagged_organisation_without_evidence_is_a_place():
    city = _m("ORG", "Accra")
    assert _vote_type([city], city, LEX) == "GPE"


def test_city_name_that_is_a_named_persons_name_stays_a_person():
    bare = _m("PERSON", "Paris")
    assert _vote_type([bare], bare, LEX, frozenset({"Paris", "Hilton"})) == "PERSON"


def test_country_name_with_a_title_before_it_stays_a_person():
    titled = _m("PERSON", "Jordan", person_cue=True)
    assert _vote_type([titled], titled, LEX) == "PERSON"


def test_a_name_with_a_digit_is_no_person():
    group = _m("PERSON", "G9")
    assert _vote_type([group, _m("PERSON", "G9")], group, LEX) == "ORG"
    spy = _m("PERSON", "MI7 Unit")
    assert _vote_type([spy], spy, LEX) == "ORG"


def test_a_name_with_a_digit_keeps_another_label():
    law = _m("LAW", "Section 9")
    assert _vote_type([law], law, LEX) == "LAW"


def test_a_channel_with_a_digit_tagged_person_is_an_organisation(analyse):
    art = analyse("He told BBC4 that the plan was wrong.")
    assert {e.name: e.type for e in art.entities}.get("BBC4") == "ORG"


def test_a_name_with_the_as_its_own_determiner_is_no_person(analyse):
    art = analyse("The Tories and the Lib Dems have questioned the timing of the new rules.")
    assert {e.name: e.type for e in art.entities}.get("Lib Dems") == "ORG"


def test_a_title_with_the_stays_a_person(analyse):
    art = analyse("The Queen met the Rt Rev Michael Hollis on Monday, and the Queen said so.")
    types = {e.name: e.type for e in art.entities}
    assert (types.get("Queen"), types.get("Rt Rev Michael Hollis")) == ("PERSON", "PERSON")


def test_a_financial_index_is_never_outvoted_into_a_person():
    index = _m("FINANCIAL", "Dow Jones")
    person = _m("PERSON", "Dow Jones", person_cue=True)
    assert _vote_type([index, person], index, LEX) == "FINANCIAL"


def test_indices_and_instruments_are_typed_financial(analyse):
    art = analyse(
        "Markets\n\nShares fell across the world on Monday as traders worried about the banks. "
        "The Dow Jones Industrial Average lost 2 percent, the Hang Seng index slid and the "
        "Kospi index rose. Investors bought Treasury bonds, while the S&P 500 dropped. Analysts "
        "expect more losses this week, they said."
    )
    types = {e.name: e.type for e in art.entities}
    for name in ("Dow Jones Industrial Average", "Hang Seng index", "Kospi index", "S&P 500"):
        assert types[name] == "FINANCIAL"
    assert types["Treasury bonds"] == "FINANCIAL"


def test_a_job_title_alone_and_leading_backticks_are_no_name(analyse):
    art = analyse(
        "Plan\n\nThe chief executive said ``New GM will be a leaner company with fewer brands. "
        "The Congresswoman from Ohio criticised the plan on Tuesday, and workers in Detroit "
        "said they feared more job cuts at the plants this year."
    )
    names = {e.name for e in art.entities}
    assert "New GM" in names and "Congresswoman" not in names


def test_a_job_title_is_a_name_only_undetermined(analyse):
    art = analyse(
        "Music\n\nThe chart also has new releases from Athlete, Ciara and Feeder this week. "
        "Betty Sutton, Ohio's Congresswoman, put forward the act, which gives buyers a refund."
    )
    names = {e.name for e in art.entities}
    assert "Athlete" in names and "Congresswoman" not in names


def test_a_model_number_is_kept(analyse):
    art = analyse(
        "Planes\n\nThe A380 carries more passengers than a Boeing 747, and the airline "
        "said on Monday that its 747 fleet would be retired by the end of next year."
    )
    mentions = [m.text for e in art.entities for m in e.mentions]
    assert any("747" in m for m in mentions)


def _raw(words: list[str], *spans: tuple[int, int, str]) -> list[str]:
    doc = Doc(Vocab(), words=words)
    raw = [RawMention(s, e, label, doc[s:e].text, doc[s:e].text) for s, e, label in spans]
    return [f"{m.label}:{m.name}" for m in _with_model_names(doc, raw)]


def test_maker_before_model_number_is_one_product():
    words = ["the", "Airbus", "A380", "flew"]
    assert _raw(words, (1, 2, "ORG"), (2, 3, "PRODUCT")) == ["PRODUCT:Airbus A380"]


def test_maker_before_product_without_number_or_apart_stays():
    assert _raw(["Acme", "Roadrunner"], (0, 1, "ORG"), (1, 2, "PRODUCT")) == [
        "ORG:Acme",
        "PRODUCT:Roadrunner",
    ]
    assert _raw(["Boeing", "'s", "787"], (0, 1, "ORG"), (2, 3, "PRODUCT")) == [
        "ORG:Boeing",
        "PRODUCT:787",
    ]
