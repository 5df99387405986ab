"""Peak resident memory (RSS) of newsgraph's analysis per input size and for a whole batch.

Each measurement runs in a fresh child process so that peaks do not carry over:
- one text of N characters (BBC articles joined by blank lines) analysed by ``Pipeline``:
  the process's peak RSS, its RSS with the model loaded, seconds, sections and entities;
- a batch (the first ``--batch`` BBC files plus one 990,000-character text, read and cleaned
  as ``newsgraph ingest`` reads them) through ``Pipeline.run`` with ``--workers`` processes:
  the main process's peak and the largest peak of any worker.

    .venv/bin/python bench/memory.py [--sizes 50000 100000 ...] [--batch 300] [--workers 2]
                                     [--max-chars N]   # e.g. 1000000 to see it unbounded
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, peak_rss_mb, rss_mb
from newsgraph.settings import Settings

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
DEFAULT_SIZES = [50_000, 100_000, 200_000, 500_000, 990_000]
BIG = 990_000


def bbc_text(corpus: Path, chars: int) -> str:
    """BBC articles joined by blank lines, cut to exactly ``chars`` characters."""
    parts: list[str] = []
    size = 0
    for path in sorted(corpus.rglob("*.txt")):
        parts.append(path.read_text(encoding="utf-8", errors="replace").strip())
        size += len(parts[-1]) + 2
        if size >= chars:
            break
    return "\n\n".join(parts)[:chars]


def one_text(corpus: Path, chars: int, settings: Settings) -> dict[str, float]:
    """Analyse one text of ``chars`` characters in this process."""
    text = bbc_text(corpus, chars)
    pipeline = Pipeline(settings)
    pipeline.analyse(Article(id="warm", text="The minister spoke in London on Monday."))
    loaded = rss_mb()
    start = time.perf_counter()
    article = pipeline.analyse(Article(id="big", text=text))
    return {
        "loaded_mb": loaded,
        "peak_mb": peak_rss_mb(),
        "seconds": time.perf_counter() - start,
        "entities": len(article.entities),
        "sections": -(-len(text) // settings.max_chars),
    }


def batch(corpus: Path, n: int, workers: int, settings: Settings) -> dict[str, float]:
    """``n`` BBC files and one 990,000-character text through ``Pipeline.run``."""
    paths = [str(p) for p in sorted(corpus.rglob("*.txt"))[:n]]
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        big.write_text(bbc_text(corpus, BIG), encoding="utf-8")
        items = read_sources([*paths[: n // 2], str(big), *paths[n // 2 :]], settings)
        articles = (a for a in items if not isinstance(a, Rejected))
        start = time.perf_counter()
        done = sum(1 for _ in Pipeline(settings).run(articles, workers=workers))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KB on Linux
    return {
        "articles": done,
        "main_peak_mb": peak_rss_mb(),
        "worker_peak_mb": children,
        "seconds": time.perf_counter() - start,
    }


def in_child(mode: str, args: list[str]) -> dict[str, float]:
    """Run this script's ``--child`` mode in a fresh process and read its JSON line."""
    command = [sys.executable, __file__, "--child", mode, *args]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="*", default=DEFAULT_SIZES)
    parser.add_argument(
        "--batch", type=int, default=300, help="BBC articles in the batch (0: none)"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-chars", type=int, default=None)
    parser.add_argument("--child", choices=["text", "batch"], default=None)
    parser.add_argument("--chars", type=int, default=0)
    args = parser.parse_args()
    settings = Settings.from_env(max_chars=args.max_chars)
    if args.child == "text":
        print(json.dumps(one_text(args.corpus, args.chars, settings)))
        return 0
    if args.child == "batch":
        print(json.dumps(batch(args.corpus, args.batch, args.workers, settings)))
        return 0
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (needs ../shared/corpora/bbc)", file=sys.stderr)
        return 2
    limit = ["--max-chars", str(settings.max_chars)]
    print(f"model {settings.model}, max_chars={settings.max_chars:,}, one child process each")
    heads = [("chars", 9), ("sections", 8), ("loaded MB", 9), ("peak MB", 8), ("s", 6)]
    print("  ".join(f"{name:>{width}}" for name, width in [*heads, ("entities", 8)]))
    for chars in args.sizes:
        r = in_child("text", ["--chars", str(chars), *limit])
        print(
            f"{chars:>9,}  {r['sections']:>8.0f}  {r['loaded_mb']:>9.0f}  {r['peak_mb']:>8.0f}  "
            f"{r['seconds']:>6.1f}  {r['entities']:>8.0f}"
        )
    if args.batch:
        r = in_child("batch", ["--batch", str(args.batch), "--workers", str(args.workers), *limit])
        print(
            f"batch: {r['articles']:.0f} articles ({args.batch} BBC + one of {BIG:,} chars), "
            f"{args.workers} workers, {r['seconds']:.1f} s: main process peak "
            f"{r['main_peak_mb']:.0f} MB, largest worker peak {r['worker_peak_mb']:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
