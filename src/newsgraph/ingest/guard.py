"""One input at a time under a guard: whatever goes wrong becomes a one-line ``Rejected``.

Readers raise ``RejectedInput`` for the failures they foresee; the guard also catches what
they do not (a library choking on odd input, a ``RecursionError``, a ``MemoryError``), so
one input never ends a batch. Names printed or stored are made into valid text here too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from newsgraph.errors import RejectedInput
from newsgraph.ingest.rejected import Rejected
from newsgraph.model import Article

Item = Article | Rejected
MAX_CAUSE_CHARS = 200  # an exception's message is cut: some quote the whole input


def guarded(origin: str, read: Callable[..., Iterable[Item]], *args: Any) -> Iterator[Item]:
    """The items ``read(*args)`` yields; if it raises, one Rejected for ``origin`` ends them."""
    try:
        yield from read(*args)
    except RejectedInput as exc:
        yield Rejected(exc.origin or origin, exc.reason)
    except Exception as exc:  # any failure of one input is its rejection, never the batch's end
        yield Rejected(origin, failure_reason(exc))


def failure_reason(exc: BaseException) -> str:
    """A one-line cause for an unforeseen exception, naming its type."""
    if isinstance(exc, RecursionError):
        return "could not read this input: nested too deeply (RecursionError)"
    if isinstance(exc, MemoryError):
        return "could not read this input: out of memory (MemoryError)"
    message = " ".join(str(exc).split())
    if len(message) > MAX_CAUSE_CHARS:
        message = message[:MAX_CAUSE_CHARS] + "…"
    return f"could not read this input ({type(exc).__name__}: {message})"


def path_name(path: Path | str) -> str:
    """A file name as valid text: bytes that are not UTF-8 shown as ``\\xff``, not lost.

    ``Path`` holds such bytes as lone surrogates (surrogateescape), which no UTF-8 encoder,
    terminal or store accepts; the escaped form names the same file unambiguously.
    """
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")
