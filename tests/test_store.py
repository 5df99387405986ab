"""The SQLite store: round trip, dedupe, full-text search, schema versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.api import open_store
from newsgraph.errors import NotFound, StoreError
from newsgraph.model import Article, Entity, Event, Mention, Quote, Removed, TimeExpr
from newsgraph.store.base import Store

BODY = (
    "Haitian Foreign Minister Dominique Dupuy said on Monday that El Salvador will join the "
    "mission. Dupuy thanked the United Nations for its support of the security mission."
)


def entity(eid: str, name: str, etype: str, text: str, **facts: object) -> Entity:
    """An entity with a mention at every occurrence of its name in the text."""
    mentions, start = [], text.find(name)
    while start >= 0:
        mentions.append(Mention(start, start + len(name), name))
        start = text.find(name, start + 1)
    return Entity(eid, name, etype, mentions, **facts)  # type: ignore[arg-type]


def article(aid: str = "a1", text: str = BODY, **meta: object) -> Article:
    art = Article(id=aid, text=text, title="El Salvador joins", source="VOA", **meta)  # type: ignore[arg-type]
    art.published = art.published or "2024-05-01"
    art.entities = [
        entity("e1", "Dominique Dupuy", "PERSON", text, titles=["Foreign Minister"]),
        entity("e2", "United Nations", "ORG", text),
        entity("e3", "El Salvador", "GPE", text, country="SLV"),
    ]
    art.quotes = [Quote("El Salvador will join the mission", 64, 97, "indirect", speaker="e1")]
    art.times = [TimeExpr("Monday", 51, 57, "DATE", "2024-04-29")]
    art.events = [Event("v1", "COOPERATE", "join", 86, 90, actor="e3", time="2024-04-29")]
    art.removed = [Removed("Subscribe to our newsletter", "footer")]
    return art


@pytest.fixture
def store(store_db: str) -> Store:
    return open_store(store_db)


def test_article_round_trips_exactly(store: Store) -> None:
    saved = article()
    store.save(saved)
    assert store.get_article("a1").to_dict() == saved.to_dict()


def test_saved_entities_carry_kb_ids(store: Store) -> None:
    store.save(article())
    assert all(e.kb_id for e in store.get_article("a1").entities)


def test_same_content_is_a_duplicate(store: Store) -> None:
    store.save(article())
    again = store.save(article("other-id"))
    assert again.duplicate and again.article_id == "a1"


def test_missing_article_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.get_article("nope")


def test_full_text_search_finds_words_with_snippet(store: Store) -> None:
    store.save(article())
    page = store.search("security mission")
    assert page.total == 1 and "[security]" in page.items[0].snippet


def test_search_text_with_fts_syntax_is_safe(store: Store) -> None:
    store.save(article())
    assert store.search('Dupuy" (*').total == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_newer_postgres_schema_is_refused(pg_server_url: str) -> None:
    import psycopg

    import pg_server

    url = pg_server.fresh_schema(pg_server_url)
    open_store(url).close()
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("INSERT INTO newsgraph_schema(version) VALUES (99)")
    with pytest.raises(StoreError, match="newer"):
        open_store(url)


def test_unreachable_server_is_one_clean_error() -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def test_non_store_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all, just some words in a text file\n" * 20)
    with pytest.raises(StoreError):
        open_store(path)


def test_reopened_store_keeps_articles(store_db: str) -> None:
    first = open_store(store_db)
    first.save(article())
    first.close()
    assert open_store(store_db).list_articles().total == 1


def test_quotes_link_speaker_to_kb_entity(store: Store) -> None:
    store.save(article())
    quote = store.quotes().items[0]
    assert quote.speaker_name == "Dominique Dupuy" and quote.speaker_kb_id


def test_events_use_their_own_date(store: Store) -> None:
    store.save(article())
    event = store.events().items[0]
    assert event.date == "2024-04-29" and event.actor_name == "El Salvador"


def test_titles_over_time_carry_article_dates(store: Store) -> None:
    store.save(article())
    kb_id = store.get_article("a1").entities[0].kb_id or ""
    assert store.title_uses(kb_id)[0].dates == ["2024-05-01"]


def test_older_schema_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as old:  # type: ignore[attr-defined]
        old.save(article())
    with sqlite3.connect(path) as db:  # back to a version-1 store, before kb_facts existed
        db.executescript(
            "DROP TRIGGER kb_link_added; DROP TRIGGER kb_link_removed; "
            "DROP TRIGGER kb_story_added; DROP TRIGGER kb_story_removed; "
            "DROP TABLE kb_stats; DROP TABLE kb_stories; DROP TABLE kb_keys; "
            "CREATE TABLE kb_keys (key TEXT NOT NULL, kb_id TEXT NOT NULL, "
            "PRIMARY KEY (key, kb_id)) WITHOUT ROWID;"
            "DROP TABLE kb_facts; DROP TABLE quotes_fts; DROP INDEX articles_meta;"
            "ALTER TABLE kb_entities DROP COLUMN status; DROP TABLE kb_members; "
            "DROP TABLE kb_blocks; DROP TABLE kb_roots; DROP TABLE kb_dirty; "
            "DROP TABLE kb_touched; DROP TABLE kb_constraints; DROP TABLE kb_pending; "
            + "".join(
                f"ALTER TABLE {t} DROP COLUMN field; "
                for t in ("mentions", "quotes", "times", "figures", "events")
            )
            + "ALTER TABLE quotes DROP COLUMN cue_kind; "
            + "ALTER TABLE articles DROP COLUMN language; "
            + "PRAGMA user_version = 1;"
        )
    titles = open_store(path).list_entities(type="PERSON").items[0].titles
    assert titles == ["Foreign Minister"]


def test_events_outside_plover_are_stored_and_shown_on_request(store: Store) -> None:
    saved = article()
    thanked = Event("v2", None, "thanked", 104, 111, actor="e1", target="e2")
    saved.events.append(thanked)
    store.save(saved)
    assert [e.id for e in store.events().items] == ["v1"]
    assert {e.id for e in store.events(typed_only=False).items} == {"v1", "v2"}
    assert store.get_article("a1").events[1].type is None


def test_search_counts_and_filters_by_language(store: Store) -> None:
    from newsgraph.store.base import SearchFilter

    store.save(article("en1"))
    french = article("fr1", text=BODY + " Le ministre a parlé.")
    french.language = "fr"
    store.save(french)
    facets = store.search_facets("Salvador", SearchFilter())
    assert {(f.value, f.count) for f in facets.languages} == {("en", 1), ("fr", 1)}
    only = store.search_filtered("Salvador", SearchFilter(language="fr"), "relevance", 0, 10)
    assert [h.article.id for h in only.items] == ["fr1"]
