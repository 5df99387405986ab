"""The dateline opening a wire story: 'RAMALLAH, West Bank, Dec. 5 (AP) —', 'BERLIN (Reuters) -'.

It names where the story was filed, never who acts or speaks in it. The entities stage finds it
(``find_dateline``) and records it on the article; the quotes and events stages look past it
(``past_dateline``) when the parse makes the dateline's place the subject of the first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.model import Mention

_CAPS_WORD = r"[A-Z][A-Z.'’&\-]*[A-Z.]"  # 'RAMALLAH', 'ST.', 'WILKES-BARRE'
_TITLE_WORD = r"[A-Z][a-z.'’\-]+"  # 'Berlin', 'Calif.'
_REGION = r"[A-Z][\w.'’\-]*(?:[ ][A-Z][\w.'’\-]*){0,3}"  # 'West Bank', 'N.Y.', 'Calif.'
_DATE = r"[A-Z][a-z]{2,8}\.?[ ]\d{1,2}(?:,[ ]\d{4})?"  # 'Dec. 5', 'Jan 3', 'March 12, 2008'
_AGENCY = r"\([A-Z][\w.&'’ \-]{0,40}\)"  # '(AP)', '(Reuters)', '(Agence France-Presse)'
_DASH = r"[ ]*(?:—|–|--|-)[ ]+(?=[\"“‘'A-Z0-9])"
# An all-capitals place may stand alone before its dash ('SAN FRANCISCO —'); a place written in
# title case needs a date or an agency to tell it from a sentence ('Berlin (Reuters) -').
_CAPS_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})"
    rf"(?:,[ ](?!{_DATE})(?:{_REGION}))?(?:,[ ](?!{_DATE})(?:{_REGION}))?"
    rf"(?:,?[ ]{_DATE})?(?:[ ]*{_AGENCY})?(?={_DASH})"
)
_TITLE_DATELINE = re.compile(
    rf"(?P<place>{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,2}})"
    rf"(?:,[ ](?!{_DATE})(?:{_REGION}))?"
    rf"(?:(?:,?[ ]{_DATE})(?:[ ]*{_AGENCY})?|[ ]*{_AGENCY})(?={_DASH})"
)
_LINE = re.compile(r"(?m)^[ \t]*(\S[^\n]*)")
PROSE_WORDS = 8  # a shorter line is a title, a byline or furniture, not the lead
PROSE_LINES = 6  # the dateline opens the lead, one of the first lines of prose


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a body: all of it, and its place alone."""

    mention: Mention  # 'RAMALLAH, West Bank, Dec. 5 (AP)', without the dash
    place: Mention  # 'RAMALLAH'
    capitals: bool  # the place is written in capitals, as wire datelines are


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the first paragraphs of prose, or None.

    Headers, bylines and page furniture come before the lead in text dumps, so the dateline
    is looked for at the start of the first few paragraphs long enough to be prose; a subhead
    in capitals further down ('QUESTIONABLE MEDICAL CLAIMS —') is never reached.
    """
    for start, line in _prose_lines(text):
        for pattern in (_CAPS_DATELINE, _TITLE_DATELINE):
            found = pattern.match(line)
            if found is not None:
                return Dateline(
                    Mention(start, start + found.end(), found.group(0)),
                    Mention(start, start + found.end("place"), found.group("place")),
                    capitals=pattern is _CAPS_DATELINE,
                )
    return None


def _prose_lines(text: str) -> list[tuple[int, str]]:
    """The first few lines of at least PROSE_WORDS words, with their offsets."""
    found: list[tuple[int, str]] = []
    for line in _LINE.finditer(text):
        if len(line.group(1).split()) >= PROSE_WORDS:
            found.append((line.start(1), line.group(1)))
            if len(found) == PROSE_LINES:
                break
    return found


def in_dateline(token: Token, dateline: Mention | None) -> bool:
    """The token lies in the article's dateline."""
    return dateline is not None and dateline.start <= token.idx < dateline.end


def past_dateline(token: Token | None, dateline: Mention | None) -> Token | None:
    """The token, or for a dateline word the parse took as a subject ('RAMALLAH ... — Mahmoud
    Abbas ... will ask', Abbas an apposition to RAMALLAH) the name after the dateline it heads;
    None when there is none."""
    if token is None or not in_dateline(token, dateline):
        return token
    assert dateline is not None
    return next(
        (c for c in token.children if c.dep_ in ("appos", "conj") and c.idx >= dateline.end),
        None,
    )
