"""Cutting furniture and footers from a body by the general cues in resources/."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean.cues import match_cue
from newsgraph.model import Removed


@dataclass
class Trimmed:
    """The body paragraphs kept, what was cut, and the outlet a footer named."""

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    source: str | None = None


def strip_boilerplate(paragraphs: list[str]) -> Trimmed:
    """Drop the trailing run of footer paragraphs, then short furniture anywhere."""
    kept = list(paragraphs)
    footer: list[tuple[str, str | None, str]] = []
    while kept and (cue := match_cue(kept[-1], ("tail", "any"))):
        footer.append((kept.pop(), cue.outlet, cue.reason))
    footer.reverse()
    body: list[str] = []
    removed: list[Removed] = []
    for paragraph in kept:
        if cue := match_cue(paragraph, ("any",)):
            removed.append(Removed(paragraph, cue.reason))
        else:
            body.append(paragraph)
    removed.extend(Removed(text, reason) for text, _, reason in footer)
    source = next((outlet for _, outlet, _ in footer if outlet), None)
    return Trimmed(body, removed, source)
