"""Article text with its facts marked in place, built by slicing the clean text at span offsets.

Every piece of article text goes through ``markupsafe.escape``; only the tags built here are
trusted. Spans may nest or overlap: overlapping tags are closed and reopened at the boundary, so
the HTML stays well formed whatever offsets the stages produce.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from newsgraph.model import Article, Entity, Event, Figure
from newsgraph.web.urls import entity_url


@dataclass(frozen=True)
class Span:
    """One fact to mark: a character range of the clean text and how to draw it."""

    start: int
    end: int
    tag: str
    classes: str
    title: str
    data: tuple[tuple[str, str], ...] = field(default=())
    label: str = ""  # set: the span takes keyboard focus and a screen reader reads this

    def open_tag(self) -> str:
        attrs = f' class="{escape(self.classes)}" title="{escape(self.title)}"'
        attrs += "".join(f' data-{name}="{escape(value)}"' for name, value in self.data)
        if self.label:
            attrs += f' tabindex="0" role="note" aria-label="{escape(self.label)}"'
        return f"<{self.tag}{attrs}>"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


# Outer spans open first at the same offset: quotes contain entities, times and figures.
_LAYER = {"quote": 0, "event": 1, "speaker": 2, "ent": 3, "timex": 4, "figure": 5}


def entity_link(entity: Entity) -> str:
    """The entity page of the knowledge-base entity this mention was resolved to."""
    return entity_url(entity.kb_id or entity.id)


def article_spans(article: Article, field: str = "body") -> list[Span]:
    """Every fact of the article with offsets into ``field`` (title or body), as spans to mark."""
    spans: list[Span] = []
    spans += _entity_spans(article, field)
    spans += _quote_spans(article, field)
    for t in (t for t in article.times if t.field == field):
        title = f"{t.type}: {t.value}" + (f" (relative to {t.anchor} date)" if t.anchor else "")
        label = f"{t.text}: time {t.value}"
        spans.append(Span(t.start, t.end, "span", "timex", title, (("value", t.value),), label))
    for f in (f for f in article.figures if f.field == field):
        spans.append(Span(f.start, f.end, "span", f"figure figure-{f.kind}", _figure_title(f)))
    for ev in (ev for ev in article.plover_events() if ev.field == field):
        spans.append(_event_span(article, ev))
    size = len(article.field_text(field))
    return [s for s in spans if 0 <= s.start < s.end <= size]


def _entity_spans(article: Article, field: str) -> list[Span]:
    spans = []
    for ent in article.entities:
        kind = ent.type.lower()
        title = f"{ent.type}: {ent.name}"
        if ent.titles:
            title += f" ({', '.join(ent.titles)})"
        data = (("href", entity_link(ent)), ("type", ent.type))
        for m in (m for m in ent.mentions if m.field == field):
            spans.append(Span(m.start, m.end, "mark", f"ent ent-{kind}", title, data))
    return spans


def _quote_spans(article: Article, field: str) -> list[Span]:
    spans = []
    for q in (q for q in article.quotes if q.field == field):
        speaker = _speaker_name(article, q.speaker, q.speaker_text)
        title = f"{speaker} ({q.kind} quote)" if speaker else f"unattributed {q.kind} quote"
        data = (("speaker", speaker or ""), ("kind", q.kind))
        spans.append(Span(q.start, q.end, "span", f"quote quote-{q.kind}", title, data))
        if q.speaker_start is not None and q.speaker_end is not None:
            spans.append(
                Span(q.speaker_start, q.speaker_end, "span", "speaker", "speaker of a quote")
            )
    return spans


def _speaker_name(article: Article, speaker_id: str | None, speaker_text: str | None) -> str:
    ent = article.entity(speaker_id)
    return ent.name if ent else (speaker_text or "")


def _figure_title(f: Figure) -> str:
    value = "?" if f.value is None else f"{f.value:g}"
    if f.low is not None and f.high is not None:
        value = f"{f.low:g}–{f.high:g}"
    unit = f" {f.currency or f.unit}" if (f.currency or f.unit) else ""
    return f"{f.kind}: {'~' if f.approximate else ''}{value}{unit}"


def _event_span(article: Article, ev: Event) -> Span:
    actor = article.entity(ev.actor)
    target = article.entity(ev.target)
    who = f"{actor.name if actor else '?'} → {target.name if target else '?'}"
    title = f"{ev.type or 'untyped'}: {who}" + (f" ({ev.time})" if ev.time else "")
    if ev.factuality != "happened":
        title += f" [{ev.factuality}]"
    kind = ev.type or "untyped"
    data = (("type", kind), ("who", who))
    label = f"{ev.trigger}: event {kind}, {who}"
    return Span(ev.trigger_start, ev.trigger_end, "span", "event", title, data, label)


def highlight(text: str, spans: list[Span]) -> Markup:
    """The text as HTML with each span wrapped in its tag, overlaps split so tags stay nested."""
    spans = sorted(spans, key=lambda s: (s.start, -s.end, _LAYER.get(s.classes.split()[0], 9)))
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    open_spans: list[Span] = []
    done, following = 0, 0
    for pos in bounds:
        out.append(str(escape(text[done:pos])))
        done = pos
        _close_ending(open_spans, pos, out)
        while following < len(spans) and spans[following].start == pos:
            out.append(spans[following].open_tag())
            open_spans.append(spans[following])
            following += 1
    out.extend(s.close_tag() for s in reversed(open_spans))
    return Markup("".join(out))


def _close_ending(open_spans: list[Span], pos: int, out: list[str]) -> None:
    """Close the spans ending at ``pos``, reopening any still-running span closed on the way."""
    while any(s.end <= pos for s in open_spans):
        first_done = next(i for i, s in enumerate(open_spans) if s.end <= pos)
        reopen = [s for s in open_spans[first_done:] if s.end > pos]
        out.extend(s.close_tag() for s in reversed(open_spans[first_done:]))
        del open_spans[first_done:]
        for span in reopen:
            out.append(span.open_tag())
            open_spans.append(span)


def highlighted_article(article: Article) -> Markup:
    """The article's clean text with every fact marked, ready to drop into a template."""
    return highlight(article.text, article_spans(article))


def highlighted_title(article: Article) -> Markup:
    """The article's title with the facts found in it marked (empty without a title)."""
    return highlight(article.title or "", article_spans(article, "title"))
