"""Boilerplate cues, loaded from resources/boilerplate_cues.txt, and matching one paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.clean.dates import parse_date

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
CUES_FILE = RESOURCES / "boilerplate_cues.txt"
NOT_OUTLETS_FILE = RESOURCES / "not_outlets.txt"
PLACES = ("head", "tail", "any")

# The longest paragraph (in words) a cue may remove: furniture is short, prose is not.
MAX_WORDS = {"head": 25, "any": 30, "tail": 80}
MAX_CHARS = {"head": 300, "any": 400, "tail": 1000}  # and in characters, for text without spaces

# Lowercase words allowed inside a capitalised outlet or person name ("Voice of America").
NAME_LINKS = frozenset(
    ["of", "the", "and", "&", "for", "de", "del", "la", "le", "el", "du", "y", "al"]
    + ["van", "von", "der", "da", "dos", "das"]
)


@dataclass(frozen=True)
class Cue:
    """One boilerplate pattern: where it applies and why its text is removed."""

    where: str
    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CueMatch:
    """A paragraph recognised as boilerplate, with any metadata its cue captured."""

    reason: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


def _data_lines(path: Path) -> list[str]:
    """The non-blank, non-comment lines of a resource file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    """Every cue in file order (the first matching cue names the reason)."""
    cues = []
    for number, line in enumerate(_data_lines(CUES_FILE), start=1):
        where, reason, pattern = line.split(None, 2)
        if where not in PLACES:
            raise ValueError(f"{CUES_FILE.name} cue {number}: place {where!r} not in {PLACES}")
        cues.append(Cue(where, reason, re.compile(pattern, re.IGNORECASE)))
    return tuple(cues)


@lru_cache(maxsize=8)
def cues_for(places: tuple[str, ...]) -> tuple[Cue, ...]:
    """The cues that apply in these places, in file order."""
    return tuple(cue for cue in load_cues() if cue.where in places)


@lru_cache(maxsize=1)
def not_outlets() -> frozenset[str]:
    """Captured names that are platforms or generic words, never an outlet."""
    return frozenset(name.casefold() for name in _data_lines(NOT_OUTLETS_FILE))


def match_cue(paragraph: str, places: tuple[str, ...]) -> CueMatch | None:
    """The first cue for these places that matches the paragraph and whose captures hold up."""
    words = paragraph.count(" ") + 1
    for cue in cues_for(places):
        if words > MAX_WORDS[cue.where] or len(paragraph) > MAX_CHARS[cue.where]:
            continue
        found = cue.pattern.match(paragraph)
        if found is None:
            continue
        groups = found.groupdict()
        outlet = outlet_name(groups["outlet"]) if "outlet" in groups else None
        author = person_name(groups["author"]) if "author" in groups else None
        published = parse_date(groups["date"]) if "date" in groups else None
        if ("outlet" in groups and outlet is None) or ("author" in groups and author is None):
            continue
        if "date" in groups and published is None:
            continue
        return CueMatch(cue.reason, outlet=outlet, author=author, published=published)
    return None


def outlet_name(captured: str | None) -> str | None:
    """The leading run of capitalised words in a capture, unless it names a platform."""
    words = (captured or "").split()
    if words and words[0] == "the":
        words = words[1:]
    name: list[str] = []
    for word in words:
        if _capitalised(word) or (name and word.lower() in NAME_LINKS):
            name.append(word)
        else:
            break
    while name and not _capitalised(name[-1]):
        name.pop()
    outlet = " ".join(name).strip(",;:")
    outlet = outlet.removesuffix("'s").removesuffix("’s")
    if not outlet or outlet.casefold() in not_outlets() or len(name) > 8:
        return None
    return outlet


def person_name(captured: str | None) -> str | None:
    """The capture when it reads as a personal name (every word capitalised), else None."""
    words = (captured or "").split()
    if not 1 <= len(words) <= 8 or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return None
    if all(_capitalised(w) or w.lower() in NAME_LINKS for w in words):
        return " ".join(words)
    return None


def _capitalised(word: str) -> bool:
    """True for 'America', 'VOA', 'O'Neil', '&'-free words starting with an uppercase letter."""
    return word[:1].isupper()
