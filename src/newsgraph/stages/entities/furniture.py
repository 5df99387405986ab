"""Page furniture in a body: share buttons, follow links, menus, section labels, copyright lines.

Text dumps of web pages keep 'Share on Twitter', 'Follow us on Facebook', 'Latest News' and
'© 2008 Malaysia Sun. All Rights Reserved' between the paragraphs, and NER names the networks
and outlets in them. A line made mostly of furniture words (``resources/entities/
furniture.txt``), or holding a copyright cue, is furniture: names on it are no actors. The
same names in a sentence ('Twitter suspended the account') are untouched, since a sentence is
never mostly furniture words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsgraph.wordlists import WordLists

FURNITURE_FILE = "entities/furniture.txt"
COPYRIGHT_FILE = "entities/copyright_cues.txt"
STOPWORDS_FILE = "ingest/english_function_words.txt"  # the same English function words
MAX_WORDS = 10  # content words of the longest furniture line: a sentence is longer
MIN_SHARE = 0.6  # furniture words among a line's content words
MAX_COPYRIGHT_WORDS = 30  # a longer line with '©' is a page run into one line, not a footer
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[\w@#+’'-]+")


@dataclass(frozen=True)
class FurnitureWords:
    """Furniture phrases by their number of words, copyright cues, and the neutral words."""

    phrases: frozenset[tuple[str, ...]]
    longest: int
    copyright_cues: tuple[str, ...]
    neutral: frozenset[str]  # function words: 'on' of 'Share on Twitter' counts for neither


def build_furniture_words(words: WordLists) -> FurnitureWords:
    """The lists of ``resources/entities``; ``words.get(build_furniture_words)`` builds once."""
    neutral = frozenset(w for ln in words.lines(STOPWORDS_FILE) for w in ln.lower().split())
    phrases = {
        tuple(w for w in p.split() if w not in neutral) for p in words.words(FURNITURE_FILE)
    } - {()}  # 'follow us on' is matched as 'follow', as a line's words are
    return FurnitureWords(
        phrases=frozenset(phrases),
        longest=max(len(p) for p in phrases),
        copyright_cues=tuple(sorted(words.words(COPYRIGHT_FILE))),
        neutral=neutral,
    )


def furniture_lines(text: str, furniture: FurnitureWords) -> list[tuple[int, int]]:
    """Character spans of the lines of ``text`` that are page furniture, in order."""
    return [
        (line.start(), line.end())
        for line in _LINE.finditer(text)
        if is_furniture(line.group(0), furniture)
    ]


def on_furniture(at: int, lines: list[tuple[int, int]]) -> bool:
    """The offset lies on one of the furniture lines."""
    i = bisect_right(lines, (at, len(lines) and lines[-1][1] + 1)) - 1
    return i >= 0 and lines[i][0] <= at < lines[i][1]


def is_furniture(line: str, furniture: FurnitureWords) -> bool:
    """A copyright line, or a short line whose content words are mostly furniture words."""
    lowered = line.lower()
    words = _WORD.findall(lowered)
    if len(words) <= MAX_COPYRIGHT_WORDS and any(c in lowered for c in furniture.copyright_cues):
        return True
    content = [w for w in words if w not in furniture.neutral]
    if not content or len(content) > MAX_WORDS:
        return False
    return _furniture_count(content, furniture) >= MIN_SHARE * len(content)


def _furniture_count(content: list[str], furniture: FurnitureWords) -> int:
    """How many of the words belong to a furniture phrase, longest phrases first."""
    i = counted = 0
    while i < len(content):
        size = next(
            (
                n
                for n in range(min(furniture.longest, len(content) - i), 0, -1)
                if tuple(content[i : i + n]) in furniture.phrases
            ),
            0,
        )
        counted += size
        i += size or 1
    return counted
