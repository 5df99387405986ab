"""Exports of the knowledge base that people load directly: one row per fact, flat columns.

Tables (``WHATS``): articles (with their text), KB entities, article mentions of them, quotes,
events, times, figures, and ``plover``: one row per PLOVER-typed event in the layout of the
POLECAT event data (actor and recipient names and countries, date, type, mode, sentence).
Every row carries the ids to join on (``article_id``, ``story_id``, ``kb_id``), and every span
row the ``field`` (title | body) its offsets index (output contract v2). Lists are one
cell joined by " | "; line breaks stay in the cell, quoted by the CSV writer (every cell is
quoted), so pandas, spreadsheets and the ``csv`` module read one row per fact.

Formats: JSON Lines, CSV, Parquet (pyarrow), and the entity graph as GraphML or GEXF (Gephi):
KB entities are nodes, co-occurrence in a story an undirected edge weighted by the number of
shared stories, events directed actor -> target edges weighted by their count. ``GraphOptions``
thins the graph: a minimum co-occurrence weight, entity types, events only.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import IO, Any, TextIO, cast
from xml.sax.saxutils import escape, quoteattr

from newsgraph.model import Article, Mention
from newsgraph.store.base import EntitySummary, EventRecord, Store

WHATS = ("articles", "entities", "mentions", "quotes", "events", "times", "figures", "plover")
TABLE_FORMATS = ("jsonl", "csv", "parquet")
GRAPH_FORMATS = ("graphml", "gexf")
FORMATS = TABLE_FORMATS + GRAPH_FORMATS
PAGE = 500
PARQUET_BATCH = 2000  # rows per Parquet row group written
LIST_JOIN = " | "

COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article_id", "story_id", "title", "section", "source", "published", "url", "origin",
        "language", "entities", "quotes", "times", "figures", "events", "text",
    ],
    "entities": [
        "kb_id", "name", "type", "country", "titles", "aliases", "affiliations", "stories",
        "mentions", "status",
    ],
    "mentions": [
        "article_id", "story_id", "entity_id", "kb_id", "name", "type", "country", "titles",
        "affiliations", "aliases", "mentions", "first_start", "first_end", "published",
        "first_field", "title_mentions",
    ],
    "quotes": [
        "article_id", "story_id", "quote_index", "speaker_entity_id", "speaker_kb_id",
        "speaker_name", "kind", "cue", "text", "start", "end", "published", "source",
        "field", "cue_kind",
    ],
    "events": [
        "event_id", "article_id", "story_id", "date", "event_type", "mode", "actor_name",
        "actor_country", "actor_kb_id", "target_name", "target_country", "target_kb_id",
        "place", "place_kb_id", "factuality", "trigger", "sentence", "published", "source",
        "field",
    ],
    "times": [
        "article_id", "story_id", "time_index", "text", "type", "value", "anchor", "start",
        "end", "published", "field",
    ],
    "figures": [
        "article_id", "story_id", "figure_index", "text", "value", "unit", "kind", "currency",
        "approximate", "low", "high", "start", "end", "published", "field",
    ],
    # POLECAT's layout in snake case: recipient is PLOVER's word for the target.
    "plover": [
        "event_id", "event_date", "story_date", "event_type", "event_mode", "actor_name",
        "actor_country", "actor_kb_id", "recipient_name", "recipient_country",
        "recipient_kb_id", "placename", "factuality", "event_text", "headline", "publisher",
        "article_id", "story_id", "field",
    ],
}  # fmt: skip
INT_COLUMNS = {
    "entities", "quotes", "times", "figures", "events", "stories", "mentions", "first_start",
    "first_end", "quote_index", "time_index", "figure_index", "start", "end", "title_mentions",
}  # fmt: skip
FLOAT_COLUMNS = {"figures": {"value", "low", "high"}}  # a time's value is TIMEX3 text
BOOL_COLUMNS = {"approximate"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class GraphOptions:
    """How to thin the entity graph: co-occurrence edges below ``min_weight`` shared stories
    dropped, only entities of ``types`` kept, or only event edges. With any of them, entities
    left without an edge are left out."""

    min_weight: int = 1
    types: frozenset[str] | None = None
    events_only: bool = False

    @property
    def thinned(self) -> bool:
        return self.min_weight > 1 or self.types is not None or self.events_only


def export(
    store: Store,
    what: str,
    fmt: str,
    out: IO[Any],
    graph: GraphOptions | None = None,
    every_event: bool = False,
) -> int:
    """Write ``what`` in format ``fmt`` to ``out`` (a binary stream for Parquet, else text);
    returns the number of rows (or, for a graph, of nodes) written. The ``events`` table holds
    the PLOVER-typed events, or with ``every_event`` every event mention (type and mode empty
    where it is no PLOVER event)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in GRAPH_FORMATS:
        nodes, edges = entity_graph(store, graph or GraphOptions())
        writer = write_graphml if fmt == "graphml" else write_gexf
        return writer(nodes, edges, cast(TextIO, out))
    if what not in WHATS:
        raise ValueError(f"unknown --what {what!r}; choose one of {', '.join(WHATS)}")
    if fmt == "jsonl":  # articles whole, in the output contract, facts nested
        rows = _contract_rows(store) if what == "articles" else rows_of(store, what, every_event)
        return _write_jsonl(rows, cast(TextIO, out))
    rows = rows_of(store, what, every_event)
    if fmt == "csv":
        return _write_csv(rows, COLUMNS[what], cast(TextIO, out))
    return write_parquet(rows, COLUMNS[what], out, FLOAT_COLUMNS.get(what, set()))


