"""Save rate of the store (articles/s, resolution and syndication included) against the NLP's own
rate, in one run, on a store that already holds --size articles: SQLite, then PostgreSQL.

1. --n BBC articles are analysed by the real pipeline with --workers processes: that gives
   the NLP's articles/s on this machine, now.
2. A store is filled to --size articles with those analyses, saved again as replicas (new ids,
   hashes, outlets and dates, as in bench/queries.py), the way ``newsgraph ingest`` saves
   them: SAVE_CHUNK articles per transaction, settling every SETTLE_EVERY articles.
3. Then --measure more replicas are saved the same way, settle included, and timed.
4. On PostgreSQL (--pg URL, or a throwaway server started like the tests' when Debian's
   postgresql is installed) the same, then --writers concurrent writers each save their share
   of --measure more replicas with resolution deferred, and one resolver pass links them
   (``newsgraph resolve``); both are timed, and the rate counts the pass.

    .venv/bin/python bench/store_save.py [--n 300] [--size 10000] [--measure 1000] [--pg URL]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
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


def concurrent_save(db: str, articles: list[Article], writers: int, batch: int) -> float:
    """``writers`` threads, each with its own connection, save their share with resolution
    deferred; returns the seconds until the last one is done."""
    shares = [articles[w::writers] for w in range(writers)]
    stores = [open_store(db, resolve=False) for _ in range(writers)]
    errors: list[BaseException] = []

    def write(store: Store, share: list[Article]) -> None:
        try:
            for offset in range(0, len(share), batch):
                store.save_many(share[offset : offset + batch])
        except BaseException as exc:  # reported after the join
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(s, share))
        for s, share in zip(stores, shares, strict=True)
    ]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    for store in stores:
        store.close()
    if errors:
        raise errors[0]
    return seconds


@contextlib.contextmanager
def postgres(url: str | None) -> Iterator[str | None]:
    """The given server, a throwaway one (tests/pg_server.py), or None without PostgreSQL."""
    if url:
        yield url
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import pg_server

    try:
        with pg_server.server() as started:
            yield pg_server.fresh_schema(started)
    except RuntimeError as exc:
        print(f"PostgreSQL skipped: {exc}", file=sys.stderr)
        yield None


def bench_store(db: str, stream: Iterator[Article], size: int, measure: int) -> dict[str, float]:
    """Fill a store to ``size``, then time ``measure`` more saves (one writer, inline)."""
    with open_store(db) as store:
        fill = list(islice(stream, size))
        fill_seconds = save(store, fill, SAVE_CHUNK)
        timed = list(islice(stream, measure))
        seconds = save(store, timed, SAVE_CHUNK)
        stored = store.list_articles(limit=1).total
    return {"fill": len(fill) / fill_seconds, "save": len(timed) / seconds, "stored": stored}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=300, help="BBC articles to analyse")
    parser.add_argument("--size", type=int, default=10_000, help="articles stored before timing")
    parser.add_argument("--measure", type=int, default=1_000, help="articles saved and timed")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--writers", type=int, default=4, help="concurrent PostgreSQL writers")
    parser.add_argument("--db", type=Path, help="SQLite store file (default: a temporary one)")
    parser.add_argument("--pg", help="postgresql:// URL (default: a throwaway server)")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"needs the BBC corpus at {args.corpus}", file=sys.stderr)
        return 2
    analysed, nlp_rate = analyse(args.corpus, args.n, args.workers)
    stream = replicas(dated(analysed))
    print(f"NLP ({args.workers} workers, {len(analysed)} BBC articles): {nlp_rate:8.1f} art/s")
    with tempfile.TemporaryDirectory() as tmp:
        lite = bench_store(str(args.db or Path(tmp) / "save.db"), stream, args.size, args.measure)
    report("SQLite", lite, args.measure, nlp_rate)
    with postgres(args.pg) as url:
        if url is None:
            return 0
        stream = replicas(dated(analysed))  # the same articles again, in a fresh database
        pg = bench_store(url, stream, args.size, args.measure)
        report("PostgreSQL, 1 writer", pg, args.measure, nlp_rate)
        timed = list(islice(stream, args.measure))
        write_seconds = concurrent_save(url, timed, args.writers, SAVE_CHUNK)
        start = time.perf_counter()
        with open_store(url) as store:
            store.resolve_pending()
        resolve_seconds = time.perf_counter() - start
    n = len(timed)
    print(
        f"PostgreSQL, {args.writers} writers (resolution deferred): {n / write_seconds:8.1f} art/s"
    )
    print(f"  then one resolver pass over them:            {n / resolve_seconds:8.1f} art/s")
    rate = n / (write_seconds + resolve_seconds)
    print(f"  writers + resolver:                          {rate:8.1f} art/s "
          f"({rate / nlp_rate:.1f}x the NLP rate)")  # fmt: skip
    return 0


def report(name: str, figures: dict[str, float], measure: int, nlp_rate: float) -> None:
    print(f"{name}: filling the store to {figures['stored'] - measure:.0f}: "
          f"{figures['fill']:8.1f} art/s")  # fmt: skip
    print(f"{name}: save on a {figures['stored'] - measure:.0f}-article store "
          f"({measure} saved): {figures['save']:8.1f} art/s "
          f"({figures['save'] / nlp_rate:.1f}x the NLP rate)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
