"""Cutting furniture and footers from a body by the general cues in resources/clean/."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean.cues import CueLists, match_cue
from newsgraph.clean.header import headline_like
from newsgraph.model import Removed

# Cue reasons that head a list of links ("Related posts" then a few headlines).
LIST_HEADINGS = frozenset(["related-link", "tags"])
MAX_LIST_ITEMS = 12


@dataclass
class Trimmed:
    """The body paragraphs kept, what was cut, and the outlet a footer named."""

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    source: str | None = None


def strip_boilerplate(paragraphs: list[str], lists: CueLists) -> Trimmed:
    """Drop the trailing footer and link lists, then short furniture anywhere."""
    kept = list(paragraphs)
    footer: list[Removed] = []
    outlets: list[str] = []
    while True:
        cut = _cut_footer(kept, outlets, lists) + _cut_link_list(kept, lists)
        if not cut:
            break
        footer = cut + footer
    body: list[str] = []
    removed: list[Removed] = []
    for paragraph in kept:
        if cue := match_cue(paragraph, ("any",), lists):
            removed.append(Removed(paragraph, cue.reason))
        else:
            body.append(paragraph)
    return Trimmed(body, removed + footer, outlets[-1] if outlets else None)


def _cut_footer(kept: list[str], outlets: list[str], lists: CueLists) -> list[Removed]:
    """Pop the trailing run of footer paragraphs off ``kept``; note the outlets they name."""
    cut: list[Removed] = []
    while kept and (cue := match_cue(kept[-1], ("tail", "any"), lists)):
        cut.insert(0, Removed(kept.pop(), cue.reason))
        if cue.outlet:
            outlets.append(cue.outlet)
    return cut


def _cut_link_list(kept: list[str], lists: CueLists) -> list[Removed]:
    """Pop a 'Related posts' heading near the end followed only by short headline lines."""
    heading: int | None = None
    reason = ""
    for index in range(len(kept) - 1, max(-1, len(kept) - MAX_LIST_ITEMS - 2), -1):
        cue = match_cue(kept[index], ("tail", "any"), lists)
        if cue and cue.reason in LIST_HEADINGS and index < len(kept) - 1:
            heading, reason = index, cue.reason
        elif not headline_like(kept[index]):
            break
    if heading is None:
        return []
    cut = [Removed(text, reason) for text in kept[heading:]]
    del kept[heading:]
    return cut
