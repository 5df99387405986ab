"""The library query API and the exports over a small hand-built store."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsgraph.errors import NotFound
from newsgraph.kb import export, queries
from newsgraph.model import Article, Entity, Event, Mention, Quote
from newsgraph.store import open_store
from newsgraph.store.base import Store

TEXT_A = "Haitian Foreign Minister Dominique Dupuy said Kenya leads the mission to Haiti today."
TEXT_B = "Dupuy met Kenya officials and the two governments agreed on new police deployments."


def ent(eid: str, name: str, etype: str, text: str, **facts: object) -> Entity:
    start = text.rindex(name)
    return Entity(eid, name, etype, [Mention(start, start + len(name), name)], **facts)  # type: ignore[arg-type]


def build(store: Store) -> None:
    a = Article(id="a", text=TEXT_A, title="Mission", source="VOA", published="2024-05-01")
    a.entities = [
        ent("p", "Dominique Dupuy", "PERSON", TEXT_A, titles=["Foreign Minister"]),
        ent("k", "Kenya", "GPE", TEXT_A, country="KEN"),
        ent("h", "Haiti", "GPE", TEXT_A, country="HTI"),
    ]
    a.quotes = [Quote("Kenya leads the mission to Haiti", 46, 78, "indirect", speaker="p")]
    b = Article(id="b", text=TEXT_B, title="Deal", source="AP", published="2024-06-10")
    b.entities = [
        ent("p", "Dupuy", "PERSON", TEXT_B, titles=["minister"]),
        ent("k", "Kenya", "GPE", TEXT_B, country="KEN"),
    ]
    b.events = [Event("v1", "AGREE", "agreed", 49, 55, actor="p", target="k")]
    store.save(a)
    store.save(b)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "q.db")
    build(s)
    return s


def dupuy(store: Store) -> str:
    return queries.find_entity(store, "Dominique Dupuy").id


def test_find_entity_by_name(store: Store) -> None:
    assert queries.find_entity(store, "dupuy").name == "Dominique Dupuy"


def test_find_unknown_entity_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        queries.find_entity(store, "Nobody Atall")


def test_profile_lists_titles_with_dates(store: Store) -> None:
    titles = {t.title: t.dates for t in queries.entity_profile(store, dupuy(store)).titles}
    assert titles == {"Foreign Minister": ["2024-05-01"], "minister": ["2024-06-10"]}


def test_profile_has_quotes_by_and_events_as_actor(store: Store) -> None:
    profile = queries.entity_profile(store, dupuy(store))
    assert len(profile.quotes_by) == 1 and profile.events_as_actor[0].type == "AGREE"


def test_profile_counts_co_occurring_entities(store: Store) -> None:
    co = {c.name: c.count for c in queries.entity_profile(store, dupuy(store)).co_occurring}
    assert co == {"Kenya": 2, "Haiti": 1}


def test_quotes_about_an_entity_mentioned_inside(store: Store) -> None:
    haiti = queries.find_entity(store, "Haiti").id
    assert len(queries.entity_profile(store, haiti).quotes_about) == 1


def test_quotes_by_speaker_name(store: Store) -> None:
    assert queries.quotes(store, speaker="Dupuy").total == 1


def test_quotes_by_text(store: Store) -> None:
    assert queries.quotes(store, text="mission").total == 1


def test_timeline_orders_events_and_quotes_by_date(store: Store) -> None:
    items = queries.timeline(store, kb_id=dupuy(store))
    assert [(i.date, i.kind) for i in items] == [("2024-05-01", "quote"), ("2024-06-10", "event")]


def test_timeline_date_range(store: Store) -> None:
    items = queries.timeline(store, kb_id=dupuy(store), date_from="2024-06")
    assert [i.kind for i in items] == ["event"]


def test_list_entities_by_type(store: Store) -> None:
    assert [e.name for e in queries.list_entities(store, type="person").items] == [
        "Dominique Dupuy"
    ]


def test_list_entities_by_name_prefix(store: Store) -> None:
    assert [e.name for e in queries.list_entities(store, search="ken").items] == ["Kenya"]


def test_list_articles_of_an_entity(store: Store) -> None:
    haiti = queries.find_entity(store, "Haiti").id
    assert [a.id for a in queries.list_articles(store, kb_id=haiti).items] == ["a"]


def test_overview_counts(store: Store) -> None:
    o = queries.overview(store)
    assert (o.articles, o.quotes, o.events, len(o.people)) == (2, 1, 1, 1)


def test_jsonl_articles_export_carries_kb_ids(store: Store) -> None:
    out = io.StringIO()
    export.export(store, "articles", "jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(e["kb_id"] for r in records for e in r["entities"])


def test_events_csv_is_plover_like(store: Store) -> None:
    out = io.StringIO()
    export.export(store, "events", "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["actor_name"], row["event_type"], row["target_country"]) == (
        "Dupuy",
        "AGREE",
        "KEN",
    )


def test_graphml_has_weighted_co_occurrence_edges(store: Store) -> None:
    out = io.StringIO()
    export.export(store, "entities", "graphml", out)
    root = ET.fromstring(out.getvalue())
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    weights = [d.text for d in root.iter(f"{ns}data") if d.get("key") == "weight"]
    assert len(list(root.iter(f"{ns}node"))) == 3 and "2.0" in weights


def test_unknown_export_kind_is_a_clear_error(store: Store) -> None:
    with pytest.raises(ValueError, match="choose one of"):
        export.export(store, "people", "csv", io.StringIO())
