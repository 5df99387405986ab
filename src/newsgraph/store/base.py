"""The ``Store`` protocol and the records its queries return.

Everything above the store (kb queries, CLI, web) talks to this protocol only; SQLite is the
embedded default (``store/sqlite.py``). The store persists and answers; resolution is a
``KBResolver`` handed to it (``kb/resolver.py``), never imported by it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from newsgraph.errors import StoreError
from newsgraph.model import Article
from newsgraph.store.kb_tables import KBTables

T = TypeVar("T")


@dataclass
class Page(Generic[T]):
    """One page of a longer result list: ``total`` counts every match, not just this page."""

    items: list[T]
    total: int
    offset: int = 0
    limit: int = 50


@dataclass
class SaveResult:
    """What saving one article did."""

    article_id: str
    duplicate: bool = False  # same content hash already stored: nothing was written
    story_id: str | None = None
    syndicated_with: str | None = None  # id of an earlier copy of the same wire story
    new_kb_entities: int = 0
    merged_entities: int = 0  # article entities linked to an existing KB entity


@dataclass
class ArticleSummary:
    """One article in a list: metadata and fact counts, no text."""

    id: str
    title: str | None
    section: str | None
    source: str | None
    published: str | None
    url: str | None
    origin: str | None
    story_id: str | None
    entities: int = 0
    quotes: int = 0
    times: int = 0
    figures: int = 0
    events: int = 0
    lead: str | None = None  # the body's first words, shown for an untitled article


@dataclass
class SearchHit:
    """An article matching a full-text search, with a snippet of the matching text."""

    article: ArticleSummary
    snippet: str  # matched words wrapped in [ and ]
    score: float  # bm25 rank: lower is better


@dataclass
class EntitySummary:
    """One knowledge-base entity in a list."""

    id: str  # kb id
    name: str
    type: str
    country: str | None
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    articles: int = 0  # distinct stories (syndicated copies counted once)
    mentions: int = 0
    status: str = "resolved"  # or "unresolved": a bare surname no single KB person fits


@dataclass
class TitleUse:
    """One title of an entity with the publication dates of the articles that used it."""

    title: str
    dates: list[str]  # sorted YYYY-MM-DD, undated articles left out
    articles: int
    first: str | None = None
    last: str | None = None


@dataclass
class MergeLink:
    """Why an article's entity belongs to a KB entity: the evidence of the merge."""

    article_id: str
    entity_id: str  # the per-article entity id
    name: str  # the per-article canonical name
    kb_id: str
    evidence: str  # e.g. "exact name", "acronym of", "surname + matching affiliation Haiti"
    score: float = 1.0
    published: str | None = None


@dataclass
class QuoteRecord:
    """A quote with its speaker and the article it came from."""

    article_id: str
    index: int  # position in Article.quotes
    text: str
    kind: str
    start: int
    end: int
    speaker_name: str | None
    speaker_kb_id: str | None
    cue: str | None
    published: str | None
    source: str | None
    article_title: str | None
    story_id: str | None
    cue_kind: str | None = None  # speech | thought | evaluation | document | other


@dataclass
class EventRecord:
    """An event with its actor, target and place resolved to names, KB ids and countries."""

    article_id: str
    id: str  # event id within the article
    type: str | None  # None: an event mention outside PLOVER
    mode: str | None
    trigger: str
    date: str | None  # the event's TIMEX3 value, else the article's publication date
    factuality: str
    actor_name: str | None
    actor_kb_id: str | None
    actor_country: str | None
    target_name: str | None
    target_kb_id: str | None
    target_country: str | None
    place_name: str | None
    place_kb_id: str | None
    sentence: str | None  # the sentence the event was found in, when known
    published: str | None
    source: str | None
    article_title: str | None
    story_id: str | None
    field: str = "body"  # the field the trigger and sentence lie in: "title" | "body"


@dataclass
class CoOccurrence:
    """A KB entity seen in the same articles as another, with the number of shared stories."""

    kb_id: str
    name: str
    type: str
    count: int


@dataclass
class Story:
    """One wire story and every stored copy of it (syndication)."""

    id: str
    article_ids: list[str]
    outlets: list[str]


@dataclass
class KnownRole:
    """A role a known actor of the PETRARCH2 dictionaries held, and on which of the entity's
    article dates it held."""

    actor: str  # the dictionaries' name for the actor
    code: str  # CAMEO code, e.g. GBRGOV
    description: str  # "United Kingdom government"
    start: str | None
    end: str | None
    dated_articles: int  # the entity's dated stories falling in the role's range


