"""JSON parsed with bounds: hostile nesting and huge integers are refused, not crashed on.

``json.loads`` recurses once per level (1,000 nested brackets raise ``RecursionError``) and
Python refuses integers of more than 4,300 digits with a ``ValueError``. A record is a flat
object, so both are checked first and refused with a reason: ``RejectedInput``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from newsgraph.errors import RejectedInput

MAX_JSON_DEPTH = 32  # an array of records holding a nested value is 3 deep
MAX_INT_DIGITS = 100  # an integer id has at most 20
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def load_json(text: str) -> Any:
    """The JSON value of ``text``; JSONDecodeError when not JSON, RejectedInput when hostile."""
    depth = nesting_depth(text, stop_above=MAX_JSON_DEPTH)
    if depth > MAX_JSON_DEPTH:
        raise RejectedInput(
            f"JSON nested more than {MAX_JSON_DEPTH} levels deep; a record is a flat object"
        )
    return json.loads(text, parse_int=_bounded_int)


def nesting_depth(text: str, stop_above: int | None = None) -> int:
    """How deep arrays and objects nest (brackets inside strings do not count)."""
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_STRING.sub('""', text)):
        if bracket.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if stop_above is not None and deepest > stop_above:
                break
        else:
            depth -= 1
    return deepest


def _bounded_int(digits: str) -> int:
    count = len(digits.lstrip("-"))
    if count > MAX_INT_DIGITS:
        raise RejectedInput(
            f"JSON integer of {count:,} digits, more than {MAX_INT_DIGITS}; "
            f"send long numbers as strings"
        )
    return int(digits)
