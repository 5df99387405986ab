"""Milliseconds per request of the workbench's event reads and entity timelines on a real store,
with SQLite's query plan of each event filter (is an index searched first?).

Run it on a store of a few hundred analysed articles, e.g.

    newsgraph ingest ../shared/corpora/bbc/politics/0*.txt --db /tmp/r2graph.db
    .venv/bin/python bench/event_queries.py --db /tmp/r2graph.db [--repeat 20]

Each filter reads one page of 50 (the page's size) and its total; the timeline reads one page
of 200 of the most-mentioned entities' timelines. Printed: median CPU ms per request
(process time: steadier than the wall clock on a machine others share).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph.kb import queries
from newsgraph.store import open_store
from newsgraph.store.base import EventFilter, Store


def median_ms(run: Callable[[], Any], repeat: int) -> float:
    run()  # warm the page cache
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def filters(store: Store) -> dict[str, EventFilter]:
    """One filter of each kind, on the store's busiest entities and event type."""
    top = store.list_entities(limit=2).items
    a, b = top[0].id, top[1].id
    page = store.find_events(EventFilter(), limit=1)
    kind = page.items[0].type if page.items else "CONSULT"
    return {
        "all typed": EventFilter(),
        "type": EventFilter(type=kind),
        "actor": EventFilter(actor=a),
        "entity (any role)": EventFilter(entity=a),
        "dyad": EventFilter(dyad=(a, b)),
        "date range": EventFilter(date_from="2004-01", date_to="2004-12"),
        "actor name": EventFilter(actor_name=top[0].name.split()[-1]),
    }


def plan(store: Store, wanted: EventFilter) -> list[str]:
    """SQLite's plan of the page query of ``wanted`` (the sqlite store's own SQL)."""
    sql, args = store._event_page_sql(wanted, 0, 50)  # type: ignore[attr-defined]
    with store._reading() as db:  # type: ignore[attr-defined]
        return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, args).fetchall()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--plans", action="store_true", help="print each filter's query plan")
    args = parser.parse_args()
    with open_store(args.db) as store:
        print(f"{store.overview().articles} articles, {store.overview().events} typed events")
        for name, wanted in filters(store).items():
            ms = median_ms(lambda w=wanted: store.find_events(w, 0, 50), args.repeat)
            total = store.find_events(wanted, 0, 50).total
            print(f"find_events {name:<18} {ms:8.2f} ms  (total {total})")
            if args.plans and hasattr(store, "_event_page_sql"):
                for line in plan(store, wanted):
                    print("    " + line)
        for entity in store.list_entities(limit=3).items:
            ms = median_ms(lambda e=entity: queries.timeline_page(store, e.id), args.repeat)
            total = queries.timeline_page(store, entity.id).total
            print(f"timeline_page {entity.name[:24]:<24} {ms:8.2f} ms  (total {total})")


if __name__ == "__main__":
    main()
