"""Syndicated copies: one story, many outlets, counted once."""

from __future__ import annotations

from newsgraph.api import open_store
from newsgraph.kb import queries
from newsgraph.kb.syndication import signature
from newsgraph.model import Article, Entity, Event, Mention

WIRE = (
    "El Salvador has joined the multinational mission that supports Haiti in its attempt to "
    "regain control of areas dominated by gangs, the Haitian foreign minister said on Monday "
    "after signing an agreement in San Salvador. The mission is backed by the United Nations "
    "and led by Kenya, and several Caribbean countries have already sent police officers."
)
OTHER = (
    "The central bank raised interest rates for the third time this year, citing persistent "
    "inflation in food and energy prices, and said further increases could follow if wages "
    "keep rising faster than productivity across the economy in the coming months."
)


def wire_copy(aid: str, text: str, source: str) -> Article:
    """An article with one event by El Salvador, so timelines have something to count."""
    ent = Entity("e1", "El Salvador", "GPE", [Mention(0, 11, "El Salvador")], country="SLV")
    ev = Event("v1", "COOPERATE", "joined", 16, 22, actor="e1", time="2024-05-01")
    return Article(
        id=aid, text=text, source=source, published="2024-05-02", entities=[ent], events=[ev]
    )


def test_near_copy_has_high_similarity() -> None:
    a, b = signature(WIRE), signature(WIRE + " Source link")
    assert a is not None and b is not None and a.jaccard(b) > 0.8


def test_copy_is_linked_to_the_first_story(store_db: str) -> None:
    store = open_store(store_db)
    store.save(wire_copy("a", WIRE, "VOA"))
    result = store.save(wire_copy("b", WIRE + " Connect with us. Source link", "Aggregator"))
    assert result.syndicated_with == "a" and result.story_id == "a"


def test_unrelated_article_is_its_own_story(store_db: str) -> None:
    store = open_store(store_db)
    store.save(wire_copy("a", WIRE, "VOA"))
    assert store.save(wire_copy("b", OTHER, "Reuters")).syndicated_with is None


def test_story_lists_every_outlet(store_db: str) -> None:
    store = open_store(store_db)
    store.save(wire_copy("a", WIRE, "VOA"))
    store.save(wire_copy("b", WIRE + " Source link", "Aggregator"))
    assert store.story("a").outlets == ["VOA", "Aggregator"]


def test_copies_stay_searchable(store_db: str) -> None:
    store = open_store(store_db)
    store.save(wire_copy("a", WIRE, "VOA"))
    store.save(wire_copy("b", WIRE + " Source link", "Aggregator"))
    assert store.search("Kenya").total == 2


def test_copies_count_once_in_entity_articles(store_db: str) -> None:
    store = open_store(store_db)
    store.save(wire_copy("a", WIRE, "VOA"))
    store.save(wire_copy("b", WIRE + " Source link", "Aggregator"))
    assert store.list_entities().items[0].articles == 1


def test_copies_count_once_on_timeline(store_db: str) -> None:
    store = open_store(store_db)
    store.save(wire_copy("a", WIRE, "VOA"))
    store.save(wire_copy("b", WIRE + " Source link", "Aggregator"))
    items = queries.timeline(store, query="Kenya")
    assert len(items) == 1 and items[0].outlets == ["VOA", "Aggregator"]


def test_copy_detected_after_reopening(store_db: str) -> None:
    open_store(store_db).save(wire_copy("a", WIRE, "VOA"))
    store = open_store(store_db)
    assert store.save(wire_copy("b", WIRE + " Source link", "AFP")).syndicated_with == "a"


def test_copy_saved_by_another_store_object_is_linked(store_db: str) -> None:
    """Two processes on one file (a server and a CLI ingest): each sees the other's stories."""
    server, cli = open_store(store_db), open_store(store_db)
    server.save(wire_copy("seed", OTHER, "Reuters"))  # the server's index is built now
    cli.save(wire_copy("a", WIRE, "VOA"))
    result = server.save(wire_copy("b", WIRE + " Connect with us. Source link", "Aggregator"))
    assert result.syndicated_with == "a" and result.story_id == "a"
    server.close()
    cli.close()


def test_original_saved_after_the_index_was_built_is_found_both_ways(store_db: str) -> None:
    server, cli = open_store(store_db), open_store(store_db)
    cli.save(wire_copy("seed", OTHER, "Reuters"))
    server.save(wire_copy("a", WIRE, "VOA"))
    assert cli.save(wire_copy("b", WIRE + " Source link", "Aggregator")).syndicated_with == "a"
    server.close()
    cli.close()


def test_copies_are_filed_by_the_resolver_pass(store_db: str) -> None:
    with open_store(store_db, resolve=False) as writer:
        writer.save(wire_copy("a", WIRE, "VOA"))
        writer.save(wire_copy("b", WIRE + " Connect with us. Source link", "Aggregator"))
    with open_store(store_db) as store:
        store.resolve_pending()
        assert {a.story_id for a in store.list_articles().items} == {"a"}
        assert sorted(store.story("a").article_ids) == ["a", "b"]
