"""Ingest throughput of the local engine and the Ray engine against bare spaCy, in one run.

The same BBC articles (copied into one folder) are ingested into a fresh SQLite store:
- local, 1 and 2 workers:     ``newsgraph ingest DIR --workers N``;
- ray, 1 and 2 worker nodes:  ``newsgraph ingest DIR --engine ray --workers N`` on a local
                              ``ray.cluster_utils.Cluster``: a head node (1 CPU, the read
                              tasks) and N worker nodes of 1 CPU each, N actors;
- bare spaCy:                 ``nlp.pipe`` over the same raw texts, one process.
Every wall time includes starting the workers (loading spaCy in each) and storing. Prints
articles/s, the ratio to bare spaCy, and whether every store holds the same articles and facts
as the local 1-worker store.

    .venv/bin/python bench/scale.py [--n 1000] [--corpus ../shared/corpora/bbc]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from throughput import bare_pipeline, bare_spacy, corpus_files, corpus_options, rate, timed

from newsgraph import api
from newsgraph.api import open_store
from newsgraph.settings import Settings
from newsgraph.store import Store


def timed_ingest(folder: Path, db: Path, settings: Settings, engine: Any = None) -> float:
    """Seconds to ingest the folder into a fresh store at ``db``."""
    store = open_store(db)
    try:
        summary, seconds = timed(lambda: api.ingest([str(folder)], store, settings, engine=engine))
    finally:
        store.close()
    print(f"    {summary.ingested} ingested, {len(summary.rejected)} rejected", file=sys.stderr)
    return seconds


def on_ray_cluster(folder: Path, db: Path, settings: Settings, nodes: int) -> float:
    """Seconds to ingest on a local Ray cluster of a head and ``nodes`` worker nodes."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray
    from ray.cluster_utils import Cluster

    from newsgraph.engines.ray import RayEngine

    small = {"num_cpus": 1, "object_store_memory": 100 * 1024**2}
    cluster = Cluster(initialize_head=True, head_node_args={**small, "include_dashboard": False})
    for _ in range(nodes):
        cluster.add_node(**small)
    ray.init(address=cluster.address, log_to_driver=False)
    try:
        engine = RayEngine(settings, workers=nodes, known_db=str(db))
        return timed_ingest(folder, db, settings, engine)
    finally:
        ray.shutdown()
        cluster.shutdown()


def facts(db: Path) -> dict[str, dict[str, Any]]:
    store: Store = open_store(db)
    try:
        return {article.id: article.to_dict() for article in store.iter_articles()}
    finally:
        store.close()


def main() -> int:
    args = corpus_options((__doc__ or "").splitlines()[0], n=1000).parse_args()
    paths = corpus_files(args.corpus, args.n)
    settings = Settings.from_env(model=args.model)
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        work = Path(tmp)
        folder = work / "articles"
        folder.mkdir()
        for n, path in enumerate(paths):  # one folder: every run reads it the same way
            shutil.copyfile(path, folder / f"{n:05d}_{path.parent.name}_{path.name}")
        bare_pipeline(settings.model)  # loaded outside the timing, as before
        bare = rate(bare_spacy, paths, settings, 1)
        runs: list[tuple[str, Path, Callable[[], float]]] = []
        for workers in (1, 2):
            db = work / f"local{workers}.db"
            local = Settings.from_env(model=args.model, workers=workers)
            runs.append(
                (f"local, {workers} worker(s)", db, _bound(timed_ingest, folder, db, local))
            )
        for nodes in (1, 2):
            db = work / f"ray{nodes}.db"
            runs.append(
                (
                    f"ray, {nodes} worker node(s)",
                    db,
                    _bound(on_ray_cluster, folder, db, settings, nodes),
                )
            )
        print(f"{len(paths)} BBC articles, model {settings.model}, {os.cpu_count()} CPUs")
        print(f"bare spaCy (nlp.pipe, 1 process): {bare:.1f} articles/s")
        print(f"{'engine':<26} {'articles/s':>10} {'vs bare spaCy':>14} {'same facts':>11}")
        reference: dict[str, dict[str, Any]] | None = None
        for name, db, run in runs:
            print(f"  running {name}", file=sys.stderr)
            speed = len(paths) / run()
            stored = facts(db)
            reference = reference if reference is not None else stored
            same = "yes" if stored == reference else "NO"
            print(f"{name:<26} {speed:>10.1f} {speed / bare:>14.2f} {same:>11}", flush=True)
        print(f"articles stored per run: {len(reference or {})}")
    return 0


def _bound(run: Callable[..., float], *args: Any) -> Callable[[], float]:
    return lambda: run(*args)


if __name__ == "__main__":
    raise SystemExit(main())
