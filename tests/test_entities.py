"""The entities stage: one entity per actor, merged names, repaired types, country codes."""

from __future__ import annotations

from newsgraph.model import Article, Entity


def _named(article: Article, name: str) -> Entity:
    found = [e for e in article.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in article.entities]}"
    return found[0]


def test_surname_and_possessive_join_the_full_name(analyse):
    art = analyse(
        "Costa Rican President Laura Chinchilla met reporters on Monday. "
        "Chinchilla said the plan would work. Chinchilla's critics disagreed."
    )
    person = _named(art, "Laura Chinchilla")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Laura Chinchilla", "Chinchilla", "Chinchilla"]


def test_acronym_defined_in_parentheses_joins_its_name(analyse):
    art = analyse(
        "The Pan American Health Organization (PAHO) warned of dengue on Tuesday. "
        "Officials at PAHO said cases had doubled."
    )
    org = _named(art, "Pan American Health Organization")
    assert "PAHO" in org.aliases
    assert sum(m.text == "PAHO" for m in org.mentions) == 2


def test_acronym_matching_initials_joins_the_long_name(analyse):
    art = analyse(
        "The European Central Bank raised rates again. Analysts said the ECB "
        "would pause in the spring."
    )
    bank = _named(art, "European Central Bank")
    assert "ECB" in [m.text for m in bank.mentions]


def test_short_form_of_a_country_joins_its_name_with_iso_code(analyse):
    art = analyse(
        "Mexico and the United States signed a deal on Friday. The US will send "
        "engineers, officials in Mexico said."
    )
    usa = _named(art, "United States")
    assert usa.country == "USA"
    assert "US" in [m.text for m in usa.mentions]
    assert _named(art, "Mexico").country == "MEX"


def test_demonym_resolves_to_its_country(analyse):
    art = analyse("Guatemalan farmers protested in the capital on Friday, police said.")
    norp = _named(art, "Guatemalan")
    assert (norp.type, norp.country) == ("NORP", "GTM")


def test_alias_is_no_separate_entity(analyse):
    art = analyse(
        'Police arrested drug lord Joaquin Guzman, alias "El Chapo", on Sunday. '
        "Officials said Guzman had escaped twice before."
    )
    person = _named(art, "Joaquin Guzman")
    assert person.aliases == ["El Chapo"]
    assert not [e for e in art.entities if e.name == "El Chapo"]


def test_leading_the_is_not_part_of_the_name(analyse):
    art = analyse("The United Nations asked for calm after the vote in Nairobi.")
    org = _named(art, "United Nations")
    assert org.mentions[0].text == "United Nations"


def test_mention_offsets_index_the_text(analyse):
    art = analyse("Costa Rican President Laura Chinchilla met Daniel Ortega in Managua on Monday.")
    for ent in art.entities:
        for m in ent.mentions:
            assert art.text[m.start : m.end] == m.text


def test_numeric_labels_are_left_to_other_stages(analyse):
    art = analyse("Kenya sent 400 officers to Haiti on June 25, 2024, at a cost of $10 million.")
    assert {e.type for e in art.entities} <= {"GPE", "LOC", "ORG", "PERSON", "NORP"}


def test_place_noun_makes_a_name_a_place(analyse):
    art = analyse("Gangs control most of the capital Tegucigalpa, residents said on Monday.")
    assert _named(art, "Tegucigalpa").type in ("GPE", "LOC")


def test_title_names_are_title_mentions(analyse):
    art = analyse("Rains flooded roads across the region on Monday.", title="Obama visits Kenya")
    mentions = [m for e in art.entities for m in e.mentions]
    assert mentions and {m.field for m in mentions} == {"title"}
    assert all(art.title[m.start : m.end] == m.text for m in mentions)


def test_ids_follow_first_mention(analyse):
    art = analyse("Daniel Ortega met Laura Chinchilla in Managua. Ortega left early.")
    assert [e.id for e in art.entities] == [f"e{i}" for i in range(1, len(art.entities) + 1)]
    firsts = [e.mentions[0].start for e in art.entities]
    assert firsts == sorted(firsts)