def export_to_file(
    store: Store,
    what: str,
    fmt: str,
    path: Path,
    graph: GraphOptions | None = None,
    every_event: bool = False,
) -> int:
    """``export`` into a file, opened binary for Parquet and as UTF-8 text otherwise."""
    if fmt == "parquet":
        with path.open("wb") as handle:
            return export(store, what, fmt, handle, graph, every_event)
    with path.open("w", encoding="utf-8", newline="") as handle:
        return export(store, what, fmt, handle, graph, every_event)


# -- rows ------------------------------------------------------------------------------------


def rows_of(store: Store, what: str, every_event: bool = False) -> Iterator[dict[str, Any]]:
    """The rows of one table, as flat dictionaries of the table's columns (``every_event``:
    the events table has the untyped event mentions too; ``plover`` is typed by definition)."""
    if what == "entities":
        return (_entity_row(e) for e in all_entities(store))
    if what == "events":
        return (_event_row(e) for e in all_events(store, typed_only=not every_event))
    if what == "plover":
        return (_plover_row(e) for e in all_events(store))
    return _article_rows(store, _ARTICLE_ROWS[what])


def events_csv(events: Iterator[EventRecord], out: TextIO) -> int:
    """Events (a filtered listing) as the ``events`` table in CSV; returns the rows written."""
    return _write_csv((_event_row(e) for e in events), COLUMNS["events"], out)


