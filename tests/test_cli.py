"""The CLI shell over a small store: each command runs, prints, and fails in one clean line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Article, Entity, Event, Mention, Quote
from newsgraph.store import open_store

TEXT = (
    "Haitian Foreign Minister Dominique Dupuy said Kenya leads the mission. "
    "Dupuy and Kenya agreed on police deployments."
)

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store with one hand-built article (no NLP), as a path string for --db."""
    path = tmp_path / "cli.db"
    dupuy = Entity("p", "Dominique Dupuy", "PERSON", [Mention(25, 40, "Dominique Dupuy")])
    dupuy.titles = ["Foreign Minister"]
    kenya = Entity("k", "Kenya", "GPE", [Mention(46, 51, "Kenya")], country="KEN")
    art = Article(id="a1", text=TEXT, title="Mission", source="VOA", published="2024-05-01")
    art.entities = [dupuy, kenya]
    art.quotes = [Quote("Kenya leads the mission", 46, 69, "indirect", speaker="p")]
    art.events = [Event("v1", "AGREE", "agreed", 87, 93, actor="p", target="k")]
    with open_store(path) as store:  # type: ignore[attr-defined]
        store.save(art)
    return str(path)


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_show_prints_entities_with_titles(db: str) -> None:
    code, output = run("show", "a1", "--db", db)
    assert code == 0 and "Dupuy" in output and "Foreign" in output


def test_show_missing_article_is_one_clean_line(db: str) -> None:
    code, output = run("show", "nope", "--db", db)
    assert code == 1 and output.strip().startswith("error:") and "Traceback" not in output


def test_entities_filters_by_type(db: str) -> None:
    code, output = run("entities", "--type", "GPE", "--db", db)
    assert code == 0 and "Kenya" in output and "Dupuy" not in output


def test_entity_shows_merge_evidence(db: str) -> None:
    code, output = run("entity", "Dupuy", "--db", db)
    assert code == 0 and "same full name" in output


def test_search_prints_hits(db: str) -> None:
    code, output = run("search", "police", "--db", db)
    assert code == 0 and "1 articles match" in output


def test_quotes_by_speaker(db: str) -> None:
    code, output = run("quotes", "--speaker", "Dupuy", "--db", db)
    assert code == 0 and "Kenya leads the mission" in output


def test_timeline_of_entity(db: str) -> None:
    code, output = run("timeline", "Kenya", "--db", db)
    assert code == 0 and "AGREE" in output


def test_timeline_rejects_bad_date(db: str) -> None:
    code, output = run("timeline", "Kenya", "--from", "May 2024", "--db", db)
    assert code == 1 and "YYYY" in output


def test_export_writes_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "entities.csv"
    code, _ = run("export", "--format", "csv", "--what", "entities", "--out", str(out), "--db", db)
    assert code == 0 and "Dominique Dupuy" in out.read_text()


def test_export_unknown_format_fails_cleanly(db: str) -> None:
    code, output = run("export", "--format", "xlsx", "--db", db)
    assert code == 1 and "choose one of" in output


def test_overview_counts(db: str) -> None:
    code, output = run("overview", "--db", db)
    assert code == 0 and "1 articles" in output and "Kenya" in output


def test_unmerge_reports_new_kb_id(db: str) -> None:
    code, output = run("unmerge", "a1", "k", "--db", db)
    assert code == 0 and "is now KB entity kb_" in output


def test_missing_store_is_one_clean_line(tmp_path: Path) -> None:
    code, output = run("entities", "--db", str(tmp_path / "absent.db"))
    assert code == 1 and "newsgraph ingest" in output


def test_ingest_stores_text_and_reports_rejects(tmp_path: Path) -> None:
    good = tmp_path / "story.txt"
    good.write_text(
        "Kenya sends police to Haiti\n\n"
        + "Kenya sent four hundred police officers to Haiti on Tuesday to lead a mission "
        "against armed gangs, the government in Nairobi said in a statement. " * 3
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = str(tmp_path / "ingest.db")
    code, output = run("ingest", str(good), str(empty), "--db", db)
    assert code == 0 and "1 ingested" in output and "1 rejected" in output
    assert "1 duplicates skipped" in run("ingest", str(good), "--db", db)[1]
