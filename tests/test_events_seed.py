"""The events stage on the seed article (skips without ../shared)."""

from __future__ import annotations

from conftest import shared_path
from newsgraph.model import Article, Event


def _seed(analyse) -> Article:  # type: ignore[no-untyped-def]
    text = shared_path("samples", "000_3cded19f9edc2a8e.txt").read_text("utf-8")
    body = text.split("\n\n", 3)[3]  # past the section label and the doubled headline
    return analyse(body, published="2024-10-10")  # type: ignore[no-any-return]


def _find(art: Article, trigger_word: str, event_type: str) -> Event:
    found = [e for e in art.events if trigger_word in e.trigger and e.type == event_type]
    assert found, [(e.trigger, e.type) for e in art.events]
    return found[0]


def test_seed_events(analyse) -> None:  # type: ignore[no-untyped-def]
    art = _seed(analyse)
    name = {e.id: e.name for e in art.entities}
    assert _find(art, "regime", "COERCE").mode == "martial-law"
    assert _find(art, "regime", "COERCE").time == "2022-03"
    assert _find(art, "detained", "COERCE").mode == "arrest"
    request = _find(art, "requested", "REQUEST")
    assert request.time == "2022"
    sent = _find(art, "sent", "MOBILIZE")
    assert name.get(sent.actor or "") == "Kenya"
    assert _find(art, "request", "REQUEST").factuality == "happened"
    assert _find(art, "renewed", "SUPPORT").factuality == "happened"
    signings = [e for e in art.events if e.trigger == "signing"]
    assert "2024-10-03" in {e.time for e in signings}
    mission = _find(art, "established", "AID")
    assert (mission.time, name.get(mission.place or "")) == ("2004", "Haiti")
    assert _find(art, "requested", "REQUEST").actor == _find(art, "sent", "MOBILIZE").target
    offers = [e for e in art.events if e.trigger == "offered" and e.type == "AGREE"]
    assert any(e.time and e.time.startswith("2024") for e in offers)
