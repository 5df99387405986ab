"""Exports people load directly: one row per fact, round-tripped through pandas, the csv
module, pyarrow and xml.etree."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsgraph.api import open_store
from newsgraph.kb import export
from newsgraph.model import Article, Entity, Event, Figure, Mention, Quote, TimeExpr
from newsgraph.store.base import Store

# A quote broken over lines, with a comma and a double quote: the cells a writer gets wrong.
TEXT = (
    'Kenya\'s President William Ruto said "we are ready,\nfully ready" on Monday.\n'
    "Kenya and Haiti agreed a deal. Ruto visited Haiti."
)


def _ent(eid: str, name: str, etype: str, country: str | None = None) -> Entity:
    start = TEXT.index(name)
    return Entity(eid, name, etype, [Mention(start, start + len(name), name)], country=country)


def _article(article_id: str, source: str) -> Article:
    quote = 'we are ready,\nfully ready" on'
    start = TEXT.index(quote)
    agreed = TEXT.index("agreed")
    visited = TEXT.index("visited")
    return Article(
        id=article_id, text=TEXT, title=None, source=source, published="2024-10-09",
        entities=[
            _ent("e1", "Kenya", "GPE", "KEN"), _ent("e2", "William Ruto", "PERSON", "KEN"),
            _ent("e3", "Haiti", "GPE", "HTI"),
        ],
        quotes=[Quote(quote, start, start + len(quote), "direct", speaker="e2")],
        figures=[Figure("Monday", TEXT.index("Monday"), TEXT.index("Monday") + 6, 1.0,
                         kind="ordinal")],
        times=[TimeExpr("Monday", TEXT.index("Monday"), TEXT.index("Monday") + 6, "DATE",
                        "2024-10-07")],
        events=[
            Event("v1", "AGREE", "agreed", agreed, agreed + 6, actor="e1", target="e3",
                  sentence_start=TEXT.index("Kenya and"), sentence_end=TEXT.index(" Ruto v")),
            Event("v2", "CONSULT", "visited", visited, visited + 7, actor="e2", target="e3"),
        ],
    )  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    s = open_store(tmp_path_factory.mktemp("export") / "x.db")
    s.save(_article("a1", "Wire"))
    other = _article("a2", "Paper")
    other.text = other.text.replace("Monday.", "Monday!")  # a syndicated copy, not a duplicate
    s.save(other)
    s.settle()
    return s


def _csv(store: Store, what: str) -> str:
    out = io.StringIO()
    export.export(store, what, "csv", out)
    return out.getvalue()


@pytest.mark.parametrize("what", export.WHATS)
def test_csv_reads_back_one_row_per_fact_with_pandas_and_csv(store: Store, what: str) -> None:
    text = _csv(store, what)
    frame = pd.read_csv(io.StringIO(text))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(frame.columns) == export.COLUMNS[what]
    assert len(frame) == len(rows) == len(list(export.rows_of(store, what))) > 0


def test_quote_with_a_line_break_stays_one_cell(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_csv(store, "quotes"), newline="")))
    assert rows[0]["text"] == 'we are ready,\nfully ready" on'
    assert rows[0]["speaker_name"] == "William Ruto" and rows[0]["speaker_kb_id"]


def test_every_fact_row_carries_its_story(store: Store) -> None:
    for what in ("articles", "mentions", "quotes", "events", "times"):
        frame = pd.read_csv(io.StringIO(_csv(store, what)))
        assert frame["story_id"].notna().all(), what


def test_articles_table_has_the_text(store: Store) -> None:
    frame = pd.read_csv(io.StringIO(_csv(store, "articles")))
    assert frame.loc[0, "text"] == TEXT or frame.loc[1, "text"] == TEXT


def test_plover_table_names_actor_and_recipient(store: Store) -> None:
    frame = pd.read_csv(io.StringIO(_csv(store, "plover")))
    agree = frame[frame["event_type"] == "AGREE"].iloc[0]
    assert (agree["actor_name"], agree["actor_country"]) == ("Kenya", "KEN")
    assert (agree["recipient_name"], agree["recipient_country"]) == ("Haiti", "HTI")
    assert agree["event_text"] == "Kenya and Haiti agreed a deal."
    assert agree["event_date"] == "2024-10-09"


@pytest.mark.parametrize("what", export.WHATS)
def test_parquet_round_trips_through_pyarrow(store: Store, what: str, tmp_path: Path) -> None:
    path = tmp_path / f"{what}.parquet"
    count = export.export_to_file(store, what, "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == count > 0 and table.column_names == export.COLUMNS[what]


def test_parquet_keeps_numbers_as_numbers(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "quotes.parquet"
    export.export_to_file(store, "quotes", "parquet", path)
    frame = pq.read_table(path).to_pandas()
    assert frame["start"].dtype.kind == "i"


def _graph(store: Store, fmt: str, **options: object) -> ET.Element:
    out = io.StringIO()
    export.export(store, "entities", fmt, out, export.GraphOptions(**options))  # type: ignore[arg-type]
    return ET.fromstring(out.getvalue())


GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://gexf.net/1.3}"


def test_graphml_min_weight_drops_weak_edges(store: Store) -> None:
    every = _graph(store, "graphml")
    strong = _graph(store, "graphml", min_weight=2)
    assert len(list(strong.iter(f"{GRAPHML}edge"))) < len(list(every.iter(f"{GRAPHML}edge")))


def test_graphml_events_only_keeps_directed_event_edges(store: Store) -> None:
    root = _graph(store, "graphml", events_only=True)
    edges = list(root.iter(f"{GRAPHML}edge"))
    assert edges and all(e.get("directed") == "true" for e in edges)


def test_gexf_types_filter_keeps_only_those_nodes(store: Store) -> None:
    root = _graph(store, "gexf", types=frozenset({"GPE"}))
    labels = {n.get("label") for n in root.iter(f"{GEXF}node")}
    assert labels == {"Kenya", "Haiti"}
    assert all(e.get("weight") for e in root.iter(f"{GEXF}edge"))


# -- output contract v2: the field a span lies in, the kind of a quote's cue -------------------

TITLE = "Ruto believes Kenya will send 1,000 police to Haiti on Monday"


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _titled_article() -> Article:
    """The body article with a headline whose entities, quote, time, figure and event are
    title facts (their offsets index ``title``)."""
    article = _article("t1", "Wire")
    article.title = TITLE
    for entity in article.entities:
        if entity.name in TITLE:
            entity.mentions.append(Mention(*_span(TITLE, entity.name), entity.name, "title"))
    article.entities[1].mentions.append(Mention(*_span(TITLE, "Ruto"), "Ruto", "title"))
    article.quotes[0].cue_kind = "speech"
    said = _span(TITLE, "Kenya will send 1,000 police to Haiti on Monday")
    article.quotes.append(
        Quote(TITLE[slice(*said)], *said, "indirect", speaker="e2", cue="believes",
              field="title", cue_kind="thought")
    )  # fmt: skip
    article.times.append(TimeExpr("Monday", *_span(TITLE, "Monday"), "DATE", "2024-10-14",
                                  field="title"))  # fmt: skip
    article.figures.append(Figure("1,000", *_span(TITLE, "1,000"), 1000.0, field="title"))
    article.events.append(
        Event("v3", "AID", "send", *_span(TITLE, "send"), actor="e1", target="e3",
              sentence_start=0, sentence_end=len(TITLE), field="title")
    )  # fmt: skip
    article.events.append(Event("v4", None, "deal", *_span(TEXT, "deal"), actor="e1"))
    return article


@pytest.fixture
def titled(store_db: str) -> Iterator[Store]:
    """A store (SQLite, then PostgreSQL) holding the one titled article."""
    with open_store(store_db) as s:
        s.save(_titled_article())
        s.settle()
        yield s


def _address(store: Store) -> str:
    """Where the store lives: its PostgreSQL URL or its SQLite file."""
    return str(store.url if hasattr(store, "url") else store.path)  # type: ignore[attr-defined]


def _rows(store: Store, what: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_csv(store, what), newline="")))


def _in_field(row: dict[str, str], start: str = "start", end: str = "end") -> str:
    """The words a row's offsets point at, in the field the row names."""
    text = TITLE if row["field"] == "title" else TEXT
    return text[int(row[start]) : int(row[end])]


