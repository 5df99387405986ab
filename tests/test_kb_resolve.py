"""Cross-article entity resolution: what merges, what does not, and undoing a merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.kb.resolve import acronym, entity_keys, normalise
from newsgraph.model import Article, Entity, Mention
from newsgraph.store import open_store
from newsgraph.store.base import Store


def one_entity_article(aid: str, name: str, etype: str = "PERSON", **facts: object) -> Article:
    """An article naming one entity once; the body differs per article id."""
    text = f"{name} spoke on day {aid} about the plans of the government for the coming year."
    ent = Entity("e1", name, etype, [Mention(0, len(name), name)], **facts)  # type: ignore[arg-type]
    return Article(id=aid, text=text, published="2024-05-01", entities=[ent])


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "kb.db")


def kb_of(store: Store, aid: str) -> str | None:
    return store.get_article(aid).entities[0].kb_id


def test_normalise_folds_case_accents_possessive_and_the() -> None:
    assert normalise("the Président's") == "president"


def test_acronym_skips_small_words() -> None:
    assert acronym(normalise("Organization of American States")) == "oas"


def test_bare_surname_joins_full_name(store: Store) -> None:
    store.save(one_entity_article("a", "Nayib Bukele", titles=["president"]))
    store.save(one_entity_article("b", "Bukele"))
    assert kb_of(store, "a") == kb_of(store, "b")


def test_acronym_joins_long_name(store: Store) -> None:
    store.save(one_entity_article("a", "United Nations", "ORG"))
    store.save(one_entity_article("b", "UN", "ORG"))
    assert kb_of(store, "a") == kb_of(store, "b")


def test_merge_evidence_names_the_acronym(store: Store) -> None:
    store.save(one_entity_article("a", "United Nations", "ORG"))
    store.save(one_entity_article("b", "UN", "ORG"))
    links = store.merge_links(kb_of(store, "a") or "")
    assert links[1].evidence == "acronym of United Nations"


def test_country_short_form_joins_by_code(store: Store) -> None:
    store.save(one_entity_article("a", "United States", "GPE", country="USA"))
    store.save(one_entity_article("b", "US", "GPE", country="USA"))
    assert kb_of(store, "a") == kb_of(store, "b")


def test_city_is_not_merged_with_its_country(store: Store) -> None:
    store.save(one_entity_article("a", "El Salvador", "GPE", country="SLV"))
    store.save(one_entity_article("b", "San Salvador", "GPE", country="SLV"))
    assert kb_of(store, "a") != kb_of(store, "b")


def test_surname_with_conflicting_affiliation_is_not_merged(store: Store) -> None:
    store.save(one_entity_article("a", "John Smith", affiliations=["Haiti"]))
    store.save(one_entity_article("b", "Smith", affiliations=["Kenya"]))
    assert kb_of(store, "a") != kb_of(store, "b")


def test_surname_with_conflicting_title_is_not_merged(store: Store) -> None:
    store.save(one_entity_article("a", "Anna Brown", titles=["bishop"]))
    store.save(one_entity_article("b", "Brown", titles=["striker"]))
    assert kb_of(store, "a") != kb_of(store, "b")


def test_surname_with_matching_affiliation_says_so(store: Store) -> None:
    store.save(one_entity_article("a", "Gandy Thomas", affiliations=["Haiti"]))
    store.save(one_entity_article("b", "Thomas", affiliations=["Haiti"]))
    assert store.merge_links(kb_of(store, "a") or "")[1].evidence == (
        "surname + matching affiliation haiti"
    )


def test_different_first_names_are_different_people(store: Store) -> None:
    store.save(one_entity_article("a", "John Smith"))
    store.save(one_entity_article("b", "Jane Smith"))
    assert kb_of(store, "a") != kb_of(store, "b")


def test_ambiguous_bare_surname_is_not_merged(store: Store) -> None:
    store.save(one_entity_article("a", "John Smith", affiliations=["Haiti"]))
    store.save(one_entity_article("b", "Jane Smith", affiliations=["Kenya"]))
    store.save(one_entity_article("c", "Smith"))
    assert kb_of(store, "c") not in (kb_of(store, "a"), kb_of(store, "b"))


def test_kb_name_becomes_the_longest_form(store: Store) -> None:
    store.save(one_entity_article("a", "Bukele"))
    store.save(one_entity_article("b", "Nayib Bukele"))
    assert store.get_entity(kb_of(store, "a") or "").name == "Nayib Bukele"


def test_unmerge_splits_one_article_entity_out(store: Store) -> None:
    store.save(one_entity_article("a", "Nayib Bukele"))
    store.save(one_entity_article("b", "Bukele"))
    new_id = store.unmerge("b", "e1")
    assert kb_of(store, "b") == new_id != kb_of(store, "a")


def test_unmerge_recounts_articles(store: Store) -> None:
    store.save(one_entity_article("a", "Nayib Bukele"))
    store.save(one_entity_article("b", "Bukele"))
    store.unmerge("b", "e1")
    assert store.get_entity(kb_of(store, "a") or "").articles == 1


def test_merge_by_hand_moves_links(store: Store) -> None:
    store.save(one_entity_article("a", "Jimmy Cherizier"))
    store.save(one_entity_article("b", "Barbecue"))
    store.merge(kb_of(store, "b") or "", kb_of(store, "a") or "")
    assert kb_of(store, "b") == kb_of(store, "a")


def test_country_name_keys_carry_the_code() -> None:
    ent = Entity("e1", "Haiti", "GPE", [Mention(0, 5, "Haiti")], country="HTI")
    assert "c:HTI" in entity_keys(ent).stored_keys()


def test_country_named_person_without_titles_is_a_place(store: Store) -> None:
    store.save(one_entity_article("a", "Benin", "PERSON"))
    assert store.get_entity(kb_of(store, "a") or "").type == "GPE"


def test_country_named_person_joins_the_country(store: Store) -> None:
    store.save(one_entity_article("a", "Benin", "GPE", country="BEN"))
    store.save(one_entity_article("b", "Benin", "PERSON"))
    assert kb_of(store, "a") == kb_of(store, "b")


def test_place_mentions_naming_other_places_do_not_chain(store: Store) -> None:
    text = "UK officials and England fans travelled on day b, the government said of the trip."
    uk = Entity("e1", "UK", "GPE", [Mention(0, 2, "UK"), Mention(17, 24, "England")])
    store.save(Article(id="b", text=text, entities=[uk]))
    store.save(one_entity_article("c", "England", "GPE"))
    assert kb_of(store, "b") != kb_of(store, "c")


def test_place_alias_naming_another_place_does_not_chain(store: Store) -> None:
    store.save(one_entity_article("a", "Scotland", "GPE", aliases=["England"]))
    store.save(one_entity_article("b", "England", "GPE"))
    assert kb_of(store, "a") != kb_of(store, "b")
