"""Read queries that pick a page first and join its details after: same rows, same order."""

from __future__ import annotations

import threading

import pytest

from newsgraph.api import open_store
from newsgraph.model import Article, Event, Quote
from newsgraph.store.base import Store
from test_kb_queries import build
from test_web_cache import TEXT_C, third_article


@pytest.fixture
def store(store_db: str) -> Store:
    """Three articles; the third with three quotes by Dupuy and three events on two dates."""
    s = open_store(store_db)
    build(s)
    c = third_article()
    c.quotes = [Quote(TEXT_C[i : i + 9], i, i + 9, "indirect", speaker="p") for i in (0, 10, 20)]
    c.events = [
        Event(f"v{i}", "MEET", "spoke", 16, 21, actor="p", target="k", time=day)
        for i, day in enumerate(("2024-07-02", "2024-06-01", "2024-07-02"))
    ]
    s.save(c)
    return s


def test_search_ids_are_the_search_hits_in_order(store: Store) -> None:
    hits = [h.article.id for h in store.search("Kenya", limit=10).items]
    assert store.search_ids("Kenya", limit=10) == hits and len(hits) == 3


def test_search_ids_of_no_words_is_empty(store: Store) -> None:
    assert store.search_ids("  ,; ") == []


def test_event_pages_of_one_follow_the_whole_list(store: Store) -> None:
    whole = store.events(limit=50)
    pages = [store.events(offset=i, limit=1).items[0] for i in range(whole.total)]
    assert pages == whole.items and whole.total == 4


def test_quote_pages_of_one_follow_the_whole_list(store: Store) -> None:
    whole = store.quotes(speaker="Dupuy", limit=50)
    pages = [store.quotes(speaker="Dupuy", offset=i, limit=1).items[0] for i in range(whole.total)]
    assert pages == whole.items and whole.total == 4


def test_a_read_does_not_wait_for_the_write_lock(store: Store) -> None:
    """A save in progress holds the store's write lock; reads go on beside it (WAL)."""
    store.settle()  # what this process saved is settled: nothing left for a read to do first
    held, release = threading.Event(), threading.Event()

    def long_save() -> None:
        with store._lock:  # type: ignore[attr-defined]
            held.set()
            release.wait(30)

    writer = threading.Thread(target=long_save)
    writer.start()
    held.wait(30)
    reader = threading.Thread(target=lambda: found.append(store.list_articles().total))
    found: list[int] = []
    reader.start()
    reader.join(30)  # a guard against a hang, not a timing: the read needs no lock
    release.set()
    writer.join()
    assert found == [3]


def test_a_read_settles_what_another_connection_saved(store: Store, store_db: str) -> None:
    with open_store(store_db) as other:
        other.save(Article(id="d", text=TEXT_C + " More.", title="D"))
        assert store.list_articles().total == 4  # read while the other has not settled
