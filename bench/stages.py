"""What each newsgraph stage costs, as a share of the spaCy parse, measured in one process.

The throughput bench (bench/throughput.py) compares whole runs, which a shared machine makes
noisy: the same command has given ratios 0.79 and 1.12 minutes apart. This bench removes the
noise from the comparison by timing, in one process and interleaved article by article, the
parse of each article and then each stage on that parse; the machine's speed changes both
sides alike. It prints each stage's time as a percentage of the parse time, and the total.

    .venv/bin/python bench/stages.py [--n 300] [--corpus ../shared/corpora/bbc]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsgraph.ingest import Rejected, read_sources
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=300, help="articles (every k-th file)")
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 2
    step = max(1, len(files) // args.n)
    settings = Settings.from_env()
    articles = [
        a
        for a in read_sources([str(p) for p in files[::step][: args.n]], settings)
        if not isinstance(a, Rejected)
    ]
    pipeline = Pipeline(settings)
    pipeline.nlp("warm up the model")
    parse = 0.0
    stages = {name: 0.0 for name, _ in pipeline.stages}
    for article in articles:
        started = time.perf_counter()
        doc = pipeline.nlp(article.text)
        parse += time.perf_counter() - started
        for name, stage in pipeline.stages:
            started = time.perf_counter()
            stage(article, doc, settings, pipeline.words)
            stages[name] += time.perf_counter() - started
    print(f"{len(articles)} articles, model {settings.model}; spaCy parse {parse:.1f} s")
    print(f"{'stage':10} {'seconds':>8} {'% of parse':>11}")
    for name, seconds in stages.items():
        print(f"{name:10} {seconds:8.2f} {100 * seconds / parse:10.1f}%")
    total = sum(stages.values())
    print(f"{'all':10} {total:8.2f} {100 * total / parse:10.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
