"""Latency of the web server under load: 50 concurrent GET clients for a bounded time.

The server is started as a real `newsgraph serve` process on 127.0.0.1 (a free port; never
another address) over a store of BBC articles: 300 texts (60 per section) ingested once by the
real pipeline and cached as /tmp/newsgraph-load-<n>.db, or the store given with --db. The
clients cycle through a mix of pages and API routes (lists, an article, an entity profile,
search, timeline, overview) with keep-alive connections. A warm-up run of the same clients
(--warmup seconds, not counted) comes first, so that what each server process loads once (the
known-actor table, SQLite's page cache) is not measured as steady-state latency. Printed:
requests, errors (any status >= 400 or transport failure), p50/p95/p99 latency in ms and
requests per second, then p50/p95 per route group (ids folded into {id}).

    .venv/bin/python bench/load.py [--db FILE] [--clients 50] [--seconds 30] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
HOST = "127.0.0.1"  # loopback only: the bench never exposes the store
_ID_ROUTE = re.compile(r"^(/api)?/(articles|entities)/.+")


def build_store(corpus: Path, per_section: int) -> Path:
    """300 BBC texts ingested once by the CLI; reused on later runs."""
    db = Path(tempfile.gettempdir()) / f"newsgraph-load-{per_section * 5}.db"
    if db.exists():
        return db
    with tempfile.TemporaryDirectory() as folder:
        for section in sorted(p for p in corpus.iterdir() if p.is_dir()):
            for text in sorted(section.glob("*.txt"))[:per_section]:
                shutil.copy(text, Path(folder) / f"{section.name}-{text.name}")
        partial = db.with_suffix(".partial.db")
        partial.unlink(missing_ok=True)
        print(f"building {db} from {per_section * 5} BBC texts (once)...", flush=True)
        _newsgraph("ingest", folder, "--db", str(partial), "--workers", "2")
        partial.rename(db)
    return db


def _newsgraph(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], check=True, stdout=2)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    """`newsgraph serve` on loopback; returns once it answers."""
    args = ["serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    args += ["--workers", str(workers)]  # always given: serve's default is not one
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", *args], env=env, stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/overview", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


def routes(base: str) -> list[str]:
    """A mix of pages and API routes over ids that exist in the store."""
    articles = httpx.get(f"{base}/api/articles", params={"limit": 20}).json()["items"]
    entities = httpx.get(f"{base}/api/entities", params={"limit": 10}).json()["items"]
    mix = [
        "/",
        "/articles",
        "/entities",
        "/quotes",
        "/search?q=government",
        "/timeline?q=election",
        "/api/articles?limit=20",
        "/api/entities?type=PERSON",
        "/api/search?q=market+shares",
        "/api/quotes?search=said",
        "/api/events?limit=20",
        "/api/overview",
    ]
    mix += [f"/api/articles/{a['id']}" for a in articles[:5]]
    mix += [f"/articles/{a['id']}" for a in articles[5:10]]
    mix += [f"/api/entities/{e['id']}" for e in entities[:3]]
    mix += [f"/entities/{e['id']}" for e in entities[3:6]]
    return mix


async def client(
    base: str, paths: list[str], offset: int, stop: float, latencies: dict[str, list[float]]
) -> int:
    """One client on one keep-alive connection: requests in turn until ``stop``; returns its
    error count. Raw HTTP/1.1 on asyncio streams: httpx spent more CPU than the server did,
    and on two cores the load generator must stay light to measure the server."""
    errors = 0
    host, port = base.removeprefix("http://").split(":")
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    i = offset
    while time.monotonic() < stop:
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        try:
            connection = connection or await asyncio.open_connection(host, int(port))
            status = await asyncio.wait_for(_get(*connection, path, host), timeout=30)
            if status >= 400:
                errors += 1
        except (OSError, ValueError, asyncio.TimeoutError, asyncio.IncompleteReadError):
            errors += 1
            connection = None
        latencies.setdefault(path, []).append((time.perf_counter() - start) * 1000)
    if connection:
        connection[1].close()
    return errors


async def _get(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, host: str
) -> int:
    """One GET on an open connection; the status, with the body read to its end."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    headers = head.lower()
    if b"transfer-encoding: chunked" in headers:
        while size := int((await reader.readuntil(b"\r\n")).strip(), 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    else:
        length = int(headers.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
        await reader.readexactly(length)
    return status


async def load(base: str, paths: list[str], clients: int, seconds: float) -> LoadResult:
    """``clients`` clients for ``seconds``: latencies by route and the error count."""
    by_route: dict[str, list[float]] = {}
    started = time.monotonic()
    stop = started + seconds
    errors = await asyncio.gather(
        *(client(base, paths, n * 7, stop, by_route) for n in range(clients))
    )
    return LoadResult(by_route, sum(errors), time.monotonic() - started)


class LoadResult:
    """What one run measured."""

    def __init__(self, by_route: dict[str, list[float]], errors: int, elapsed: float) -> None:
        self.by_route = by_route
        self.errors = errors
        self.elapsed = elapsed

    def report(self, clients: int) -> None:
        latencies = [ms for route in self.by_route.values() for ms in route]
        q = statistics.quantiles(latencies, n=100)
        print(
            f"{len(latencies)} requests, {self.errors} errors, {clients} clients, "
            f"{self.elapsed:.1f} s: p50 {q[49]:.0f} ms, p95 {q[94]:.0f} ms, p99 {q[98]:.0f} ms, "
            f"{len(latencies) / self.elapsed:.0f} requests/s"
        )
        groups: dict[str, list[float]] = {}
        for path, ms in self.by_route.items():
            groups.setdefault(route_group(path), []).extend(ms)
        print(f"{'route group':<28} {'requests':>8} {'p50 ms':>7} {'p95 ms':>7}")
        for group, ms in sorted(groups.items(), key=lambda kv: -statistics.median(kv[1])):
            p = statistics.quantiles(ms, n=100) if len(ms) > 1 else ms * 99
            print(f"{group:<28} {len(ms):>8} {p[49]:>7.0f} {p[94]:>7.0f}")


def route_group(path: str) -> str:
    """The route a path is served by: ids become {id}, the query string is dropped."""
    path = path.split("?", 1)[0]
    match = _ID_ROUTE.match(path)
    if match:
        return f"{match.group(1) or ''}/{match.group(2)}/{{id}}"
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="serve this store instead of the BBC one")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--per-section", type=int, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of uncounted load")
    args = parser.parse_args()
    db = args.db or build_store(args.corpus, args.per_section)
    port = free_port()
    server = start_server(db, port, args.workers)
    try:
        base = f"http://{HOST}:{port}"
        paths = routes(base)
        print(f"serving {db} with {args.workers} worker(s); {len(paths)} routes in the mix")
        if args.warmup > 0:
            warm = asyncio.run(load(base, paths, args.clients, args.warmup))
            print(
                f"warm-up: {args.warmup:.0f} s, {sum(map(len, warm.by_route.values()))} "
                f"requests, {warm.errors} errors (not counted)"
            )
        asyncio.run(load(base, paths, args.clients, args.seconds)).report(args.clients)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
