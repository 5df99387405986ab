"""The Ray engine on a real local Ray cluster: the same articles and facts as the local path,
rejections worded alike, a failed task retried without a duplicate, an actor above the memory
ceiling replaced without a loss, Parquet out and back in.

One small Ray session (2 CPUs, no dashboard, no usage stats) serves the whole module; each
run starts one actor, so the module takes well under a minute.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph import api
from newsgraph.api import open_store
from newsgraph.engines.rows import row_of
from newsgraph.ingest import Rejected
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.store import Store

ray = pytest.importorskip("ray", reason="the Ray engine needs the ray extra (newsgraph[ray])")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from newsgraph.engines.ray import Analyser, RayEngine, memory_shortfall  # noqa: E402  (after the skips)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(
        num_cpus=2, include_dashboard=False, object_store_memory=100 * 1024**2, log_to_driver=False
    )
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, Any]]:
    """The examples ingested by the local path (one process): what Ray must match."""
    store = open_store(tmp_path_factory.mktemp("local") / "local.db")
    summary = api.ingest([str(EXAMPLES)], store, Settings())
    yield store, summary
    store.close()


def facts(store: Store) -> dict[str, dict[str, Any]]:
    """Every stored article as its JSON dict (facts, KB ids, metadata), by id."""
    return {article.id: article.to_dict() for article in store.iter_articles()}


def test_ray_stores_the_articles_and_facts_of_the_local_path(
    ray_session: None, local_store: tuple[Store, Any], tmp_path: Path
) -> None:
    local, local_summary = local_store
    store = open_store(tmp_path / "ray.db")
    engine = RayEngine(Settings(), workers=1, known_db=store.path)
    summary = api.ingest([str(EXAMPLES)], store, Settings(), engine=engine)
    assert facts(store) == facts(local)
    assert summary.ingested == local_summary.ingested > 0
    assert summary.rejected == local_summary.rejected  # same inputs, same one-line reasons
    again = api.ingest([str(EXAMPLES)], store, Settings(), engine=engine)
    assert (again.ingested, again.duplicates) == (0, summary.ingested)


def test_ray_into_postgresql_stores_what_the_local_path_stores_in_sqlite(
    ray_session: None, local_store: tuple[Store, Any], pg_server_url: str
) -> None:
    import pg_server

    local, local_summary = local_store
    store = open_store(pg_server.fresh_schema(pg_server_url))
    engine = RayEngine(Settings(), workers=1, known_db=store.path)
    summary = api.ingest([str(EXAMPLES)], store, Settings(), engine=engine)
    assert facts(store) == facts(local)  # KB ids included: resolution gave the same entities
    assert summary.ingested == local_summary.ingested > 0


def test_a_task_whose_actor_dies_is_retried_and_stored_once(
    ray_session: None, local_store: tuple[Store, Any], tmp_path: Path
) -> None:
    marker = tmp_path / "crashed"

    class DiesOnce(Analyser):
        def __call__(self, batch: Any) -> Any:
            if not marker.exists():  # the first batch kills its worker process
                marker.touch()
                os._exit(1)
            return super().__call__(batch)

    store = open_store(tmp_path / "retry.db")
    engine = RayEngine(Settings(), workers=1, analyser=DiesOnce)
    summary = api.ingest([str(EXAMPLES)], store, Settings(), engine=engine)
    assert marker.exists()
    assert summary.duplicates == 0
    assert facts(store) == facts(local_store[0])


def test_an_actor_above_the_memory_ceiling_is_replaced_and_nothing_is_lost(
    ray_session: None, local_store: tuple[Store, Any], tmp_path: Path
) -> None:
    starts = tmp_path / "starts"
    starts.mkdir()

    class Counted(Analyser):
        def __init__(self, settings: Settings, known_db: str | None = None) -> None:
            super().__init__(settings, known_db)
            (starts / str(os.getpid())).touch()  # one file per actor process

    # a ceiling every batch exceeds: each batch after the first starts in a fresh process
    tiny = Settings(worker_max_rss_mb=1, batch_size=4)
    store = open_store(tmp_path / "ceiling.db")
    engine = RayEngine(tiny, workers=1, analyser=Counted)
    summary = api.ingest([str(EXAMPLES)], store, Settings(), engine=engine)
    local, local_summary = local_store
    assert len(list(starts.iterdir())) >= 3  # 10 inputs in batches of 4: two replacements
    assert summary.duplicates == 0
    assert summary.rejected == local_summary.rejected
    assert facts(store) == facts(local)


def test_parquet_records_in_parquet_parts_out_and_load(ray_session: None, tmp_path: Path) -> None:
    lines = (EXAMPLES / "wire_feed.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if "broken-line" not in line]
    records.append({"id": "no-body", "title": "a record without text"})
    columns = sorted({key for record in records for key in record})
    table = pa.Table.from_pylist([{k: r.get(k) for k in columns} for r in records])
    (tmp_path / "records").mkdir()
    pq.write_table(table, tmp_path / "records" / "part-0.parquet")

    parts = RayEngine(Settings(), workers=1).write_parquet(
        [str(tmp_path / "records")], tmp_path / "out"
    )
    store = open_store(tmp_path / "loaded.db")
    summary = api.load(tmp_path / "out", store, Settings())
    assert parts >= 1
    assert summary.ingested == len(records) - 1
    assert {a.id for a in store.iter_articles()} == {r["id"] for r in records[:-1]}
    assert [r.reason for r in summary.rejected] == [
        "record has no non-empty 'text' or 'html' string field"
    ]


class Breaks:
    """A pipeline stand-in whose batch call fails and that fails on one marked article."""

    def analyse_batch(self, articles: list[Article]) -> list[Article]:
        raise RuntimeError("the batch broke")

    def analyse(self, article: Article) -> Article:
        if "poison" in article.text:
            raise ValueError("cannot analyse this one")
        return article


def test_one_failing_article_is_one_rejection_and_its_batch_goes_on() -> None:
    analyser = Analyser.__new__(Analyser)  # no spaCy: the failure policy alone
    analyser.pipeline = Breaks()  # type: ignore[assignment]
    analyser.store = None
    rows = [
        row_of(Article(id="a", text="fine text", origin="a.txt")),
        row_of(Article(id="b", text="poison text", origin="b.txt")),
        row_of(Rejected("c.txt", "empty file")),
    ]
    out = analyser.analyse_rows(rows)
    assert [r["kind"] for r in out] == ["article", "rejected", "rejected"]
    assert out[1]["origin"] == "b.txt"
    assert out[1]["payload"] == "could not be analysed (ValueError: cannot analyse this one)"


def test_a_local_cluster_without_a_gib_per_actor_is_refused() -> None:
    gib = 1024**3
    assert memory_shortfall(2, 2.5 * gib) is None
    assert memory_shortfall(4, 2.5 * gib) == (
        "--workers 4 needs 4 GiB for Ray actors (1 GiB each); this machine gives Ray 2.5 GiB:"
        " use fewer workers"
    )
