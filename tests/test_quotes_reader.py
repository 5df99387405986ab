"""Second person is the reader, never a source: comment forms and instructions give no quote."""

from __future__ import annotations


def test_you_is_never_a_speaker(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("You agree that your comment may be edited or removed by the moderators.")
    assert art.quotes == []


def test_a_quote_you_might_say_is_no_quote(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse('"We will win the next election easily," you might say.')
    assert art.quotes == []


def test_an_instruction_to_the_reader_is_no_quote(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Please note that your IP address will be logged when you post a comment.")
    assert art.quotes == []


def test_a_named_speaker_talking_about_you_still_speaks(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse("Jane Okafor said that you can apply for the grant online.")
    assert [q.speaker_text for q in art.quotes] == ["Jane Okafor"]
