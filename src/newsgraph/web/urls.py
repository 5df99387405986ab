"""Links to pages, ids quoted: an article id from a record may hold "/", "?" or "#"."""

from __future__ import annotations

from urllib.parse import quote


def article_url(article_id: str) -> str:
    """The article page of this id."""
    return "/articles/" + quote(article_id, safe="")


def entity_url(kb_id: str) -> str:
    """The page of this knowledge-base entity."""
    return "/entities/" + quote(kb_id, safe="")
