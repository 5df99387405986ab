"""The web pages: server-rendered Jinja2 (autoescaped) over the same library calls as the API."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from newsgraph.errors import NotFound
from newsgraph.kb import queries
from newsgraph.model import Article, Entity, Event
from newsgraph.store.base import (
    EntityProfile,
    EventRecord,
    QuoteRecord,
    SearchFilter,
    Store,
    TimelineItem,
)
from newsgraph.web.charts import event_bars, parse_day, timeline_chart
from newsgraph.web.deps import render, state, store_dependency
from newsgraph.web.filters import ArticleFilter, filtered_articles
from newsgraph.web.highlight import entity_link, highlighted_article, highlighted_title
from newsgraph.web.urls import entity_url

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(store_dependency)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[str, Query(max_length=500)]
DateText = Annotated[str, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
PAGE_SIZE = 20
SEARCH_CANDIDATES = 10  # described beside search hits; /entities/NAME lists more
ENTITY_TYPES = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
    "FINANCIAL",
)  # fmt: skip


def snippet_html(snippet: str) -> Markup:
    """A search snippet (matches in [brackets]) as escaped HTML with <mark> around matches."""
    out: list[str] = []
    for i, piece in enumerate(snippet.replace("]", "[").split("[")):
        out.append(f"<mark>{escape(piece)}</mark>" if i % 2 else str(escape(piece)))
    return Markup("".join(out))


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from articles become hrefs: a javascript: URL stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> Response:
    """Counts, the most-covered entities and the latest articles."""
    overview = queries.overview(store)
    latest = queries.list_articles(store, limit=10)
    return render(request, "home.html", {"overview": overview, "latest": latest.items})


FACET_PARAMS = ("date_from", "date_to", "source", "section", "language", "entity_type",
                "event_type")  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    store: StoreDep,
    q: Text = "",
    offset: Offset = 0,
    sort: Annotated[str, Query(pattern=r"^(relevance|date)$")] = "relevance",
    date_from: DateText = "",
    date_to: DateText = "",
    source: Text = "",
    section: Text = "",
    language: Annotated[str, Query(max_length=3)] = "",
    entity_type: Annotated[str, Query(max_length=20)] = "",
    event_type: Annotated[str, Query(max_length=40)] = "",
) -> Response:
    """Articles matching the words, narrowed by facets with counts, by relevance or date, and
    every entity the words name ("13 people named Smith")."""
    chosen = {
        "date_from": date_from, "date_to": date_to, "source": source, "section": section,
        "language": language, "entity_type": entity_type, "event_type": event_type,
    }  # fmt: skip
    wanted = SearchFilter(**{k: v or None for k, v in chosen.items()})
    context: dict[str, Any] = {"q": q, "hits": None, "entities": [], "offset": offset}
    context.update(candidates=None, facets=None, chosen=chosen, sort=sort)
    if q.strip():
        context["hits"] = queries.search_page(store, q, wanted, sort, offset, PAGE_SIZE)
        context["facets"] = queries.search_facets(store, q, wanted)
        context["candidates"] = queries.entity_choices(store, q, limit=SEARCH_CANDIDATES)
        if not context["candidates"].total:
            context["entities"] = _entities_named(store, q)
    context["snippet_html"] = snippet_html
    context["page_size"] = PAGE_SIZE
    context["search_url"] = lambda **change: _search_url(q, sort, chosen, change)
    return render(request, "search.html", context)


def _search_url(q: str, sort: str, chosen: dict[str, str], change: dict[str, str]) -> str:
    """The search page with one facet (or the sort) changed, the others kept, from page one."""
    params = {"q": q, "sort": sort, **chosen, **change}
    return "/search?" + urlencode({k: v for k, v in params.items() if v})


def _entities_named(store: Store, words: str, limit: int = 8) -> list[Any]:
    """Entities whose name holds some of the text's longer words, when no name fits it all."""
    found = queries.list_entities(store, search=words, limit=limit).items
    for word in words.split():
        if len(found) >= limit:
            break
        if len(word) > 3 and word != words:
            more = queries.list_entities(store, search=word, limit=limit).items
            found += [e for e in more if e.id not in {f.id for f in found}]
    return found[:limit]


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    store: StoreDep,
    offset: Offset = 0,
    source: Text = "",
    section: Text = "",
    date_from: DateText = "",
    date_to: DateText = "",
) -> Response:
    """Every article, newest first, narrowed by outlet, section and date range."""
    wanted = ArticleFilter(source or None, section or None, date_from or None, date_to or None)
    page = filtered_articles(store, wanted, offset, PAGE_SIZE)
    context = {"page": page, "filter": wanted, "offset": offset, "page_size": PAGE_SIZE}
    return render(request, "articles.html", context)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, store: StoreDep, article_id: str) -> Response:
    """The clean text with every fact highlighted in place, and lists of the facts."""
    art = queries.get_article(store, article_id)
    context = {
        "article": art,
        "body": highlighted_article(art),
        "title_html": highlighted_title(art),
        "entity_groups": _entities_by_type(art),
        "speaker_of": _speaker_names(art),
        "events": art.plover_events(),
        "event_roles": [_event_roles(art, ev) for ev in art.plover_events()],
        "lead": None if art.title else queries.first_words(art.text),
        "entity_link": entity_link,
        "url": safe_url(art.url),
    }
    return render(request, "article.html", context)


