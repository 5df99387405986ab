"""Data for the entity page's pictures: the SVG timeline chart and the co-occurrence graph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.store.base import EntityProfile, EventRecord, QuoteRecord, Store
from newsgraph.web.urls import article_url, entity_url

CHART_WIDTH = 900
CHART_LEFT = 40
CHART_RIGHT = 40
GRAPH_NODES = 15  # co-occurring entities drawn; the list beside the graph has them all
GRAPH_LINKS = 20  # links among the co-occurring entities drawn, strongest first
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass
class ChartDot:
    """One event or quote placed on the chart."""

    x: float
    row: int  # dots on the same day stack upwards
    kind: str  # event | quote
    label: str
    date: str
    href: str


@dataclass
class Chart:
    """A horizontal time axis with dots; ticks label the first day of years or months."""

    width: int
    height: int
    dots: list[ChartDot] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)


def parse_day(value: str | None) -> date | None:
    """The first day a (possibly partial) TIMEX3 date stands for; None when it is not a date."""
    match = _DATE.match(value or "")
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def timeline_chart(events: list[EventRecord], quotes: list[QuoteRecord]) -> Chart:
    """The entity's events and the quotes it spoke, on one time axis."""
    marks: list[tuple[date, str, str, str, str]] = []
    for ev in events:
        day = parse_day(ev.date)
        if day:
            who = " → ".join(x for x in (ev.actor_name, ev.target_name) if x)
            label = f"{ev.date}: {ev.type} ({ev.trigger}) {who}".strip()
            marks.append((day, "event", label, ev.date or "", article_url(ev.article_id)))
    for q in quotes:
        day = parse_day(q.published)
        if day:
            label = f"{q.published}: “{_short(q.text)}”"
            marks.append((day, "quote", label, q.published or "", article_url(q.article_id)))
    return _place(sorted(set(marks)))


def _place(marks: list[tuple[date, str, str, str, str]]) -> Chart:
    if not marks:
        return Chart(CHART_WIDTH, 0)
    first, last = marks[0][0].toordinal(), marks[-1][0].toordinal()
    span = max(last - first, 1)
    inner = CHART_WIDTH - CHART_LEFT - CHART_RIGHT
    rows: dict[int, int] = {}
    dots = []
    for day, kind, label, text_date, href in marks:
        x = (
            CHART_LEFT + inner * (day.toordinal() - first) / span
            if last > first
            else CHART_WIDTH / 2
        )
        bucket = round(x / 8)
        row = rows.get(bucket, 0)
        rows[bucket] = row + 1
        dots.append(ChartDot(round(x, 1), min(row, 6), kind, label, text_date, href))
    height = 50 + 14 * max(d.row for d in dots)
    return Chart(CHART_WIDTH, height, dots, _ticks(marks[0][0], marks[-1][0], first, span, inner))


def _ticks(start: date, end: date, first: int, span: int, inner: int) -> list[tuple[float, str]]:
    """Year ticks for long ranges, month ticks for short ones, at most a dozen."""
    ticks: list[tuple[float, str]] = []
    by_month = (end.year - start.year) < 2
    current = date(start.year, start.month if by_month else 1, 1)
    while current <= end:
        if current >= start:
            x = CHART_LEFT + inner * (current.toordinal() - first) / span
            ticks.append((round(x, 1), current.strftime("%b %Y" if by_month else "%Y")))
        current = _next_tick(current, by_month)
    if start == end:
        return [(CHART_WIDTH / 2, start.isoformat())]
    if not ticks:
        ticks.append((float(CHART_LEFT), start.isoformat()))
    step = max(1, len(ticks) // 12 + (len(ticks) % 12 > 0))
    return ticks[::step]


def _next_tick(day: date, by_month: bool) -> date:
    if not by_month:
        return date(day.year + 1, 1, 1)
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _short(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def cooccurrence_graph(store: Store, profile: EntityProfile) -> dict[str, Any]:
    """Cytoscape elements: the entity, its co-occurring entities, and the strongest links among
    them (one query for all the pairs, not one per neighbour)."""
    centre = profile.entity
    nodes = [_node(centre.id, centre.name, centre.type, centre.articles, centre=True)]
    edges = []
    neighbours = profile.co_occurring[:GRAPH_NODES]
    for co in neighbours:
        nodes.append(_node(co.kb_id, co.name, co.type, co.count))
        edges.append(_edge(centre.id, co.kb_id, co.count))
    links = store.shared_stories([co.kb_id for co in neighbours])
    edges += [_edge(a, b, n) for a, b, n in links[:GRAPH_LINKS]]
    return {"nodes": nodes, "edges": edges}


def graph_above(graph: dict[str, Any], min_weight: int) -> dict[str, Any]:
    """The graph without links of fewer than ``min_weight`` shared stories, and without the
    neighbours left with no link to the entity (the same rule the page's control applies)."""
    if min_weight <= 1:
        return graph
    centre = graph["nodes"][0]["data"]["id"]
    edges = [e for e in graph["edges"] if e["data"]["weight"] >= min_weight]
    kept = {centre} | {e["data"]["target"] for e in edges if e["data"]["source"] == centre}
    edges = [e for e in edges if {e["data"]["source"], e["data"]["target"]} <= kept]
    nodes = [n for n in graph["nodes"] if n["data"]["id"] in kept]
    return {"nodes": nodes, "edges": edges}


def _node(kb_id: str, name: str, type_: str, weight: int, centre: bool = False) -> dict[str, Any]:
    data = {"id": kb_id, "label": name, "type": type_.lower(), "weight": weight}
    data["href"] = entity_url(kb_id)
    return {"data": data, "classes": "centre" if centre else type_.lower()}


def _edge(source: str, target: str, count: int) -> dict[str, Any]:
    return {
        "data": {"id": f"{source}--{target}", "source": source, "target": target, "weight": count}
    }


BAR_PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
)  # fmt: skip
BARS_HEIGHT = 160


@dataclass
class Bar:
    """One type's part of one month's stacked bar."""

    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass
class BarChart:
    """Event counts by month as stacked bars, a colour per type, and the month labels."""

    width: int
    height: int
    bars: list[Bar] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)


def event_bars(months: list[str], series: dict[str, list[int]]) -> BarChart:
    """Stacked bars for ``queries.EventChart``: x by month, height by count."""
    chart = BarChart(CHART_WIDTH, BARS_HEIGHT + 20)
    if not months:
        return chart
    colours = {kind: BAR_PALETTE[i % len(BAR_PALETTE)] for i, kind in enumerate(series)}
    chart.legend = list(colours.items())
    totals = [sum(counts[i] for counts in series.values()) for i in range(len(months))]
    scale = BARS_HEIGHT / max(max(totals), 1)
    step = (CHART_WIDTH - CHART_LEFT - CHART_RIGHT) / len(months)
    for i, month in enumerate(months):
        x, base = CHART_LEFT + i * step, float(BARS_HEIGHT)
        for kind, counts in series.items():
            if counts[i]:
                height = counts[i] * scale
                base -= height
                title = f"{month}: {counts[i]} {kind}"
                chart.bars.append(Bar(x, base, max(step * 0.8, 1), height, colours[kind], title))
        if i % max(len(months) // 12, 1) == 0:
            chart.labels.append((x, month))
    return chart
