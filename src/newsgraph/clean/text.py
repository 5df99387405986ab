"""Plain text (including scraped aggregator dumps) to a clean body with its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean.boilerplate import strip_boilerplate
from newsgraph.clean.cues import CueLists, build_cue_lists, match_cue
from newsgraph.clean.header import Header, read_header
from newsgraph.clean.lines import build_line_model, classify_page, looks_like_page
from newsgraph.clean.normalise import normalise_text, split_paragraphs
from newsgraph.model import Removed
from newsgraph.wordlists import WordLists

PARAGRAPH_BREAK = "\n\n"


@dataclass
class CleanText:
    """A clean body (paragraphs joined by a blank line) and what the cleaning found."""

    text: str
    title: str | None = None
    section: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD, from a dateline
    removed: list[Removed] = field(default_factory=list)


def clean_text(
    raw: str,
    known_title: str | None = None,
    words: WordLists | None = None,
    whole_page: bool = True,
) -> CleanText:
    """Headline, section label, body and footer of a plain text, boilerplate cut and kept aside.

    ``words`` is the loader the cues come from; pass one to read many texts (a fresh English
    one is made otherwise). ``whole_page=False`` says the text is already an article body (an
    HTML extractor's output), so the line classifier of flattened pages is not tried.
    """
    words = words or WordLists()
    lists = words.get(build_cue_lists)
    paragraphs = split_paragraphs(normalise_text(raw))
    if known_title is not None:
        known_title = " ".join(known_title.split()) or None
    page_removed: list[Removed] = []
    byline = Header()
    if whole_page and looks_like_page(paragraphs):
        page = classify_page(paragraphs, words.get(build_line_model))
        paragraphs, page_removed = page.kept, page.removed
        known_title = known_title or page.headline
        byline = _bylines(page_removed, lists)
    header = read_header(paragraphs, lists, known_title)
    trimmed = strip_boilerplate(paragraphs[header.body_start :], lists)
    return CleanText(
        text=PARAGRAPH_BREAK.join(trimmed.paragraphs),
        title=header.title,
        section=header.section,
        source=trimmed.source,
        author=header.author or byline.author,
        published=header.published or byline.published,
        removed=page_removed + header.removed + trimmed.removed,
    )


def _bylines(removed: list[Removed], lists: CueLists) -> Header:
    """Name the dropped lines of a page that the byline and dateline cues read; keep their
    author and date (the first of each)."""
    found = Header()
    for index, item in enumerate(removed):
        cue = match_cue(item.text, ("head",), lists)
        if cue is None or not (cue.author or cue.published):
            continue
        removed[index] = Removed(item.text, f"byline/dateline ({cue.reason})")
        found.author = found.author or cue.author
        found.published = found.published or cue.published
    return found
