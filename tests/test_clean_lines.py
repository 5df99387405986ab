"""The line classifier of whole flattened pages: when it applies, what it keeps and drops."""

from __future__ import annotations

from newsgraph.clean import clean_text
from newsgraph.clean.lines import (
    BASE_FEATURES,
    CONTEXT_FEATURES,
    CONTEXT_WINDOWS,
    MIN_KEPT_WORDS,
    article_threshold,
    build_line_model,
    looks_like_page,
)
from newsgraph.wordlists import WordLists

MENU = ["Home", "News", "Sport", "Business", "Weather", "Contact us", "Sign in", "Subscribe"]
PROSE = [
    "The harbour authority said on Tuesday that the new quay would open to container ships in "
    "the spring, two years later than the date it had given to the shipping lines.",
    "Officials blamed the delay on the flooding of the building site last winter and on the "
    "rising price of the steel that the contractors had ordered from abroad.",
    "The mayor told reporters that the city would not pay for the extra work, and that the "
    "contract signed with the builders in 2021 left the cost of such delays to them.",
    "Shipping companies have already moved some of their routes to the port further down the "
    "coast, where the waiting time for a berth is now shorter than it has been in years.",
]
FOOTER = ["Share this", "Facebook", "Twitter", "Privacy policy", "Terms of use", "About us"]


def _page() -> str:
    lines = [
        *MENU,
        *MENU[:4],
        "Harbour Quay Opening Delayed Until Spring",
        "By Ann Smith",
        *PROSE,
        *FOOTER,
        *FOOTER,
    ]
    return "\n".join(lines)


def test_an_article_dump_is_not_taken_for_a_whole_page() -> None:
    assert not looks_like_page(["Harbour Quay Opening Delayed", *PROSE])


def test_many_short_lines_around_a_text_look_like_a_page() -> None:
    assert looks_like_page(_page().split("\n"))


def test_a_flattened_page_keeps_its_prose_and_drops_its_menus() -> None:
    clean = clean_text(_page())
    assert all(paragraph in clean.text for paragraph in PROSE)
    assert "Privacy policy" not in clean.text and "Subscribe" not in clean.text
    reasons = {item.text: item.reason for item in clean.removed}
    assert reasons["Privacy policy"].startswith("boilerplate (line classifier p=")


def test_the_headline_of_a_flattened_page_is_picked_from_its_lines() -> None:
    assert clean_text(_page()).title == "Harbour Quay Opening Delayed Until Spring"


def test_the_shipped_weights_match_the_features_computed() -> None:
    model = WordLists().get(build_line_model)
    width = len(BASE_FEATURES) + len(CONTEXT_FEATURES) * len(CONTEXT_WINDOWS)
    assert len(model.line.coef) == len(model.line.mean) == width


def test_an_extracted_html_body_is_not_classified_as_a_page() -> None:
    assert "Weather" in clean_text(_page(), whole_page=False).text


def test_a_page_whose_article_the_classifier_doubts_keeps_its_likeliest_lines() -> None:
    lines = ["Home", *PROSE]
    scores = [0.1, 0.5, 0.4, 0.3, 0.2]
    threshold = article_threshold(lines, scores, 0.9)
    kept = [line for line, score in zip(lines, scores, strict=True) if score >= threshold]
    assert kept[0] == PROSE[0] and "Home" not in kept
    assert sum(len(line.split()) for line in kept) >= MIN_KEPT_WORDS


def test_a_page_the_classifier_trusts_keeps_the_model_threshold() -> None:
    assert article_threshold(PROSE * 3, [0.95] * 12, 0.9) == 0.9
