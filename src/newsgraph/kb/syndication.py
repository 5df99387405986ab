"""Syndicated copies: the same wire story republished by several outlets, found with MinHash.

Each article's body becomes a set of word shingles; datasketch's MinHash summarises it and
MinHashLSH finds earlier articles whose estimated Jaccard similarity passes ``THRESHOLD``.
Signatures are saved by the store so the index can be rebuilt when a store is reopened.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5  # words per shingle: long enough that unrelated articles rarely share them
NUM_PERM = 128
THRESHOLD = 0.7  # estimated Jaccard over shingles above which two bodies are one story
MIN_SHINGLES = 10  # shorter bodies are too small to call copies
SCHEME = "affine32"  # datasketch hashing scheme, fixed so stored signatures stay comparable

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of lower-cased word n-grams of a text, as bytes for hashing."""
    words = _WORD.findall(text.lower())
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash | None:
    """The MinHash of a body, or None when it is too short to compare."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    mh.update_batch(list(grams))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    """A MinHash as bytes, for the store."""
    return np.asarray(mh.hashvalues).astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    """A MinHash back from ``to_bytes``."""
    values = np.frombuffer(data, dtype="<u8")
    return MinHash(
        num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME, permutations=_permutations()
    )


@functools.cache  # the same seed gives the same permutations: drawing them once is enough
def _permutations() -> Any:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


class CopyIndex:
    """An in-memory LSH index of article signatures, answering 'is this a copy of a story?'."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def add(self, article_id: str, mh: MinHash) -> None:
        """Index one article's signature (an id already indexed is ignored)."""
        if article_id in self.signatures:
            return
        self.lsh.insert(article_id, mh)
        self.signatures[article_id] = mh

    def remove(self, article_id: str) -> None:
        """Forget one article (after a failed save)."""
        if self.signatures.pop(article_id, None) is not None:
            self.lsh.remove(article_id)

    def best_copy(self, mh: MinHash) -> tuple[str, float] | None:
        """The indexed article most similar to ``mh`` above the threshold, with its similarity."""
        best: tuple[str, float] | None = None
        for other in self.lsh.query(mh):
            similarity = mh.jaccard(self.signatures[other])
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (other, similarity)
        return best