def _contract_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Each article as its JSON output contract, with its story id beside it."""
    stories = story_ids(store)
    for article in store.iter_articles():
        record = article.to_dict()
        record["origin"] = _file_name(article.origin)
        yield {**record, "story_id": stories.get(article.id, article.id)}


def _article_rows(
    store: Store, rows: Callable[[Article, dict[str, Any]], Iterator[dict[str, Any]]]
) -> Iterator[dict[str, Any]]:
    stories = story_ids(store)
    for article in store.iter_articles():
        base = {
            "article_id": article.id,
            "story_id": stories.get(article.id, article.id),
            "published": article.published,
        }
        yield from rows(article, base)


def _articles(article: Article, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield {
        **base, "title": article.title, "section": article.section, "source": article.source,
        "url": article.url, "origin": _file_name(article.origin),
        "language": getattr(article, "language", None), "entities": len(article.entities),
        "quotes": len(article.quotes), "times": len(article.times),
        "figures": len(article.figures), "events": len(article.events), "text": article.text,
    }  # fmt: skip


def _mentions(article: Article, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for e in article.entities:
        first = _first_mention(e.mentions)
        yield {
            **base, "entity_id": e.id, "kb_id": e.kb_id, "name": e.name, "type": e.type,
            "country": e.country, "titles": _joined(e.titles),
            "affiliations": _joined(e.affiliations), "aliases": _joined(e.aliases),
            "mentions": len(e.mentions), "first_start": first.start if first else None,
            "first_end": first.end if first else None,
            "first_field": first.field if first else None,
            "title_mentions": sum(m.field == "title" for m in e.mentions),
        }  # fmt: skip


def _first_mention(mentions: list[Mention]) -> Mention | None:
    """The first body mention, else the first title one: first_start/first_end index
    ``text`` whenever the body names the entity, as they did before title facts (v1)."""
    return min(mentions, key=lambda m: (m.field == "title", m.start), default=None)


def _quotes(article: Article, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for i, q in enumerate(article.quotes):
        speaker = article.entity(q.speaker) if q.speaker else None
        yield {
            **base, "quote_index": i, "speaker_entity_id": q.speaker,
            "speaker_kb_id": speaker.kb_id if speaker else None,
            "speaker_name": speaker.name if speaker else q.speaker_text, "kind": q.kind,
            "cue": q.cue, "text": q.text, "start": q.start, "end": q.end,
            "source": article.source, "field": q.field, "cue_kind": q.cue_kind,
        }  # fmt: skip


def _times(article: Article, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for i, t in enumerate(article.times):
        yield {
            **base, "time_index": i, "text": t.text, "type": t.type, "value": t.value,
            "anchor": t.anchor, "start": t.start, "end": t.end, "field": t.field,
        }  # fmt: skip


def _figures(article: Article, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for i, f in enumerate(article.figures):
        yield {
            **base, "figure_index": i, "text": f.text, "value": f.value, "unit": f.unit,
            "kind": f.kind, "currency": f.currency, "approximate": f.approximate,
            "low": f.low, "high": f.high, "start": f.start, "end": f.end, "field": f.field,
        }  # fmt: skip


_ARTICLE_ROWS: dict[str, Callable[[Article, dict[str, Any]], Iterator[dict[str, Any]]]] = {
    "articles": _articles,
    "mentions": _mentions,
    "quotes": _quotes,
    "times": _times,
    "figures": _figures,
}


def _entity_row(e: EntitySummary) -> dict[str, Any]:
    return {
        "kb_id": e.id, "name": e.name, "type": e.type, "country": e.country,
        "titles": _joined(e.titles), "aliases": _joined(e.aliases),
        "affiliations": _joined(e.affiliations), "stories": e.articles, "mentions": e.mentions,
        "status": e.status,
    }  # fmt: skip


def _event_row(e: EventRecord) -> dict[str, Any]:
    return {
        "event_id": f"{e.article_id}:{e.id}", "article_id": e.article_id,
        "story_id": e.story_id, "date": e.date, "event_type": e.type, "mode": e.mode,
        "actor_name": e.actor_name, "actor_country": e.actor_country,
        "actor_kb_id": e.actor_kb_id, "target_name": e.target_name,
        "target_country": e.target_country, "target_kb_id": e.target_kb_id,
        "place": e.place_name, "place_kb_id": e.place_kb_id, "factuality": e.factuality,
        "trigger": e.trigger, "sentence": e.sentence, "published": e.published,
        "source": e.source, "field": e.field,
    }  # fmt: skip


def _plover_row(e: EventRecord) -> dict[str, Any]:
    return {
        "event_id": f"{e.article_id}:{e.id}", "event_date": e.date,
        "story_date": e.published, "event_type": e.type, "event_mode": e.mode,
        "actor_name": e.actor_name, "actor_country": e.actor_country,
        "actor_kb_id": e.actor_kb_id, "recipient_name": e.target_name,
        "recipient_country": e.target_country, "recipient_kb_id": e.target_kb_id,
        "placename": e.place_name, "factuality": e.factuality,
        "event_text": e.sentence or e.trigger, "headline": e.article_title,
        "publisher": e.source, "article_id": e.article_id, "story_id": e.story_id,
        "field": e.field,
    }  # fmt: skip


def _joined(values: list[str]) -> str:
    return LIST_JOIN.join(values)


def _file_name(origin: str | None) -> str | None:
    """An origin without the folders of the machine that ingested it."""
    if not origin or origin.lower().startswith(("http://", "https://")):
        return origin
    return origin.replace("\\", "/").rsplit("/", 1)[-1]


# -- writers ---------------------------------------------------------------------------------


def _write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    """Every cell quoted: a line break or a comma inside a cell stays inside it."""
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def write_parquet(
    rows: Iterator[dict[str, Any]], columns: list[str], out: IO[bytes], floats: set[str]
) -> int:
    """The rows as one Parquet file with a fixed schema (ints, floats, booleans, strings)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type(pa, c, floats)) for c in columns])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append({c: row.get(c) for c in columns})
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        count += len(batch)
    return count


def _arrow_type(pa: Any, column: str, floats: set[str]) -> Any:
    if column in INT_COLUMNS:
        return pa.int64()
    if column in floats:
        return pa.float64()
    if column in BOOL_COLUMNS:
        return pa.bool_()
    return pa.string()


# -- the entity graph ------------------------------------------------------------------------


def all_entities(store: Store) -> Iterator[EntitySummary]:
    offset = 0
    while items := store.list_entities(offset=offset, limit=PAGE).items:
        yield from items
        offset += PAGE


def all_events(store: Store, typed_only: bool = True) -> Iterator[EventRecord]:
    offset = 0
    while items := store.events(offset=offset, limit=PAGE, typed_only=typed_only).items:
        yield from items
        offset += PAGE


def story_ids(store: Store) -> dict[str, str]:
    """Article id -> story id, so syndicated copies count once."""
    stories: dict[str, str] = {}
    offset = 0
    while items := store.list_articles(offset=offset, limit=PAGE).items:
        stories.update((s.id, s.story_id or s.id) for s in items)
        offset += PAGE
    return stories