def test_quote_rows_say_their_field_and_cue_kind(titled: Store) -> None:
    rows = _rows(titled, "quotes")
    assert {(r["field"], r["cue_kind"]) for r in rows} == {("body", "speech"), ("title", "thought")}
    assert all(_in_field(r) == r["text"] for r in rows)


@pytest.mark.parametrize("what", ["times", "figures"])
def test_time_and_figure_rows_index_the_field_they_name(titled: Store, what: str) -> None:
    rows = _rows(titled, what)
    assert sorted(r["field"] for r in rows) == ["body", "title"]
    assert all(_in_field(r) == r["text"] for r in rows)


def test_event_and_plover_rows_say_their_field(titled: Store) -> None:
    events = {r["trigger"]: r["field"] for r in _rows(titled, "events")}
    assert events == {"agreed": "body", "visited": "body", "send": "title"}
    plover = {r["event_type"]: (r["field"], r["event_text"]) for r in _rows(titled, "plover")}
    assert plover["AID"] == ("title", TITLE) and plover["AGREE"][0] == "body"


def test_mention_rows_count_title_mentions_and_keep_body_offsets(titled: Store) -> None:
    rows = {r["name"]: r for r in _rows(titled, "mentions")}
    assert {n: r["title_mentions"] for n, r in rows.items()} == {
        "Kenya": "1", "William Ruto": "1", "Haiti": "1",
    }  # fmt: skip
    ruto = rows["William Ruto"]
    assert ruto["first_field"] == "body" and ruto["mentions"] == "2"
    assert _in_field({**ruto, "field": "body"}, "first_start", "first_end") == "William Ruto"


