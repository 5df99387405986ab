"""The library's query API over any ``Store``: what the CLI and the web app call to read the KB.

Every function takes the store first and returns the dataclasses of ``store.base``; none prints.
Syndicated copies of a story are counted once in timelines (one item per story, with all its
outlets) while every copy stays searchable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from newsgraph.errors import NewsgraphError, NotFound
from newsgraph.kb.known_actors import load_known_actors, normalise_form
from newsgraph.kb.resolve import normalise
from newsgraph.model import Article
from newsgraph.stages.entities.names import build_name_lexicons
from newsgraph.store.base import (
    ArticleSummary,
    EntityProfile,
    EntitySummary,
    EventCount,
    EventFilter,
    EventRecord,
    KnownRole,
    Overview,
    Page,
    QuoteRecord,
    SearchFacets,
    SearchFilter,
    SearchHit,
    Store,
    Story,
    TimelineItem,
    TitleUse,
)
from newsgraph.wordlists import WordLists

PROFILE_LIMIT = 50  # rows per list on an entity profile
TIMELINE_LIMIT = 200  # items on one timeline page
TIMELINE_MAX_LIMIT = 500  # the largest page the API serves (docs/web.md)
TIMELINE_READ = 20_000  # events or quotes read, at most, to build one timeline
READ_PAGE = 500
LEAD_WORDS = 12  # words of the body standing in for a missing headline
TIMELINE_SEARCH_HITS = 100  # best-matching articles a search timeline draws from
CANDIDATE_SCAN = 2000  # name-search rows read, at most, to find the entities a name fits
CANDIDATE_PAGE = 500
CANDIDATES_SHOWN = 50  # candidates described (dates, company) in a listing


class AmbiguousName(NewsgraphError):
    """A name several KB entities fit: the caller must list them and ask for a KB id."""

    def __init__(self, name: str, candidates: list[EntitySummary]) -> None:
        super().__init__(f"{ambiguity_heading(name, candidates)}; give a KB id to pick one")
        self.name = name
        self.candidates = candidates


class BadCorrection(NewsgraphError):
    """A merge or split that would damage the KB (an entity into itself, its only mention)."""


@dataclass
class Candidate:
    """One entity a name fits, with what tells it apart from the others."""

    entity: EntitySummary
    label: str  # the name, or "Smith (unresolved mention in 1 story)"
    first: str | None = None  # earliest and latest publication date of its articles
    last: str | None = None
    seen_with: str | None = None  # the entity it shares most stories with
    note: str = ""  # titles, affiliations, dates and company on one line


@dataclass
class Candidates:
    """The entities a name fits, most stories first, and a heading counting them by type."""

    name: str
    heading: str
    total: int
    items: list[Candidate] = field(default_factory=list)


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
    """Articles newest first, filtered by outlet, date range or KB entity; untitled ones are
    given their first words."""
    page = store.list_articles(offset, limit, source, date_from, date_to, kb_id)
    with_leads(store, page.items)
    return page


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
    """The KB entity with this id, else the only one the name fits.

    Several fits raise ``AmbiguousName`` rather than pick one: a wrong pick shows one person's
    words as another's, a list costs the reader one more step.
    """
    try:
        return store.get_entity(name_or_id)
    except NotFound:
        pass
    candidates = entity_candidates(store, name_or_id)
    if not candidates:
        raise NotFound(f"no entity named {name_or_id!r}; try `newsgraph entities --search TEXT`")
    if len(candidates) > 1:
        raise AmbiguousName(name_or_id, candidates)
    return candidates[0]


def entity_candidates(store: Store, name: str) -> list[EntitySummary]:
    """Entities whose name is the text or holds all its words as whole words, most stories first.

    Case and accents are folded ("jose" fits "José Ramos"); "Smith" fits "Jada Pinkett Smith"
    and "Alex Smith", but "Reggie Bush" does not fit "George W. Bush". Aliases do not count: a
    wrong merge puts a name among another entity's aliases, and it must not make it a fit.
    """
    wanted = set(normalise(name).split())
    if not wanted:
        return []
    fits: list[EntitySummary] = []
    offset = 0
    while offset < CANDIDATE_SCAN:
        page = store.list_entities(search=name, offset=offset, limit=CANDIDATE_PAGE)
        fits += [e for e in page.items if wanted <= set(normalise(e.name).split())]
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    return fits


def ambiguity_heading(name: str, candidates: list[EntitySummary]) -> str:
    """ "13 people named Smith", or "13 entities named Smith (7 PERSON, 4 GPE, 2 ORG)"."""
    types = Counter(e.type for e in candidates)
    unresolved = sum(e.status == "unresolved" for e in candidates)
    count = len(candidates)
    if set(types) == {"PERSON"}:
        head = f"{count} {'person' if count == 1 else 'people'} named {name}"
        return head + (f" ({unresolved} unresolved)" if unresolved else "")
    parts = [f"{n} {t}" for t, n in types.most_common()]
    if unresolved:
        parts.append(f"{unresolved} unresolved")
    noun = "entity" if count == 1 else "entities"
    return f"{count} {noun} named {name} ({', '.join(parts)})"


def entity_choices(store: Store, name: str, limit: int = CANDIDATES_SHOWN) -> Candidates:
    """The candidates for a name, each with a line telling it apart, for a shell to list."""
    fits = entity_candidates(store, name)
    items = [describe_candidate(store, e) for e in fits[:limit]]
    return Candidates(name, ambiguity_heading(name, fits), len(fits), items)


def describe_candidate(store: Store, entity: EntitySummary) -> Candidate:
    """Titles, affiliations, first and last dates, and the most frequent company of an entity."""
    newest = store.list_articles(limit=1, kb_id=entity.id)
    first = last = None
    if newest.items:
        last = newest.items[0].published
        oldest = store.list_articles(offset=max(newest.total - 1, 0), limit=1, kb_id=entity.id)
        first = oldest.items[0].published if oldest.items else last
    company = store.co_occurring(entity.id, limit=1)
    seen_with = company[0].name if company else None
    return Candidate(
        entity=entity,
        label=candidate_label(entity),
        first=first[:10] if first else None,
        last=last[:10] if last else None,
        seen_with=seen_with,
        note=_note(entity, first, last, seen_with),
    )


def candidate_label(entity: EntitySummary) -> str:
    """The name, marked when it is a bare mention that no single KB entity fitted."""
    if entity.status != "unresolved":
        return entity.name
    stories = f"{entity.articles} stor{'y' if entity.articles == 1 else 'ies'}"
    return f"{entity.name} (unresolved mention in {stories})"


def _note(entity: EntitySummary, first: str | None, last: str | None, with_: str | None) -> str:
    parts = [", ".join(entity.titles[:2]), ", ".join(entity.affiliations[:2])]
    if first and last:
        first, last = first[:10], last[:10]
        parts.append(first if first == last else f"{first} – {last}")
    if with_:
        parts.append(f"with {with_}")
    return " · ".join(p for p in parts if p)


def merge_entities(store: Store, kb_id: str, into_kb_id: str) -> EntitySummary:
    """Merge one KB entity into another by hand; returns the entity that holds both now."""
    if kb_id == into_kb_id:
        raise BadCorrection(f"{kb_id} cannot be merged into itself")
    store.get_entity(kb_id)  # NotFound names the wrong id before anything is written
    store.get_entity(into_kb_id)
    store.merge(kb_id, into_kb_id)
    return store.get_entity(into_kb_id)


def split_mention(
    store: Store, article_id: str, entity_id: str, kb_id: str | None = None
) -> EntitySummary:
    """Split one article's entity out of its KB entity; returns the new KB entity.

    With ``kb_id`` the mention must belong to that entity (a page's form names it). An entity's
    only mention is not split: that would leave an empty entity behind.
    """
    article = store.get_article(article_id)
    ent = article.entity(entity_id)
    if ent is None:
        raise NotFound(f"no entity {entity_id!r} in article {article_id!r}")
    if kb_id is not None and ent.kb_id != kb_id:
        raise BadCorrection(f"{article_id}/{entity_id} is not a mention of {kb_id}")
    if ent.kb_id and len(store.merge_links(ent.kb_id, limit=2)) < 2:
        raise BadCorrection(f"{article_id}/{entity_id} is the only mention of {ent.kb_id}")
    return store.get_entity(store.unmerge(article_id, entity_id))


def entity_profile(
    store: Store, kb_id: str, limit: int = PROFILE_LIMIT, words: WordLists | None = None
) -> EntityProfile:
    """Titles over time, aliases, articles, quotes by and about, events, co-occurring entities,
    and, given the word lists, the roles a known actor of that name held on the article dates."""
    entity = store.get_entity(kb_id)
    known = known_roles(store, entity, words) if words is not None else []
    entity.titles = unique_casefold(entity.titles)
    if words is not None:
        entity.affiliations = normalise_affiliations(entity.affiliations, words)
    return EntityProfile(
        entity=entity,
        titles=merge_titles(store.title_uses(kb_id)),
        aliases=entity.aliases,
        affiliations=entity.affiliations,
        articles=with_leads(store, store.list_articles(limit=limit, kb_id=kb_id).items),
        quotes_by=store.quotes(speaker_kb_id=kb_id, limit=limit).items,
        quotes_about=store.quotes(about_kb_id=kb_id, limit=limit).items,
        events_as_actor=store.events(actor_kb_id=kb_id, limit=limit).items,
        events_as_target=store.events(target_kb_id=kb_id, limit=limit).items,
        co_occurring=store.co_occurring(kb_id, limit=20),
        links=store.merge_links(kb_id, limit=limit),
        known_roles=known,
    )


KNOWN_KINDS = {"PERSON": ("person",), "ORG": ("organisation", "group"), "NORP": ("group",)}
ROLE_DATES_READ = 1000  # article dates read to tell which roles held


def known_roles(store: Store, entity: EntitySummary, words: WordLists) -> list[KnownRole]:
    """The roles of the one known actor the entity's name and type fit (none when no actor or
    several do), each with how many of the entity's dated stories fall in its range; undated
    roles are listed as always held."""
    kinds = KNOWN_KINDS.get(entity.type)
    if not kinds or entity.status != "resolved":
        return []
    actors = words.get(load_known_actors)
    found = [a for a in actors.lookup(normalise_form(entity.name)) if a.kind in kinds]
    if len(found) != 1:
        return []
    dates = [
        a.published[:10]
        for a in store.list_articles(limit=ROLE_DATES_READ, kb_id=entity.id).items
        if a.published
    ]
    actor = found[0]
    return [
        KnownRole(
            actor.name, role.code, actors.describe_code(role.code), role.start, role.end,
            sum(1 for d in dates if role.holds_on(d)) if role.dated else len(dates),
        )
        for role in actor.roles
        if not role.dated or any(role.holds_on(d) for d in dates)
    ]  # fmt: skip


def quotes(
    store: Store,
    speaker: str | None = None,
    text: str | None = None,
    offset: int = 0,
    limit: int = 50,
    cue_kind: str | None = None,
) -> Page[QuoteRecord]:
    """Quotes by a speaker (KB id or name text) and/or containing a text, newest first;
    ``cue_kind='speech'`` keeps what was said (not thought, judged or found by a report)."""
    speaker_kb_id = None
    if speaker:
        try:
            speaker_kb_id = store.get_entity(speaker).id
            speaker = None
        except NotFound:
            pass
    return store.quotes(
        speaker_kb_id=speaker_kb_id,
        speaker=speaker,
        text=text,
        offset=offset,
        limit=limit,
        cue_kind=cue_kind,
    )


def timeline(
    store: Store,
    kb_id: str | None = None,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int | None = None,
) -> list[TimelineItem]:
    """Dated events and quotes in time order for an entity or a search, copies counted once
    (all of them unless ``limit`` is given: the first ``limit`` in date order)."""
    items = _timeline_items(store, kb_id, query, date_from, date_to)
    return items if limit is None else items[:limit]


def timeline_page(
    store: Store,
    kb_id: str | None = None,
    query: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    offset: int = 0,
    limit: int = TIMELINE_LIMIT,
) -> Page[TimelineItem]:
    """One page of a timeline, oldest first, with the honest total of its items."""
    items = _timeline_items(store, kb_id, query, date_from, date_to)
    return Page(items[offset : offset + limit], len(items), offset, limit)


def _timeline_items(
    store: Store,
    kb_id: str | None,
    query: str | None,
    date_from: str | None,
    date_to: str | None,
) -> list[TimelineItem]:
    if kb_id is None and not query:
        raise ValueError("a timeline needs an entity or a search text")
    events: list[EventRecord] = []
    quote_list: list[QuoteRecord] = []
    if kb_id is not None:
        store.get_entity(kb_id)  # NotFound early for a wrong id
        events = _read_all(
            lambda o, n: store.events(
                kb_id=kb_id, date_from=date_from, date_to=date_to, offset=o, limit=n
            )
        )
        quote_list = _read_all(lambda o, n: store.quotes(speaker_kb_id=kb_id, offset=o, limit=n))
        quote_list += _read_all(lambda o, n: store.quotes(about_kb_id=kb_id, offset=o, limit=n))
    else:
        assert query is not None
        ids = store.search_ids(query, limit=TIMELINE_SEARCH_HITS)
        if ids:
            events = _read_all(
                lambda o, n: store.events(
                    article_ids=ids, date_from=date_from, date_to=date_to, offset=o, limit=n
                )
            )
            quote_list = _read_all(lambda o, n: store.quotes(article_ids=ids, offset=o, limit=n))
    items = [_event_item(e) for e in events] + [_quote_item(q) for q in quote_list]
    items = [i for i in items if _in_range(i.date, date_from, date_to)]
    return _once_per_story(store, items)


R = TypeVar("R")


def _read_all(read: Callable[[int, int], Page[R]], most: int = TIMELINE_READ) -> list[R]:
    """Every row of a paged store read, page by page, up to ``most`` rows."""
    rows: list[R] = []
    while len(rows) < most:
        page = read(len(rows), READ_PAGE)
        rows += page.items
        if not page.items or len(rows) >= page.total:
            break
    return rows[:most]


# -- events, search with facets, untitled articles ------------------------------------------


def event_filter(store: Store, **given: Any) -> EventFilter:
    """An ``EventFilter`` from what a reader typed: an ``actor``, ``target`` or ``entity`` that
    is a KB id filters by the entity, else by words of the name (entity: a name one entity fits
    is that entity); empty strings filter nothing."""
    values: dict[str, Any] = {k: (v or None) if isinstance(v, str) else v for k, v in given.items()}
    for role in ("actor", "target"):
        name = values.get(role)
        if name and not _is_kb_id(store, name):
            values[role] = None
            values[f"{role}_name"] = name
    entity = values.get("entity")
    if entity and not _is_kb_id(store, entity):
        values["entity"] = find_entity(store, entity).id
    return EventFilter(**values)


def _is_kb_id(store: Store, text: str) -> bool:
    try:
        store.get_entity(text)
    except NotFound:
        return False
    return True


def find_events(
    store: Store, wanted: EventFilter, offset: int = 0, limit: int = 50
) -> Page[EventRecord]:
    """Events narrowed by ``wanted``, in date order, with an honest total."""
    return store.find_events(wanted, offset=offset, limit=limit)


def dyad(
    store: Store,
    first: str,
    second: str,
    typed_only: bool = True,
    offset: int = 0,
    limit: int = 50,
) -> Page[EventRecord]:
    """Every event between two entities (names or KB ids), either acting on the other, in
    time order: what event-data users build by hand from PETRARCH or GDELT output."""
    a, b = find_entity(store, first).id, find_entity(store, second).id
    wanted = EventFilter(dyad=(a, b), typed_only=typed_only)
    return store.find_events(wanted, offset, limit)


EXPORT_EVENTS = 50_000  # events a filtered CSV download holds, at most


def all_found_events(
    store: Store, wanted: EventFilter, most: int = EXPORT_EVENTS
) -> list[EventRecord]:
    """Every event ``wanted`` selects, in date order (at most ``most``), for a download."""
    return _read_all(lambda o, n: store.find_events(wanted, offset=o, limit=n), most)


@dataclass
class EventChart:
    """Event counts by type over months, for a stacked chart: ``months`` in order, and for
    each type its count in every month (0 where none)."""

    months: list[str]
    series: dict[str, list[int]]
    undated: int = 0


def event_chart(store: Store, wanted: EventFilter) -> EventChart:
    """The ``wanted`` events counted by type and month (untyped events under "untyped")."""
    counts: list[EventCount] = store.event_counts(wanted)
    months = sorted({c.month for c in counts if len(c.month) == 7})
    series: dict[str, list[int]] = {}
    undated = 0
    for c in counts:
        if len(c.month) != 7:  # undated, or a year alone: no month to put it in
            undated += c.count
            continue
        row = series.setdefault(c.type or "untyped", [0] * len(months))
        row[months.index(c.month)] += c.count
    return EventChart(months, dict(sorted(series.items())), undated)


def search_page(
    store: Store,
    text: str,
    wanted: SearchFilter | None = None,
    sort: str = "relevance",
    offset: int = 0,
    limit: int = 20,
) -> Page[SearchHit]:
    """Full-text search narrowed by facets, by relevance or date, untitled articles given
    their first words."""
    if sort not in SORTS:
        raise NewsgraphError(f"unknown sort {sort!r}; choose one of {', '.join(SORTS)}")
    page = store.search_filtered(text, wanted or SearchFilter(), sort, offset, limit)
    with_leads(store, [hit.article for hit in page.items])
    return page


SORTS = ("relevance", "date")


def search_facets(store: Store, text: str, wanted: SearchFilter | None = None) -> SearchFacets:
    """What the matching articles hold, counted by facet, for a reader to narrow them."""
    return store.search_facets(text, wanted or SearchFilter())


def with_leads(store: Store, summaries: list[ArticleSummary]) -> list[ArticleSummary]:
    """Give each untitled article its first words as ``lead`` ("Quarterly profits at …")."""
    untitled = [a.id for a in summaries if not a.title]
    openings = store.article_openings(untitled)
    for summary in summaries:
        if summary.id in openings:
            summary.lead = first_words(openings[summary.id])
    return summaries


def first_words(text: str, count: int = LEAD_WORDS) -> str:
    """The first ``count`` words of a text on one line, "…" when there were more."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def merge_titles(uses: list[TitleUse]) -> list[TitleUse]:
    """Titles differing only in case are one ("President" and "president"), under the form
    most articles used (ties: the capitalised one), their dates and counts joined."""
    groups: dict[str, list[TitleUse]] = {}
    for use in uses:
        groups.setdefault(use.title.casefold(), []).append(use)
    merged = []
    for same in groups.values():
        best = max(same, key=lambda u: (u.articles, u.title[:1].isupper(), u.title))
        dates = sorted({d for u in same for d in u.dates})
        merged.append(
            TitleUse(
                best.title, dates, sum(u.articles for u in same),
                min(dates, default=None), max(dates, default=None),
            )
        )  # fmt: skip
    return sorted(merged, key=lambda u: (u.first or "9999", -u.articles, u.title))


