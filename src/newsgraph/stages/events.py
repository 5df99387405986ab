"""Stage 'events' (placeholder until its issue lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Article
from newsgraph.settings import Settings


def run(article: Article, doc: Doc, settings: Settings) -> None:
    """Fill this stage's part of the article (nothing yet)."""
    return None
