"""Pair quotation marks in raw text, forgiving the mistakes real articles make.

Straight and typographic double marks, inner quotes nested in another style, quotes that run
over several paragraphs (an opening mark repeated at the head of the next paragraph continues
the quote), closing marks typed as opening ones, and marks that are never closed. A bad mark
costs at most its own paragraph, never the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

OPEN_DOUBLE = "“„«‟"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
STRAIGHT_SINGLE = "'"
DOUBLE_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE
PAIRED_MARK = '"\x00'  # two-character marks read as one straight double mark, same length
OPENING_CONTEXT = " \t\n([{—–-/"  # a mark after one of these (or at the start) opens


@dataclass
class QuotedSpan:
    """One quotation: the marks around it and the content between them."""

    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark (or end of the paragraph when never closed)
    start: int  # content start, after the mark and spaces
    end: int  # content end, before the mark and spaces
    closed: bool = True
    paragraphs: int = 1


@dataclass
class _Open:
    at: int
    style: str  # typo | straight
    paragraphs: int = 1


def _opens_here(text: str, i: int) -> bool:
    """A mark at ``i`` reads as opening: preceded by space/start, followed by a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in OPENING_CONTEXT and not after.isspace()


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quotation in ``text``, in order; double marks first, then single."""
    doubled = text.replace("''", PAIRED_MARK).replace("``", PAIRED_MARK)  # ``...'' style
    spans = _pair_double(doubled)
    spans += _pair_single(doubled, spans)
    spans.sort(key=lambda s: s.open_at)
    return spans


def _pair_double(text: str) -> list[QuotedSpan]:
    """Pair double marks with a stack that knows each mark's style."""
    spans: list[QuotedSpan] = []
    stack: list[_Open] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and stack:
            i = _paragraph_break(text, i, stack, spans)
            continue
        if ch in OPEN_DOUBLE:
            _typographic_open(text, i, stack, spans)
        elif ch in CLOSE_DOUBLE:
            _typographic_close(text, i, stack, spans)
        elif ch == STRAIGHT_DOUBLE:
            _straight(text, i, stack, spans)
        i += 1
    if stack:
        _close(text, stack[0], n, spans, closed=False)
    return spans


def _typographic_open(text: str, i: int, stack: list[_Open], spans: list[QuotedSpan]) -> None:
    """An opening mark inside a typographic quote is a closing mark typed wrong."""
    if stack and stack[-1].style == "typo":
        _pop(text, i, stack, spans)
    else:
        stack.append(_Open(i, "typo"))


def _typographic_close(text: str, i: int, stack: list[_Open], spans: list[QuotedSpan]) -> None:
    """Close the innermost quote; a stray closing mark before a word opens one instead."""
    if stack:
        _pop(text, i, stack, spans)
    elif _opens_here(text, i):
        stack.append(_Open(i, "typo"))


def _straight(text: str, i: int, stack: list[_Open], spans: list[QuotedSpan]) -> None:
    """Straight marks: direction from the context, nesting only inside typographic quotes."""
    opens = _opens_here(text, i)
    if not stack:
        if opens or (i + 1 < len(text) and not text[i + 1].isspace()):
            stack.append(_Open(i, "straight"))
    elif stack[-1].style == "straight" or not opens:
        _pop(text, i, stack, spans)
    else:
        stack.append(_Open(i, "straight"))


def _pop(text: str, i: int, stack: list[_Open], spans: list[QuotedSpan]) -> None:
    opened = stack.pop()
    if not stack:
        _close(text, opened, i, spans, closed=True)


def _paragraph_break(text: str, i: int, stack: list[_Open], spans: list[QuotedSpan]) -> int:
    """At a line break inside a quote: continue if the next paragraph reopens, else close."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in OPEN_DOUBLE + STRAIGHT_DOUBLE:
        del stack[1:]  # inner quotes never run over a paragraph break
        stack[0].paragraphs += 1
        return j + 1
    _close(text, stack[0], i, spans, closed=False)
    stack.clear()
    return j


def _close(text: str, opened: _Open, close_at: int, spans: list[QuotedSpan], closed: bool) -> None:
    start, end = opened.at + 1, close_at
    while start < end and (text[start].isspace() or text[start] == "\x00"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuotedSpan(opened.at, close_at, start, end, closed, opened.paragraphs))


def _pair_single(text: str, doubles: list[QuotedSpan]) -> list[QuotedSpan]:
    """Single marks used as main quotes (headlines, some outlets), outside double quotes."""
    spans: list[QuotedSpan] = []
    covered = [(s.open_at, s.close_at) for s in doubles]
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n":
            opened = None
        elif ch not in OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE or any(
            a <= i <= b for a, b in covered
        ):
            continue
        elif opened is None:
            if ch in (OPEN_SINGLE, STRAIGHT_SINGLE) and _opens_here(text, i):
                opened = i
        elif ch != OPEN_SINGLE and _closes_single(text, i):
            _close(text, _Open(opened, "single"), i, spans, closed=True)
            opened = None
    return spans


def _closes_single(text: str, i: int) -> bool:
    """A single mark closes when a word ends before it and no letter follows (not an apostrophe)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i > 0 and not text[i - 1].isspace() and not after.isalnum()
