"""newsgraph: news articles in, a knowledge base of who said and did what out.

The public API:

    from newsgraph import extract, Settings, open_store
    article = extract("article.txt")           # a path, raw text, or an Article
    print(article.to_json())
"""

from __future__ import annotations

from newsgraph.api import extract, open_store
from newsgraph.model import Article, Entity, Event, Figure, Mention, Quote, TimeExpr
from newsgraph.settings import Settings

__all__ = [
    "Article",
    "Entity",
    "Event",
    "Figure",
    "Mention",
    "Quote",
    "Settings",
    "TimeExpr",
    "extract",
    "open_store",
]
