"""Every attribution carries its kind: speech, thought, evaluation, document or other."""

from __future__ import annotations

from pathlib import Path

from newsgraph.api import open_store
from newsgraph.model import Article, Quote


def _kinds(analyse, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [q.cue_kind for q in analyse(text).quotes]


def test_a_speech_verb_is_speech(analyse) -> None:  # type: ignore[no-untyped-def]
    assert _kinds(analyse, "Senator Ann Lee said the tax plan would hurt working families.") == [
        "speech"
    ]


def test_a_belief_is_thought(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Ann Lee believes that the tax plan will hurt working families."
    assert _kinds(analyse, text) == ["thought"]


def test_a_report_as_source_is_a_document(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "A new report said the economy shrank by two percent last year."
    assert _kinds(analyse, text) == ["document"]


def test_a_quotation_is_speech(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "“We will not raise taxes on working families,” Senator Ann Lee said on Monday."
    assert _kinds(analyse, text) == ["speech"]


def test_the_store_keeps_the_kind_and_filters_on_it(tmp_path: Path) -> None:
    text = "Lee said taxes will rise. Lee believes voters will agree."
    article = Article(id="a1", text=text, published="2024-05-01")
    article.quotes = [
        Quote("taxes will rise", 9, 24, "indirect", cue="said", cue_kind="speech"),
        Quote("voters will agree", 39, 56, "indirect", cue="believes", cue_kind="thought"),
    ]
    store = open_store(tmp_path / "kb.db")
    store.save(article)
    assert [q.cue_kind for q in store.get_article("a1").quotes] == ["speech", "thought"]
    speech = store.quotes(cue_kind="speech").items
    assert [(q.text, q.cue_kind) for q in speech] == [("taxes will rise", "speech")]
