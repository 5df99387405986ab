"""The one document model every stage fills and the store saves.

Every span is a pair of character offsets into one field of the article, named by the span's
``field``: ``"body"`` (``Article.text``, the clean body) or ``"title"`` (``Article.title``), so a
fact can always be traced back to the words it came from. The output contract is version 2
(docs/output.md); ``Article.to_dict`` says so in its ``schema_version`` key.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

SCHEMA_VERSION = 2
FIELDS = ("title", "body")  # what a span's offsets index: Article.title or Article.text


@dataclass
class Mention:
    """One occurrence of an entity in the title or the clean body."""

    start: int
    end: int
    text: str
    field: str = "body"  # title | body: the text start and end index


@dataclass
class Entity:
    """One actor (person, organisation, country, place, ...) within one article."""

    id: str
    name: str
    type: str
    mentions: list[Mention] = dc_field(default_factory=list)
    titles: list[str] = dc_field(default_factory=list)
    affiliations: list[str] = dc_field(default_factory=list)
    aliases: list[str] = dc_field(default_factory=list)
    country: str | None = None
    kb_id: str | None = None


@dataclass
class Quote:
    """Something a speaker said, directly (in quotation marks) or reported."""

    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    speaker: str | None = None  # entity id
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    field: str = "body"  # title | body: the text every offset above indexes
    # speech | thought | evaluation | document | other: what the cue attributes (docs/quotes.md)
    cue_kind: str | None = None


@dataclass
class TimeExpr:
    """A time expression with its TIMEX3 type and normalised value."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    anchor: str | None = None  # what a relative value was resolved against: published | inferred
    field: str = "body"  # title | body


@dataclass
class Figure:
    """A number with what it counts: 'some 90,000 people', '$40 billion', '3.5%'."""

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None = None
    kind: str = "count"  # count | money | percent | ordinal | other
    approximate: bool = False
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    field: str = "body"  # title | body


@dataclass
class Event:
    """Who did what to whom, when and where: every event mention (verbal or nominal), typed
    with PLOVER when it is a PLOVER event (``type`` None otherwise)."""

    id: str
    type: str | None  # PLOVER event type (AGREE, ASSAULT, ...), None for other events
    trigger: str
    trigger_start: int
    trigger_end: int
    mode: str | None = None
    actor: str | None = None  # entity id
    target: str | None = None  # entity id
    time: str | None = None  # TIMEX3 value
    time_source: str | None = None  # expression | published
    place: str | None = None  # entity id
    factuality: str = "happened"  # happened | planned | promised | hypothetical | denied | negated
    sentence_start: int | None = None
    sentence_end: int | None = None
    field: str = "body"  # title | body: the text trigger and sentence offsets index
    # the actor's and target's words (Arg0/Arg1 phrase heads with their names), whether or not
    # they are entities: 'sales' in 'sales fell', 'the SDK' in 'Apple released the SDK'
    actor_text: str | None = None
    actor_start: int | None = None
    actor_end: int | None = None
    target_text: str | None = None
    target_start: int | None = None
    target_end: int | None = None


@dataclass
class Removed:
    """A piece of the input dropped as boilerplate, kept so people can see what was cut."""

    text: str
    reason: str


@dataclass
class Article:
    """One news article: its clean text, metadata and every fact extracted from it."""

    id: str
    text: str
    title: str | None = None
    section: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_inferred: bool = False
    url: str | None = None
    author: str | None = None
    origin: str | None = None  # the file or record the article came from
    input_kind: str | None = None  # text | html | record | feed
    content_hash: str | None = None
    dateline: Mention | None = None  # 'RAMALLAH, West Bank, Dec. 5 (AP)' opening the body
    removed: list[Removed] = dc_field(default_factory=list)
    warnings: list[str] = dc_field(default_factory=list)  # stages that failed on this article
    entities: list[Entity] = dc_field(default_factory=list)
    quotes: list[Quote] = dc_field(default_factory=list)
    times: list[TimeExpr] = dc_field(default_factory=list)
    figures: list[Figure] = dc_field(default_factory=list)
    events: list[Event] = dc_field(default_factory=list)

    # issue 12: the body's language (ISO 639-1, identified at ingest) and where each metadata
    # field came from ({"published": "json-ld", "title": "og:title", "source": "domain"})
    language: str = "en"
    meta_sources: dict[str, str] = dc_field(default_factory=dict)

    def without_facts(self, text: str, **changes: Any) -> Article:
        """A copy with this article's metadata, ``text`` as its body and no facts: what the
        stages run on for one part of an article (a section, the title)."""
        return dataclasses.replace(
            self, text=text, dateline=None, removed=[], warnings=[], entities=[], quotes=[],
            times=[], figures=[], events=[], **changes,
        )  # fmt: skip

    def plover_events(self) -> list[Event]:
        """The events typed with PLOVER: what the default views show."""
        return [e for e in self.events if e.type is not None]

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def entity_at(self, start: int, end: int, field: str = "body") -> Entity | None:
        """The entity with a mention overlapping [start, end) of ``field``, preferring the
        largest overlap."""
        best: Entity | None = None
        best_overlap = 0
        for ent in self.entities:
            for m in ent.mentions:
                if m.field != field:
                    continue
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > best_overlap:
                    best, best_overlap = ent, overlap
        return best

    def to_dict(self) -> dict[str, Any]:
        """The output contract: one JSON-ready dict per article (what ``dataclasses.asdict``
        gives, without its deep copies: saving an article spends its time here otherwise)."""
        plain: dict[str, Any] = {"schema_version": SCHEMA_VERSION, **_plain(self)}
        return plain

    def field_text(self, name: str) -> str:
        """The text a span's offsets index: the title for ``"title"``, else the body."""
        return (self.title or "") if name == "title" else self.text

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from ``to_dict`` output, ignoring unknown keys."""
        simple = {f.name for f in dataclasses.fields(cls)} - _NESTED.keys() - {"dateline"}
        art = cls(**{k: v for k, v in data.items() if k in simple})
        if data.get("dateline"):  # absent from JSON written before datelines were recorded
            art.dateline = Mention(**data["dateline"])
        for key, kind in _NESTED.items():
            setattr(art, key, [_build(kind, item) for item in data.get(key) or []])
        return art


def _plain(value: Any) -> Any:
    """Dataclasses as dicts, lists and dicts walked, everything else as it is."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list or kind is tuple:
        return [_plain(v) for v in value]
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return {name: _plain(getattr(value, name)) for name in _field_names(value)}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _field_names(value: Any) -> tuple[str, ...]:
    return _FIELD_NAMES.get(type(value)) or tuple(f.name for f in dataclasses.fields(value))


def _build(kind: type, item: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(kind)}
    values = {k: v for k, v in item.items() if k in names}
    if kind is Entity:
        values["mentions"] = [Mention(**m) for m in item.get("mentions") or []]
    return kind(**values)


_NESTED: dict[str, type] = {
    "removed": Removed,
    "entities": Entity,
    "quotes": Quote,
    "times": TimeExpr,
    "figures": Figure,
    "events": Event,
}

_FIELD_NAMES = {
    kind: tuple(f.name for f in dataclasses.fields(kind))
    for kind in (Mention, Entity, Quote, TimeExpr, Figure, Event, Removed, Article)
}
