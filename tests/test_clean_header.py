"""Headline, section label and header furniture at the top of plain-text dumps."""

from __future__ import annotations

from newsgraph.clean import clean_text

BODY = "The minister said on Monday that the agreement would be signed next week in the capital."


def test_headline_is_the_first_short_line() -> None:
    clean = clean_text(f"Ministers agree on new coast guard\n\n{BODY}")
    assert clean.title == "Ministers agree on new coast guard"
    assert clean.text == BODY


def test_repeated_headline_is_dropped_and_kept_aside() -> None:
    clean = clean_text(f"Ministers agree deal\n\nMinisters agree deal\n\n{BODY}")
    assert clean.text == BODY
    assert [(r.text, r.reason) for r in clean.removed] == [
        ("Ministers agree deal", "repeated headline")
    ]


def test_repeat_differing_in_case_and_spacing_is_still_a_repeat() -> None:
    clean = clean_text(f"Ministers agree deal\nMINISTERS  agree deal.\n\n{BODY}")
    assert clean.text == BODY


def test_section_label_above_the_headline() -> None:
    clean = clean_text(f"Middle East\n\nTalks resume in Cairo after pause\n\n{BODY}")
    assert (clean.section, clean.title) == ("Middle East", "Talks resume in Cairo after pause")


def test_lowercase_short_line_is_a_headline_not_a_section() -> None:
    clean = clean_text(f"Arsenal through on penalties\n\nArsenal win 4-2 on penalties\n\n{BODY}")
    assert clean.section is None
    assert clean.title == "Arsenal through on penalties"


def test_headline_case_line_ending_in_a_period_is_a_headline() -> None:
    clean = clean_text(f"Obama Power Plant Rules Face Key Test In U.S. Court.\n\n{BODY}")
    assert clean.title == "Obama Power Plant Rules Face Key Test In U.S. Court."


def test_short_sentence_ending_in_a_period_is_not_a_headline() -> None:
    clean = clean_text(f"Officials said the patrols would begin on Monday.\n\n{BODY}")
    assert clean.title is None


def test_text_starting_with_prose_has_no_headline() -> None:
    clean = clean_text(f"{BODY}\n\n{BODY}")
    assert clean.title is None
    assert clean.text.startswith("The minister said")


def test_mid_body_subhead_stays_in_the_body() -> None:
    clean = clean_text(f"Headline here\n\n{BODY}\n\nWhat happens next\n\n{BODY}")
    assert "\n\nWhat happens next\n\n" in clean.text


def test_byline_and_dateline_become_metadata() -> None:
    clean = clean_text(
        f"Headline here\nBy Jane Doe and Ali Hassan\nPublished: 3 October 2024\n\n{BODY}"
    )
    assert (clean.author, clean.published) == ("Jane Doe and Ali Hassan", "2024-10-03")
    assert [r.reason for r in clean.removed] == ["byline", "dateline"]


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    clean = clean_text(f"Headline here\n\nBy the end of the year, prices rose sharply.\n\n{BODY}")
    assert clean.author is None
    assert clean.text.startswith("By the end of the year")


def test_known_title_is_matched_not_detected() -> None:
    clean = clean_text(f"Politics\n\nGiven title\n\n{BODY}", known_title="Given title")
    assert (clean.title, clean.section, clean.text) == ("Given title", "Politics", BODY)
