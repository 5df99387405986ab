"""The Ray engine: Ray Data reads the inputs and an actor pool analyses them in batches.

    inputs ──> read (a task per named path: newsgraph's own readers, so every input kind and
               every rejection is the local path's; or Ray Data's Parquet reader for a
               dataset of records)
           ──> map_batches(Analyser, concurrency=N): one Pipeline (spaCy + stages) per actor,
               ``settings.batch_size`` articles per call
           ──> outcomes back to the driver in input order (``run``), or partitioned Parquet
               written by the actors (``write_parquet``) for ``newsgraph load``

A failed task (an actor that died, a node lost) is retried by Ray; since articles are stored by
content hash, a batch analysed twice is stored once. Ray is imported only here, and this
module only when ``--engine ray`` is chosen.

Memory (docs/reliability.md): each actor asks the scheduler for ``ACTOR_MEMORY_BYTES``, so a
node is never packed with more actors than its memory holds, and an actor whose RSS is above
``settings.worker_max_rss_mb`` after a batch (or that analysed ``worker_max_docs`` articles)
is replaced by a fresh process before its next batch, as the local engine replaces its workers.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import warnings
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.engines import Known, Outcome
from newsgraph.engines.rows import COLUMNS, outcome_of, row_of
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import Rejected, article_from_record, read_sources
from newsgraph.ingest.guard import guarded
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline, rss_mb
from newsgraph.settings import Settings
from newsgraph.store import Store, open_store
from newsgraph.wordlists import WordLists

if TYPE_CHECKING:
    import pyarrow as pa
    from ray.data import Dataset

log = logging.getLogger(__name__)

OBJECT_STORE_BYTES = 256 * 1024**2  # a local cluster's shared memory: rows are small JSON
# a task whose actor died is run again this often, then its batch fails: once for an actor
# replaced above the memory ceiling as the task started, twice for real crashes
TASK_RETRIES = 3
ACTOR_MEMORY_BYTES = 1024**3  # the scheduler reserves a worker's whole limit for each actor
POSTGRES_PREFIXES = ("postgresql://", "postgres://")


class Analyser:
    """One actor of the pool: a Pipeline built once, batches of rows analysed in order."""

    def __init__(self, settings: Settings, known_db: str | None = None) -> None:
        self.pipeline = Pipeline(settings)
        # the store is read only to skip inputs whose hash is stored, before the costly NLP
        self.store: Store | None = open_store(known_db) if known_db else None
        self.max_rss_mb = settings.worker_max_rss_mb
        self.max_docs = settings.worker_max_docs
        self.docs = 0
        self.spent = False  # above the memory ceiling or past max_docs: replace before more work

    def __call__(self, batch: pa.Table) -> pa.Table:
        if self.spent:
            self.replace()
        out = rows_table(self.analyse_rows(batch.to_pylist()))
        self.docs += batch.num_rows
        rss = rss_mb()
        self.spent = rss > self.max_rss_mb or self.docs >= self.max_docs
        if self.spent:
            log.info("an actor holds %.0f MB after %d articles: replaced", rss, self.docs)
        return out

    def replace(self) -> None:
        """End this actor's process as its next batch starts. The batch it returned last is
        delivered already; Ray restarts the actor (a fresh process and Pipeline, Ray Data's
        default ``max_restarts=-1``) and runs the batch just received there: nothing is lost
        or analysed twice. Not ``ray.actor.exit_actor`` or ``sys.exit``: Ray does not restart
        an actor that exits on purpose, and Ray Data's pool does not replace a dead actor. Not
        a new Pipeline in this process either: freed memory mostly stays with the process."""
        os._exit(0)

    def analyse_rows(self, rows: list[dict[str, Any]]) -> list[dict[str, str]]:
        """Every row's outcome, in order: articles analysed together, the others passed on."""
        out: list[dict[str, str]] = list(rows)
        todo: list[int] = []
        for n, row in enumerate(rows):
            if row["kind"] != "article":
                continue
            article = outcome_of(row)
            assert isinstance(article, Article)
            if self.store and article.content_hash and self.store.has_hash(article.content_hash):
                out[n] = row_of(Known(row["origin"], article.id))
            else:
                todo.append(n)
        for n, outcome in zip(todo, self.analysed([rows[n] for n in todo]), strict=True):
            out[n] = row_of(outcome)
        return out

    def analysed(self, rows: list[dict[str, Any]]) -> list[Article | Rejected]:
        """The batch analysed at once; if that raises, each article alone, so one article's
        failure is its own rejection and not its batch's."""
        try:
            return list(self.pipeline.analyse_batch([_article(row) for row in rows]))
        except Exception:
            log.warning("a batch of %d failed: analysing its articles one by one", len(rows))
            return [self.analysed_alone(row) for row in rows]

    def analysed_alone(self, row: dict[str, Any]) -> Article | Rejected:
        try:
            return self.pipeline.analyse(_article(row))
        except Exception as exc:  # one article, one rejection line; the batch goes on
            reason = f"could not be analysed ({type(exc).__name__}: {exc})"
            return Rejected(row["origin"], reason)


