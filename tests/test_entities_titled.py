"""Long titles before a name: the person is split from the title NER took into the name."""

from __future__ import annotations

from newsgraph.model import Article, Entity


def _types(article: Article) -> dict[str, str]:
    return {e.name: e.type for e in article.entities}


def _person(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name and e.type == "PERSON"]
    assert found, f"no person {name!r} in {_types(article)}"
    return found[0]


def test_person_after_commissioner_for_portfolios_is_split_from_the_title(analyse):
    art = analyse(
        "AU Commissioner for Peace and Security Amara Diallo said the talks would resume."
    )
    person = _person(art, "Amara Diallo")
    assert person.titles == ["Commissioner for Peace and Security"]
    assert "Security Amara Diallo" not in _types(art)


def test_portfolio_inside_a_title_is_no_organisation(analyse):
    art = analyse(
        "ECOWAS Commissioner for Political Affairs and Security Musa Bello visited the camp."
    )
    person = _person(art, "Musa Bello")
    assert person.titles == ["Commissioner for Political Affairs and Security"]
    assert "Political Affairs" not in _types(art)


def test_acronym_after_of_the_is_the_affiliation(analyse):
    art = analyse("Secretary-General of the OAS Luis Almagro called for calm.")
    person = _person(art, "Luis Almagro")
    assert (person.titles, person.affiliations) == (["Secretary-General"], ["OAS"])


def test_title_with_for_and_joined_portfolios(analyse):
    art = analyse("Minister for Health and Social Care Tom Barker announced new funding.")
    assert _person(art, "Tom Barker").titles == ["Minister for Health and Social Care"]


def test_organisation_after_role_of_stays_whole(analyse):
    art = analyse("Pedro Alves, president of Zenith Commercial Airplanes said the order was firm.")
    assert _types(art)["Zenith Commercial Airplanes"] == "ORG"


def test_name_after_role_of_the_that_modifies_a_noun_is_no_person(analyse):
    art = analyse(
        '"It is regrettable," said Ama Serwaa, the director of the VOA Eurasian division.'
    )
    assert _types(art)["Eurasian"] == "NORP"


def test_organisation_after_role_of_the_stays_whole(analyse):
    art = analyse(
        '"It is sound," said Kojo Antwi, the chief executive of the National Urban League.'
    )
    assert _types(art)["National Urban League"] == "ORG"


def test_honorific_without_a_dot_in_an_org_span_makes_a_person(analyse):
    for text, name in (
        ("The average saving would be more than £900, according to Mr Hedge.", "Hedge"),
        ("Investigations carried out in the wake of Ms Banks' resignation found faults.", "Banks"),
        ("The chairman accused Ms Stones of playing a card in the run-up to the vote.", "Stones"),
    ):
        art = analyse(text)
        assert _person(art, name).mentions[0].text == name
        assert not any(n.startswith(("Mr ", "Ms ")) for n in _types(art)), _types(art)


def test_a_job_title_in_apposition_before_the_name_makes_a_person(analyse):
    art = analyse("The party's Holyrood leader, Mairi Sturgeon, welcomed the move.")
    assert _types(art).get("Mairi Sturgeon") == "PERSON"
