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
    """Drop short furniture anywhere, then the trailing run of footer paragraphs."""
    kept: list[str] = []
    removed: list[Removed] = []
    for paragraph in paragraphs:
        if cue := match_cue(paragraph, ("any",)):
            removed.append(Removed(paragraph, cue.reason))
        else:
            kept.append(paragraph)
    footer: list[tuple[str, str | None, str]] = []
    while kept and (cue := match_cue(kept[-1], ("tail", "any"))):
        footer.append((kept.pop(), cue.outlet, cue.reason))
    footer.reverse()
    source = next((outlet for _, outlet, _ in footer if outlet), None)
    removed.extend(Removed(text, reason) for text, _, reason in footer)
    return Trimmed(kept, removed, source)