def test_parquet_has_the_v2_columns_typed(titled: Store, tmp_path: Path) -> None:
    path = tmp_path / "mentions.parquet"
    export.export_to_file(titled, "mentions", "parquet", path)
    frame = pq.read_table(path).to_pandas()
    assert frame["title_mentions"].dtype.kind == "i" and set(frame["first_field"]) == {"body"}


def test_events_csv_route_says_the_field(titled: Store, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.settings import Settings
    from newsgraph.web.app import create_app

    with TestClient(create_app(Path(_address(titled)), Settings())) as client:
        response = client.get("/api/events.csv", params={"type": "AID"})
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert [(r["trigger"], r["field"]) for r in rows] == [("send", "title")]


def test_every_event_adds_the_untyped_mentions_with_empty_type(titled: Store) -> None:
    out = io.StringIO()
    export.export(titled, "events", "csv", out, every_event=True)
    every = {r["trigger"]: r for r in csv.DictReader(io.StringIO(out.getvalue(), newline=""))}
    assert "deal" not in {r["trigger"] for r in _rows(titled, "events")}
    assert (every["deal"]["event_type"], every["deal"]["mode"]) == ("", "")
    assert set(every) == {"agreed", "visited", "send", "deal"}


def test_cli_export_all_writes_the_untyped_events(titled: Store, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    out = tmp_path / "events.csv"
    args = ["export", "--format", "csv", "--what", "events", "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--db", _address(titled), "--all"])
    assert result.exit_code == 0 and "exported 4 events rows" in result.output
    assert '"deal"' in out.read_text(encoding="utf-8")
