"""Shared fixtures: the settings, one pipeline per session, the ../shared folder, the store back
ends and headless Chromium for the browser tests."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.eval.split import half_of
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "000_3cded19f9edc2a8e.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (not present on this machine)")
    return path


def load_script(name: str) -> Any:
    """A build script of scripts/ imported as a module (its sibling scripts importable while it
    loads), to check that a packaged word list is what the script builds."""
    scripts = str(ROOT / "scripts")
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, scripts)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(scripts)
    return module


# -- the evaluation gate ----------------------------------------------------------------------
#
# tests/baselines/*.json pin dev scores on the check half of each dev set (eval/split.py). Every
# gate reads its pins through `gate_failures`, so one command re-measures them all on the code
# as it is:  NEWSGRAPH_UPDATE_BASELINES=1 pytest -q tests/test_eval_*.py
# (the pinned keys and subsets stay; only the values are rewritten; check `git diff`).

GATE_TOLERANCE = 0.01  # how far a pinned dev score may fall before the evaluation gate fails
UPDATE_BASELINES = os.environ.get("NEWSGRAPH_UPDATE_BASELINES", "") == "1"


def scores_below(scores: dict[str, float], pinned: dict[str, float]) -> list[str]:
    """The pinned scores a report fell below (by more than the tolerance), one line each; a
    pinned score missing from the report counts as 0."""
    return [
        f"{name}: {scores.get(name, 0.0):.4f} < pinned {value:.4f}"
        for name, value in pinned.items()
        if scores.get(name, 0.0) < value - GATE_TOLERANCE
    ]


def gate_failures(scores: dict[str, float], baseline: Path, *section: str) -> list[str]:
    """`scores_below` against the pins at ``baseline[section...]``; with
    NEWSGRAPH_UPDATE_BASELINES=1 the pins are rewritten with the measured values instead (same
    keys, rounded to 4 places) and nothing fails."""
    data = json.loads(baseline.read_text(encoding="utf-8"))
    pinned = data
    for key in section:
        pinned = pinned[key]
    if not UPDATE_BASELINES:
        return scores_below(scores, pinned)
    missing = [name for name in pinned if name not in scores]
    assert not missing, f"{baseline.name}: pinned scores the report no longer has: {missing}"
    for name in pinned:
        pinned[name] = round(float(scores[name]), 4)
    baseline.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return []


def check_half_subset(
    dest: Path,
    root: Path,
    files: Iterable[Path],
    name: Callable[[Path], str],
    limit: int | None = None,
) -> Path:
    """A folder under ``dest`` holding links to the first ``limit`` (None: all) of ``files``, in
    sorted order, whose document name is in the check half; each keeps its path below ``root``
    so an evaluator reads the folder as it would read ``root``."""
    chosen = [f for f in sorted(files) if half_of(name(f)) == "check"][:limit]
    for f in chosen:
        link = dest / f.relative_to(root)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(f.resolve())
    return dest


@pytest.fixture(scope="session")
def meantime_check_half(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The check half of ../shared/data/meantime (airbus + gm; 29 of 60 documents by the CAT
    doc_name), as a folder of links that every MEANTIME evaluator reads like the corpus."""
    from newsgraph.eval.meantime import read_document

    root = shared_path("data", "meantime")
    dest = tmp_path_factory.mktemp("meantime_check")
    return check_half_subset(dest, root, root.rglob("*.xml"), lambda f: read_document(f).name)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture
def analyse(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    """Build an Article from a body text and run every stage on it."""

    def _analyse(text: str, published: str | None = "2024-10-10", **meta: str) -> Article:
        return pipeline.analyse(Article(id="t", text=text, published=published, **meta))

    return _analyse


# -- the two store back ends -------------------------------------------------------------------

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for the session (tests/pg_server.py), or a skip saying
    why there is none."""
    import pg_server

    try:
        psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
        del psycopg
        with pg_server.server() as url:
            yield url
    except RuntimeError as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")


@pytest.fixture(params=BACKENDS)
def store_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh store lives: an SQLite file, or an empty schema on the test server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    import pg_server

    return pg_server.fresh_schema(request.getfixturevalue("pg_server_url"))


# -- headless Chromium for the browser tests (tests/test_ui_*.py) -------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's chromium, or skip: the browser tests never download a browser."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("chromium is not installed (run `make browser` or apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium launched headless through Playwright, once per test module (each test
    opens its own context); skips without Chromium or Playwright."""
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
