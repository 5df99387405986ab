"""Whitespace and unicode normalised once, paragraphs separated by one blank line."""

from __future__ import annotations

import unicodedata

from newsgraph.clean import clean_text, normalise_text, parse_date, split_paragraphs


def test_line_breaks_and_odd_spaces_become_plain() -> None:
    assert normalise_text("a\u00a0b\r\nc\u200b d  \t\n") == "a b\nc d"


def test_text_is_nfc() -> None:
    decomposed = "Cafe\u0301 owners"
    assert normalise_text(decomposed) == unicodedata.normalize("NFC", decomposed)


def test_paragraphs_are_joined_by_one_blank_line() -> None:
    clean = clean_text("Title here\n\n\n\nFirst  paragraph.   \n\n\n\n\nSecond paragraph.")
    assert clean.text == "First paragraph.\n\nSecond paragraph."


def test_hard_wrapped_lines_are_rejoined() -> None:
    block = (
        "The council on Monday imposed sanctions on the leader of the\n"
        "network, freezing his assets and banning him from travel, weeks\n"
        "after the attack."
    )
    assert split_paragraphs(block) == [" ".join(block.split())]


def test_one_line_per_paragraph_is_kept_apart() -> None:
    lines = "The council met on Monday.\nIt imposed sanctions on the network."
    assert split_paragraphs(lines) == lines.split("\n")


def test_iso_timestamp_keeps_its_written_date() -> None:
    assert parse_date("2024-10-03T23:30:00-05:00") == "2024-10-03"


def test_month_name_dates_are_normalised() -> None:
    assert [parse_date("October 3, 2024"), parse_date("Thu, 3 Oct 2024 10:00 GMT")] == [
        "2024-10-03",
        "2024-10-03",
    ]


def test_ambiguous_or_impossible_dates_give_none() -> None:
    assert [parse_date("03/10/2024"), parse_date("2024-02-30"), parse_date("soon")] == [None] * 3
