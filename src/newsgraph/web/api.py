"""The JSON API under /api: thin routes over ``kb.queries`` and the store.

Parameters are validated by FastAPI (bounds, date patterns) and handed to the store as bound
values; no route takes a path to a file or a piece of SQL. Writes (ingest, merge, split) are off
unless the server was given a token, and each needs ``Authorization: Bearer <token>`` and a JSON
body: a browser cannot send either cross-site without asking first. A write whose ``Origin`` (or
``Sec-Fetch-Site``) says it comes from another site is refused before anything else is read.
"""

from __future__ import annotations

import hmac
import io
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from newsgraph.errors import RejectedInput
from newsgraph.kb import export as kb_export
from newsgraph.kb import queries
from newsgraph.model import Article
from newsgraph.store.base import (
    ArticleSummary,
    EntityProfile,
    EntitySummary,
    EventRecord,
    Overview,
    Page,
    QuoteRecord,
    SearchFacets,
    SearchFilter,
    SearchHit,
    Store,
    Story,
    TimelineItem,
)
from newsgraph.web.charts import graph_above
from newsgraph.web.deps import state, store_dependency
from newsgraph.web.filters import ArticleFilter, file_name_only, filtered_articles
from newsgraph.web.ingest import IngestReport, bounded_json, ingest

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 200
SEARCH_LIMIT = 100
MAX_OFFSET = 1_000_000
BODY_ARTICLES = 4  # a POST body may hold this many largest-allowed articles
SMALL_BODY = 65_536  # bytes: a merge or split body is a few ids
SAME_SITE = ("same-origin", "none")  # Sec-Fetch-Site values of the server's own pages
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ENTITY_TYPES = r"^[A-Za-z_]{1,20}$"
EVENT_TYPE = r"^[A-Za-z_]{1,40}$"
WORD = r"^[A-Za-z_\-]{1,40}$"
COUNTRY = r"^[A-Za-z]{3}$"

StoreDep = Annotated[Store, Depends(store_dependency)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows to return (1-{MAX_LIMIT}).")]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="Earliest date, YYYY[-MM[-DD]].")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="Latest date, YYYY[-MM[-DD]].")]
Text = Annotated[str | None, Query(min_length=1, max_length=500)]
IdPath = Annotated[str, Path(min_length=1, max_length=200, description="An id from a listing.")]


WRITING_OFF = (
    "writing is off on this server: start it with `newsgraph serve --token TOKEN` "
    "(or NEWSGRAPH_TOKEN) to allow ingest, merge and split"
)
JSON_TYPES = ("application/json",)
INGEST_TYPES = ("application/json", "application/x-ndjson")


def require_same_origin(request: Request) -> None:
    """A 403 for a write sent by a page of another origin: its ``Origin`` header, when there is
    one, must be this server's own scheme://host:port, and ``Sec-Fetch-Site``, when sent, must
    say same-origin. Tools (curl, scripts) send neither and are judged by the token alone."""
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}".lower()
    if origin is not None and origin.strip().lower().rstrip("/") != own:
        raise HTTPException(403, f"writes from another origin ({origin[:100]}) are refused")
    site = request.headers.get("sec-fetch-site")
    if site is not None and site.strip().lower() not in SAME_SITE:
        raise HTTPException(
            403, f"writes from another site (Sec-Fetch-Site: {site[:40]}) are refused"
        )


def require_token(request: Request) -> None:
    """Every write needs the server's token: none set is a 403, a missing or wrong one a 401."""
    require_same_origin(request)
    token = state(request).token
    if not token:
        raise HTTPException(403, WRITING_OFF)
    scheme, _, sent = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(sent.strip().encode(), token.encode()):
        raise HTTPException(
            401,
            "this write needs the server's token: send `Authorization: Bearer TOKEN`",
            headers={"WWW-Authenticate": "Bearer"},
        )


WriteAllowed = Annotated[None, Depends(require_token)]