def _entities_by_type(article: Article) -> dict[str, list[Entity]]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    for ent in sorted(article.entities, key=lambda e: -len(e.mentions)):
        groups[ent.type].append(ent)
    return dict(sorted(groups.items()))


def _speaker_names(article: Article) -> list[tuple[str, str | None]]:
    """Each quote's speaker: the entity's name and page, else the words used and no page."""
    speakers: list[tuple[str, str | None]] = []
    for q in article.quotes:
        ent = article.entity(q.speaker)
        if ent:
            speakers.append((ent.name, entity_link(ent)))
        else:
            speakers.append((q.speaker_text or "unattributed", None))
    return speakers


@dataclass
class EventRoles:
    """Who did what to whom in one event of an article, each name with its entity page."""

    actor: str
    actor_href: str | None
    target: str
    target_href: str | None
    place: str | None


def _event_roles(article: Article, ev: Event) -> EventRoles:
    actor, target, place = (article.entity(r) for r in (ev.actor, ev.target, ev.place))
    return EventRoles(
        actor.name if actor else "?", entity_link(actor) if actor else None,
        target.name if target else "?", entity_link(target) if target else None,
        place.name if place else None,
    )  # fmt: skip


@router.get("/entities", response_class=HTMLResponse)
def entities(
    request: Request,
    store: StoreDep,
    type: Annotated[str | None, Query(max_length=20)] = None,
    search: Text = "",
    offset: Offset = 0,
) -> Response:
    """KB entities, most-covered first, by type and name."""
    page = queries.list_entities(
        store, type=type or None, search=search or None, offset=offset, limit=PAGE_SIZE
    )
    context = {
        "page": page,
        "type": type or "",
        "search": search,
        "types": ENTITY_TYPES,
        "offset": offset,
        "page_size": PAGE_SIZE,
    }
    return render(request, "entities.html", context)


@router.get("/entities/{kb_id:path}", response_class=HTMLResponse)
def entity(request: Request, store: StoreDep, kb_id: str) -> Response:
    """Titles over time, aliases, quotes, events on a timeline chart, co-occurrence graph.

    A name instead of a KB id leads to the one entity it fits, else to the list of them.
    """
    app_state = state(request)
    mark = store.change_mark()  # profile and graph cached under one mark: they stay in step
    try:
        profile = app_state.entity_profile(store, kb_id, mark)
    except NotFound:
        return _entity_named(request, store, kb_id)
    events = _events_once(profile)
    quotes_by = quotes_once(profile.quotes_by)
    context = {
        "profile": profile,
        "chart": timeline_chart(events, [q.quote for q in quotes_by]),
        "graph": app_state.entity_graph(store, kb_id, mark),
        "events": events,
        "quotes_by": quotes_by,
        "quotes_about": quotes_once(profile.quotes_about),
        "writable": app_state.token is not None,
    }
    return render(request, "entity.html", context)


def _entity_named(request: Request, store: Store, name: str) -> Response:
    """The page of the one entity a name fits, or the candidates when several do."""
    found = queries.entity_choices(store, name)
    if found.total == 0:
        raise NotFound(f"no entity {name!r}; try the search box")
    if found.total == 1:
        return RedirectResponse(entity_url(found.items[0].entity.id), status_code=303)
    return render(request, "candidates.html", {"found": found, "link": entity_url})


def timeline_url(kb_id: str) -> str:
    """The timeline page of one KB entity."""
    return "/timeline?entity=" + quote(kb_id, safe="")


@dataclass
class QuoteOnce:
    """A quote shown once for a whole story, with every outlet that carried it."""

    quote: QuoteRecord
    outlets: list[str] = field(default_factory=list)


def quotes_once(quote_records: list[QuoteRecord]) -> list[QuoteOnce]:
    """Syndicated copies of a quote (same story, same words) become one, listing the outlets."""
    merged: dict[tuple[str, str], QuoteOnce] = {}
    for qr in quote_records:
        key = (qr.story_id or qr.article_id, qr.text)
        once = merged.setdefault(key, QuoteOnce(qr))
        if qr.source and qr.source not in once.outlets:
            once.outlets.append(qr.source)
    return list(merged.values())


