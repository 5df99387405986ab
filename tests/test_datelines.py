"""A wire dateline ('RAMALLAH, West Bank, Dec. 5 (AP) —') is where the story was filed."""

from __future__ import annotations

from newsgraph.model import Article, Mention

RAMALLAH = (
    "RAMALLAH, West Bank, Dec. 5 (AP) — Mahmoud Abbas, the Palestinian leader, will ask the "
    "United Nations to recognise a state, officials said."
)


def test_dateline_is_recorded_and_its_place_is_a_place(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("BERLIN (Reuters) - Germany will send troops to Mali, the ministry said.")
    assert art.dateline == Mention(0, 16, "BERLIN (Reuters)")
    types = {e.name: e.type for e in art.entities}
    assert types["BERLIN"] == "GPE" and types["Reuters"] == "ORG"


def test_dateline_place_is_never_the_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(RAMALLAH)
    speakers = {art.entity(q.speaker).name for q in art.quotes if art.entity(q.speaker)}
    assert "RAMALLAH" not in speakers
    assert "Mahmoud Abbas" in speakers


def test_dateline_place_is_never_an_event_actor(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(RAMALLAH)
    actors = {art.entity(ev.actor).name for ev in art.events if art.entity(ev.actor)}
    assert "RAMALLAH" not in actors


def test_reported_speech_starts_after_the_dateline(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("LONDON, Jan 3 - Police arrested two men after a protest, officials said.")
    assert [q.text for q in art.quotes] == ["Police arrested two men after a protest"]


def test_a_sentence_opening_with_a_dash_is_no_dateline(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("Mr Smith - The man who ran the shop - said it would close.").dateline is None


def test_dateline_survives_json_and_old_json_loads() -> None:
    art = Article(id="a", text="CAIRO — x", dateline=Mention(0, 5, "CAIRO"))
    assert Article.from_dict(art.to_dict()).dateline == Mention(0, 5, "CAIRO")
    old = art.to_dict()
    del old["dateline"]
    assert Article.from_dict(old).dateline is None