def unique_casefold(values: list[str]) -> list[str]:
    """The values in order, a later one differing from an earlier one only in case dropped."""
    seen: set[str] = set()
    kept = []
    for value in values:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def normalise_affiliations(affiliations: list[str], words: WordLists) -> list[str]:
    """One form per country: "US", "U.S.", "America" and "United States" become the country's
    display name; demonyms ("British") likewise. Other affiliations stay as written."""
    lex = words.get(build_name_lexicons)
    out = []
    for aff in affiliations:
        code = lex.country_of_name(aff) or lex.country_of_demonym(aff)
        out.append(lex.country_display_name(code) if code else aff)
    return unique_casefold(out)


def story(store: Store, story_id: str) -> Story:
    """A story with its copies and outlets: the source each copy names, else its URL's host."""
    found = store.story(story_id)
    if not found.outlets:
        hosts = (urlsplit(a.url or "").hostname for a in map(store.get_article, found.article_ids))
        found.outlets = list(dict.fromkeys(h.removeprefix("www.") for h in hosts if h))
    return found


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


@dataclass(frozen=True)
class FactMark:
    """One fact to mark in an article's text: its span and a short label ("PERSON",
    "time 2024-11", "event AGREE: Kenya -> Haiti")."""

    start: int
    end: int
    kind: str  # entity | time | figure | event
    label: str


def fact_marks(article: Article) -> list[FactMark]:
    """The article's entity mentions, times, figures and event triggers as marks that do not
    overlap (the earlier, then longer, span wins), in text order. Quotes keep their own quote
    marks in the text; their speakers are listed apart."""
    names = {e.id: e.name for e in article.entities}
    marks = [
        FactMark(m.start, m.end, "entity", e.type) for e in article.entities for m in e.mentions
    ]
    marks += [FactMark(t.start, t.end, "time", f"time {t.value}") for t in article.times]
    marks += [
        FactMark(f.start, f.end, "figure", f"{f.kind} {f.value:g}" if f.value is not None
                 else f.kind)
        for f in article.figures
    ]  # fmt: skip
    for ev in article.events:
        who = " -> ".join(names.get(r or "", "?") for r in (ev.actor, ev.target))
        kind = ev.type or "untyped"
        marks.append(FactMark(ev.trigger_start, ev.trigger_end, "event", f"event {kind}: {who}"))
    kept: list[FactMark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        inside = 0 <= mark.start < mark.end <= len(article.text)
        if inside and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept
