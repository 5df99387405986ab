"""The cleaner on real news text from ../shared: it must not cut prose or invent headlines.

BBC articles have their headline on the first line and no furniture; PolNeAR dev texts have
their headline on the first line, often ending in a period.
"""

from __future__ import annotations

from pathlib import Path

from conftest import shared_path
from newsgraph.clean import clean_text

BBC_STEP = 7  # every 7th file in name order: about 320 articles across the five topics


def _first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip().split("\n", 1)[0].strip()


def _bbc_files() -> list[Path]:
    return sorted(shared_path("corpora", "bbc").rglob("*.txt"))[::BBC_STEP]


def test_bbc_articles_lose_nothing_to_boilerplate_cues() -> None:
    cut = [(p.name, r.text) for p in _bbc_files() for r in clean_text(p.read_text()).removed]
    assert cut == []


def test_bbc_headline_is_the_first_line() -> None:
    wrong = [p.name for p in _bbc_files() if clean_text(p.read_text()).title != _first_line(p)]
    assert wrong == []


def test_polnear_titles_found_are_the_first_line() -> None:
    files = sorted(shared_path("data", "polnear", "dev", "text").glob("*.txt"))
    titles = {p.name: clean_text(p.read_text(encoding="utf-8")).title for p in files}
    found = {name: t for name, t in titles.items() if t}
    assert all(t == " ".join(_first_line(p).split()) for p in files if (t := found.get(p.name)))
    assert len(found) >= 47  # of 84; headlines in sentence case ending in '.' are left in the body
