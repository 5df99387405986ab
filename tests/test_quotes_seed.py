"""The seed article: six direct quotations, one quoted fragment, and the lede's reported speech."""

from __future__ import annotations

import pytest

from conftest import shared_path
from newsgraph.model import Article, Quote

HEADLINE = "El Salvador joins support mission to fight gangs: Haitian Foreign Minister\n\n"

# (start of the quoted text, kind, cue, speaker mention, surname of the speaker entity)
EXPECTED = [
    ("What El Salvador has done", "direct", "said", "Dupuy", "Dupuy"),
    ("There are many things", "direct", "added", "he", "Dupuy"),
    ("We were not able", "direct", "added", "the official", "Dupuy"),
    ("All the ‘experts’ said", "direct", "said", "Bukele", "Bukele"),
    ("We will need a UN", "direct", "added", "he", "Bukele"),
    ("will allow El Salvador", "direct", "said", "Thomas", "Thomas"),
    ("A Salvadoran mission", "mixed", "added", "Dupuy", "Dupuy"),
    ("El Salvador is already part", "indirect", "said", "Dominique Dupuy", "Dupuy"),
]


@pytest.fixture(scope="module")
def seed(pipeline) -> Article:  # type: ignore[no-untyped-def]
    raw = shared_path("samples", "000_3cded19f9edc2a8e.txt").read_text(encoding="utf-8")
    body = raw.split(HEADLINE, 2)[-1]  # the body follows the doubled headline
    return pipeline.analyse(Article(id="seed", text=body, published="2024-10-10"))


def _find(article: Article, opening: str) -> Quote:
    return next(q for q in article.quotes if q.text.startswith(opening))


@pytest.mark.shared
@pytest.mark.parametrize(("opening", "kind", "cue", "mention", "surname"), EXPECTED)
def test_seed_quote_and_speaker(seed: Article, opening, kind, cue, mention, surname) -> None:  # type: ignore[no-untyped-def]
    quote = _find(seed, opening)
    assert (quote.kind, quote.cue) == (kind, cue)
    assert quote.speaker_text is not None and quote.speaker_text.endswith(mention)
    speaker = seed.entity(quote.speaker)
    assert speaker is not None and speaker.name.endswith(surname)


@pytest.mark.shared
def test_seed_fragment_is_inside_dupuys_mixed_quote(seed: Article) -> None:
    assert "“more precise operations,”" in _find(seed, "A Salvadoran mission").text


@pytest.mark.shared
def test_seed_scare_quotes_are_not_quotes(seed: Article) -> None:
    assert not any(q.text.startswith(("Barbecue", "blue helmets")) for q in seed.quotes)