@dataclass(frozen=True)
class GraphEdge:
    """One edge: co-occurrence (undirected, ``kind`` "co-occurrence") or an event type
    (directed actor -> target), weighted by shared stories or event count."""

    source: str
    target: str
    kind: str
    weight: int
    directed: bool


def graph_edges(store: Store) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str, str]]]:
    """Co-occurrence pairs (one count per story) and actor->target event edges by type."""
    stories = story_ids(store)
    story_entities: dict[str, set[str]] = {}
    for article in store.iter_articles():
        kb_ids = {e.kb_id for e in article.entities if e.kb_id}
        story_entities.setdefault(stories.get(article.id, article.id), set()).update(kb_ids)
    together: Counter[tuple[str, str]] = Counter()
    for kb_ids in story_entities.values():
        together.update(combinations(sorted(kb_ids), 2))
    events: Counter[tuple[str, str, str]] = Counter(
        (e.actor_kb_id, e.target_kb_id, e.type or "untyped")
        for e in all_events(store)
        if e.actor_kb_id and e.target_kb_id
    )
    return together, events


def entity_graph(
    store: Store, options: GraphOptions
) -> tuple[list[EntitySummary], list[GraphEdge]]:
    """The nodes and edges the options keep."""
    nodes = [e for e in all_entities(store) if options.types is None or e.type in options.types]
    kept = {e.id for e in nodes}
    together, events = graph_edges(store)
    edges = [
        GraphEdge(a, b, kind, n, True)
        for (a, b, kind), n in sorted(events.items())
        if a in kept and b in kept
    ]
    if not options.events_only:
        edges += [
            GraphEdge(a, b, "co-occurrence", n, False)
            for (a, b), n in sorted(together.items())
            if n >= options.min_weight and a in kept and b in kept
        ]
    if options.thinned:
        linked = {e.source for e in edges} | {e.target for e in edges}
        nodes = [e for e in nodes if e.id in linked]
    return nodes, edges


def write_graphml(nodes: list[EntitySummary], edges: list[GraphEdge], out: TextIO) -> int:
    """The entity graph as GraphML (Gephi, networkx, yEd)."""
    out.write(_GRAPHML_HEAD)
    for e in nodes:
        out.write(
            f"    <node id={_attr(e.id)}>{_data('name', e.name)}{_data('type', e.type)}"
            f"{_data('country', e.country or '')}{_data('articles', e.articles)}</node>\n"
        )
    for n, edge in enumerate(edges):
        directed = ' directed="true"' if edge.directed else ""
        out.write(
            f'    <edge id="e{n}" source={_attr(edge.source)} target={_attr(edge.target)}'
            f"{directed}>{_data('kind', edge.kind)}{_data('weight', float(edge.weight))}</edge>\n"
        )
    out.write("  </graph>\n</graphml>\n")
    return len(nodes)


def write_gexf(nodes: list[EntitySummary], edges: list[GraphEdge], out: TextIO) -> int:
    """The entity graph as GEXF 1.3 (Gephi's own format): labels, types, weights."""
    out.write(_GEXF_HEAD)
    for e in nodes:
        out.write(
            f"      <node id={_attr(e.id)} label={_attr(e.name)}><attvalues>"
            f'<attvalue for="type" value={_attr(e.type)}/>'
            f'<attvalue for="country" value={_attr(e.country or "")}/>'
            f'<attvalue for="articles" value="{e.articles}"/></attvalues></node>\n'
        )
    out.write("    </nodes>\n    <edges>\n")
    for n, edge in enumerate(edges):
        kind = "directed" if edge.directed else "undirected"
        out.write(
            f'      <edge id="e{n}" source={_attr(edge.source)} target={_attr(edge.target)} '
            f'type="{kind}" weight="{float(edge.weight)}" label={_attr(edge.kind)}/>\n'
        )
    out.write("    </edges>\n  </graph>\n</gexf>\n")
    return len(nodes)


def _attr(value: object) -> str:
    return quoteattr(_XML_BAD.sub("", str(value)))


def _data(key: str, value: object) -> str:
    return f'<data key="{key}">{escape(_XML_BAD.sub("", str(value)))}</data>'


_GRAPHML_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="country" for="node" attr.name="country" attr.type="string"/>
  <key id="articles" for="node" attr.name="articles" attr.type="int"/>
  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="newsgraph" edgedefault="undirected">
"""

_GEXF_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="type" title="type" type="string"/>
      <attribute id="country" title="country" type="string"/>
      <attribute id="articles" title="articles" type="integer"/>
    </attributes>
    <nodes>
"""
