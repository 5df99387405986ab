"""Unicode and whitespace normalisation, done once: every later offset indexes into its output."""

from __future__ import annotations

import re
import unicodedata

# Spaces that are not ASCII spaces (no-break, thin, ideographic, ...) become plain spaces;
# zero-width characters and stray control characters go; tabs are spaces.
_ODD_SPACES = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_BLANK_LINES = re.compile(r"\n[ ]*\n\s*")
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", "'", ")", "»")
MIN_WRAPPED_LINE = 30  # shorter lines in a block are separate paragraphs (subheads, lists)


def normalise_text(raw: str) -> str:
    """NFC, one kind of line break and space, no invisible characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", raw)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def collapse_spaces(line: str) -> str:
    """One space between words, none at the ends."""
    return " ".join(line.split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text: blank-line blocks, with hard-wrapped lines rejoined."""
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [collapse_spaces(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """True when a block's lines are one paragraph wrapped at a width, not one line each."""
    if len(lines) < 2:
        return True
    inner = lines[:-1]
    if any(
        a == b for a, b in zip(lines, lines[1:], strict=False)
    ):  # a doubled line is two paragraphs
        return False
    if min(len(line) for line in inner) < MIN_WRAPPED_LINE:
        return False
    open_ends = sum(not line.endswith(_SENTENCE_END) for line in inner)
    return open_ends * 2 >= len(inner)
