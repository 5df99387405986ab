"""A fixed split of a dev set into a tune half and a check half, by document.

Choices are made looking at the tune half and confirmed on the check half: a change that only
fits the documents it was tuned on shows as a gap between the two. A document's half is a hash
of its name alone, so it never changes when files are added, removed or listed in another order
(a split by position in a sorted list would move every later document).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
HALVES = ("tune", "check")


def half_of(name: str) -> str:
    """'tune' or 'check': the parity of the first byte of the name's SHA-1."""
    return HALVES[hashlib.sha1(name.encode("utf-8")).digest()[0] & 1]


def split_halves(items: Iterable[T], name: Callable[[T], str]) -> dict[str, list[T]]:
    """The items of each half and all of them, in their given order: tune, check, all."""
    items = list(items)
    halves: dict[str, list[T]] = {h: [i for i in items if half_of(name(i)) == h] for h in HALVES}
    halves["all"] = items
    return halves
