"""Boilerplate cues, read from resources/clean/ through a WordLists, and matching one paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.clean.dates import parse_date
from newsgraph.wordlists import WordLists

CUES_FILE = "clean/boilerplate_cues.txt"
NOT_OUTLETS_FILE = "clean/not_outlets.txt"
NAME_LINKS_FILE = "clean/name_links.txt"
PLACES = ("head", "tail", "any")

# The longest paragraph (in words) a cue may remove: furniture is short, prose is not.
MAX_WORDS = {"head": 25, "any": 30, "tail": 80}
MAX_CHARS = {"head": 300, "any": 400, "tail": 1000}  # and in characters, for text without spaces


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


@dataclass(frozen=True)
class CueLists:
    """The cleaner's word lists: every cue in file order, and what a captured name may hold."""

    cues: tuple[Cue, ...]
    not_outlets: frozenset[str]  # casefolded names that are platforms or generic words
    name_links: frozenset[str]  # lowercase words inside a capitalised name ("Voice of America")

    def for_places(self, places: tuple[str, ...]) -> tuple[Cue, ...]:
        """The cues that apply in these places, in file order."""
        return tuple(cue for cue in self.cues if cue.where in places)


def build_cue_lists(words: WordLists) -> CueLists:
    """The cues and name lists of resources/clean/, for ``words.get``."""
    return CueLists(
        cues=_read_cues(words),
        not_outlets=frozenset(name.casefold() for name in _data_lines(words, NOT_OUTLETS_FILE)),
        name_links=words.words(NAME_LINKS_FILE),
    )


def _data_lines(words: WordLists, name: str) -> list[str]:
    """The non-blank, non-comment lines of a resource file, stripped (indented '#' too)."""
    return [ln.strip() for ln in words.lines(name) if not ln.lstrip().startswith("#")]


def _read_cues(words: WordLists) -> tuple[Cue, ...]:
    """Every cue of the cues file in file order; a line with an unknown place is an error."""
    cues = []
    for number, line in enumerate(_data_lines(words, CUES_FILE), start=1):
        where, reason, pattern = line.split(None, 2)
        if where not in PLACES:
            raise ValueError(f"{CUES_FILE} cue {number}: place {where!r} not in {PLACES}")
        cues.append(Cue(where, reason, re.compile(pattern, re.IGNORECASE)))
    return tuple(cues)


def match_cue(paragraph: str, places: tuple[str, ...], lists: CueLists) -> CueMatch | None:
    """The first cue for these places that matches the paragraph and whose captures hold up."""
    words = paragraph.count(" ") + 1
    for cue in lists.for_places(places):
        if words > MAX_WORDS[cue.where] or len(paragraph) > MAX_CHARS[cue.where]:
            continue
        found = cue.pattern.match(paragraph)
        if found is None:
            continue
        groups = found.groupdict()
        outlet = outlet_name(groups["outlet"], lists) if "outlet" in groups else None
        author = person_name(groups["author"], lists) if "author" in groups else None
        published = parse_date(groups["date"]) if "date" in groups else None
        if ("outlet" in groups and outlet is None) or ("author" in groups and author is None):
            continue
        if "date" in groups and published is None:
            continue
        return CueMatch(cue.reason, outlet=outlet, author=author, published=published)
    return None


def outlet_name(captured: str | None, lists: CueLists) -> str | None:
    """The leading run of capitalised words in a capture, unless it names a platform."""
    words = (captured or "").split()
    if words and words[0] == "the":
        words = words[1:]
    name: list[str] = []
    for word in words:
        if _capitalised(word) or (name and word.lower() in lists.name_links):
            name.append(word)
        else:
            break
    while name and not _capitalised(name[-1]):
        name.pop()
    outlet = " ".join(name).strip(",;:")
    outlet = outlet.removesuffix("'s").removesuffix("’s")
    if not outlet or outlet.casefold() in lists.not_outlets or len(name) > 8:
        return None
    return outlet


def person_name(captured: str | None, lists: CueLists) -> str | None:
    """The capture when it reads as a personal name (every word capitalised), else None."""
    words = (captured or "").split()
    if not 1 <= len(words) <= 8 or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return None
    if all(_capitalised(w) or w.lower() in lists.name_links for w in words):
        return " ".join(words)
    return None


def _capitalised(word: str) -> bool:
    """True for 'America', 'VOA', 'O'Neil', '&'-free words starting with an uppercase letter."""
    return word[:1].isupper()
