"""A verb whose usual sense is a win ('beat') is an ASSAULT only on people beaten."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script
from newsgraph.wordlists import WordLists


def _types(analyse, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [e.type for e in analyse(text).events if e.trigger.startswith("beat")]


def test_beating_a_rival_is_no_assault(analyse) -> None:  # type: ignore[no-untyped-def]
    assert _types(analyse, "The Lib Dems hope to beat Labour in 14 seats.") == [None]
    assert _types(analyse, "Rangers have failed to beat Celtic in their last seven meetings.") == [
        None
    ]


def test_beating_people_stays_an_assault(analyse) -> None:  # type: ignore[no-untyped-def]
    assert _types(analyse, "Police beat protesters in Cairo on Friday.") == ["ASSAULT"]


def test_the_packaged_win_verbs_are_what_the_script_builds() -> None:
    wordnet = Path("/usr/share/wordnet")
    if not (wordnet / "data.verb").exists():
        pytest.skip("needs WordNet 3.0 (apt-get install wordnet-base)")
    module = load_script("build_win_verbs")
    built = module.NOTICE + module.LICENCE + "\n".join(module.win_verbs(wordnet)) + "\n"
    assert WordLists().text("events/win_verbs.txt") == built