def require_media(request: Request, allowed: tuple[str, ...]) -> None:
    """A 415 unless the body is declared as one of the ``allowed`` media types."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in allowed:
        raise HTTPException(
            415, f"send the body as {' or '.join(allowed)}, not {media or 'an undeclared type'}"
        )


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with a 413 as soon as it is known to pass ``limit`` bytes: from its
    Content-Length before reading anything, else while it streams in, so a huge body never
    sits in memory."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit() or len(declared) > 20:
            raise HTTPException(400, "the Content-Length header is not a number of bytes")
        if int(declared) > limit:
            raise HTTPException(413, f"the body is larger than {limit} bytes; send smaller batches")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"the body is larger than {limit} bytes; send smaller batches")
    return bytes(body)


async def json_fields(request: Request, *names: str) -> dict[str, str]:
    """The named string fields of a JSON object body (415, 400 or 422 when it is not one)."""
    require_media(request, JSON_TYPES)
    try:
        data: Any = bounded_json((await read_body(request, SMALL_BODY)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise HTTPException(400, f"the body is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise HTTPException(422, f"send a JSON object with {', '.join(names)}")
    fields: dict[str, str] = {}
    for name in names:
        value = data.get(name)
        if not isinstance(value, str) or not 0 < len(value) <= 200 or not value.isprintable():
            raise HTTPException(422, f"{name!r} must be a string of 1-200 printable characters")
        fields[name] = value
    return fields


def _json_body(example: dict[str, str]) -> dict[str, Any]:
    """The OpenAPI description of a small JSON object body."""
    properties = {k: {"type": "string", "example": v} for k, v in example.items()}
    schema = {"type": "object", "required": list(example), "properties": properties}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


@dataclass
class Merged:
    """What a hand merge did: the entity merged away and the one that holds both now."""

    merged: str
    entity: EntitySummary


@dataclass
class Split:
    """What a hand split did: the mention split out and the new KB entity it is now."""

    article_id: str
    entity_id: str
    split_from: str
    entity: EntitySummary


@dataclass
class Timeline:
    """One page of a timeline's items in date order; ``total`` counts every item."""

    items: list[TimelineItem]
    total: int
    offset: int = 0
    limit: int = queries.TIMELINE_LIMIT


@dataclass
class Dyad:
    """Every event between two entities, either acting on the other, in time order."""

    first: EntitySummary
    second: EntitySummary
    events: Page[EventRecord]


@router.get("/articles", summary="List articles, newest first")
def list_articles(
    store: StoreDep,
    offset: Offset = 0,
    limit: Limit = 50,
    source: Text = None,
    section: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    entity: Text = None,
) -> Page[ArticleSummary]:
    """Articles filtered by outlet, section, publication date range or KB entity id."""
    wanted = ArticleFilter(source, section, date_from, date_to, entity)
    page = filtered_articles(store, wanted, offset, limit)
    for summary in page.items:
        summary.origin = file_name_only(summary.origin)
    return page


@router.get("/articles/{article_id:path}", summary="One article with all its facts")
def get_article(store: StoreDep, article_id: IdPath) -> Article:
    """The stored article: clean text, metadata, removed boilerplate, entities (with kb_id), ...
    (``origin`` is the file name it was read from, never a path on the server)."""
    article = queries.get_article(store, article_id)
    article.origin = file_name_only(article.origin)
    return article


