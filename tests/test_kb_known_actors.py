"""Known actors: the committed PETRARCH2-derived table, its lookups, dated roles and codes."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, shared_path
from newsgraph.kb.known_actors import (
    ACTORS_FILE,
    KnownActors,
    load_known_actors,
    normalise_form,
)
from newsgraph.wordlists import WordLists


@pytest.fixture(scope="module")
def actors() -> KnownActors:
    return load_known_actors(WordLists())


def test_normalise_form_drops_case_accents_dots_and_leading_the() -> None:
    assert normalise_form("The U.N.") == "un"
    assert normalise_form("K._ANNAN_") == "k annan"
    assert normalise_form("Ban Ki-moon") == "ban ki-moon"
    assert normalise_form("José  Manuel Barroso") == "jose manuel barroso"


def test_full_name_and_initial_find_the_same_actor(actors: KnownActors) -> None:
    [full] = actors.lookup("Kofi Annan")
    assert actors.lookup("K. Annan") == [full]
    assert full.kind == "person" and full.name == "Kofi Annan"


def test_hyphen_or_space_find_the_same_actor(actors: KnownActors) -> None:
    assert actors.lookup("Ban Ki-moon") == actors.lookup("Ban Ki Moon")
    assert len(actors.lookup("Ban Ki-moon")) == 1


def test_secretary_general_role_is_dated(actors: KnownActors) -> None:
    [annan] = actors.lookup("Kofi Annan")
    assert [r.code for r in annan.role_on("2000-05-01")] == ["IGOUNO"]
    [role] = annan.role_on("2000-05-01")
    assert (role.start, role.end) == ("1997-01-01", "2006-12-31")


def test_role_on_outside_the_range_falls_back_to_undated_roles(actors: KnownActors) -> None:
    [annan] = actors.lookup("Kofi Annan")
    assert [r.code for r in annan.role_on("1996-12-31")] == ["ELI"]
    assert [r.code for r in annan.role_on("2007-01-01")] == ["ELI"]
    assert [r.code for r in annan.role_on(None)] == ["ELI"]


def test_role_on_follows_a_career(actors: KnownActors) -> None:
    [ban] = actors.lookup("Ban Ki-moon")
    assert {r.code for r in ban.role_on("2005-06-01")} == {"KORGOVBUS"}
    assert [r.code for r in ban.role_on("2010-06-01")] == ["IGOUNO"]
    assert ban.role_on("1990-01-01") == []


def test_form_shared_by_two_actors_returns_both(actors: KnownActors) -> None:
    found = actors.lookup("PLA")
    assert len(found) == 2 and len({a.id for a in found}) == 2


def test_acronym_and_full_name_are_one_organisation(actors: KnownActors) -> None:
    assert actors.lookup("UN") == actors.lookup("the United Nations")
    assert actors.lookup("NATO")[0].name == "NATO"


def test_dangerous_forms_are_not_keys(actors: KnownActors) -> None:
    assert actors.lookup("police") == []
    assert actors.lookup("Afghanistan") == []
    assert actors.lookup("Bush") == []


def test_describe_code(actors: KnownActors) -> None:
    assert actors.describe_code("USAGOV") == "United States government"
    assert actors.describe_code("IGOUNO") == "United Nations"
    assert actors.describe_code("KORGOVBUS") == "South Korea government (business)"
    assert actors.describe_code("MEAREB") == "Middle East rebels"


def test_script_reproduces_the_committed_resource(tmp_path: Path) -> None:
    petrarch = shared_path("data", "petrarch2")
    script = ROOT / "scripts" / "build_known_actors.py"
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": ""}
    args = [sys.executable, str(script), "--petrarch", str(petrarch), "--out", str(tmp_path)]
    subprocess.run(args, check=True, env=env, capture_output=True)
    committed = ROOT / "src" / "newsgraph" / "resources"
    for name in (ACTORS_FILE, "kb/cameo_orgs.tsv", "kb/known_actors.LICENSE"):
        built, kept = (tmp_path / name).read_bytes(), (committed / name).read_bytes()
        if name.endswith(".gz"):
            built, kept = gzip.decompress(built), gzip.decompress(kept)
        assert built == kept, f"{name} differs: rerun scripts/build_known_actors.py"


def test_profile_shows_the_role_held_on_the_article_dates(tmp_path: Path) -> None:
    from newsgraph.api import open_store
    from newsgraph.kb import queries
    from newsgraph.model import Article, Entity, Mention

    text = "Kofi Annan spoke to reporters in New York about the crisis and the coming talks."
    annan = Entity("e1", "Kofi Annan", "PERSON", [Mention(0, 10, "Kofi Annan")])
    with open_store(tmp_path / "kb.db") as store:
        store.save(Article(id="a", text=text, published="2005-03-01", entities=[annan]))
        store.settle()
        kb_id = store.get_article("a").entities[0].kb_id or ""
        profile = queries.entity_profile(store, kb_id, words=WordLists())
    held = [r for r in profile.known_roles if r.dated_articles]
    assert [r.code for r in held if r.start] == ["IGOUNO"]
