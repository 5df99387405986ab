"""The odd-input folder, generated here (not committed), ingested by the CLI to completion.

Every bad input gives exactly one rejection line naming it; every valid article is stored;
the batch ends with its summary and exit 0.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest.html import MAX_HTML_ELEMENTS

STORIES = {  # three short, distinct articles: the NLP part stays small
    "harbour": "The harbour authority in Tema said on Monday that cargo traffic rose by a tenth "
    "last year, and that the new container terminal would open to ships in the spring. ",
    "schools": "The education ministry said on Tuesday that it would hire two thousand teachers "
    "for rural schools, and that the money would come from the budget agreed last year. ",
    "rains": "The weather service warned on Wednesday that heavy rains would reach the northern "
    "region by the weekend, and that farmers should move their stock to higher ground. ",
}


def body(name: str) -> str:
    return STORIES[name] * 2


def make_odd_corpus(root: Path) -> tuple[Path, list[str]]:
    """An odd-input folder under ``root``; the origins each bad input is rejected under."""
    folder = root / "odd"
    folder.mkdir()
    bad: dict[str, str | bytes] = {
        "nested.json": "[" * 1000 + "]" * 1000,
        "bom_only.json": b"\xef\xbb\xbf",
        "empty_array.json": "[]",
        "empty.jsonl": "",
        "notes.md": "# not an article type",
        "short.txt": "Too short to be an article.",
        "report.txt": b"%PDF-1.4 binary",
        "huge_dom.html": "<html><body>" + "<p>w</p>" * (MAX_HTML_ELEMENTS + 1) + "</body></html>",
    }
    for name, content in bad.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    rejected = [f"{folder}/{name}" for name in bad]
    lines = {
        "objects.jsonl": ['{"a":' * 1000 + "1" + "}" * 1000],
        "big_int.jsonl": ['{"id": ' + "9" * 5000 + ', "text": "x"}'],
    }
    for name, content in lines.items():
        (folder / name).write_text("\n".join(content) + "\n")
        rejected.append(f"{folder}/{name}:1")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "dir.txt").mkdir()
    (root / "secret.txt").write_text(body("rains"))
    (folder / "outside.txt").symlink_to(root / "secret.txt")
    for name in ("dangling.txt", "loop.txt", "pipe.txt", "dir.txt", "outside.txt"):
        rejected.append(f"{folder}/{name}")
    _write_valid_articles(folder)
    return folder, rejected


def _write_valid_articles(folder: Path) -> None:
    """Three stored articles with hostile names and metadata (the warnings are the test)."""
    (folder / "mark[").mkdir()
    (folder / "mark[" / "]up.txt").write_text(body("harbour"))
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "w") as handle:
        handle.write(body("schools"))
    record = {
        "id": "odd\ud800id",
        "title": "t" * 1_000_000,
        "published": "2024-02-30T25:61:61Z",
        "author": 7,
        "text": body("rains") + "\ud800",
    }
    (folder / "hostile_record.jsonl").write_text(json.dumps(record) + "\n")


def test_odd_folder_ingests_to_completion(tmp_path: Path) -> None:
    folder, rejected = make_odd_corpus(tmp_path)
    db = tmp_path / "odd.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    summary_lines = [x for x in result.stdout.splitlines() if x.startswith("  rejected ")]
    named = sorted(line.split(": ")[0].removeprefix("  rejected ") for line in summary_lines)
    assert named == sorted(rejected)
    assert "3 ingested" in result.stdout and f"{len(rejected)} rejected" in result.stdout
    with sqlite3.connect(db) as conn:
        origins = {row[0] for row in conn.execute("SELECT origin FROM articles")}
    assert origins == {
        f"{folder}/mark[/]up.txt",
        f"{folder}/bad\\xffname.txt",
        f"{folder}/hostile_record.jsonl:1",
    }