def _article(row: dict[str, Any]) -> Article:
    article = outcome_of(row)
    assert isinstance(article, Article)
    return article


def rows_table(rows: list[dict[str, str]]) -> pa.Table:
    import pyarrow as pa

    schema = pa.schema([(name, pa.string()) for name in COLUMNS])
    return pa.Table.from_pylist([{k: row[k] for k in COLUMNS} for row in rows], schema=schema)


def read_named_path(
    item: dict[str, Any], settings: Settings, follow_links: bool
) -> list[dict[str, str]]:
    """A named file or folder read by newsgraph's readers: one row per article or rejection."""
    return [row_of(x) for x in read_sources([item["path"]], settings, follow_links=follow_links)]


def read_record_batch(batch: pa.Table, settings: Settings) -> pa.Table:
    """Parquet records ({"id", "text" | "html", "title", ...}) read as JSON records are."""
    words = WordLists(settings.language)
    rows: list[dict[str, str]] = []
    for n, record in enumerate(batch.to_pylist()):
        source = record.pop("path", "<parquet>")
        origin = f"{source}#{record.get('id') or n}"
        plain = {key: _plain_value(value) for key, value in record.items()}
        items = guarded(origin, _one_record, plain, settings, origin, words)
        rows.extend(row_of(item) for item in items)
    return rows_table(rows)


def _one_record(
    record: dict[str, Any], settings: Settings, origin: str, words: WordLists
) -> Iterator[Article]:
    yield article_from_record(record, settings, origin, words)


def _plain_value(value: Any) -> Any:
    """Parquet dates and timestamps as the ISO text a JSON record would carry."""
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def is_parquet_input(name: str) -> bool:
    """A .parquet file, or a folder of them (a Parquet dataset of records)."""
    path = Path(name)
    if path.suffix.lower() == ".parquet":
        return True
    if not path.is_dir():
        return False
    files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))]
    return bool(files) and all(p.suffix.lower() == ".parquet" for p in files)


