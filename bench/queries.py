"""Query latency of the store and the KB query API on a store of 10,000 articles.

How the store is built (in one run, or reused with --reuse):
1. the BBC corpus (2,225 texts) is read and analysed once by the real pipeline (cached as
   JSON Lines in --cache, so later runs skip the NLP);
2. each analysed article is saved, then saved again as replicas until --size articles are
   stored: a replica has a new id and content hash ("<id>-r<k>"), another outlet
   ("replica-<k>") and a publication date a few days later. Replicas keep the text, so they are
   detected as syndicated copies of the original story: the store holds 10,000 articles in
   2,225 stories, which is what a wire-heavy news feed looks like. BBC texts carry no dates,
   so originals get dates spread over 2004-2005 (deterministic by position).

Then every query of ``kb.queries`` (and the store calls behind the web pages) runs --repeat
times with varied arguments, and p50/p95 in milliseconds are printed per query.

    .venv/bin/python bench/queries.py [--size 10000] [--db FILE] [--workers 2] [--reuse]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from newsgraph.api import open_store
from newsgraph.ingest import Rejected, read_sources
from newsgraph.kb import queries
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.store.base import Store

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
START = date(2004, 1, 1)


def analysed_corpus(corpus: Path, cache: Path, workers: int) -> list[Article]:
    """The BBC articles after the full pipeline, from the cache when it exists."""
    if cache.exists():
        lines = cache.read_text(encoding="utf-8").splitlines()
        return [Article.from_dict(json.loads(line)) for line in lines]
    settings = Settings.from_env(workers=workers)
    articles = (a for a in read_sources([str(corpus)], settings) if not isinstance(a, Rejected))
    done = list(Pipeline(settings).run(articles, workers=workers))
    cache.write_text("".join(a.to_json() + "\n" for a in done), encoding="utf-8")
    return done


def dated(articles: list[Article]) -> list[Article]:
    """Give undated articles a deterministic date, spread over two years."""
    for i, article in enumerate(articles):
        article.published = article.published or (START + timedelta(days=i % 730)).isoformat()
    return articles


def replicas(articles: list[Article]) -> Iterator[Article]:
    """The originals, then round after round of copies with new ids, hashes, outlets, dates."""
    k = 0
    while True:
        for article in articles:
            copy = Article.from_dict(article.to_dict())
            if k:
                copy.id = f"{article.id}-r{k}"
                copy.content_hash = f"{article.content_hash}-r{k}"
                copy.source = f"replica-{k}"
                published = date.fromisoformat(article.published or START.isoformat())
                copy.published = (published + timedelta(days=k)).isoformat()
            for entity in copy.entities:
                entity.kb_id = None
            yield copy
        k += 1


def build(store: Store, articles: list[Article], size: int) -> float:
    """Save articles until ``size`` are stored (the corpus repeats some texts: duplicates are
    skipped and do not count); returns articles stored per second."""
    start = time.perf_counter()
    stored = store.list_articles(limit=1).total
    added = 0
    for article in replicas(articles):
        if stored >= size:
            break
        if not store.save(article).duplicate:
            stored += 1
            added += 1
            if added % 1000 == 0:
                print(f"  stored {stored} articles", file=sys.stderr)
    return added / max(time.perf_counter() - start, 1e-9)


def measure(name: str, calls: list[Callable[[], object]]) -> tuple[str, float, float]:
    """Run each call once (after one warm-up) and return p50/p95 in ms."""
    calls[0]()
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return name, statistics.median(times), p95


def workload(
    store: Store, repeat: int, seed: int = 7
) -> list[tuple[str, list[Callable[[], object]]]]:
    """The queries to time, each with ``repeat`` varied arguments."""
    rng = random.Random(seed)
    top = queries.list_entities(store, limit=200).items
    people = queries.list_entities(store, type="PERSON", limit=200).items
    words = [w for e in top for w in e.name.split() if len(w) > 3] or ["minister"]
    ids = [a.id for a in store.list_articles(limit=2000).items]
    ents = [rng.choice(top) for _ in range(repeat)]
    speakers = [rng.choice(people) for _ in range(repeat)] if people else ents
    ws = [rng.choice(words) for _ in range(repeat)]
    months = [f"2004-{rng.randint(1, 12):02d}" for _ in range(repeat)]
    arts = [rng.choice(ids) for _ in range(repeat)]
    s = store
    return [
        ("search", [lambda w=w: queries.search(s, w) for w in ws]),
        ("search two words", [lambda w=w: queries.search(s, f"{w} government") for w in ws]),
        ("get_article", [lambda a=a: queries.get_article(s, a) for a in arts]),
        ("list_articles", [lambda m=m: queries.list_articles(s, date_from=m) for m in months]),
        ("list_entities", [lambda: queries.list_entities(s)] * repeat),
        ("list_entities --type", [lambda: queries.list_entities(s, type="ORG")] * repeat),
        (
            "list_entities --search",
            [lambda w=w: queries.list_entities(s, search=w[:4]) for w in ws],
        ),
        ("entity_candidates", [lambda e=e: queries.entity_candidates(s, e.name) for e in ents]),
        ("entity_profile", [lambda e=e: queries.entity_profile(s, e.id) for e in ents]),
        ("timeline entity", [lambda e=e: queries.timeline(s, kb_id=e.id) for e in ents]),
        ("timeline search", [lambda w=w: queries.timeline(s, query=w) for w in ws]),
        ("quotes --speaker", [lambda e=e: queries.quotes(s, speaker=e.id) for e in speakers]),
        ("quotes --search", [lambda w=w: queries.quotes(s, text=w) for w in ws]),
        ("events of entity", [lambda e=e: s.events(kb_id=e.id) for e in ents]),
        ("co_occurring", [lambda e=e: s.co_occurring(e.id) for e in ents]),
        ("overview", [lambda: queries.overview(s)] * max(5, repeat // 5)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-bench.db"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsgraph-bbc-analysed.jsonl"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument(
        "--reuse", action="store_true", help="Keep an existing --db (filled up to --size)."
    )
    args = parser.parse_args(argv)
    if not args.reuse:
        args.db.unlink(missing_ok=True)
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; pass --corpus", file=sys.stderr)
        return 1
    store = open_store(args.db)
    if store.list_articles(limit=1).total < args.size:
        articles = dated(analysed_corpus(args.corpus, args.cache, args.workers))
        rate = build(store, articles, args.size)
        print(f"filled {args.db} to {args.size} articles at {rate:.0f} saves/s")
    o = queries.overview(store)
    print(f"store: {o.articles} articles, {o.stories} stories, {o.entities} KB entities, "
          f"{o.quotes} quotes, {o.events} events")  # fmt: skip
    print(f"{'query':26} {'p50 ms':>8} {'p95 ms':>8}")
    for name, calls in workload(store, args.repeat):
        label, p50, p95 = measure(name, calls)
        flag = "" if p95 < 50 else "  (over 50 ms)"
        print(f"{label:26} {p50:8.1f} {p95:8.1f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
