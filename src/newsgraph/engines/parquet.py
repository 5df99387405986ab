"""Reading back the partitioned Parquet the Ray engine writes (``ingest --out-parquet DIR``),
for ``newsgraph load DIR``: every part file in name order, every row in file order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.engines import Outcome
from newsgraph.engines.rows import COLUMNS, outcome_of
from newsgraph.errors import NewsgraphError


def part_files(folder: Path) -> list[Path]:
    """The Parquet parts under ``folder``, sorted by path; an error when there are none."""
    if not folder.is_dir():
        raise NewsgraphError(f"{folder} is not a folder; name the folder --out-parquet wrote")
    parts = sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith("."))
    if not parts:
        raise NewsgraphError(
            f"no .parquet files under {folder}; run `newsgraph ingest ... "
            f"--engine ray --out-parquet {folder}` first"
        )
    return parts


def read_outcomes(folder: Path) -> Iterator[Outcome]:
    """Every outcome stored under ``folder``: analysed articles, rejections, known inputs."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise NewsgraphError("reading Parquet needs pyarrow: pip install 'newsgraph[ray]'") from exc
    for part in part_files(folder):
        for batch in pq.ParquetFile(part).iter_batches(columns=list(COLUMNS)):
            for row in batch.to_pylist():
                yield outcome_of(row)
