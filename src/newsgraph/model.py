"""The one document model every stage fills and the store saves.

Every span is a pair of character offsets into ``Article.text`` (the clean body), so a fact can
always be traced back to the words it came from.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass
class Mention:
    """One occurrence of an entity in the clean text."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One actor (person, organisation, country, place, ...) within one article."""

    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
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


@dataclass
class TimeExpr:
    """A time expression with its TIMEX3 type and normalised value."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    anchor: str | None = None  # what a relative value was resolved against: published | inferred


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


@dataclass
class Event:
    """Who did what to whom, when and where, typed with PLOVER."""

    id: str
    type: str  # PLOVER event type, e.g. AGREE, ASSAULT, COOPERATE
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
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stages that failed on this article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # issue 12: the body's language (ISO 639-1, identified at ingest) and where each metadata
    # field came from ({"published": "json-ld", "title": "og:title", "source": "domain"})
    language: str = "en"
    meta_sources: dict[str, str] = field(default_factory=dict)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the largest overlap."""
        best: Entity | None = None
        best_overlap = 0
        for ent in self.entities:
            for m in ent.mentions:
                overlap = min(end, m.end) - max(start, m.start)
                if overlap > best_overlap:
                    best, best_overlap = ent, overlap
        return best

    def to_dict(self) -> dict[str, Any]:
        """The output contract: one JSON-ready dict per article (what ``dataclasses.asdict``
        gives, without its deep copies: saving an article spends its time here otherwise)."""
        plain: dict[str, Any] = _plain(self)
        return plain

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
