"""Every event mention, PLOVER or not: verbs and event nouns with their argument spans."""

from __future__ import annotations

from newsgraph.model import Article, Event


def _event(art: Article, trigger: str) -> Event:
    found = [e for e in art.events if e.trigger == trigger]
    assert found, [(e.trigger, e.type) for e in art.events]
    return found[0]


def test_a_verb_outside_plover_is_an_untyped_event_with_its_arguments(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Apple unveiled the new software kit on Monday.")
    unveiled = _event(art, "unveiled")
    assert (unveiled.type, unveiled.mode) == (None, None)
    assert unveiled.actor_text == "Apple" and unveiled.target_text == "software kit"
    assert art.text[unveiled.target_start : unveiled.target_end] == "software kit"  # type: ignore[misc]


def test_a_subject_that_undergoes_the_event_is_its_target(analyse) -> None:  # type: ignore[no-untyped-def]
    fell = _event(analyse("Prices fell 4% last quarter."), "fell")
    assert fell.actor_text is None and fell.target_text == "Prices"


def test_an_argument_that_is_itself_an_event_is_no_participant(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("The deal was approved by the board.")
    assert _event(art, "approved").target_text is None  # 'deal' is an event of its own
    assert _event(art, "approved").actor_text == "board"


def test_an_argument_inside_its_own_trigger_is_kept(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Ryanair will purchase five new aircraft.")
    assert [e.target_text for e in art.events if e.trigger.startswith("purchase")] == ["aircraft"]


def test_nouns_naming_events_are_events(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("The decision followed the sale of the airline.")
    assert {"decision", "sale"} <= {e.trigger for e in art.events if e.type is None}


def test_nouns_derived_from_verbs_are_events_but_attributes_are_not(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("A large number of dealers blamed the loss on the bankruptcy.")
    triggers = {e.trigger for e in art.events}
    assert {"loss", "bankruptcy"} <= triggers  # WordNet derives them from a verb on a later sense
    assert "number" not in triggers  # an attribute, although derived from 'to number'


def test_plover_events_keep_their_type_beside_the_others(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Norway accused Sweden of spying and released a report.")
    assert _event(art, "accused").type == "ACCUSE"
    assert art.plover_events() == [e for e in art.events if e.type is not None]


def test_the_packaged_event_nouns_are_what_the_script_builds() -> None:
    from pathlib import Path

    import pytest

    from conftest import load_script
    from newsgraph.wordlists import WordLists

    wordnet = Path("/usr/share/wordnet")
    if not (wordnet / "data.noun").exists():
        pytest.skip("needs WordNet 3.0 (apt-get install wordnet-base)")
    module = load_script("build_event_nouns")
    built = module.NOTICE + "\n".join(module.event_nouns(wordnet)) + "\n"
    assert WordLists().text("events/event_nouns.txt") == built


def test_a_date_is_no_target(analyse) -> None:  # type: ignore[no-untyped-def]
    said = _event(analyse("The minister spoke on Monday."), "spoke")
    assert said.target_text is None


def test_a_passive_sharing_its_subject_takes_it_as_target(analyse) -> None:  # type: ignore[no-untyped-def]
    crumpled = _event(analyse("The left winglet struck the hangar and was crumpled."), "crumpled")
    assert crumpled.actor_text is None and crumpled.target_text == "winglet"


def test_a_measure_or_date_modifier_is_no_actor_of_an_event_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("General Motors reported a 49% decline and an annual profit.")
    assert _event(art, "decline").actor_text is None
    assert _event(art, "profit").actor_text is None


def test_what_flies_undergoes_the_flight(analyse) -> None:  # type: ignore[no-untyped-def]
    flew = _event(analyse("The new jet flew over the Alps on Friday."), "flew")
    assert flew.actor_text is None and flew.target_text == "jet"
