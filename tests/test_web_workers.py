"""`serve --workers 2`: two real server processes on one port, each with its own socket."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from newsgraph.api import open_store
from newsgraph.web.workers import reuse_port_supported
from test_kb_queries import build


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_two_workers_serve_one_port_and_stop_on_sigterm(tmp_path: Path) -> None:
    assert reuse_port_supported()  # Linux: the kernel spreads connections between the sockets
    db = tmp_path / "w.db"
    with open_store(db) as store:
        build(store)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_TOKEN"}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        answers = []
        for _ in range(300):  # until both processes are up: each answers on its own socket
            try:
                with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
                    answers.append(client.get("/api/overview").json()["articles"])
            except httpx.TransportError:
                time.sleep(0.1)
            if len(answers) >= 20:
                break
        assert answers == [2] * 20
    finally:
        server.terminate()
        assert server.wait(timeout=60) == 0
