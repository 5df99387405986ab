"""Footers and page furniture cut by general cues, with the outlet a footer names kept."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean_text

BODY = (
    "Officials said the patrols would begin on Monday.\n\n"
    "Follow-up talks are planned for June, the ministry added."
)


def _footer(footer: str) -> str:
    return f"Patrols to start in the north\n\n{BODY}\n\n{footer}"


@pytest.mark.parametrize(
    "footer",
    [
        "Source link",
        "Share this:\nTwitter\nFacebook\nWhatsApp",
        "Sign up for our daily newsletter to get the top stories in your inbox.",
        "Follow us on Facebook, X and Instagram.",
        "We use cookies to give you the best experience on our website.",
        "Copyright 2024 The Daily Planet. All rights reserved.",
        "Reporting by Jane Doe; Editing by John Roe",
        "Tags: security, patrols, coast guard",
        "Read more: Why the coast guard matters",
    ],
)
def test_footer_is_stripped(footer: str) -> None:
    assert clean_text(_footer(footer)).text == BODY


def test_every_piece_of_a_long_footer_is_kept_aside_with_its_reason() -> None:
    clean = clean_text(
        _footer("Do you have a news tip? Email us.\n\n© 2024 Daily Planet\n\nSource link")
    )
    assert [r.reason for r in clean.removed] == ["subscription", "copyright", "source-link"]


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("Connect with the Voice of America! Subscribe to our channels.", "Voice of America"),
        ("Stay connected with Radio Lagos! Follow us on Facebook.", "Radio Lagos"),
        ("Follow Reuters on Twitter and Facebook.", "Reuters"),
        ("Subscribe to The Harbour Times newsletter for daily updates.", "The Harbour Times"),
        (
            "The post Patrols to start appeared first on Coastal News Network.",
            "Coastal News Network",
        ),
        ("© 2024 Gulf Coast Herald. All rights reserved.", "Gulf Coast Herald"),
        ("This article was originally published on Global Voices.", "Global Voices"),
    ],
)
def test_outlet_named_in_footer_becomes_source(footer: str, outlet: str) -> None:
    assert clean_text(_footer(footer)).source == outlet


def test_platform_names_are_not_outlets() -> None:
    assert clean_text(_footer("Connect with us on Facebook and Instagram!")).source is None


def test_advertisement_inside_the_body_is_cut() -> None:
    clean = clean_text(f"Headline here\n\nFirst paragraph.\n\nAdvertisement\n\n{BODY}")
    assert clean.text == f"First paragraph.\n\n{BODY}"


@pytest.mark.parametrize(
    "caption",
    [
        "The minister arrives at the summit in Accra. (Photo: AP)",
        "Patrol boats leave the port of Lomé, May 6, 2025. REUTERS/Jane Doe",
        "Image caption: Patrol boats leave the port",
    ],
)
def test_photo_caption_inside_the_body_is_cut(caption: str) -> None:
    clean = clean_text(f"Headline here\n\nFirst paragraph.\n\n{caption}\n\n{BODY}")
    assert clean.text == f"First paragraph.\n\n{BODY}"


def test_related_links_list_at_the_end_is_cut_with_its_items() -> None:
    links = "Related Posts\n\nHaiti police arrest gang leader\n\nKenya sends more troops"
    clean = clean_text(_footer(f"Follow Radio Lagos on X.\n\n{links}"))
    assert (clean.text, clean.source) == (BODY, "Radio Lagos")
    assert [r.reason for r in clean.removed] == ["subscription"] + ["related-link"] * 3


def test_only_the_trailing_run_is_a_footer() -> None:
    text = "Headline here\n\nShare prices fell 3% on Monday.\n\nThe final paragraph of the story."
    assert clean_text(text).text.startswith("Share prices fell")


def test_long_prose_paragraph_is_never_a_footer() -> None:
    prose = "Subscribe " + "and the committee said that the report was late " * 10
    assert clean_text(f"Headline here\n\n{BODY}\n\n{prose.strip()}").text.endswith("late")


@pytest.mark.parametrize(
    "furniture",
    [
        "Never miss the latest news by signing up to our newsletter today!",
        "Contenido Relacionado",
        "Weitere Beiträge aus der Kolumne:",
        "Crédits photos : Bestimage",
        "Die Gäste am Ufer. (Bildquelle: Ring der Landjugend)",
        "© 2022, Harbour Times. This article is the copyrighted property of Harbour Times.",
        "Aktualisiert am 17.01.2021.",
        "January 13, 2020 at 08:45 AM | categories: Python, Mercurial | View Comments",
    ],
)
def test_furniture_inside_the_body_is_cut_in_any_language(furniture: str) -> None:
    clean = clean_text(f"Headline here\n\nFirst paragraph.\n\n{furniture}\n\n{BODY}")
    assert clean.text == f"First paragraph.\n\n{BODY}"


@pytest.mark.parametrize(
    "prose",
    [
        "Readers who subscribe can now choose which topics reach them, the editor said.",
        "Updated rules for the patrols take effect next week.",
        "Weitere Gespräche sind für Juni geplant.",
    ],
)
def test_prose_near_the_new_cues_is_kept(prose: str) -> None:
    assert prose in clean_text(f"Headline here\n\nFirst paragraph.\n\n{prose}\n\n{BODY}").text