class RayEngine:
    """Ingest on Ray: on a local cluster started here, or on the cluster at ``address``."""

    name = "ray"

    def __init__(
        self,
        settings: Settings,
        address: str | None = None,
        workers: int | None = None,
        known_db: str | None = None,
        analyser: type[Analyser] = Analyser,
    ) -> None:
        self.settings = settings
        self.address = address
        self.workers = workers or settings.workers
        # actors skip stored hashes when they can reach the store: a shared server, or
        # the driver's SQLite file on a cluster that runs on this machine
        remote_file = address is not None and not str(known_db).startswith(POSTGRES_PREFIXES)
        self.known_db = None if known_db is None or remote_file else str(known_db)
        self.analyser = analyser

    def run(self, paths: Iterable[str], follow_links: bool = False) -> Iterator[Outcome]:
        """Every input's outcome, in input order, streamed back to this process."""
        with ray_session(self.address, self.workers):
            dataset = self.dataset(list(paths), follow_links)
            for row in dataset.iter_rows():
                yield outcome_of(row)

    def write_parquet(self, paths: Iterable[str], folder: Path, follow_links: bool = False) -> int:
        """Outcomes written by the actors as Parquet parts under ``folder``; their number."""
        with ray_session(self.address, self.workers):
            dataset = self.dataset(list(paths), follow_links)
            dataset.write_parquet(str(folder))
        from newsgraph.engines.parquet import part_files

        return len(part_files(folder))

    def dataset(self, paths: list[str], follow_links: bool) -> Dataset:
        """The Ray Data plan: read, then analyse in the actor pool (lazy until consumed)."""
        import ray.data
        from ray.data import ActorPoolStrategy

        if not paths:
            raise NewsgraphError("no inputs named; give files, folders or Parquet datasets")
        if "-" in paths:
            raise NewsgraphError("--engine ray reads files, not stdin (-); save it to a file")
        parquet = [p for p in paths if is_parquet_input(p)]
        files = [p for p in paths if p not in parquet]
        parts: list[Dataset] = []
        if files:
            named = ray.data.from_items([{"path": p} for p in files])
            read = partial(read_named_path, settings=self.settings, follow_links=follow_links)
            parts.append(named.flat_map(read))
        if parquet:
            records = ray.data.read_parquet(parquet, include_paths=True)
            parts.append(
                records.map_batches(
                    partial(read_record_batch, settings=self.settings), batch_format="pyarrow"
                )
            )
        inputs = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
        # a folder is read by one task: its rows are cut into blocks of one batch each (a
        # streaming split, no shuffle), so every actor of the pool gets work
        batches = inputs.repartition(target_num_rows_per_block=self.settings.batch_size)
        return batches.map_batches(
            self.analyser,
            fn_constructor_kwargs={"settings": self.settings, "known_db": self.known_db},
            batch_size=self.settings.batch_size,
            batch_format="pyarrow",
            # one batch in flight per actor: a replaced actor fails no queued batch (each
            # failure would spend one of that batch's retries)
            compute=ActorPoolStrategy(size=self.workers, max_tasks_in_flight_per_actor=1),
            memory=ACTOR_MEMORY_BYTES,
            max_task_retries=TASK_RETRIES,
        )


class ray_session:
    """Ray connected for the block: the given cluster, or a small local one started (and
    stopped) here; a session already open (a test's, a notebook's) is used as it is."""

    def __init__(self, address: str | None, workers: int) -> None:
        self.address = address
        self.workers = workers
        self.started = False

    def __enter__(self) -> ray_session:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            import ray
        except ImportError as exc:
            raise NewsgraphError("--engine ray needs Ray: pip install 'newsgraph[ray]'") from exc
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, log_to_driver=False)
            else:  # one CPU per actor, one for the read tasks
                ray.init(
                    num_cpus=self.workers + 1,
                    include_dashboard=False,
                    object_store_memory=OBJECT_STORE_BYTES,
                    log_to_driver=False,
                )
                shortfall = memory_shortfall(self.workers, ray.cluster_resources().get("memory", 0))
                if shortfall:
                    ray.shutdown()
                    raise NewsgraphError(shortfall)
            self.started = True
        configure_ray_data()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.started:
            import ray

            ray.shutdown()


def memory_shortfall(workers: int, memory: float) -> str | None:
    """Why a local cluster cannot hold ``workers`` actors of 1 GiB each (the pool would wait
    for memory that never comes), or None when it can."""
    if memory >= workers * ACTOR_MEMORY_BYTES:
        return None
    return (
        f"--workers {workers} needs {workers} GiB for Ray actors (1 GiB each); this machine"
        f" gives Ray {memory / 1024**3:.1f} GiB: use fewer workers"
    )


def configure_ray_data() -> None:
    """Outputs in input order (so a run stores what the local path stores, in its order), and
    no progress bars on the terminal the CLI reports on."""
    from ray.data import DataContext

    context = DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    # said at planning time, before the folder's rows are split into batches
    warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")
    # map_batches has no named parameter for max_task_retries yet (2.60)
    warnings.filterwarnings("ignore", message="`ray_remote_args` is deprecated")