def test_dateline_agency_is_not_an_acronym_of_the_city(analyse):
    art = analyse("NAIROBI (AP) - Kenyan police arrived in Haiti on Tuesday, officials said.")
    assert not [e for e in art.entities if "AP" in e.aliases]


def test_organisation_noun_before_a_name_makes_it_an_organisation(analyse):
    art = analyse("The German magazine Der Spiegel reported the deal on Sunday.")
    assert _named(art, "Der Spiegel").type == "ORG"


def test_country_named_like_a_demonym_stays_a_country(analyse):
    art = analyse("Myanmar held elections on Sunday, and observers from Thailand watched.")
    assert (_named(art, "Myanmar").type, _named(art, "Myanmar").country) == ("GPE", "MMR")


def test_demonym_is_no_short_name_of_an_organisation(analyse):
    art = analyse(
        "The European Union fined the firm on Monday. European officials said the EU would appeal."
    )
    assert _named(art, "European Union").type == "ORG"
    assert "European" not in [m.text for m in _named(art, "European Union").mentions]


def test_name_ending_in_an_organisation_word_is_no_person(analyse):
    art = analyse("New owner Northwind Media Ventures has not ruled out a sale of the paper.")
    assert _named(art, "Northwind Media Ventures").type == "ORG"


def test_country_before_a_job_is_no_evidence_of_a_place(analyse):
    art = analyse("Prices will rise, said Ana Gallego, US chief economist at Norbank, on Monday.")
    assert _named(art, "Ana Gallego").type == "PERSON"


def test_role_word_before_a_known_place_does_not_make_it_a_person(analyse):
    art = analyse("States led by coal producer Alabama sued the agency on Monday.")
    assert _named(art, "Alabama").type == "GPE"


def test_country_and_city_named_bare_are_places_with_their_country(analyse):
    article = analyse(
        "Togo signed the fisheries accord in Accra on Tuesday, and Benin is expected to follow. "
        "Benin sent two boats to the port of Lomé."
    )
    places = {e.name: (e.type, e.country) for e in article.entities}
    assert places["Togo"] == ("GPE", "TGO")
    assert places["Accra"] == ("GPE", "GHA")
    assert places["Benin"] == ("GPE", "BEN")
    assert places["Lomé"] == ("GPE", "TGO")


def test_portfolio_before_a_title_is_no_organisation(analyse):
    article = analyse(
        "The talks were chaired by her Nigerien counterpart, Defence Minister Salifou Mody, "
        "who arrived on Monday."
    )
    assert not any(e.name == "Defence" for e in article.entities)
    minister = next(e for e in article.entities if e.name == "Salifou Mody")
    assert "Defence Minister" in minister.titles
    assert "Defence" not in minister.affiliations


def test_nations_of_one_country_stay_apart(analyse):
    article = analyse(
        "Scotland beat England 3-1 at Hampden Park. England now face Wales, while Scotland "
        "travel to Northern Ireland and then Ireland."
    )
    nations = {"Scotland", "England", "Wales", "Northern Ireland", "Ireland"}
    for e in article.entities:
        assert len(({e.name} | set(e.aliases)) & nations) <= 1


def test_bare_surname_that_ner_skipped_joins_the_person(analyse):
    art = analyse(
        "Her counterpart, Defence Minister Edem Adjovi, agreed on Monday.\n\n"
        "Adjovi said his country would send two patrol boats to the mission."
    )
    assert [m.text for m in _named(art, "Edem Adjovi").mentions] == ["Edem Adjovi", "Adjovi"]


def test_first_word_of_an_asset_manager_joins_its_full_name(analyse):
    art = analyse(
        "The carmaker was sold to private equity firm Halvorsen Capital Management for "
        "$7 billion. Halvorsen has agreed to take on pension costs."
    )
    firm = _named(art, "Halvorsen Capital Management")
    assert [m.text for m in firm.mentions] == ["Halvorsen Capital Management", "Halvorsen"]
