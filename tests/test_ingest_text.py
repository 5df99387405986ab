"""Plain-text articles: the seed dump, hand-made dumps with other noise, ids and rejections."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import SAMPLE, shared_path
from newsgraph.errors import RejectedInput
from newsgraph.ingest import article_from_text, content_hash
from newsgraph.settings import Settings

PROSE = (
    "The regional security force began night patrols along the coast on Monday, officials said. "
    "The defence minister told reporters that the mission would add two more ships before the "
    "end of the year and that the government had asked its neighbours for help with fuel."
)


def test_seed_article_title_section_source_and_body(settings: Settings) -> None:
    path = shared_path("samples", SAMPLE.name)
    article = article_from_text(path.read_text(encoding="utf-8"), settings, origin=str(path))
    assert article.title == (
        "El Salvador joins support mission to fight gangs: Haitian Foreign Minister"
    )
    assert (article.section, article.source) == ("America", "Voice of America")
    assert article.text.startswith("El Salvador is already part of the mission")
    assert "Source link" not in article.text and "Subscribe" not in article.text
    assert "\n\nBukele offers support\n\n" in article.text


def test_dump_with_other_noise_gives_the_same_structure(settings: Settings) -> None:
    dump = (
        "Business\n\nPort strike ends after pay deal\nPort strike ends after pay deal\n"
        "By Maria Lopez\n\n" + PROSE + "\n\nAdvertisement\n\n" + PROSE + "\n\n"
        "Follow Harbour Times on Instagram and X.\n\n© 2023 Harbour Times\n\nSource link\n"
    )
    article = article_from_text(dump, settings)
    assert (article.title, article.section) == ("Port strike ends after pay deal", "Business")
    assert (article.source, article.author) == ("Harbour Times", "Maria Lopez")
    assert article.text == PROSE + "\n\n" + PROSE


def test_dump_with_wordpress_footer_names_the_outlet(settings: Settings) -> None:
    footer = "The post Coast guard expands appeared first on Lagos Ledger."
    dump = f"Coast guard expands\n\n{PROSE}\n\n{footer}"
    article = article_from_text(dump, settings)
    assert (article.source, article.text) == ("Lagos Ledger", PROSE)


def test_dump_with_breadcrumbs_and_agency_credit(settings: Settings) -> None:
    dump = (
        "Home > World > Africa\n\nCoast guard expands patrols\n\n"
        f"{PROSE}\n\n— Agence France-Presse\n\nPrivacy Policy | Terms of Use | Contact Us"
    )
    article = article_from_text(dump, settings)
    assert (article.title, article.source, article.text) == (
        "Coast guard expands patrols",
        "Agence France-Presse",
        PROSE,
    )


def test_id_is_the_start_of_the_content_hash(settings: Settings) -> None:
    article = article_from_text(f"Title here\n\n{PROSE}", settings)
    assert article.content_hash == content_hash(PROSE)
    assert article.id == article.content_hash[:16]


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash(PROSE) == content_hash("  " + PROSE.upper().replace(" ", "\n"))


def test_text_kind_and_origin_are_recorded(settings: Settings) -> None:
    article = article_from_text(f"Title here\n\n{PROSE}", settings, origin="a.txt")
    assert (article.input_kind, article.origin) == ("text", "a.txt")


def test_short_text_is_not_an_article(settings: Settings) -> None:
    with pytest.raises(RejectedInput, match="not an article: 8 words"):
        article_from_text("Title here\n\nOnly a few words are here, nothing more.", settings)


def test_non_english_text_is_kept_with_its_language(settings: Settings) -> None:
    spanish = (
        "El Salvador ya forma parte de la misión, respaldada por la ONU y liderada por Kenia, "
        "que apoya a Haití en su intento de recuperar el control de zonas dominadas por "
        "pandillas, dijo el canciller. A principios de año, el presidente ofreció su ayuda."
    )
    article = article_from_text(spanish, dataclasses.replace(settings, min_words=10))
    assert article.language == "es" and article.text.startswith("El Salvador")


def test_headline_without_body_is_rejected(settings: Settings) -> None:
    with pytest.raises(RejectedInput, match="no article body"):
        article_from_text("Just a headline\n\nSource link", settings)
