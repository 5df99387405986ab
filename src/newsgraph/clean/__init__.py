"""Cleaning plain text: headline and section detection, boilerplate cut by cues kept as data.

``clean_text(raw, known_title=None, words=None) -> CleanText`` is the entry point; the cues live
in ``resources/clean/boilerplate_cues.txt``, the outlet stop-list in
``resources/clean/not_outlets.txt`` and the small words a name may hold in
``resources/clean/name_links.txt``, all read through a ``WordLists`` (``words``). A whole page
flattened to text first goes through the learned line classifier of ``clean/lines.py``.
"""

from __future__ import annotations

from newsgraph.clean.dates import parse_date
from newsgraph.clean.normalise import normalise_text, split_paragraphs
from newsgraph.clean.text import PARAGRAPH_BREAK, CleanText, clean_text

__all__ = [
    "PARAGRAPH_BREAK",
    "CleanText",
    "clean_text",
    "normalise_text",
    "parse_date",
    "split_paragraphs",
]