@dataclass
class EntityProfile:
    """Everything the knowledge base knows about one entity."""

    entity: EntitySummary
    titles: list[TitleUse]
    aliases: list[str]
    affiliations: list[str]
    articles: list[ArticleSummary]
    quotes_by: list[QuoteRecord]
    quotes_about: list[QuoteRecord]
    events_as_actor: list[EventRecord]
    events_as_target: list[EventRecord]
    co_occurring: list[CoOccurrence]
    links: list[MergeLink]
    known_roles: list[KnownRole] = field(default_factory=list)


@dataclass
class TimelineItem:
    """One dated event or quote on a timeline, with its source article and outlets."""

    date: str  # YYYY-MM-DD (or the TIMEX3 value's date part)
    kind: str  # event | quote
    text: str  # the quote, or the event's sentence/trigger
    label: str  # event type, or the speaker's name
    article_id: str
    article_title: str | None
    source: str | None
    outlets: list[str] = field(default_factory=list)  # all outlets of the story (copies once)
    event: EventRecord | None = None
    quote: QuoteRecord | None = None


@dataclass
class Overview:
    """What the store holds, in counts and top lists."""

    articles: int
    stories: int
    entities: int  # KB entities
    quotes: int
    events: int
    times: int
    figures: int
    people: list[EntitySummary]
    organisations: list[EntitySummary]
    places: list[EntitySummary]


@dataclass(frozen=True)
class EventFilter:
    """What an event listing is narrowed to; None filters nothing. KB ids match the entity in
    that role; ``*_name`` match words of the role's name text (case folded); ``country`` an
    alpha-3 code of the actor, target or place; ``dyad`` two KB ids, either one acting on the
    other; ``typed_only`` keeps events with a PLOVER type (``type`` None are the untyped)."""

    type: str | None = None
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    entity: str | None = None
    actor_name: str | None = None
    target_name: str | None = None
    place: str | None = None
    country: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    factuality: str | None = None
    dyad: tuple[str, str] | None = None
    typed_only: bool = True


@dataclass
class EventCount:
    """How many events of one type fall in one month (YYYY-MM; '' when undated)."""

    month: str
    type: str | None
    count: int


@dataclass(frozen=True)
class SearchFilter:
    """What a full-text search is narrowed to; None filters nothing. ``entity_type`` keeps
    articles naming an entity of that type, ``event_type`` those with an event of that type."""

    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    section: str | None = None
    language: str | None = None
    entity_type: str | None = None
    event_type: str | None = None


@dataclass
class FacetCount:
    """One value of a facet and how many matching articles have it."""

    value: str
    count: int


@dataclass
class SearchFacets:
    """Counts of the matching articles by each facet (articles stored before schema v9 have no
    language and are counted under none)."""

    total: int
    years: list[FacetCount] = field(default_factory=list)
    sources: list[FacetCount] = field(default_factory=list)
    sections: list[FacetCount] = field(default_factory=list)
    languages: list[FacetCount] = field(default_factory=list)
    entity_types: list[FacetCount] = field(default_factory=list)
    event_types: list[FacetCount] = field(default_factory=list)


class KBResolver(Protocol):
    """Who is who, decided above the store (``kb/resolver.py``): it reads candidates and writes
    links through the store's ``KBTables`` inside the store's transaction. A store opened
    without one saves articles with resolution deferred, for ``resolve_pending`` to link."""

    def search_words(self, text: str) -> list[str]: ...
    def forget(self) -> None: ...
    def syndicate(self, t: KBTables, article: Article) -> str | None: ...
    def add(self, t: KBTables, article: Article) -> tuple[int, int]: ...
    def resolve_pending(self, t: KBTables) -> int: ...
    def settle(self, t: KBTables) -> int: ...
    def merge(self, t: KBTables, kb_id: str, into_kb_id: str, evidence: str) -> None: ...
    def split(self, t: KBTables, article_id: str, entity_id: str) -> str: ...
    def rebuild_all(self, t: KBTables, articles: Iterable[Article]) -> None: ...


