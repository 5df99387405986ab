"""Where articles come from: files, folders (recursive), stdin; the kind of each input sniffed.

Every problem with one input (missing, unreadable, binary, too large, not an article) becomes a
``Rejected`` with a one-line reason, and reading goes on with the next input.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import RejectedInput
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.records import read_json_document, read_records
from newsgraph.ingest.rejected import Rejected
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

__all__ = ["Rejected", "read_bytes", "read_sources", "sniff_kind"]

STDIN = "-"
EXTENSIONS_BY_KIND = {
    "text": (".txt", ".text"),
    "html": (".html", ".htm", ".xhtml"),
    "jsonl": (".jsonl", ".ndjson"),
    "json": (".json",),
    "feed": (".rss", ".atom", ".xml"),
}
KIND_BY_EXTENSION: dict[str, str | None] = {
    "": None,  # no extension: sniff the content
    **{ext: kind for kind, exts in EXTENSIONS_BY_KIND.items() for ext in exts},
}
# An XML declaration, processing instructions and comments, then a feed's root element.
_FEED = re.compile(r"(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.I | re.S)
_MARKUP = re.compile(r"<!doctype html|<(?:html|head|body|article|div|p|main|section)[\s>]", re.I)
SNIFF_CHARS = 2000

Item = Article | Rejected


def read_sources(
    paths: Iterable[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    words: WordLists | None = None,
) -> Iterator[Item]:
    """An Article or a Rejected for every input found under these paths, in order.

    ``words`` is the loader of the cleaner's and the checks' word lists, shared by every input
    read (ingest runs before any Pipeline exists): one for ``settings.language`` if not given.
    """
    words = words or WordLists(settings.language)
    for name in paths:
        if name == STDIN:
            yield from read_stream(stdin or sys.stdin.buffer, "<stdin>", settings, words)
        else:
            yield from read_path(Path(name), settings, words)


def read_path(path: Path, settings: Settings, words: WordLists) -> Iterator[Item]:
    """A file, or every article file in a folder and its subfolders."""
    if path.is_dir():
        yield from read_folder(path, settings, words)
    elif path.is_file():
        yield from read_file(path, settings, words)
    elif path.exists():
        yield Rejected(str(path), "not a regular file (device, socket or pipe); name a file")
    else:
        yield Rejected(str(path), "no such file or folder")


def read_folder(folder: Path, settings: Settings, words: WordLists) -> Iterator[Item]:
    """Article files under a folder by name order; other files are reported, not read."""
    for found in _walk(folder):
        if isinstance(found, Rejected):
            yield found
        elif found.suffix.lower() in KIND_BY_EXTENSION:
            yield from read_file(found, settings, words)
        else:
            reason = (
                f"skipped: {found.suffix!r} is not an article file type; name the file to read it"
            )
            yield Rejected(str(found), reason)


def _walk(folder: Path) -> Iterator[Path | Rejected]:
    """Files under a folder, depth first by name; hidden entries and symlinked folders skipped."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        yield Rejected(str(folder), f"cannot list this folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.is_file():
            yield entry


def read_file(path: Path, settings: Settings, words: WordLists) -> Iterator[Item]:
    """The articles in one file (one, or one per record for JSON Lines)."""
    origin = str(path)
    kind = KIND_BY_EXTENSION.get(path.suffix.lower(), "text")
    try:
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl_stream(stream, origin, settings, words)
            return
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield Rejected(origin, _too_large(size, settings))
            return
        yield from read_bytes(path.read_bytes(), origin, settings, kind, words)
    except OSError as exc:
        yield Rejected(origin, f"cannot read: {exc.strerror or exc}")


def read_stream(
    stream: BinaryIO, origin: str, settings: Settings, words: WordLists
) -> Iterator[Item]:
    """Everything on a byte stream such as stdin, its kind sniffed from the content."""
    try:
        data = stream.read(settings.max_bytes + 1)
    except OSError as exc:
        yield Rejected(origin, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > settings.max_bytes:
        yield Rejected(origin, _too_large(len(data), settings, at_least=True))
        return
    yield from read_bytes(data, origin, settings, None, words)


def read_bytes(
    data: bytes,
    origin: str,
    settings: Settings,
    kind: str | None = None,
    words: WordLists | None = None,
) -> Iterator[Item]:
    """The articles in one input's bytes; kind text | html | jsonl | json | feed, or None to
    sniff."""
    words = words or WordLists(settings.language)
    try:
        text = decode_bytes(data)
    except RejectedInput as exc:
        yield Rejected(origin, exc.reason)
        return
    kind = sniff_kind(text, kind)
    if kind == "jsonl":
        yield from read_records(enumerate(text.splitlines(), start=1), origin, settings, words)
    elif kind == "json":
        yield from read_json_document(text, origin, settings, words)
    elif kind == "feed":
        yield from read_feed(text, origin, settings, words)
    elif kind == "html":
        yield _one(origin, lambda: article_from_html(text, settings, origin, words=words))
    else:
        yield _one(origin, lambda: article_from_text(text, settings, origin, words=words))


def sniff_kind(text: str, declared: str | None = None) -> str:
    """The declared kind, except that markup makes text HTML; unknown kinds are sniffed fully."""
    head = text.lstrip()[:SNIFF_CHARS]
    if declared in ("html", "jsonl", "json", "feed"):
        return declared
    if head.startswith("<") and _FEED.match(head):
        return "feed"
    if head.startswith("<") and _MARKUP.search(head):
        return "html"
    if declared is None and head.startswith("{"):
        return "jsonl"
    if declared is None and head.startswith("["):
        return "json"
    return "text"


def _one(origin: str, read: Callable[[], Article]) -> Item:
    """One reader call, its failure turned into a Rejected so the batch goes on."""
    try:
        return read()
    except RejectedInput as exc:
        return Rejected(origin, exc.reason)
    except Exception as exc:  # a library choking on odd input must not stop the batch
        return Rejected(origin, f"could not read this input ({type(exc).__name__}: {exc})")


def read_jsonl_stream(
    stream: BinaryIO, origin: str, settings: Settings, words: WordLists
) -> Iterator[Item]:
    """JSON Lines read line by line (UTF-8), each line held to settings.max_bytes."""
    first = stream.peek(SNIFF_CHARS)[:SNIFF_CHARS] if hasattr(stream, "peek") else b""
    if b"\x00" in first:
        yield Rejected(origin, "binary data (NUL bytes); expected JSON Lines in UTF-8")
        return
    number = 0
    while True:
        raw = stream.readline(settings.max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > settings.max_bytes:
            _skip_rest_of_line(stream, raw, settings.max_bytes)
            yield Rejected(f"{origin}:{number}", _too_large(len(raw), settings, at_least=True))
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            reason = f"line {number} is not UTF-8 ({exc.reason} at byte {exc.start})"
            yield Rejected(f"{origin}:{number}", reason)
            continue
        yield from read_records([(number, line)], origin, settings, words)


def _skip_rest_of_line(stream: BinaryIO, read: bytes, chunk: int) -> None:
    while read and not read.endswith(b"\n"):
        read = stream.readline(chunk)


def _too_large(size: int, settings: Settings, at_least: bool = False) -> str:
    amount = f"over {size - 1:,}" if at_least else f"{size:,}"
    return (
        f"too large: {amount} bytes, more than max_bytes={settings.max_bytes:,}; "
        f"split the input or raise the limit"
    )
