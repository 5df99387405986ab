"""The CLI shell over a small store: each command runs, prints, and fails in one clean line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.api import open_store
from newsgraph.cli import app
from newsgraph.model import Article, Entity, Event, Mention, Quote
from test_kb_queries import smith_store

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


@pytest.fixture
def smiths(tmp_path: Path) -> str:
    """A store where "Smith" fits two people and a town (see test_kb_queries)."""
    return str(smith_store(tmp_path / "smiths.db"))


def kb_id_of(db: str, name: str) -> str:
    with open_store(db) as store:  # type: ignore[attr-defined]
        return str(next(e.id for e in store.list_entities(limit=100).items if e.name == name))


def test_entity_lists_every_smith_and_exits_0(smiths: str) -> None:
    code, output = run("entity", "Smith", "--db", smiths)
    assert code == 0 and "3 entities named Smith (2 PERSON, 1 GPE)" in output
    assert "Jada" in output and "Washington" in output
    assert "why these mentions" not in output  # no profile: nothing was picked


def test_entity_by_kb_id_shows_that_one(smiths: str) -> None:
    code, output = run("entity", kb_id_of(smiths, "Smith"), "--db", smiths)
    assert code == 0 and "why these mentions" in output and "Alex" not in output


def test_entity_full_name_fitting_one_shows_its_profile(smiths: str) -> None:
    code, output = run("entity", "Reggie Bush", "--db", smiths)
    assert code == 0 and output.startswith("Reggie Bush PERSON")


def test_timeline_of_an_ambiguous_name_lists_candidates(smiths: str) -> None:
    code, output = run("timeline", "Smith", "--db", smiths)
    assert code == 0 and "give a KB id" in output


def test_merge_moves_one_entity_into_another(smiths: str) -> None:
    jada, alex = kb_id_of(smiths, "Jada Pinkett Smith"), kb_id_of(smiths, "Alex Smith")
    code, output = run("merge", jada, alex, "--db", smiths)
    assert code == 0 and f"merged into {alex}" in output and "3 stories" in output


def test_merge_unknown_id_is_one_clean_line(smiths: str) -> None:
    code, output = run("merge", "kb_nope", kb_id_of(smiths, "Alex Smith"), "--db", smiths)
    assert code == 1 and output.startswith("error:") and "kb_nope" in output


def test_unmerge_reports_new_kb_id(smiths: str) -> None:
    code, output = run("unmerge", "s3", "e0", "--db", smiths)
    assert code == 0 and "s3/e0 is now KB entity kb_" in output


def test_unmerge_of_an_only_mention_is_refused(db: str) -> None:
    code, output = run("unmerge", "a1", "k", "--db", db)
    assert code == 1 and "only mention" in output


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


def fake_uvicorn(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Capture what `serve` would start instead of starting it."""
    started: dict = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.update(app=app, **kw))
    return started


def test_serve_is_read_only_without_token(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    started = fake_uvicorn(monkeypatch)
    code, output = run("serve", "--db", db, "--workers", "1")
    assert code == 0 and "writes (ingest, merge, split): off" in output
    assert started["app"].state.newsgraph.token is None and "warning" not in output


def test_serve_takes_the_token_from_the_environment(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_TOKEN", "from-env")
    started = fake_uvicorn(monkeypatch)
    code, _ = run("serve", "--db", db, "--workers", "1")
    assert code == 0 and started["app"].state.newsgraph.token == "from-env"


def test_serve_runs_two_worker_processes_by_default(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_DB", "restored after the test")  # serve sets it for workers
    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    started: dict = {}
    monkeypatch.setattr(
        "newsgraph.web.workers.run_workers",
        lambda host, port, workers: started.update(workers=workers, port=port),
    )
    assert run("serve", "--db", db, "--port", "8123")[0] == 0
    assert started == {"workers": 2, "port": 8123}


def test_serve_on_a_public_host_warns(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    started = fake_uvicorn(monkeypatch)
    code, output = run(
        "serve", "--db", db, "--host", "0.0.0.0", "--token", "t0ken", "--workers", "1"
    )
    assert code == 0 and "anyone who can reach it can read the whole store" in output
    assert started["host"] == "0.0.0.0" and started["app"].state.newsgraph.token == "t0ken"


def test_ingest_min_words_lets_a_wire_brief_in(tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text("Quake hits coast\n\nA magnitude 6 earthquake struck the coast on Monday.\n")
    db = str(tmp_path / "brief.db")
    assert "1 rejected" in run("ingest", str(brief), "--db", db)[1]
    code, output = run("ingest", str(brief), "--db", db, "--min-words", "5")
    assert code == 0 and "1 ingested" in output
