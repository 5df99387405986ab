"""Save rate of the store (articles/s, resolution and syndication included) against the NLP's own
rate, in one run, on a store that already holds --size articles.

1. --n BBC articles are analysed by the real pipeline with --workers processes: that gives
   the NLP's articles/s on this machine, now.
2. A store is filled to --size articles with those analyses, saved again as replicas (new ids,
   hashes, outlets and dates, as in bench/queries.py), the way ``newsgraph ingest`` saves
   them: SAVE_CHUNK articles per transaction, settling every SETTLE_EVERY articles.
3. Then --measure more replicas are saved the same way, settle included, and timed.

    .venv/bin/python bench/store_save.py [--n 300] [--size 10000] [--measure 1000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from queries import DEFAULT_CORPUS, dated, replicas

from newsgraph.api import SAVE_CHUNK, SETTLE_EVERY, open_store
from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.store.base import Store


def analyse(corpus: Path, n: int, workers: int) -> tuple[list[Article], float]:
    """``n`` BBC articles through the pipeline, and the rate it ran at (articles/s)."""
    files = sorted(corpus.rglob("*.txt"))
    step = max(1, len(files) // n)
    settings = Settings.from_env(workers=workers)
    articles = [
        a
        for a in read_sources([str(p) for p in files[::step][:n]], settings)
        if not isinstance(a, Rejected)
    ]
    pipeline = Pipeline(settings)
    start = time.perf_counter()
    done = list(pipeline.run(articles, workers=workers))
    return done, len(done) / (time.perf_counter() - start)


def save(store: Store, articles: list[Article], batch: int) -> float:
    """Save as ``newsgraph ingest`` does; returns the seconds it took, settling included."""
    start = time.perf_counter()
    for offset in range(0, len(articles), batch):
        store.save_many(articles[offset : offset + batch])
        if (offset + batch) % SETTLE_EVERY < batch:
            store.settle()
    store.settle()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=300, help="BBC articles to analyse")
    parser.add_argument("--size", type=int, default=10_000, help="articles stored before timing")
    parser.add_argument("--measure", type=int, default=1_000, help="articles saved and timed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, help="store file (default: a temporary one)")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"needs the BBC corpus at {args.corpus}", file=sys.stderr)
        return 2
    analysed, nlp_rate = analyse(args.corpus, args.n, args.workers)
    batch = SAVE_CHUNK
    stream = replicas(dated(analysed))
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(args.db or Path(tmp) / "save.db") as store,
    ):
        fill = list(islice(stream, args.size))
        fill_seconds = save(store, fill, batch)
        timed = list(islice(stream, args.measure))
        seconds = save(store, timed, batch)
        stored = store.list_articles(limit=1).total
    save_rate = len(timed) / seconds
    print(f"NLP ({args.workers} workers, {len(analysed)} BBC articles): {nlp_rate:8.1f} art/s")
    print(f"filling the store to {args.size}:            {len(fill) / fill_seconds:8.1f} art/s")
    print(f"save on a {stored - len(timed)}-article store ({len(timed)} saved):"
          f" {save_rate:8.1f} art/s")  # fmt: skip
    print(f"save rate / NLP rate: {save_rate / nlp_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
