"""Names as the knowledge base reads them: folded for comparison, cleaned for display, and
parsed into given name, middle initials and surname.

Pure functions over strings; the word lists come from ``resources/kb/`` through a
``WordLists``, the nickname table from the ``nicknames`` package and mojibake repair from
``ftfy``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import ftfy
from nicknames import NickNamer

from newsgraph.wordlists import WordLists

POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")
BRACKETS = "()[]{}<>"
_SPACES = re.compile(r"\s+")
HONORIFICS = "entities/honorifics.tsv"  # the entities stage's lists, read as they are
ROLES = "entities/roles.txt"
_EDGE = " \t\n\r.,;:!?\"'\u201c\u201d\u2018\u2019*|/\\-\u2013\u2014_#@" + BRACKETS


@lru_cache(maxsize=65536)  # pure; resolution folds the same names many times per article
def normalise(name: str) -> str:
    """A name folded for comparison: no accents, case, possessive, dots or leading 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    for ending in POSSESSIVES:
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    text = text.replace(".", "")
    text = "".join(c if c.isalnum() else " " for c in text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class NameWords:
    """The word lists name parsing reads (all lowercase)."""

    person_prefixes: frozenset[
        str
    ]  # honorifics and role words that open a name: "mr", "cornerback"
    suffixes: frozenset[str]  # generational suffixes: "jr", "iii"
    determiners: frozenset[str]  # lowercase words never opening a name: "a", "an", "the"
    generic_org_words: frozenset[str]  # "senate", "ministry": names made only of these are generic
    small_words: frozenset[str]  # "of", "the", "de": skipped in acronyms and word search
    given_names: frozenset[str]  # known given names, for spans holding two people

    @cached_property
    def nicknames(self) -> NickNamer:
        return NickNamer()


def build_name_words(words: WordLists) -> NameWords:
    """The lists of ``resources/kb/`` with the entities stage's honorifics and role words."""
    namer = NickNamer()
    given = frozenset(namer._nickname_lookup) | frozenset(namer._canonical_lookup)
    honorifics = {row[0] for row in words.rows(HONORIFICS)}
    prefixes = {normalise(w) for w in honorifics | words.words(ROLES)}
    return NameWords(
        person_prefixes=frozenset(prefixes - {""}),
        suffixes=words.words("kb/name_suffixes.txt"),
        determiners=words.words("kb/determiners.txt"),
        generic_org_words=words.words("kb/generic_org_words.txt"),
        small_words=words.words("kb/small_words.txt"),
        given_names=given,
    )


def display_name(raw: str) -> str:
    """A name as people write it: mojibake repaired, one line, no stray brackets or punctuation.

    A bracket glued between two words ("University)Matt Allen") marks two spans run together;
    the caller keeps the last part for a person (``parts``); other stray brackets are dropped.
    """
    text = raw if raw.isascii() else ftfy.fix_text(raw)  # mojibake needs non-ASCII characters
    text = _SPACES.sub(" ", text).strip()
    if _balanced(text):
        return text.strip(_EDGE.replace("(", "").replace(")", "")).strip()
    text = "".join(" " if c in BRACKETS else c for c in text)
    return _SPACES.sub(" ", text).strip(_EDGE).strip()


def glued_parts(raw: str) -> list[str]:
    """The pieces of a span that a bracket glues without spaces: 'University)Matt Allen'."""
    if not any(c in BRACKETS for c in raw):
        return [display_name(raw)]
    pieces = re.split(r"(?<=\w)[\])}>]+(?=\w)|(?<=\w)[\[({<]+(?=\w)", raw)
    return [p for p in (display_name(p) for p in pieces) if p]


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts: 'Hillary Rodham Clinton' -> hillary / r / clinton."""

    given: str  # '' for a bare surname; one letter for an initial
    middles: str  # middle initials, in order: 'hw' for 'George H. W. Bush'
    surname: str
    display: str  # the cleaned name without leading roles or honorifics

    @property
    def key(self) -> str:
        return f"{self.given}|{self.middles}|{self.surname}"


def parse_person(display: str, nw: NameWords) -> PersonName | None:
    """Given name, middle initials and surname, or None when the text is no one's name."""
    raw_words = display.split()
    while raw_words and _fold(raw_words[0]) in nw.person_prefixes | nw.determiners:
        raw_words = raw_words[1:]
    while raw_words and _fold(raw_words[-1]) in nw.suffixes:
        raw_words = raw_words[:-1]
    parts = [normalise(w) for w in raw_words]
    pairs = [(r, p) for r, p in zip(raw_words, parts, strict=True) if p]
    if not pairs or any(not p.replace(" ", "").isalpha() for _, p in pairs):
        return None
    shown = " ".join(r for r, _ in pairs)
    words = [p.replace(" ", "-") for _, p in pairs]
    if len(words) == 1:
        return PersonName("", "", words[0], shown)
    middles = "".join(w[0] for w in words[1:-1])
    return PersonName(words[0], middles, words[-1], shown)


def _fold(word: str) -> str:
    return normalise(word.rstrip("."))


def two_people(display: str, nw: NameWords) -> bool:
    """A span of four or more name words that splits into two full names at a known given
    name ('Steve Irwin Paul Watson'): two people run together, never one."""
    words = [normalise(w) for w in display.split()]
    if len(words) < 4:
        return False
    return any(
        words[i] in nw.given_names and words[0] in nw.given_names for i in range(2, len(words) - 1)
    )


def more_specific(short: PersonName, long: PersonName, nw: NameWords) -> bool:
    """``long`` names the same person as ``short`` with more detail: an initial spelled out,
    a nickname's formal name ('Bill' -> 'William'), or middle initials added."""
    if short.surname != long.surname or short.key == long.key:
        return False
    if not _middles_agree(short.middles, long.middles):
        return False
    if short.given == long.given:
        return len(long.middles) > len(short.middles)
    if len(short.given) == 1:
        return len(long.given) > 1 and long.given.startswith(short.given)
    return len(short.given) < len(long.given) and short.given in nw.nicknames.nicknames_of(
        long.given
    )


def _middles_agree(short: str, long: str) -> bool:
    """Middle initials say nothing against it: none on the short side, or the same ones."""
    return not short or short == long


def acronym(form: str, small_words: frozenset[str]) -> str | None:
    """The initials of a multi-word normalised form, skipping small words; None for one word."""
    words = [w for w in form.split() if w not in small_words]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def looks_like_acronym(display: str) -> bool:
    """Written in capitals, short and without spaces: 'AP', 'U.N.', 'NATO'."""
    letters = display.replace(".", "").replace("&", "")
    return " " not in letters and 1 < len(letters) <= 8 and letters.isupper()
