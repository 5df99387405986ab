"""Plain-text articles, including scraped aggregator dumps."""

from __future__ import annotations

from newsgraph.clean import clean_text
from newsgraph.ingest.article import Metadata, article_from_clean
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists


def article_from_text(
    text: str,
    settings: Settings,
    origin: str = "<text>",
    meta: Metadata | None = None,
    input_kind: str = "text",
    record_id: str | None = None,
    words: WordLists | None = None,
) -> Article:
    """One plain-text article; metadata given by the caller wins over what the text shows.

    Raises RejectedInput when no English article is left after cleaning. ``words`` is the
    loader of the cleaner's and the checks' lists (one for ``settings.language`` if not given).
    """
    words = words or WordLists(settings.language)
    given = meta or Metadata()
    clean = clean_text(text, known_title=given.title, words=words)
    return article_from_clean(clean, given, settings, origin, input_kind, record_id, words)
