"""Lone surrogates: code points no UTF-8 encoder, terminal or store accepts.

They reach newsgraph through JSON (``"\\ud800"`` is valid JSON) and through file names that
are not UTF-8 (Python keeps their bytes as surrogates). Text an article is made of gets them
replaced by U+FFFD, one character for one so offsets hold; names and reasons get them escaped.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(value: str) -> tuple[str, int]:
    """The string with each lone surrogate replaced by U+FFFD, and how many there were."""
    return _SURROGATE.subn(REPLACEMENT, value)


def escape_surrogates(value: str) -> str:
    """The string with each lone surrogate written as its escape (``\\ud800``)."""
    if _SURROGATE.search(value) is None:
        return value
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)