@router.get("/entities", summary="List knowledge-base entities")
def list_entities(
    store: StoreDep,
    type: Annotated[
        str | None, Query(pattern=ENTITY_TYPES, description="PERSON, ORG, GPE...")
    ] = None,
    search: Text = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> Page[EntitySummary]:
    """KB entities, most-covered first, filtered by type and by text in the name."""
    return queries.list_entities(store, type=type, search=search, offset=offset, limit=limit)


@router.get("/entities/candidates", summary="The entities a name fits")
def entity_candidates(
    store: StoreDep,
    name: Annotated[str, Query(min_length=1, max_length=200, description="Name text.")],
    limit: Limit = queries.CANDIDATES_SHOWN,
) -> queries.Candidates:
    """Every entity whose name is the text or holds all its words, most stories first, each
    with a line telling it apart (titles, dates, company); never a silent pick of one."""
    return queries.entity_choices(store, name, limit=limit)


@router.post(
    "/entities/{kb_id}/merge",
    summary="Merge this entity into another (needs the token)",
    openapi_extra=_json_body({"into": "kb_0123456789ab"}),
)
async def merge_entity(request: Request, _: WriteAllowed, kb_id: IdPath) -> Merged:
    """Move every mention, quote and event of ``kb_id`` to the entity ``into``."""
    into = (await json_fields(request, "into"))["into"]
    store = state(request).store()
    kept = await run_in_threadpool(queries.merge_entities, store, kb_id, into)
    return Merged(kb_id, kept)


@router.post(
    "/entities/{kb_id}/split",
    summary="Split one mention out of this entity (needs the token)",
    openapi_extra=_json_body({"article_id": "ARTICLE", "entity_id": "e3"}),
)
async def split_entity(request: Request, _: WriteAllowed, kb_id: IdPath) -> Split:
    """Make one article's entity, linked to ``kb_id``, a KB entity of its own."""
    body = await json_fields(request, "article_id", "entity_id")
    store = state(request).store()
    new = await run_in_threadpool(
        queries.split_mention, store, body["article_id"], body["entity_id"], kb_id
    )
    return Split(body["article_id"], body["entity_id"], kb_id, new)


@router.get("/entities/{kb_id}/graph", summary="An entity's co-occurrence graph")
def entity_graph(
    request: Request,
    store: StoreDep,
    kb_id: IdPath,
    min_weight: Annotated[
        int,
        Query(ge=1, le=MAX_OFFSET, description="Fewest shared stories a link needs (1: all)."),
    ] = 1,
) -> dict[str, Any]:
    """Cytoscape elements: the entity and the entities it shares most stories with (node
    ``weight``: shared stories; the entity's own: its stories), and the links among them (edge
    ``weight``: shared stories), without links under ``min_weight`` and the nodes they held."""
    return graph_above(state(request).entity_graph(store, kb_id), min_weight)


@router.get("/entities/{kb_id:path}", summary="An entity's profile")
def entity_profile(request: Request, store: StoreDep, kb_id: IdPath) -> EntityProfile:
    """Titles over time, aliases, articles, quotes by and about, events, co-occurring entities,
    and the roles of the known actor the entity is, if it is one."""
    return state(request).entity_profile(store, kb_id)


@router.get("/quotes", summary="Quotes by speaker or text")
def list_quotes(
    store: StoreDep,
    speaker: Annotated[
        str | None, Query(min_length=1, max_length=200, description="KB id or name text.")
    ] = None,
    search: Annotated[
        str | None, Query(min_length=1, max_length=500, description="Text in the quote.")
    ] = None,
    cue_kind: Annotated[
        Literal["speech", "thought", "evaluation", "document", "other"] | None,
        Query(description="Only attributions of this kind ('speech': what was said)."),
    ] = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> Page[QuoteRecord]:
    """Quotes, newest first, by a speaker (KB id or name) and/or containing a text."""
    return queries.quotes(
        store, speaker=speaker, text=search, offset=offset, limit=limit, cue_kind=cue_kind
    )


Typed = Annotated[
    bool, Query(description="Only events with a PLOVER type (false: untyped mentions too).")
]


@router.get("/events", summary="Events by type, mode, actor, target, place and date")
def list_events(
    store: StoreDep,
    type: Annotated[str | None, Query(pattern=EVENT_TYPE, description="PLOVER type.")] = None,
    mode: Annotated[str | None, Query(pattern=WORD, description="PLOVER mode.")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="KB id or name.")] = None,
    target: Annotated[str | None, Query(max_length=200, description="KB id or name.")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="KB id in any role.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="KB id or name.")] = None,
    country: Annotated[
        str | None, Query(pattern=COUNTRY, description="Alpha-3 code of any role.")
    ] = None,
    factuality: Annotated[str | None, Query(pattern=WORD, description="e.g. happened.")] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    typed: Typed = True,
    offset: Offset = 0,
    limit: Limit = 50,
    plover: Annotated[
        bool, Query(description="Only PLOVER-typed events (false: every event mention).")
    ] = True,
) -> Page[EventRecord]:
    """Events in date order narrowed by every filter given; an actor or target that is not a
    KB id matches words of the name. Untyped events (``type`` null) only with ``typed=false``."""
    wanted = queries.event_filter(
        store, type=type, mode=mode, actor=actor, target=target, entity=entity, place=place,
        country=country, factuality=factuality, date_from=date_from, date_to=date_to,
        typed_only=typed and plover,
    )  # fmt: skip
    return queries.find_events(store, wanted, offset=offset, limit=limit)


@router.get("/events.csv", summary="The filtered events as a CSV file")
def events_csv(
    store: StoreDep,
    type: Annotated[str | None, Query(pattern=EVENT_TYPE)] = None,
    mode: Annotated[str | None, Query(pattern=WORD)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    target: Annotated[str | None, Query(max_length=200)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
    factuality: Annotated[str | None, Query(pattern=WORD)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    all: Annotated[str | None, Query(max_length=1, description="1: untyped too.")] = None,
    a: Annotated[str | None, Query(max_length=200, description="Dyad: first entity.")] = None,
    b: Annotated[str | None, Query(max_length=200, description="Dyad: second entity.")] = None,
) -> Response:
    """Every event the same filters as ``/api/events`` select (or the dyad ``a``-``b``), one
    row each in the columns of ``newsgraph export --what events``."""
    wanted = queries.event_filter(
        store, type=type, mode=mode, actor=actor, target=target, entity=entity, place=place,
        country=country, factuality=factuality, date_from=date_from, date_to=date_to,
        typed_only=not all,
    )  # fmt: skip
    if a and b:
        pair = (queries.find_entity(store, a).id, queries.find_entity(store, b).id)
        wanted = replace(wanted, dyad=pair)
    out = io.StringIO()
    kb_export.events_csv(iter(queries.all_found_events(store, wanted)), out)
    headers = {"content-disposition": 'attachment; filename="events.csv"'}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/events/chart", summary="Event counts by type and month")
def event_chart(
    store: StoreDep,
    type: Annotated[str | None, Query(pattern=EVENT_TYPE)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    target: Annotated[str | None, Query(max_length=200)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    typed: Typed = True,
) -> queries.EventChart:
    """Months in order and, per event type, its count in each month (undated events apart)."""
    wanted = queries.event_filter(
        store, type=type, actor=actor, target=target, entity=entity, country=country,
        date_from=date_from, date_to=date_to, typed_only=typed,
    )  # fmt: skip
    return queries.event_chart(store, wanted)


@router.get("/events/dyad", summary="Every event between two entities")
def event_dyad(
    store: StoreDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="KB id or name.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="KB id or name.")],
    typed: Typed = True,
    offset: Offset = 0,
    limit: Limit = 50,
) -> Dyad:
    """Events where either entity acts on the other, in time order (a name several entities
    fit is a 400 naming them: give a KB id)."""
    first, second = queries.find_entity(store, a), queries.find_entity(store, b)
    page = queries.dyad(store, first.id, second.id, typed_only=typed, offset=offset, limit=limit)
    return Dyad(first, second, page)


@router.get("/timeline", summary="Timeline of an entity or a search")
def timeline(
    store: StoreDep,
    entity: Annotated[str | None, Query(max_length=200, description="KB id.")] = None,
    q: Text = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    offset: Offset = 0,
    limit: Annotated[
        int,
        Query(ge=1, le=queries.TIMELINE_MAX_LIMIT, description="Items per page (1-500)."),
    ] = queries.TIMELINE_LIMIT,
) -> Timeline:
    """Dated events and quotes in order, oldest first; syndicated copies of a story counted
    once; ``total`` counts every item, page with ``offset``."""
    if not entity and not q:
        raise HTTPException(400, "give an entity (?entity=KB_ID) or a search (?q=TEXT)")
    page = queries.timeline_page(
        store, kb_id=entity, query=q, date_from=date_from, date_to=date_to, offset=offset,
        limit=limit,
    )  # fmt: skip
    return Timeline(page.items, page.total, page.offset, page.limit)


def search_filter(
    date_from: DateFrom = None,
    date_to: DateTo = None,
    source: Text = None,
    section: Text = None,
    language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
    entity_type: Annotated[str | None, Query(pattern=ENTITY_TYPES)] = None,
    event_type: Annotated[str | None, Query(pattern=EVENT_TYPE)] = None,
) -> SearchFilter:
    """The search facets chosen in the query string (shared by search and its facet counts)."""
    return SearchFilter(date_from, date_to, source, section, language, entity_type, event_type)


Facets = Annotated[SearchFilter, Depends(search_filter)]


@router.get("/search", summary="Full-text search")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
    wanted: Facets,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=SEARCH_LIMIT)] = 20,
    sort: Annotated[str, Query(pattern=r"^(relevance|date)$")] = "relevance",
) -> Page[SearchHit]:
    """Articles matching the words, best first (or newest with ``sort=date``), with a snippet
    (matches in [brackets]), narrowed by any facet given; untitled ones carry ``lead``."""
    page = queries.search_page(store, q, wanted, sort, offset=offset, limit=limit)
    for hit in page.items:
        hit.article.origin = file_name_only(hit.article.origin)
    return page


@router.get("/search/facets", summary="Counts of the matching articles by facet")
def search_facets(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find.")],
    wanted: Facets,
) -> SearchFacets:
    """How many matching articles fall in each year, outlet, section, language, entity type and
    event type, under the facets already chosen."""
    return queries.search_facets(store, q, wanted)


@router.get("/overview", summary="What the store holds")
def overview(store: StoreDep) -> Overview:
    """Counts of articles, stories, entities and facts, and the most-covered entities."""
    return queries.overview(store)


@router.get("/stories/{story_id:path}", summary="A wire story and its copies")
def story(store: StoreDep, story_id: IdPath) -> Story:
    """The articles that are copies of one story, and their outlets (the source each copy
    names, else the host of its URL)."""
    return queries.story(store, story_id)


@router.post(
    "/ingest",
    summary="Analyse and store articles",
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "One JSON article {id?, text|html, title?, published?, url?, "
            "source?, section?} or JSON Lines, one article per line.",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    },
)
async def ingest_articles(request: Request, _: WriteAllowed) -> IngestReport:
    """Run the pipeline on the posted articles and store them; bad lines reported with reasons."""
    require_media(request, INGEST_TYPES)
    body = await read_body(request, BODY_ARTICLES * state(request).settings.max_bytes)
    return await run_in_threadpool(_ingest_sync, request, body)


def _ingest_sync(request: Request, body: bytes) -> IngestReport:
    app_state = state(request)
    try:
        report: IngestReport = ingest(
            body, app_state.store(), app_state.settings, app_state.analyse
        )
    except RejectedInput as exc:
        raise HTTPException(400, exc.reason) from exc
    return report
