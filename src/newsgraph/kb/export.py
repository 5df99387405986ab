"""Exports of the knowledge base: JSON Lines, CSV (events in a PLOVER-like layout), GraphML.

Each writer takes a store and a text stream; the CLI only opens the file. The GraphML graph opens
in Gephi: KB entities are nodes, co-occurrence in a story an undirected edge weighted by the
number of shared stories, and events directed actor -> target edges weighted by their count.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections import Counter
from collections.abc import Iterator
from itertools import combinations
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from newsgraph.store.base import EntitySummary, EventRecord, QuoteRecord, Store

WHATS = ("articles", "entities", "quotes", "events")
FORMATS = ("jsonl", "csv", "graphml")
PAGE = 500

ARTICLE_COLUMNS = [
    "id", "title", "section", "source", "published", "url", "origin", "story_id",
    "entities", "quotes", "times", "figures", "events",
]  # fmt: skip
ENTITY_COLUMNS = [
    "id", "name", "type", "country", "titles", "aliases", "affiliations", "articles", "mentions",
]  # fmt: skip
QUOTE_COLUMNS = [
    "article_id", "index", "speaker_name", "speaker_kb_id", "kind", "text", "cue", "published",
    "source", "article_title", "story_id",
]  # fmt: skip
# PLOVER-like: one row per event, actor and target with their names and countries.
EVENT_COLUMNS = [
    "id", "date", "actor_name", "actor_country", "actor_kb_id", "event_type", "mode",
    "target_name", "target_country", "target_kb_id", "place", "factuality", "trigger", "text",
    "source_article", "source", "published", "story_id",
]  # fmt: skip


def export(store: Store, what: str, fmt: str, out: TextIO) -> int:
    """Write ``what`` in format ``fmt`` to ``out``; returns the number of records written."""
    if what not in WHATS:
        raise ValueError(f"unknown --what {what!r}; choose one of {', '.join(WHATS)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "graphml":
        return write_graphml(store, out)
    rows = _records(store, what)
    if fmt == "jsonl":
        return _write_jsonl(rows, out)
    return _write_csv(rows, _COLUMNS[what], out)


def _records(store: Store, what: str) -> Iterator[dict[str, Any]]:
    if what == "articles":
        for article in store.iter_articles():
            yield article.to_dict()
    elif what == "entities":
        yield from (_entity_row(e) for e in _all_entities(store))
    elif what == "quotes":
        yield from (_quote_row(q) for q in _all_quotes(store))
    else:
        yield from (_event_row(e) for e in _all_events(store))


def _write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
        count += 1
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def _all_entities(store: Store) -> Iterator[EntitySummary]:
    offset = 0
    while items := store.list_entities(offset=offset, limit=PAGE).items:
        yield from items
        offset += PAGE


def _all_quotes(store: Store) -> Iterator[QuoteRecord]:
    offset = 0
    while items := store.quotes(offset=offset, limit=PAGE).items:
        yield from items
        offset += PAGE


def _all_events(store: Store) -> Iterator[EventRecord]:
    offset = 0
    while items := store.events(offset=offset, limit=PAGE).items:
        yield from items
        offset += PAGE


def _entity_row(e: EntitySummary) -> dict[str, Any]:
    return dataclasses.asdict(e)


def _quote_row(q: QuoteRecord) -> dict[str, Any]:
    return dataclasses.asdict(q)


def _event_row(e: EventRecord) -> dict[str, Any]:
    return {
        "id": f"{e.article_id}:{e.id}",
        "date": e.date,
        "actor_name": e.actor_name,
        "actor_country": e.actor_country,
        "actor_kb_id": e.actor_kb_id,
        "event_type": e.type,
        "mode": e.mode,
        "target_name": e.target_name,
        "target_country": e.target_country,
        "target_kb_id": e.target_kb_id,
        "place": e.place_name,
        "factuality": e.factuality,
        "trigger": e.trigger,
        "text": e.sentence,
        "source_article": e.article_id,
        "source": e.source,
        "published": e.published,
        "story_id": e.story_id,
    }


_COLUMNS = {
    "articles": ARTICLE_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "events": EVENT_COLUMNS,
}


def graph_edges(store: Store) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str, str]]]:
    """Co-occurrence pairs (one count per story) and actor->target event edges by type."""
    story_of = _story_ids(store)
    story_entities: dict[str, set[str]] = {}
    for article in store.iter_articles():
        kb_ids = {e.kb_id for e in article.entities if e.kb_id}
        story_id = story_of.get(article.id, article.id)
        story_entities.setdefault(story_id, set()).update(kb_ids)
    together: Counter[tuple[str, str]] = Counter()
    for kb_ids in story_entities.values():
        together.update(combinations(sorted(kb_ids), 2))
    events: Counter[tuple[str, str, str]] = Counter(
        (e.actor_kb_id, e.target_kb_id, e.type)
        for e in _all_events(store)
        if e.actor_kb_id and e.target_kb_id and e.type
    )
    return together, events


def _story_ids(store: Store) -> dict[str, str]:
    """Article id -> story id, so syndicated copies count once."""
    stories: dict[str, str] = {}
    offset = 0
    while items := store.list_articles(offset=offset, limit=PAGE).items:
        stories.update((s.id, s.story_id or s.id) for s in items)
        offset += PAGE
    return stories


def write_graphml(store: Store, out: TextIO) -> int:
    """The entity graph as GraphML (Gephi): nodes, weighted co-occurrence and event edges."""
    together, events = graph_edges(store)
    nodes = list(_all_entities(store))
    out.write(_GRAPHML_HEAD)
    for e in nodes:
        out.write(
            f"    <node id={quoteattr(e.id)}>{_data('name', e.name)}{_data('type', e.type)}"
            f"{_data('country', e.country or '')}{_data('articles', e.articles)}</node>\n"
        )
    for n, ((a, b), weight) in enumerate(sorted(together.items())):
        out.write(
            f'    <edge id="c{n}" source={quoteattr(a)} target={quoteattr(b)}>'
            f"{_data('kind', 'co-occurrence')}{_data('weight', float(weight))}</edge>\n"
        )
    for n, ((a, b, kind), weight) in enumerate(sorted(events.items())):
        out.write(
            f'    <edge id="e{n}" source={quoteattr(a)} target={quoteattr(b)} directed="true">'
            f"{_data('kind', kind)}{_data('weight', float(weight))}</edge>\n"
        )
    out.write("  </graph>\n</graphml>\n")
    return len(nodes)


def _data(key: str, value: object) -> str:
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<data key="{key}">{text}</data>'


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
