"""A throwaway PostgreSQL server for the tests: Debian's binaries, ``initdb`` into a temporary
folder, a free loopback port, stopped at the end of the session.

``initdb`` refuses to run as root, so as root the server runs as the ``postgres`` user (which
Debian's package creates) through ``runuser``. Each test gets a schema of its own in the one
database (``search_path`` in the URL), which is much faster than a database per test.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_SECONDS = 60


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(found[-1]).parent if found else None


def _version(path: str) -> int:
    try:
        return int(Path(path).parent.parent.name)
    except ValueError:
        return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server() -> Iterator[str]:
    """Start a server; yields the URL of its ``newsgraph`` database. Raises RuntimeError with
    the reason when it cannot be had."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL found under /usr/lib/postgresql (run `make setup`)")
    as_user: list[str] = []
    root = tempfile.mkdtemp(prefix="newsgraph-pg-")
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise RuntimeError("running as root without runuser: initdb cannot run")
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    data, port = os.path.join(root, "data"), _free_port()
    run = lambda *cmd: subprocess.run(  # noqa: E731
        [*as_user, *cmd], check=True, capture_output=True, text=True, timeout=START_SECONDS
    )
    try:
        run(str(bin_dir / "initdb"), "-D", data, "-U", "newsgraph", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        run(str(bin_dir / "pg_ctl"), "-D", data, "-o", options, "-l",
            os.path.join(root, "log"), "-w", "start")  # fmt: skip
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        detail = getattr(exc, "stderr", "") or str(exc)
        raise RuntimeError(f"could not start PostgreSQL: {detail.strip()[:300]}") from exc
    try:
        run(str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "newsgraph",
            "newsgraph")  # fmt: skip
        yield f"postgresql://newsgraph@127.0.0.1:{port}/newsgraph"
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", data, "-m", "immediate", "stop"],
            capture_output=True, timeout=START_SECONDS,
        )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


def fresh_schema(url: str) -> str:
    """A URL whose tables live in a new, empty schema of their own."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    return f"{url}?options=-csearch_path%3D{name}"
