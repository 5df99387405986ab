"""Page furniture (share buttons, follow links, menus, copyright lines) names no actors."""

from __future__ import annotations

from newsgraph.model import Article

BODY = "The Malaysia Sun reported that Twitter suspended the account of a senator on Monday."


def _names(art: Article) -> set[str]:
    return {e.name for e in art.entities}


def test_share_buttons_name_no_entity(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(f"Share on Facebook\nShare on WhatsApp\nEmail\n{BODY}")
    assert "Facebook" not in _names(art) and "WhatsApp" not in _names(art)


def test_a_network_acting_in_a_sentence_stays(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(f"Share on Twitter\n{BODY}")
    assert [m.text for e in art.entities if e.name == "Twitter" for m in e.mentions] == ["Twitter"]


def test_a_copyright_line_names_no_entity(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(f"{BODY}\n© 2008 Kuala Lumpur Herald Group. All Rights Reserved.")
    assert not any("Herald" in n for n in _names(art))


def test_a_menu_line_of_names_and_sections_names_no_entity(analyse) -> None:  # type: ignore[no-untyped-def]
    art = analyse(f"Oscar | Spurs | Latest News | Newstext\n{BODY}")
    assert not {"Oscar", "Spurs", "Latest News"} & _names(art)
