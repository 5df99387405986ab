"""The library query API and the exports over a small hand-built store."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsgraph.api import open_store
from newsgraph.errors import NotFound
from newsgraph.kb import export, queries
from newsgraph.model import Article, Entity, Event, Mention, Quote
from newsgraph.store.base import EntitySummary, Store

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


# -- names several entities fit, and hand corrections ------------------------------------------


def _article(article_id: str, published: str, text: str, *names: tuple[str, str]) -> Article:
    """One article whose entities are the (name, type) pairs, each found in the text."""
    art = Article(id=article_id, text=text, title=article_id, source="Wire", published=published)
    art.entities = [ent(f"e{i}", name, etype, text) for i, (name, etype) in enumerate(names)]
    return art


def smith_articles() -> list[Article]:
    """Three Smiths (two people, one town), two Bushes and an accented name, in six articles."""
    return [
        _article(
            "s1", "2024-01-05", "Jada Pinkett Smith spoke in Los Angeles about her film.",
            ("Jada Pinkett Smith", "PERSON"), ("Los Angeles", "GPE"),
        ),
        _article(
            "s2", "2024-02-10", "Alex Smith signed with Washington for two more seasons.",
            ("Alex Smith", "PERSON"), ("Washington", "GPE"),
        ),
        _article(
            "s3", "2024-03-15", "Alex Smith said Washington would win the game in Dallas.",
            ("Alex Smith", "PERSON"), ("Washington", "GPE"), ("Dallas", "GPE"),
        ),
        _article(
            "s4", "2024-04-20", "Floods cut the road to the town of Smith in Nevada.",
            ("Smith", "GPE"), ("Nevada", "GPE"),
        ),
        _article(
            "s5", "2024-05-25", "George W. Bush met the running back Reggie Bush in Texas.",
            ("George W. Bush", "PERSON"), ("Reggie Bush", "PERSON"), ("Texas", "GPE"),
        ),
        _article(
            "s6", "2024-06-30", "José Ramos-Horta spoke in Dili about the new budget.",
            ("José Ramos-Horta", "PERSON"), ("Dili", "GPE"),
        ),
    ]  # fmt: skip


def smith_store(path: Path) -> Path:
    """A store of ``smith_articles`` at ``path``, closed again."""
    s = open_store(path)
    try:
        for art in smith_articles():
            s.save(art)
    finally:
        s.close()
    return path


@pytest.fixture
def smiths(tmp_path: Path) -> Store:
    return open_store(smith_store(tmp_path / "smiths.db"))


def names(found: list[EntitySummary]) -> list[str]:
    return [e.name for e in found]


def test_candidates_are_every_name_holding_the_word(smiths: Store) -> None:
    assert names(queries.entity_candidates(smiths, "smith")) == [
        "Alex Smith",
        "Smith",
        "Jada Pinkett Smith",
    ]


def test_candidates_need_every_word(smiths: Store) -> None:
    assert names(queries.entity_candidates(smiths, "Reggie Bush")) == ["Reggie Bush"]


def test_candidates_match_whole_words_only(smiths: Store) -> None:
    assert queries.entity_candidates(smiths, "Smit") == []


def test_candidates_fold_case_and_accents(smiths: Store) -> None:
    assert names(queries.entity_candidates(smiths, "JOSE ramos horta")) == ["José Ramos-Horta"]


def test_find_entity_refuses_to_pick_among_several(smiths: Store) -> None:
    with pytest.raises(queries.AmbiguousName, match="3 entities named Smith"):
        queries.find_entity(smiths, "Smith")


def test_find_entity_by_kb_id_is_exact(smiths: Store) -> None:
    town = next(e for e in queries.entity_candidates(smiths, "Smith") if e.type == "GPE")
    assert queries.find_entity(smiths, town.id).name == "Smith"


def test_heading_counts_types(smiths: Store) -> None:
    found = queries.entity_choices(smiths, "Smith")
    assert found.heading == "3 entities named Smith (2 PERSON, 1 GPE)"


def test_heading_of_people_only(smiths: Store) -> None:
    assert queries.entity_choices(smiths, "Bush").heading == "2 people named Bush"


def test_candidate_note_tells_them_apart(smiths: Store) -> None:
    alex = queries.entity_choices(smiths, "Smith").items[0]
    assert alex.note == "2024-02-10 – 2024-03-15 · with Washington"


def test_unresolved_candidate_is_marked() -> None:
    smith = EntitySummary("kb_x", "Smith", "PERSON", None, articles=1, status="unresolved")
    assert queries.candidate_label(smith) == "Smith (unresolved mention in 1 story)"
    assert queries.ambiguity_heading("Smith", [smith]) == "1 person named Smith (1 unresolved)"


def test_merge_entities_moves_mentions(smiths: Store) -> None:
    alex, _, jada = queries.entity_candidates(smiths, "Smith")
    kept = queries.merge_entities(smiths, jada.id, alex.id)
    assert kept.articles == 3 and "Jada Pinkett Smith" not in names(smiths.list_entities().items)


def test_merge_into_itself_is_refused(smiths: Store) -> None:
    alex = queries.entity_candidates(smiths, "Alex Smith")[0]
    with pytest.raises(queries.BadCorrection):
        queries.merge_entities(smiths, alex.id, alex.id)


def test_split_mention_makes_a_new_entity(smiths: Store) -> None:
    alex = queries.entity_candidates(smiths, "Alex Smith")[0]
    new = queries.split_mention(smiths, "s3", "e0", alex.id)
    assert new.id != alex.id and smiths.get_entity(alex.id).articles == 1


def test_split_of_an_only_mention_is_refused(smiths: Store) -> None:
    town = queries.entity_candidates(smiths, "Nevada")[0]
    with pytest.raises(queries.BadCorrection, match="only mention"):
        queries.split_mention(smiths, "s4", "e1", town.id)


def test_split_checks_the_mention_belongs_to_the_entity(smiths: Store) -> None:
    alex = queries.entity_candidates(smiths, "Alex Smith")[0]
    with pytest.raises(queries.BadCorrection, match="not a mention"):
        queries.split_mention(smiths, "s1", "e0", alex.id)
