"""Pairing quotation marks: styles, nesting, paragraphs and broken marks."""

from __future__ import annotations

from newsgraph.stages.quotes.marks import find_quoted_spans


def contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text)]


def test_typographic_and_straight_marks_are_paired() -> None:
    text = '“We will win,” she said. "They will lose," he replied.'
    assert contents(text) == ["We will win,", "They will lose,"]


def test_inner_single_quotes_stay_inside_the_outer_quote() -> None:
    text = "“All the ‘experts’ were wrong,” Ortiz said."
    assert contents(text) == ["All the ‘experts’ were wrong,"]


def test_typographic_inner_quote_inside_straight_quote() -> None:
    text = 'She read: "The form asks: “Are you well?” Most said yes." Then she left.'
    assert contents(text) == ["The form asks: “Are you well?” Most said yes."]


def test_reopened_paragraph_continues_the_quote() -> None:
    text = "“First part of the speech.\n\n“Second part of it,” Lee said.\n\nNext story."
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert text[spans[0].start : spans[0].end].endswith("Second part of it,")


def test_closing_mark_typed_as_opening_still_closes() -> None:
    text = "“We have partners who help us “added the official. “Next one,” she said."
    assert contents(text) == ["We have partners who help us", "Next one,"]


def test_unclosed_mark_costs_only_its_paragraph() -> None:
    text = "“This never closes.\n\nLater, “this one does,” he said."
    assert contents(text) == ["This never closes.", "this one does,"]


def test_apostrophes_are_not_quotes() -> None:
    assert contents("It’s the voters’ choice and Obama's plan.") == []


def test_single_marks_as_main_quotes_in_headlines() -> None:
    assert contents("Flynn says Trump 'absolutely right' on generals") == ["absolutely right"]


def test_lone_marks_never_raise() -> None:
    for text in ['"', "“", "”", '" "', "”“", 'a”b“c"d']:
        find_quoted_spans(text)
