"""What parsing an HTML page once saves: the HTML reader's three page readers (trafilatura's
body extraction, its metadata reader with htmldate, the standfirst search) each parsed the
page from its string; now `ingest/html.py` parses it once and hands them the tree.

The three readers run over the first --pages files of the webpages set (sorted) as before
(each given the string: three parses) and as now (one `load_html`, the tree given to each;
trafilatura and htmldate copy it). Each variant runs in its own fresh process, since
trafilatura and htmldate cache results per string and a page seen twice in one process is
faster the second time; the variants alternate for --rounds rounds and the fastest run of each
counts; times are the process's CPU time, so the machine's other jobs weigh less. One
`load_html` alone gives the cost of a parse; the whole `article_from_html` as now gives the
denominator. Printed: seconds per run, the ratio old/new of the readers, and the saving as a
share of a whole HTML ingest.

    .venv/bin/python bench/html_parse.py [--pages 120] [--rounds 2] [--root DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura
from trafilatura.utils import load_html

from newsgraph.eval.webpages import load_pages
from newsgraph.ingest.article import Metadata
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.html import _DATE_PARAMS, article_from_html
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "webpages"


def three_parses(html: str, url: str) -> None:
    """The reader's page work as it was: every reader parses the string itself."""
    trafilatura.extract(html, url=url, include_comments=False)
    trafilatura.extract_metadata(html, default_url=url, date_config=_DATE_PARAMS)
    load_html(html)


def one_parse(html: str, url: str) -> None:
    """The same work on one tree."""
    tree = load_html(html)
    trafilatura.extract(tree, url=url, include_comments=False)
    trafilatura.extract_metadata(tree, default_url=url, date_config=_DATE_PARAMS)


def whole_ingest(html: str, url: str) -> None:
    settings = Settings()
    article_from_html(html, settings, url, Metadata(url=url), words=WordLists(settings.language))


_SENTENCES = "The council met on Monday to vote. " * 12
WARM_UP = f"<html><body><article><p>{_SENTENCES}</p></article></body></html>"

VARIANTS: dict[str, Callable[[str, str], None]] = {
    "three parses": three_parses,
    "one parse": one_parse,
    "parse alone": lambda html, url: load_html(html),
    "whole ingest": whole_ingest,
}


def run_variant(name: str, root: Path, pages: int) -> float:
    """Seconds of one variant over the pages, the files read beforehand."""
    work = VARIANTS[name]
    whole_ingest(WARM_UP, "https://example.org/")  # imports and word lists, not measured
    loaded = [
        (decode_bytes((root / "html" / p.file).read_bytes()), p.url)
        for p in load_pages(root)[:pages]
    ]
    start = time.process_time()  # CPU time: other jobs on the machine do not count
    for html, url in loaded:
        work(html, url)
    return time.process_time() - start


def _in_process(name: str, args: argparse.Namespace) -> float:
    command = [sys.executable, __file__, "--variant", name, "--pages", str(args.pages)]
    done = subprocess.run(
        [*command, "--root", str(args.root)], check=True, capture_output=True, text=True
    )
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:
        print(run_variant(args.variant, args.root, args.pages))
        return
    runs: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(args.rounds):
        for name in VARIANTS:
            runs[name].append(_in_process(name, args))
    best = {name: min(seconds) for name, seconds in runs.items()}
    for name, seconds in runs.items():
        shown = ", ".join(f"{s:.2f}" for s in seconds)
        print(f"{name:>13}: {shown} s  (best {1000 * best[name] / args.pages:.1f} ms/page)")
    saved = best["three parses"] - best["one parse"]
    print(f"readers, three parses / one parse: {best['three parses'] / best['one parse']:.3f}")
    print(f"saving / whole ingest as now: {saved / best['whole ingest']:.3f}")


if __name__ == "__main__":
    main()