class Store(Protocol):
    """A place where articles and the knowledge base built from them live."""

    path: str

    # -- writing ---------------------------------------------------------------------------
    def save(self, article: Article) -> SaveResult:
        """Store an analysed article, resolve its entities into the KB and detect copies."""
        ...

    def save_many(self, articles: list[Article]) -> list[SaveResult | StoreError]:
        """Store several articles in one transaction; each failure is returned in its place."""
        ...

    def has_hash(self, content_hash: str) -> bool:
        """True when an article with this content hash is stored."""
        ...

    def settle(self) -> int:
        """Finish resolution for what was saved since the last settle; a batch ends with it."""
        ...

    def resolve_pending(self, resolver: KBResolver | None = None) -> int:
        """Link the articles stored with resolution deferred (with this store's resolver, or
        ``resolver``) and settle; returns how many were linked."""
        ...

    def reresolve(self) -> None:
        """Resolve every stored article again from scratch, keeping the corrections."""
        ...

    def unmerge(self, article_id: str, entity_id: str) -> str:
        """Split one article entity out of its KB entity, now and in later ingests."""
        ...

    def merge(self, kb_id: str, into_kb_id: str, evidence: str = "merged by hand") -> None:
        """Join ``kb_id`` to ``into_kb_id``, now and in later ingests."""
        ...

    def close(self) -> None: ...

    # -- articles --------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article:
        """The stored Article (exact round trip, entities carrying kb_id); NotFound if absent."""
        ...

    def list_articles(
        self,
        offset: int = 0,
        limit: int = 50,
        source: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kb_id: str | None = None,
    ) -> Page[ArticleSummary]:
        """Articles, newest first, filtered by outlet, date range or KB entity."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every stored Article, for exports."""
        ...

    def search(self, text: str, offset: int = 0, limit: int = 20) -> Page[SearchHit]:
        """Full-text search over titles and bodies (every copy stays searchable)."""
        ...

    def search_ids(self, text: str, limit: int = 100) -> list[str]:
        """The ids of the best-matching articles, best first: ``search`` without snippets or a
        count, for callers that only read the articles' facts (a search timeline)."""
        ...

    def story(self, story_id: str) -> Story:
        """A story with its copies and outlets."""
        ...

    # -- knowledge base --------------------------------------------------------------------
    def list_entities(
        self,
        type: str | None = None,
        search: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> Page[EntitySummary]:
        """KB entities, most articles first, filtered by type and name text."""
        ...

    def get_entity(self, kb_id: str) -> EntitySummary:
        """One KB entity; NotFound if absent."""
        ...

    def title_uses(self, kb_id: str) -> list[TitleUse]:
        """The entity's titles with the dates of the articles that used them."""
        ...

    def merge_links(self, kb_id: str, limit: int = 200) -> list[MergeLink]:
        """The article entities linked to this KB entity, with the evidence of each merge."""
        ...

    def co_occurring(self, kb_id: str, limit: int = 20) -> list[CoOccurrence]:
        """Other KB entities appearing in the same stories, most shared stories first."""
        ...

    def shared_stories(self, kb_ids: list[str]) -> list[tuple[str, str, int]]:
        """Each pair of these KB entities that an article names together, (a, b, stories) with
        a < b, counting stories (copies once); most shared first."""
        ...

    def change_mark(self) -> Hashable:
        """A value that differs after any change to the store's contents, by this process or
        another: what a reader caches is valid while the mark it was read under still holds."""
        ...

    def quotes(
        self,
        speaker_kb_id: str | None = None,
        speaker: str | None = None,
        text: str | None = None,
        about_kb_id: str | None = None,
        article_id: str | None = None,
        offset: int = 0,
        limit: int = 50,
        article_ids: list[str] | None = None,
        cue_kind: str | None = None,
    ) -> Page[QuoteRecord]:
        """Quotes by speaker (kb id or name text), quote text, entity mentioned, article, or
        cue kind ('speech' keeps what was said)."""
        ...

    def events(
        self,
        actor_kb_id: str | None = None,
        target_kb_id: str | None = None,
        kb_id: str | None = None,
        type: str | None = None,
        article_ids: list[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        offset: int = 0,
        limit: int = 50,
        typed_only: bool = True,
    ) -> Page[EventRecord]:
        """Events filtered by actor/target/any role KB entity, type, articles and date range;
        only PLOVER-typed ones unless ``typed_only`` is False (then every event mention)."""
        ...

    def overview(self, top: int = 10) -> Overview:
        """Counts and the most-mentioned people, organisations and places."""
        ...

    # -- the analyst's workbench (issue 15): filtered reads -----------------------------------
    def find_events(
        self, wanted: EventFilter, offset: int = 0, limit: int = 50
    ) -> Page[EventRecord]:
        """Events narrowed by every field of ``wanted``, in date order (undated last)."""
        ...

    def event_counts(self, wanted: EventFilter) -> list[EventCount]:
        """How many of the ``wanted`` events fall in each month, by type, months in order."""
        ...

    def article_openings(self, article_ids: list[str], chars: int = 160) -> dict[str, str]:
        """The first ``chars`` characters of each article's body, for untitled articles."""
        ...

    def search_filtered(
        self,
        text: str,
        wanted: SearchFilter,
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 20,
    ) -> Page[SearchHit]:
        """``search`` narrowed by ``wanted``, sorted by "relevance" or "date" (newest first)."""
        ...

    def search_facets(self, text: str, wanted: SearchFilter, top: int = 20) -> SearchFacets:
        """Counts of the articles matching ``text`` and ``wanted`` by year, outlet, section,
        language, entity type and event type (the ``top`` largest of each)."""
        ...