def _events_once(profile: EntityProfile) -> list[EventRecord]:
    """The entity's events as actor or target, in date order, syndicated copies once."""
    seen: set[tuple[str, str | None, str, str]] = set()
    events = []
    for ev in profile.events_as_actor + profile.events_as_target:
        key = (ev.story_id or ev.article_id, ev.type, ev.trigger, ev.sentence or ev.id)
        if key not in seen:
            seen.add(key)
            events.append(ev)
    return sorted(events, key=lambda e: e.date or "")


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    store: StoreDep,
    speaker: Text = "",
    search: Text = "",
    offset: Offset = 0,
) -> Response:
    """Quotes by a speaker and/or containing a text."""
    page = queries.quotes(
        store, speaker=speaker or None, text=search or None, offset=offset, limit=PAGE_SIZE
    )
    context = {
        "page": page,
        "quotes": [QuoteOnce(qr, [qr.source] if qr.source else []) for qr in page.items],
        "speaker": speaker,
        "search": search,
        "offset": offset,
        "page_size": PAGE_SIZE,
    }
    return render(request, "quotes.html", context)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    store: StoreDep,
    q: Text = "",
    entity: Annotated[str, Query(max_length=200)] = "",
    offset: Offset = 0,
) -> Response:
    """Dated events and quotes for a search or an entity, in order, copies counted once, a
    page of ``TIMELINE_LIMIT`` at a time with the total."""
    page = None
    title = ""
    candidates = None
    kb_id = None
    if entity:
        try:
            found = queries.find_entity(store, entity)
            title, kb_id = found.name, found.id
            page = queries.timeline_page(store, kb_id=found.id, offset=offset)
        except queries.AmbiguousName:
            candidates = queries.entity_choices(store, entity)
    elif q.strip():
        title = q
        page = queries.timeline_page(store, query=q, offset=offset)
    items = page.items if page else None
    base = "/timeline?" + urlencode({"entity": entity} if entity else {"q": q}) + "&"
    context = {
        "q": q,
        "entity": entity,
        "kb_id": kb_id,
        "title": title,
        "items": items,
        "page": page,
        "offset": offset,
        "page_size": queries.TIMELINE_LIMIT,
        "base": base,
        "months": _by_month(items or []),
        "candidates": candidates,
        "timeline_url": timeline_url,
    }
    return render(request, "timeline.html", context)


def _by_month(items: list[TimelineItem]) -> list[tuple[str, list[TimelineItem]]]:
    """Timeline items under one heading per month ("March 2025"), or per year when vaguer."""
    groups: dict[str, list[TimelineItem]] = {}
    for item in items:
        groups.setdefault(_month_label(item.date), []).append(item)
    return list(groups.items())


def _month_label(value: str) -> str:
    day = parse_day(value)
    if day is None:
        return value or "undated"
    return day.strftime("%B %Y") if len(value) >= 7 else str(day.year)


EVENT_FILTERS = ("type", "mode", "actor", "target", "place", "country", "factuality",
                 "date_from", "date_to")  # fmt: skip
Word = Annotated[str, Query(max_length=40)]
Name = Annotated[str, Query(max_length=200)]


@router.get("/events", response_class=HTMLResponse)
def events(
    request: Request,
    store: StoreDep,
    type: Word = "",
    mode: Word = "",
    actor: Name = "",
    target: Name = "",
    place: Name = "",
    country: Annotated[str, Query(max_length=3)] = "",
    factuality: Word = "",
    date_from: DateText = "",
    date_to: DateText = "",
    all: Annotated[str, Query(max_length=1)] = "",
    a: Name = "",
    b: Name = "",
    offset: Offset = 0,
) -> Response:
    """Events as actor → type → target with their sentence, filtered, with counts by type
    per month; given two entities ``a`` and ``b``, every event between them (the dyad)."""
    chosen = {
        "type": type, "mode": mode, "actor": actor, "target": target, "place": place,
        "country": country, "factuality": factuality, "date_from": date_from,
        "date_to": date_to,
    }  # fmt: skip
    typed_only = not all
    dyad = None
    if a and b:
        first, second = queries.find_entity(store, a), queries.find_entity(store, b)
        dyad = (first, second)
        wanted = queries.event_filter(store, typed_only=typed_only)
        wanted = replace(wanted, dyad=(first.id, second.id))
    else:
        wanted = queries.event_filter(store, typed_only=typed_only, **chosen)
    page = queries.find_events(store, wanted, offset=offset, limit=PAGE_SIZE)
    chart = queries.event_chart(store, wanted)
    params = {**chosen, "all": all, "a": a, "b": b}
    query = urlencode({k: v for k, v in params.items() if v})
    context = {
        "page": page,
        "chosen": chosen,
        "all": all,
        "dyad": dyad,
        "a": a,
        "b": b,
        "bars": event_bars(chart.months, chart.series),
        "undated": chart.undated,
        "types": sorted(chart.series),
        "offset": offset,
        "page_size": PAGE_SIZE,
        "base": "/events?" + (query + "&" if query else ""),
        "csv_url": "/api/events.csv" + ("?" + query if query else ""),
    }
    return render(request, "events.html", context)
