"""Throughput of newsgraph extraction against bare spaCy, measured in one run.

Both sides read the same BBC article files with the same model and process count:
- bare:      read the files, ``nlp.pipe(texts, n_process=N)``;
- newsgraph: what ``newsgraph extract`` does: read and clean the files, parse, run every
             stage, serialise each article to JSON.
Prints articles/s for both, their ratio, and the speed-up of N workers over one.

    .venv/bin/python bench/throughput.py [--n 400] [--workers 1 2] [--corpus ../shared/corpora/bbc]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import spacy
from spacy.language import Language

from newsgraph.ingest import Rejected, read_sources
from newsgraph.nlp import load_pipeline
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
T = TypeVar("T")


def corpus_options(description: str, n: int) -> argparse.ArgumentParser:
    """The options of a bench over BBC files: the corpus folder, how many articles, the model."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=n, help="articles per measurement")
    parser.add_argument("--model", default=None)
    return parser


def corpus_files(corpus: Path, n: int) -> list[Path]:
    """The first ``n`` article files of the corpus; exits 2 saying so when it is absent."""
    if not corpus.is_dir():
        print(f"corpus not found: {corpus} (needs ../shared/corpora/bbc)", file=sys.stderr)
        raise SystemExit(2)
    return sorted(corpus.rglob("*.txt"))[:n]


def timed(run: Callable[[], T]) -> tuple[T, float]:
    """What ``run`` returns and the wall seconds it took."""
    start = time.perf_counter()
    done = run()
    return done, time.perf_counter() - start


@lru_cache(maxsize=1)
def bare_pipeline(model: str) -> Language:
    """spaCy's own pipeline without newsgraph's component, loaded once outside the timings."""
    return spacy.load(model)


def bare_spacy(paths: list[Path], settings: Settings, workers: int) -> int:
    """Parse the raw files with spaCy alone; returns the number of documents."""
    nlp = bare_pipeline(settings.model)
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in paths)
    return sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=workers))


def newsgraph_extract(paths: list[Path], settings: Settings, workers: int) -> int:
    """Ingest, analyse and serialise the files as ``newsgraph extract`` does."""
    pipeline = Pipeline(settings)
    articles = (
        a for a in read_sources([str(p) for p in paths], settings) if not isinstance(a, Rejected)
    )
    return sum(1 for a in pipeline.run(articles, workers=workers) if a.to_json())


def rate(
    run: Callable[[list[Path], Settings, int], int],
    paths: list[Path],
    settings: Settings,
    workers: int,
) -> float:
    """Articles per second ``run`` goes through ``paths`` at."""
    done, seconds = timed(lambda: run(paths, settings, workers))
    return done / seconds


def main() -> int:
    parser = corpus_options((__doc__ or "").splitlines()[0], n=400)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    paths = corpus_files(args.corpus, args.n)
    settings = Settings.from_env(model=args.model)
    load_pipeline(settings.model)  # both sides start with their model loaded
    bare_spacy(paths[:20], settings, 1)  # warm-up, and loads the bare pipeline
    print(f"{len(paths)} BBC articles, model {settings.model}")
    print(f"{'workers':>7}  {'bare spaCy art/s':>16}  {'newsgraph art/s':>15}  {'ratio':>6}")
    ours: dict[int, float] = {}
    for workers in args.workers:
        bare = rate(bare_spacy, paths, settings, workers)
        ours[workers] = rate(newsgraph_extract, paths, settings, workers)
        print(f"{workers:>7}  {bare:>16.1f}  {ours[workers]:>15.1f}  {ours[workers] / bare:>6.2f}")
    if 1 in ours:
        for workers, value in ours.items():
            if workers > 1:
                print(f"newsgraph speed-up, {workers} workers vs 1: {value / ours[1]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
