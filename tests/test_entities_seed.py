"""The seed article end to end: people with titles, merged organisations, places with codes."""

from __future__ import annotations

import pytest

from conftest import shared_path
from newsgraph.api import extract
from newsgraph.model import Article, Entity

PEOPLE = {  # name -> (titles, affiliations, aliases)
    "Dominique Dupuy": (["Foreign Minister"], ["Haiti"], []),
    "Nayib Bukele": (["president"], ["El Salvador"], []),
    "Ernesto Sanabria": (["press secretary"], ["Salvadoran Presidency"], []),
    "Gandy Thomas": (["ambassador"], ["Haiti", "Organization of American States"], []),
    "Jimmy Cherizier": (["gang leader", "former police officer"], ["Haiti"], ["Barbecue"]),
}
ORGS = {  # name -> acronym mentioned in the text
    "United Nations": "UN",
    "Organization of American States": "OAS",
    "Voice of America": "VOA",
    "Multinational Security Support Mission": "MMS",
}
PLACES = {"El Salvador": "SLV", "Haiti": "HTI", "Kenya": "KEN", "Bahamas": "BHS"}


@pytest.fixture(scope="module")
def seed(settings) -> Article:  # type: ignore[no-untyped-def]
    return extract(shared_path("samples", "000_3cded19f9edc2a8e.txt"), settings)


def _named(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name]
    assert len(found) == 1, f"{name!r}: {[e.name for e in article.entities]}"
    return found[0]


@pytest.mark.shared
@pytest.mark.parametrize("name", PEOPLE)
def test_people_with_titles_affiliations_aliases(seed, name):
    person = _named(seed, name)
    assert person.type == "PERSON"
    assert (person.titles, person.affiliations, person.aliases) == PEOPLE[name]


@pytest.mark.shared
def test_every_bukele_is_the_person(seed):
    person = _named(seed, "Nayib Bukele")
    assert len(person.mentions) == seed.text.count("Bukele")


@pytest.mark.shared
@pytest.mark.parametrize("name", ORGS)
def test_organisations_merged_with_their_acronyms(seed, name):
    org = _named(seed, name)
    assert ORGS[name] in [m.text for m in org.mentions]


@pytest.mark.shared
def test_security_council(seed):
    assert _named(seed, "UN Security Council").type == "ORG"


@pytest.mark.shared
@pytest.mark.parametrize("name", PLACES)
def test_countries_with_codes(seed, name):
    assert _named(seed, name).country == PLACES[name]


@pytest.mark.shared
def test_us_joins_united_states(seed):
    usa = _named(seed, "United States")
    assert (usa.country, "US" in [m.text for m in usa.mentions]) == ("USA", True)


@pytest.mark.shared
@pytest.mark.parametrize("name", ["San Salvador", "Port-au-Prince"])
def test_cities_are_places(seed, name):
    assert _named(seed, name).type in ("GPE", "LOC")


@pytest.mark.shared
def test_no_entity_from_the_footer(seed):
    assert not [e for e in seed.entities if e.name in ("Facebook", "YouTube", "WhatsApp")]
