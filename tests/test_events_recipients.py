"""PLOVER recipients the object does not name: the doer of the act it is about, an 'of'
phrase, whom a protest is against, and the place as a last resort."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Event
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.stages import events
from test_events import _article, _name, _only


@pytest.fixture
def extract(pipeline: Pipeline, settings: Settings):  # type: ignore[no-untyped-def]
    def _extract(text: str, names: dict[str, str]) -> tuple[Article, list[Event]]:
        art = _article(text, names, {})
        events.run(art, pipeline.nlp(text), settings, pipeline.words)
        return art, art.plover_events()

    return _extract


def test_doer_of_the_demanded_act_is_the_recipient(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "Chile demanded the withdrawal of Peruvian troops from the border.",
        {"Chile": "GPE", "Peruvian": "NORP"},
    )
    assert _name(art, _only(evs, "demanded").target) == "Peruvian"


def test_of_phrase_names_the_recipient_of_a_common_noun(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract(
        "The police arrested workers of the Lima Transport Company on Monday.",
        {"Lima Transport Company": "ORG"},
    )
    assert _name(art, _only(evs, "arrested").target) == "Lima Transport Company"


def test_place_is_the_recipient_when_nothing_else_is(extract) -> None:  # type: ignore[no-untyped-def]
    art, evs = extract("Rebels exploded three bombs in Kabul on Sunday.", {"Kabul": "GPE"})
    assert _name(art, _only(evs, "exploded").target) == "Kabul"
