"""Article filters shared by the API and the pages, including the one the store lacks (section)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from newsgraph.kb import queries
from newsgraph.store.base import ArticleSummary, Page, Store

SCAN_PAGE = 200  # rows read per store call while filtering by section


@dataclass(frozen=True)
class ArticleFilter:
    """What an article list is narrowed to; empty values filter nothing."""

    source: str | None = None
    section: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None

    def query_string(self) -> str:
        """The filter as URL parameters, for pager links."""
        return urlencode({k: v for k, v in asdict(self).items() if v})


def file_name_only(origin: str | None) -> str | None:
    """An article's origin without the server's folders: "wire_feed.jsonl:3", not a path.
    Web addresses stay whole: they are public already."""
    if not origin or origin.lower().startswith(("http://", "https://")):
        return origin
    return origin.replace("\\", "/").rsplit("/", 1)[-1]


def filtered_articles(
    store: Store, wanted: ArticleFilter, offset: int, limit: int
) -> Page[ArticleSummary]:
    """Articles newest first, narrowed by every filter given."""
    if not wanted.section:
        return queries.list_articles(
            store, offset, limit, wanted.source, wanted.date_from, wanted.date_to, wanted.entity
        )
    return _in_section(store, wanted, offset, limit)


def _in_section(
    store: Store, wanted: ArticleFilter, offset: int, limit: int
) -> Page[ArticleSummary]:
    """The store has no section filter yet: filter its summaries here, page by page."""
    section = (wanted.section or "").casefold()
    matches: list[ArticleSummary] = []
    scan = 0
    while True:
        page = queries.list_articles(
            store, scan, SCAN_PAGE, wanted.source, wanted.date_from, wanted.date_to, wanted.entity
        )
        matches += [a for a in page.items if (a.section or "").casefold() == section]
        scan += SCAN_PAGE
        if scan >= page.total or not page.items:
            break
    return Page(matches[offset : offset + limit], len(matches), offset, limit)
