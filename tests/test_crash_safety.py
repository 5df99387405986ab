"""kill -9 during ``newsgraph ingest``, three times, then a full run: every article once.

The articles are short generated English texts so the NLP is quick. Each article is analysed
and stored on its own (NEWSGRAPH_BATCH_SIZE=1, NEWSGRAPH_SAVE_CHUNK=1): commits come tens of
milliseconds apart, so the kills land while work remains, between and inside commits.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import newsgraph

N_ARTICLES = 15
KILLS = 3
CITIES = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast", "Norwich", "Exeter", "Dundee"]
PEOPLE = ["Sarah Hughes", "David Okafor", "Maria Lopez", "James Patel", "Helen Byrne"]
WORK = ["hospital", "university", "water company", "football club", "museum", "rail operator"]


def article_text(n: int) -> str:
    """A short news story, different enough from the others not to count as a copy."""
    city, person, work = CITIES[n % 8], PEOPLE[n % 5], WORK[n % 6]
    first = person.split()[0]
    return (
        f"{person} to lead {city} {work} from {n + 1} May\n\n"
        f"The {city} {work} said on Tuesday that {person}, who ran a charity for {n + 3} years, "
        f'will take charge next month. "We are delighted that {first} has agreed to join us," '
        f"said the chair of the board, Peter Grant. The {work} employs {120 + n * 7} people and "
        f"spent £{n + 2} million on new buildings last year. {first} replaces a director who "
        f"retired in March after {n + 5} years in the post. Officials in {city} said the "
        f"appointment would help plans to open {n + 2} new sites by 2027. Story marker "
        f"crashcheck{n:02d}.\n"
    )


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for n in range(N_ARTICLES):
        (folder / f"story{n:02d}.txt").write_text(article_text(n), encoding="utf-8")


def stored(db: Path) -> int:
    """Articles committed so far (0 before the store exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def start_ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    src = str(Path(newsgraph.__file__).resolve().parents[1])
    env = {
        **os.environ,
        "PYTHONPATH": src,
        "NEWSGRAPH_SAVE_CHUNK": "1",
        "NEWSGRAPH_BATCH_SIZE": "1",
    }
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", str(folder), "--db", str(db)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill_after(proc: subprocess.Popen[bytes], db: Path, target: int, rng: random.Random) -> None:
    """Kill -9 once ``target`` articles are stored, a random moment later (before the next
    commit, or during it), or let it end."""
    deadline = time.monotonic() + 30
    while proc.poll() is None and stored(db) < target and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(rng.uniform(0, 0.03))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_three_kills_then_a_rerun_store_every_article_exactly_once(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    folder, db = tmp_path / "in", tmp_path / "kb.db"
    write_articles(folder)
    for _ in range(KILLS):
        target = min(N_ARTICLES - 1, stored(db) + rng.randint(1, 4))
        kill_after(start_ingest(folder, db), db, target, rng)
    assert 0 < stored(db) < N_ARTICLES, (seed, "the kills should leave work for the re-run")
    final = start_ingest(folder, db)
    _, errors = final.communicate(timeout=60)
    assert final.returncode == 0, (seed, errors.decode(errors="replace"))
    check_exactly_once(db, seed)


def check_exactly_once(db: Path, seed: int) -> None:
    with sqlite3.connect(db) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        origins = [Path(o).name for (o,) in conn.execute("SELECT origin FROM articles")]
        assert sorted(origins) == [f"story{n:02d}.txt" for n in range(N_ARTICLES)], seed
        assert one("PRAGMA integrity_check") == "ok", seed
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], seed
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        assert one("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'story'") == (
            N_ARTICLES
        ), seed
        orphans = "SELECT count(*) FROM kb_links WHERE article_id NOT IN (SELECT id FROM articles)"
        assert one(orphans) == 0, seed
        assert one("SELECT count(*) FROM kb_links") > 0, seed
