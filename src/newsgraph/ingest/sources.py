"""Where articles come from: files, folders (recursive), stdin; the kind of each input sniffed.

Every problem with one input (missing, unreadable, binary, too large, not an article, or any
exception a reader raises) becomes a ``Rejected`` with a one-line reason, and reading goes on
with the next input. Nothing is skipped silently: special files, dangling or looping symlinks,
empty folders and unsupported file types each get their line too. Symlinks that leave the
folder being read are not followed unless ``follow_links`` is set.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import RejectedInput
from newsgraph.ingest.decode import decode_with_notes
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.guard import failure_reason, guarded, path_name
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
    follow_links: bool = False,
) -> Iterator[Item]:
    """An Article or a Rejected for every input found under these paths, in order.

    ``words`` is the loader of the cleaner's and the checks' word lists, shared by every input
    read (ingest runs before any Pipeline exists): one for ``settings.language`` if not given.
    ``follow_links`` reads symlinks in folders that point outside the folder named.
    """
    words = words or WordLists(settings.language)
    for name in paths:
        if name == STDIN:
            stream = stdin or sys.stdin.buffer
            yield from guarded("<stdin>", read_stream, stream, "<stdin>", settings, words)
        else:
            path = Path(os.fsdecode(name))
            reader = Reader(settings, words, follow_links)
            yield from guarded(path_name(path), reader.read_path, path)


class Reader:
    """Reads named paths: files, and folders walked depth first in name order."""

    def __init__(self, settings: Settings, words: WordLists, follow_links: bool) -> None:
        self.settings = settings
        self.words = words
        self.follow_links = follow_links
        self.seen_folders: set[Path] = set()  # real paths walked: a link loop is read once

    def read_path(self, path: Path) -> Iterator[Item]:
        """A file as named (a symlink named is followed), or every article file in a folder."""
        origin = path_name(path)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield Rejected(origin, _stat_problem(path, exc))
            return
        if stat.S_ISDIR(mode):
            yield from self.read_folder(path, path.resolve())
        elif stat.S_ISREG(mode):
            yield from guarded(origin, read_file, path, self.settings, self.words)
        else:
            yield Rejected(origin, f"not a regular file ({_file_type(mode)}); name a file")

    def read_folder(self, folder: Path, root: Path) -> Iterator[Item]:
        """Article files under a folder by name order; everything else gets a reason."""
        origin = path_name(folder)
        real = folder.resolve()
        if real in self.seen_folders:
            yield Rejected(origin, "folder already read (through a symlink); not read again")
            return
        self.seen_folders.add(real)
        try:
            entries = sorted(folder.iterdir())
        except OSError as exc:
            yield Rejected(origin, f"cannot list this folder: {exc.strerror or exc}")
            return
        visible = [entry for entry in entries if not entry.name.startswith(".")]
        if not visible:
            yield Rejected(origin, "empty folder: no files to read")
        for entry in visible:
            yield from guarded(path_name(entry), self.read_entry, entry, root)

    def read_entry(self, entry: Path, root: Path) -> Iterator[Item]:
        """One folder entry: a file of an article type, a subfolder, or a reason why not."""
        origin = path_name(entry)
        try:
            mode = entry.stat().st_mode  # follows links: a dangling or looping one raises
        except OSError as exc:
            yield Rejected(origin, _stat_problem(entry, exc))
            return
        if entry.is_symlink() and not self.follow_links and not _inside(entry.resolve(), root):
            yield Rejected(
                origin,
                f"symlink to {path_name(entry.resolve())}, outside {path_name(root)}: "
                f"not followed; pass --follow-links to read it",
            )
        elif stat.S_ISDIR(mode):
            yield from self.read_folder(entry, root)
        elif not stat.S_ISREG(mode):
            yield Rejected(origin, f"not a regular file ({_file_type(mode)}); skipped")
        elif entry.suffix.lower() not in KIND_BY_EXTENSION:
            reason = (
                f"skipped: {entry.suffix!r} is not an article file type; name the file to read it"
            )
            yield Rejected(origin, reason)
        else:
            yield from read_file(entry, self.settings, self.words)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _stat_problem(path: Path, exc: OSError) -> str:
    """Why a path cannot be looked at: missing, a dangling or looping symlink, no access."""
    if path.is_symlink():
        if isinstance(exc, FileNotFoundError):
            return f"dangling symlink (to {path_name(os.readlink(path))}, which does not exist)"
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link leads back to itself"
        return f"symlink cannot be followed: {exc.strerror or exc}"
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    return f"cannot read: {exc.strerror or exc}"


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def read_file(path: Path, settings: Settings, words: WordLists) -> Iterator[Item]:
    """The articles in one file (one, or one per record for JSON Lines)."""
    origin = path_name(path)
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
    sniff. Never raises: any failure is a Rejected for ``origin``."""
    words = words or WordLists(settings.language)
    yield from guarded(origin, _read_bytes, data, origin, settings, kind, words)


def _read_bytes(
    data: bytes, origin: str, settings: Settings, kind: str | None, words: WordLists
) -> Iterator[Item]:
    try:
        text, notes = decode_with_notes(data)
    except RejectedInput as exc:
        yield Rejected(origin, exc.reason)
        return
    if not text.strip():
        yield Rejected(origin, "empty input: nothing but a byte-order mark or blank space")
        return
    for item in _read_text(text, origin, settings, kind, words):
        if isinstance(item, Article):
            item.warnings[:0] = notes
        yield item


def _read_text(
    text: str, origin: str, settings: Settings, kind: str | None, words: WordLists
) -> Iterator[Item]:
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
        return Rejected(origin, failure_reason(exc))


def read_jsonl_stream(
    stream: BinaryIO, origin: str, settings: Settings, words: WordLists
) -> Iterator[Item]:
    """JSON Lines read line by line (UTF-8), each line held to settings.max_bytes."""
    first = stream.peek(SNIFF_CHARS)[:SNIFF_CHARS] if hasattr(stream, "peek") else b""
    if b"\x00" in first:
        yield Rejected(origin, "binary data (NUL bytes); expected JSON Lines in UTF-8")
        return
    empty = True
    for item in _jsonl_items(stream, origin, settings, words):
        empty = False
        yield item
    if empty:
        yield Rejected(origin, "empty JSON Lines file: no records to read")


def _jsonl_items(
    stream: BinaryIO, origin: str, settings: Settings, words: WordLists
) -> Iterator[Item]:
    number = 0
    while True:
        raw = stream.readline(settings.max_bytes + 1)
        if not raw:
            break
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
