"""``serve --workers N``: N server processes on one port, the kernel spreading connections.

uvicorn's own ``workers=N`` shares one listening socket: whichever process wakes first accepts
every connection waiting, so a burst of keep-alive clients can land on one process while the
other idles (bench/load.py saw one worker at 93% CPU and the other at 50%, and runs alternating
between one process's and two processes' throughput). Here each process listens on its own
socket bound with ``SO_REUSEPORT``, and Linux hashes each new connection to one of them.
Where the option does not exist, uvicorn's shared socket is used instead.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import time
from multiprocessing.process import BaseProcess
from types import FrameType

APP = "newsgraph.web.app:app_from_env"  # each process builds its app from NEWSGRAPH_* variables
BACKLOG = 2048
RESTART_PAUSE = 1.0  # seconds between a worker's death and its replacement
STARTUP_GRACE = 10.0  # a worker dead sooner than this failed to start: stop, do not loop


def reuse_port_supported() -> bool:
    return hasattr(socket, "SO_REUSEPORT")


def run_workers(host: str, port: int, workers: int) -> None:
    """Run ``workers`` processes until SIGINT or SIGTERM; a worker that dies is replaced."""
    import uvicorn

    if not reuse_port_supported() or port == 0:  # port 0 would give each its own port
        uvicorn.run(APP, factory=True, workers=workers, host=host, port=port)
        return
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    started: dict[BaseProcess, float] = {}
    try:
        while not stopping:
            for process in [p for p in started if not p.is_alive()]:
                if time.monotonic() - started.pop(process) < STARTUP_GRACE:
                    raise SystemExit(f"a server process failed to start (exit {process.exitcode})")
            while len(started) < workers and not stopping:
                process = context.Process(target=serve_one, args=(host, port), daemon=True)
                process.start()
                started[process] = time.monotonic()
            time.sleep(RESTART_PAUSE)
    finally:
        processes = list(started)
        for process in processes:
            process.terminate()  # uvicorn shuts down gracefully on SIGTERM
        for process in processes:
            process.join(30)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def serve_one(host: str, port: int) -> None:
    """One worker: its own socket on the shared port, one uvicorn server."""
    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    config = uvicorn.Config(APP, factory=True, host=host, port=port)
    uvicorn.Server(config).run(sockets=[sock])
