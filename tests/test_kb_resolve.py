"""Cross-article entity resolution: what merges, what stays apart, and corrections that last."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsgraph.api import open_store
from newsgraph.kb.names import normalise
from newsgraph.model import Article, Entity, Mention
from newsgraph.store.base import Store


def one_entity_article(aid: str, name: str, etype: str = "PERSON", **facts: object) -> Article:
    """An article naming one entity once; the body differs per article id."""
    text = f"{name} spoke on day {aid} about the plans of the government for the coming year."
    ent = Entity("e1", name, etype, [Mention(0, len(name), name)], **facts)  # type: ignore[arg-type]
    return Article(id=aid, text=text, published="2024-05-01", entities=[ent])


def two_entity_article(
    aid: str, first: str, second: str, etype: str = "PERSON", third: str = "Downing Street"
) -> Article:
    """An article naming a person and, after them, two organisations."""
    text = f"{first} met {second} at {third} on day {aid} to talk about the plans for the year."
    one = Entity("e1", first, etype, [Mention(0, len(first), first)])
    at = len(first) + 5
    two = Entity("e2", second, "ORG", [Mention(at, at + len(second), second)])
    at += len(second) + 4
    three = Entity("e3", third, "ORG", [Mention(at, at + len(third), third)])
    return Article(id=aid, text=text, published="2024-05-01", entities=[one, two, three])


@pytest.fixture
def store(store_db: str) -> Store:
    return open_store(store_db)


def kb_of(store: Store, aid: str, eid: str = "e1") -> str | None:
    return next(e.kb_id for e in store.get_article(aid).entities if e.id == eid)


def save_all(store: Store, *articles: Article) -> None:
    for article in articles:
        store.save(article)
    store.settle()


def test_normalise_folds_case_accents_possessive_and_the() -> None:
    assert normalise("the Président's") == "president"


def test_same_full_name_is_one_person(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "Nayib Bukele"), one_entity_article("b", "Nayib Bukele")
    )
    assert kb_of(store, "a") == kb_of(store, "b")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hillary Rodham Clinton", "Bill Clinton"),
        ("Michelle Obama", "Barack Obama"),
        ("Zulfikar Ali Bhutto", "Benazir Bhutto"),
        ("Edward M. Kennedy", "Anthony Kennedy"),
        ("Jada Pinkett Smith", "Alex Smith"),
    ],
)
def test_different_given_names_never_merge(store: Store, first: str, second: str) -> None:
    save_all(store, one_entity_article("a", first), one_entity_article("b", second))
    assert kb_of(store, "a") != kb_of(store, "b")


def test_middle_name_written_or_not_is_one_person(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Hillary Rodham Clinton"),
        one_entity_article("b", "Hillary Clinton"),
    )
    assert kb_of(store, "a") == kb_of(store, "b")


def test_initial_joins_the_one_full_name_it_abbreviates(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "George W. Bush"), one_entity_article("b", "G. W. Bush")
    )
    assert kb_of(store, "a") == kb_of(store, "b")


def test_initial_between_two_full_names_stays_apart(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "George Bush"),
        one_entity_article("b", "Gordon Bush"),
        one_entity_article("c", "G. Bush"),
    )
    assert kb_of(store, "c") not in (kb_of(store, "a"), kb_of(store, "b"))


def test_nickname_joins_the_formal_name(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "William Clinton"), one_entity_article("b", "Bill Clinton")
    )
    assert kb_of(store, "a") == kb_of(store, "b")


def test_conflicting_middle_initials_stay_apart(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "George W. Bush"),
        one_entity_article("b", "George H. W. Bush"),
    )
    assert kb_of(store, "a") != kb_of(store, "b")


def test_bare_surname_with_agreeing_title_joins_the_one_person(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Nayib Bukele", titles=["president"]),
        one_entity_article("b", "Bukele", titles=["president"]),
    )
    assert kb_of(store, "a") == kb_of(store, "b")


def test_bare_surname_evidence_says_why(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Gandy Thomas", affiliations=["Haiti"]),
        one_entity_article("b", "Thomas", affiliations=["Haiti"]),
    )
    evidence = {
        link.article_id: link.evidence for link in store.merge_links(kb_of(store, "a") or "")
    }
    assert evidence["b"] == "surname; only Gandy Thomas fits (affiliation haiti)"


def test_bare_surname_without_context_stays_unresolved(store: Store) -> None:
    save_all(store, one_entity_article("a", "Jada Pinkett Smith"), one_entity_article("b", "Smith"))
    assert kb_of(store, "b") != kb_of(store, "a")
    assert store.get_entity(kb_of(store, "b") or "").articles == 1


def test_bare_surname_joins_through_shared_neighbours(store: Store) -> None:
    save_all(
        store,
        two_entity_article("a", "Tony Blair", "Labour Party"),
        two_entity_article("b", "Blair", "Labour Party"),
    )
    assert kb_of(store, "a") == kb_of(store, "b")


def test_one_shared_neighbour_is_not_enough(store: Store) -> None:
    save_all(
        store,
        two_entity_article("a", "Tony Blair", "Labour Party"),
        two_entity_article("b", "Blair", "Labour Party", third="Chelsea"),
    )
    assert kb_of(store, "a") != kb_of(store, "b")


def test_ambiguous_bare_surname_is_not_merged(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "John Smith", affiliations=["Haiti"]),
        one_entity_article("b", "Jane Smith", affiliations=["Haiti"]),
        one_entity_article("c", "Smith", affiliations=["Haiti"]),
    )
    assert kb_of(store, "c") not in (kb_of(store, "a"), kb_of(store, "b"))


def test_surname_with_conflicting_title_is_not_merged(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Anna Brown", titles=["bishop"]),
        one_entity_article("b", "Brown", titles=["striker"], affiliations=["Chelsea"]),
    )
    assert kb_of(store, "a") != kb_of(store, "b")


def test_well_known_acronym_joins_its_expansion(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "United Nations", "ORG"),
        one_entity_article("b", "UN", "ORG"),
    )
    assert kb_of(store, "a") == kb_of(store, "b")


@pytest.mark.parametrize(
    ("long", "short"), [("Associated Press", "AP"), ("General Motors", "GM"), ("Green Bay", "GB")]
)
def test_initials_alone_never_join_an_expansion(store: Store, long: str, short: str) -> None:
    save_all(store, one_entity_article("a", long, "ORG"), one_entity_article("b", short, "ORG"))
    assert kb_of(store, "a") != kb_of(store, "b")


def test_types_never_merge(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "Jordan", "PERSON", titles=["striker"]),
        one_entity_article("b", "Jordan", "ORG"),
    )  # fmt: skip
    assert kb_of(store, "a") != kb_of(store, "b")


def test_generic_institution_joins_only_within_a_country(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Senate", "ORG", country="USA"),
        one_entity_article("b", "Senate", "ORG", country="NGA"),
        one_entity_article("c", "Senate", "ORG", country="USA"),
    )
    assert kb_of(store, "a") == kb_of(store, "c") != kb_of(store, "b")


def test_country_short_form_joins_by_code(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "United States", "GPE", country="USA"),
        one_entity_article("b", "US", "GPE", country="USA"),
    )
    assert kb_of(store, "a") == kb_of(store, "b")


def test_city_is_not_merged_with_its_country(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "El Salvador", "GPE", country="SLV"),
        one_entity_article("b", "San Salvador", "GPE", country="SLV"),
    )
    assert kb_of(store, "a") != kb_of(store, "b")


def test_kb_name_is_clean_and_full(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Edmund Hillary\n\n"),
        one_entity_article("b", "Edmund Hillary"),
        one_entity_article("c", "Ehud] Olmert"),
    )
    assert store.get_entity(kb_of(store, "a") or "").name == "Edmund Hillary"
    assert store.get_entity(kb_of(store, "c") or "").name == "Ehud Olmert"


def test_two_names_run_together_are_not_one_person(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Steve Irwin Paul Watson"),
        one_entity_article("b", "Steve Irwin Paul Watson"),
    )
    assert kb_of(store, "a") != kb_of(store, "b")


def test_leading_role_is_not_part_of_the_name(store: Store) -> None:
    save_all(store, one_entity_article("a", "President Nayib Bukele"))
    assert store.get_entity(kb_of(store, "a") or "").name == "Nayib Bukele"


def test_unmerge_splits_one_article_entity_out(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "Nayib Bukele"), one_entity_article("b", "Nayib Bukele")
    )
    new_id = store.unmerge("b", "e1")
    assert kb_of(store, "b") == new_id != kb_of(store, "a")


def test_split_survives_later_ingests(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "Nayib Bukele"), one_entity_article("b", "Nayib Bukele")
    )
    new_id = store.unmerge("b", "e1")
    save_all(store, one_entity_article("c", "Nayib Bukele"))
    assert kb_of(store, "b") == new_id != kb_of(store, "c")


def test_unmerge_recounts_articles(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "Nayib Bukele"), one_entity_article("b", "Nayib Bukele")
    )
    store.unmerge("b", "e1")
    assert store.get_entity(kb_of(store, "a") or "").articles == 1


def test_merge_by_hand_holds_for_later_articles(store: Store) -> None:
    save_all(
        store, one_entity_article("a", "Jimmy Cherizier"), one_entity_article("b", "Barbecue Gang")
    )
    store.merge(kb_of(store, "b") or "", kb_of(store, "a") or "")
    save_all(store, one_entity_article("c", "Barbecue Gang"))
    assert kb_of(store, "c") == kb_of(store, "b") == kb_of(store, "a")


def test_country_named_person_without_titles_is_a_place(store: Store) -> None:
    save_all(store, one_entity_article("a", "Benin", "PERSON"))
    assert store.get_entity(kb_of(store, "a") or "").type == "GPE"


def test_country_named_person_joins_the_country(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Benin", "GPE", country="BEN"),
        one_entity_article("b", "Benin", "PERSON"),
    )
    assert kb_of(store, "a") == kb_of(store, "b")


def test_place_alias_naming_another_place_does_not_chain(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Scotland", "GPE", aliases=["England"]),
        one_entity_article("b", "England", "GPE"),
    )
    assert kb_of(store, "a") != kb_of(store, "b")


ORDER_CASES = [
    one_entity_article("a", "George W. Bush"),
    one_entity_article("b", "G. Bush"),
    one_entity_article("c", "George H. W. Bush"),
    one_entity_article("d", "Bush", titles=["president"]),
    one_entity_article("e", "George W. Bush", titles=["president"]),
    one_entity_article("f", "William Clinton"),
    one_entity_article("g", "Bill Clinton"),
    one_entity_article("h", "Hillary Clinton"),
    one_entity_article("i", "Hillary Rodham Clinton"),
    one_entity_article("j", "Clinton", titles=["senator"]),
    two_entity_article("k", "Tony Blair", "Labour Party"),
    two_entity_article("l", "Blair", "Labour Party"),
    one_entity_article("m", "United Nations", "ORG"),
    one_entity_article("n", "UN", "ORG"),
]


def kb_partition(store: Store) -> set[frozenset[str]]:
    """The KB as a set of clusters of article entities, with the KB name of each and the
    evidence of every link."""
    clusters: dict[str, set[str]] = {}
    for article in ORDER_CASES:
        for entity in store.get_article(article.id).entities:
            kb_id = entity.kb_id or ""
            name = store.get_entity(kb_id).name
            evidence = {
                f"{ln.article_id}/{ln.entity_id}: {ln.evidence}" for ln in store.merge_links(kb_id)
            }
            clusters.setdefault(f"{kb_id} {name}", set()).update(evidence)
    return {frozenset({key, *members}) for key, members in clusters.items()}


def test_clusters_do_not_depend_on_arrival_order(tmp_path: Path) -> None:
    partitions = []
    for seed in range(4):
        order = ORDER_CASES[:]
        random.Random(seed).shuffle(order)
        with open_store(tmp_path / f"order{seed}.db") as store:
            for article in order:
                store.save(Article.from_dict(article.to_dict()))
                if random.Random(seed + 100).random() < 0.3:
                    store.settle()  # settling mid-way changes nothing in the end
            store.settle()
            partitions.append(kb_partition(store))
    assert all(p == partitions[0] for p in partitions)


def test_resolver_pass_gives_the_inline_kb_in_any_order(tmp_path: Path) -> None:
    """Articles stored with resolution deferred, in two orders, then resolved by one pass,
    give the KB that resolving as they are saved gives."""
    with open_store(tmp_path / "inline.db") as store:
        for article in ORDER_CASES:
            store.save(Article.from_dict(article.to_dict()))
        inline = kb_partition(store)
    for seed in range(2):
        order = ORDER_CASES[:]
        random.Random(seed).shuffle(order)
        path = tmp_path / f"deferred{seed}.db"
        with open_store(path, resolve=False) as store:
            for article in order:
                store.save(Article.from_dict(article.to_dict()))
        with open_store(path) as store:
            assert store.resolve_pending() == len(ORDER_CASES)
            assert kb_partition(store) == inline


def test_deferred_store_links_nothing_until_resolved(tmp_path: Path) -> None:
    with open_store(tmp_path / "kb.db", resolve=False) as store:
        store.save(one_entity_article("a", "Nayib Bukele"))
        assert store.overview(top=0).entities == 0
    with open_store(tmp_path / "kb.db") as store:
        assert store.resolve_pending() == 1
        assert store.overview(top=0).entities == 1
        assert store.resolve_pending() == 0


def test_initials_are_no_country_code(store: Store) -> None:
    save_all(store, one_entity_article("a", "MM", "GPE"), one_entity_article("b", "Myanmar", "GPE"))
    assert kb_of(store, "a") != kb_of(store, "b")


def test_kb_name_spells_out_the_given_name(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "S Horgan"),
        one_entity_article("b", "S Horgan"),
        one_entity_article("c", "Steve Horgan"),
    )
    assert store.get_entity(kb_of(store, "a") or "").name == "Steve Horgan"


def test_dictionary_records_grouping_distinct_bodies_do_not_merge_them(store: Store) -> None:
    save_all(
        store,
        one_entity_article("a", "Federal Trade Commission", "ORG"),
        one_entity_article("b", "Overseas Private Investment Corporation", "ORG"),
        one_entity_article("c", "FTC", "ORG"),
    )
    assert kb_of(store, "a") == kb_of(store, "c") != kb_of(store, "b")


def test_acronym_keeps_its_name_when_its_expansion_is_absent(store: Store) -> None:
    save_all(store, one_entity_article("a", "BBC", "ORG"), one_entity_article("b", "BBC", "ORG"))
    assert store.get_entity(kb_of(store, "a") or "").name == "BBC"
