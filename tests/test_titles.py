"""The titles stage: titles and affiliations as the text states them."""

from __future__ import annotations

from newsgraph.model import Article, Entity


def _person(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name and e.type == "PERSON"]
    assert found, f"no person {name!r} in {[(e.name, e.type) for e in article.entities]}"
    return found[0]


def test_premodifier_title_with_demonym_affiliation(analyse):
    art = analyse("Guatemalan Defense Minister Henry Reyes said the army was ready.")
    person = _person(art, "Henry Reyes")
    assert (person.titles, person.affiliations) == (["Defense Minister"], ["Guatemala"])


def test_apposition_before_the_name(analyse):
    art = analyse("On Monday the Honduran president, Xiomara Castro, opened the new hospital.")
    person = _person(art, "Xiomara Castro")
    assert (person.titles, person.affiliations) == (["president"], ["Honduras"])


def test_apposition_after_the_name_with_organisation(analyse):
    art = analyse("Laura Mejia, spokeswoman of the Honduran Foreign Ministry, declined to comment.")
    person = _person(art, "Laura Mejia")
    assert person.titles == ["spokeswoman"]
    assert person.affiliations == ["Honduran Foreign Ministry"]


def test_ambassador_to_an_organisation_with_acronym(analyse):
    art = analyse(
        "The deal was signed by the Mexican ambassador to the World Health Organization "
        "(WHO), Pedro Ruiz, in Geneva."
    )
    person = _person(art, "Pedro Ruiz")
    assert person.titles == ["ambassador"]
    assert person.affiliations == ["Mexico", "World Health Organization"]


def test_apposition_after_an_alias_clause(analyse):
    art = analyse(
        'Police hunted drug lord Joaquin Guzman, alias "El Chapo", a former Mexican police '
        "officer wanted for murder."
    )
    person = _person(art, "Joaquin Guzman")
    assert person.titles == ["drug lord", "former police officer"]
    assert person.affiliations == ["Mexico"]


def test_role_of_a_place_before_the_name(analyse):
    art = analyse("Prime Minister of Canada Stephen Harper arrived in Paris on Monday.")
    person = _person(art, "Stephen Harper")
    assert (person.titles, person.affiliations) == (["Prime Minister"], ["Canada"])


def test_role_of_a_portfolio_keeps_it_in_the_title(analyse):
    art = analyse("Secretary of State Antony Blinken arrived in Cairo on Monday.")
    assert _person(art, "Antony Blinken").titles == ["Secretary of State"]


def test_capital_letter_that_opens_a_sentence_is_not_part_of_the_title(analyse):
    art = analyse("Chief executive Maria Lopez said sales rose. New coach Pablo Ruiz agreed.")
    assert _person(art, "Maria Lopez").titles == ["chief executive"]
    assert _person(art, "Pablo Ruiz").titles == ["coach"]


def test_relative_clause_with_copula_gives_the_title(analyse):
    art = analyse("Kofi Mensah, who is the minister of fisheries, visited the coast.")
    assert _person(art, "Kofi Mensah").titles == ["minister of fisheries"]


def test_relative_clause_with_adverb_after_the_copula(analyse):
    art = analyse("Yaw Boadu, who was also the deputy governor of the central bank, resigned.")
    assert _person(art, "Yaw Boadu").titles == ["deputy governor"]


def test_served_as_gives_the_title_and_affiliation(analyse):
    art = analyse("Abena Owusu, who served as ambassador to France, died on Sunday.")
    person = _person(art, "Abena Owusu")
    assert (person.titles, person.affiliations) == (["ambassador"], ["France"])


def test_relative_clause_without_a_role_gives_no_title(analyse):
    art = analyse("Kwesi Darko, who is the son of a fisherman, opened the market.")
    assert _person(art, "Kwesi Darko").titles == []


def test_copula_in_the_main_clause_gives_the_title(analyse):
    art = analyse("Kofi Mensah is the minister of fisheries.")
    assert _person(art, "Kofi Mensah").titles == ["minister of fisheries"]


def test_served_as_in_the_main_clause_gives_the_title(analyse):
    art = analyse("Abena Owusu served as ambassador to France from 2010 to 2014.")
    person = _person(art, "Abena Owusu")
    assert (person.titles, person.affiliations) == (["ambassador"], ["France"])


def test_denied_or_future_title_is_not_given(analyse):
    art = analyse(
        "Yaw Boadu was not the governor of the central bank. "
        "Efua Sarpong will become the chief executive of Zenith Foods next year."
    )
    assert _person(art, "Yaw Boadu").titles == []
    assert _person(art, "Efua Sarpong").titles == []


def test_honorific_after_of_is_no_affiliation(analyse):
    art = analyse("Tom Reyes is now the chairman of Mrs. Alvarez's campaign.")
    person = _person(art, "Tom Reyes")
    assert (person.titles, person.affiliations) == (["chairman"], [])


def test_a_title_in_apposition_makes_a_person_and_keeps_its_portfolio(analyse):
    art = analyse(
        '"Those who terrorise the coast will find no safe harbour," said Amara Diallo, the '
        "African Union Commissioner for Peace and Security."
    )
    person = _person(art, "Amara Diallo")
    assert person.titles == ["Commissioner for Peace and Security"]
    assert person.affiliations == ["African Union"]
