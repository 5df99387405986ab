"""The library's query API over any ``Store``: what the CLI and the web app call to read the KB.

Every function takes the store first and returns the dataclasses of ``store.base``; none prints.
Syndicated copies of a story are counted once in timelines (one item per story, with all its
outlets) while every copy stays searchable.
"""

from __future__ import annotations

from newsgraph.errors import NotFound
from newsgraph.model import Article
from newsgraph.store.base import (
    ArticleSummary,
    EntityProfile,
    EntitySummary,
    EventRecord,
    Overview,
    Page,
    QuoteRecord,
    SearchHit,
    Store,
    TimelineItem,
)

PROFILE_LIMIT = 50  # rows per list on an entity profile
TIMELINE_LIMIT = 200
TIMELINE_SEARCH_HITS = 100  # best-matching articles a search timeline draws from


def search(store: Store, text: str, offset: int = 0, limit: int = 20) -> Page[SearchHit]:
    """Full-text search over article titles and bodies, best first, with snippets."""
    return store.search(text, offset=offset, limit=limit)


def get_article(store: Store, article_id: str) -> Article:
    """One stored article (NotFound when absent)."""
    return store.get_article(article_id)


def list_articles(
    store: Store,
    offset: int = 0,
    limit: int = 50,
    source: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    kb_id: str | None = None,
) -> Page[ArticleSummary]:
    """Articles newest first, filtered by outlet, date range or KB entity."""
    return store.list_articles(offset, limit, source, date_from, date_to, kb_id)


def list_entities(
    store: Store,
    type: str | None = None,
    search: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> Page[EntitySummary]:
    """KB entities with titles and article counts, most-covered first."""
    return store.list_entities(
        type=type.upper() if type else None, search=search, offset=offset, limit=limit
    )


def find_entity(store: Store, name_or_id: str) -> EntitySummary:
    """The KB entity with this id, else the best-covered one whose name matches the text."""
    try:
        return store.get_entity(name_or_id)
    except NotFound:
        pass
    page = store.list_entities(search=name_or_id, limit=20)
    if not page.items:
        raise NotFound(f"no entity named {name_or_id!r}; try `newsgraph entities --search TEXT`")
    wanted = name_or_id.casefold()
    exact = [e for e in page.items if e.name.casefold() == wanted]
    return (exact or page.items)[0]


def entity_profile(store: Store, kb_id: str, limit: int = PROFILE_LIMIT) -> EntityProfile:
    """Titles over time, aliases, articles, quotes by and about, events, co-occurring entities."""
    entity = store.get_entity(kb_id)
    return EntityProfile(
        entity=entity,
        titles=store.title_uses(kb_id),
        aliases=entity.aliases,
        affiliations=entity.affiliations,
        articles=store.list_articles(limit=limit, kb_id=kb_id).items,
        quotes_by=store.quotes(speaker_kb_id=kb_id, limit=limit).items,
        quotes_about=store.quotes(about_kb_id=kb_id, limit=limit).items,
        events_as_actor=store.events(actor_kb_id=kb_id, limit=limit).items,
        events_as_target=store.events(target_kb_id=kb_id, limit=limit).items,
        co_occurring=store.co_occurring(kb_id, limit=20),
        links=store.merge_links(kb_id, limit=limit),
    )


def quotes(
    store: Store,
    speaker: str | None = None,
    text: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> Page[QuoteRecord]:
    """Quotes by a speaker (KB id or name text) and/or containing a text, newest first."""
    speaker_kb_id = None
    if speaker:
        try:
            speaker_kb_id = store.get_entity(speaker).id
            speaker = None
        except NotFound:
            pass
    return store.quotes(
        speaker_kb_id=speaker_kb_id, speaker=speaker, text=text, offset=offset, limit=limit
    )


def timeline(
    store: Store,
    kb_id: str | None = None,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = TIMELINE_LIMIT,
) -> list[TimelineItem]:
    """Dated events and quotes in time order for an entity or a search, copies counted once."""
    if kb_id is None and not query:
        raise ValueError("a timeline needs an entity or a search text")
    events: list[EventRecord] = []
    quote_list: list[QuoteRecord] = []
    if kb_id is not None:
        store.get_entity(kb_id)  # NotFound early for a wrong id
        events = store.events(kb_id=kb_id, date_from=date_from, date_to=date_to, limit=limit).items
        quote_list = store.quotes(speaker_kb_id=kb_id, limit=limit).items
        quote_list += store.quotes(about_kb_id=kb_id, limit=limit).items
    else:
        assert query is not None
        ids = [h.article.id for h in store.search(query, limit=TIMELINE_SEARCH_HITS).items]
        if ids:
            events = store.events(
                article_ids=ids, date_from=date_from, date_to=date_to, limit=limit
            ).items
            quote_list = store.quotes(article_ids=ids, limit=limit).items
    items = [_event_item(e) for e in events] + [_quote_item(q) for q in quote_list]
    items = [i for i in items if _in_range(i.date, date_from, date_to)]
    return _once_per_story(store, items)[:limit]


def overview(store: Store, top: int = 10) -> Overview:
    """What the store holds: counts and the most-covered people, organisations and places."""
    return store.overview(top=top)


def _event_item(e: EventRecord) -> TimelineItem:
    label = " ".join(x for x in (e.actor_name, e.type, e.target_name) if x)
    return TimelineItem(
        date=(e.date or "")[:10],
        kind="event",
        text=e.sentence or e.trigger,
        label=label,
        article_id=e.article_id,
        article_title=e.article_title,
        source=e.source,
        event=e,
    )


def _quote_item(q: QuoteRecord) -> TimelineItem:
    return TimelineItem(
        date=(q.published or "")[:10],
        kind="quote",
        text=q.text,
        label=q.speaker_name or "unattributed",
        article_id=q.article_id,
        article_title=q.article_title,
        source=q.source,
        quote=q,
    )


def _in_range(date: str, date_from: str | None, date_to: str | None) -> bool:
    if not date:
        return False
    if date_from and date < date_from:
        return False
    return not (date_to and date[: len(date_to)] > date_to)


def _story_of(item: TimelineItem) -> str | None:
    record = item.event or item.quote
    return record.story_id if record else None


def _once_per_story(store: Store, items: list[TimelineItem]) -> list[TimelineItem]:
    """Keep one item per (story, kind, text): a wire story's copies count once, with outlets."""
    seen: dict[tuple[str, str, str], TimelineItem] = {}
    outlets: dict[str, list[str]] = {}
    for item in sorted(items, key=lambda i: (i.date, i.article_id)):
        story_id = _story_of(item) or item.article_id
        key = (story_id, item.kind, item.text)
        if key in seen:
            continue
        seen[key] = item
        if story_id not in outlets:
            try:
                outlets[story_id] = store.story(story_id).outlets
            except NotFound:
                outlets[story_id] = [item.source] if item.source else []
        item.outlets = outlets[story_id]
    return list(seen.values())
