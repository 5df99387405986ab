"""The lines above the body of a plain-text dump: section label, headline, its repeats, bylines."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean.cues import CueLists, match_cue
from newsgraph.model import Removed

HEADER_SCAN = 10  # paragraphs examined for a header before the body must have started
MAX_HEADLINE_WORDS = 30
MAX_HEADLINE_CHARS = 250
HEADLINE_CASE_SHARE = 0.8  # of words of 4+ letters capitalised, for a headline ending in '.'
MAX_SECTION_WORDS = 4
MAX_SECTION_CHARS = 40
_PROSE_ENDINGS = (".", ",", ";")
_QUOTES = "'\"‘’“”()[].,:;!?"
_LABEL_LINKS = frozenset(["&", "and", "of", "the", "/", "|", "-", "–"])


@dataclass
class Header:
    """What the top of a text held, and where its body starts."""

    body_start: int = 0
    title: str | None = None
    section: str | None = None
    author: str | None = None
    published: str | None = None
    removed: list[Removed] = field(default_factory=list)


def read_header(paragraphs: list[str], lists: CueLists, known_title: str | None = None) -> Header:
    """Split off the header; a known title (from metadata) is matched instead of detected."""
    header = Header(title=known_title)
    for index, paragraph in enumerate(paragraphs[:HEADER_SCAN]):
        header.body_start = index
        if header.title is not None and same_headline(paragraph, header.title):
            header.removed.append(Removed(paragraph, "repeated headline"))
        elif cue := match_cue(paragraph, ("head", "any"), lists):
            header.removed.append(Removed(paragraph, cue.reason))
            header.author = header.author or cue.author
            header.published = header.published or cue.published
        elif header.section is None and _section_label(paragraphs, index, header.title):
            header.section = paragraph
        elif header.title is None and headline_like(paragraph):
            header.title = paragraph
        else:
            return header
        header.body_start = index + 1
    return header


def headline_like(paragraph: str) -> bool:
    """Short, and not ending like prose, unless written in headline case ('... Bad Optics.')."""
    words = paragraph.split()
    if not 0 < len(words) <= MAX_HEADLINE_WORDS or len(paragraph) > MAX_HEADLINE_CHARS:
        return False
    if paragraph.endswith("...") or not paragraph.endswith(_PROSE_ENDINGS):
        return True
    return paragraph.endswith(".") and headline_case(words)


def headline_case(words: list[str]) -> bool:
    """Most longer words capitalised, as in 'Hillary Clinton Was Headed to ER'."""
    longer = [w.strip(_QUOTES) for w in words if len(w.strip(_QUOTES)) >= 4]
    capitalised = sum(w[:1].isupper() for w in longer)
    return len(longer) >= 3 and capitalised >= HEADLINE_CASE_SHARE * len(longer)


def _section_label(paragraphs: list[str], index: int, title: str | None) -> bool:
    """A few capitalised words standing alone right above the headline."""
    label = paragraphs[index]
    if len(label.split()) > MAX_SECTION_WORDS or len(label) > MAX_SECTION_CHARS:
        return False
    if not headline_like(label) or any(ch.isdigit() for ch in label) or label.endswith("?"):
        return False
    if not all(word[0].isupper() or word.lower() in _LABEL_LINKS for word in label.split()):
        return False  # labels are capitalised ("World News", "US & Canada"), headlines rarely
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
    if title is not None:
        return same_headline(following, title)
    return headline_like(following) and len(following.split()) > len(label.split())


def same_headline(a: str, b: str) -> bool:
    """Equal up to case, spacing and surrounding punctuation."""
    return _headline_key(a) == _headline_key(b)


def _headline_key(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:;!?\"'“”‘’-–—|")
