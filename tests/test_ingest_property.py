"""Property: whatever bytes, nesting or Unicode arrive, the readers and the cleaner never raise.

Each reader yields an Article or a Rejected per input; an Article is always storable text.
Hypothesis draws random bytes, random JSON nesting and random Unicode including lone
surrogates and control characters. Few examples and no deadline: a guard, not a timing.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_text
from newsgraph.ingest import Rejected, read_bytes
from newsgraph.ingest.records import read_records
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.wordlists import WordLists

SETTINGS = Settings()
WORDS = WordLists(SETTINGS.language)
PROSE = (
    "The regional security force began night patrols along the coast on Monday, officials said. "
    "The patrols follow a rise in attacks on fishing boats and cargo ships over the past year, "
    "and the ministry said they would continue until the end of the rainy season at least. "
)
KINDS = st.sampled_from([None, "text", "html", "json", "jsonl", "feed"])
# every code point, with lone surrogates and control characters drawn often (Hypothesis's own
# character strategy almost never draws a surrogate)
SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
CONTROLS = st.integers(0, 0x1F).map(chr) | st.integers(0x7F, 0x9F).map(chr)
ANY_CHAR = st.characters(codec=None, exclude_categories=()) | SURROGATES | CONTROLS
ANY_TEXT = st.text(alphabet=ANY_CHAR, max_size=300)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=40,
)
FEW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_items_are_sound(items: list[Article | Rejected]) -> None:
    """Every item an Article or a Rejected, all of it encodable as UTF-8 (storable)."""
    for item in items:
        assert isinstance(item, Article | Rejected)
        if isinstance(item, Article):
            item.to_json().encode("utf-8")
        else:
            (item.origin + item.reason).encode("utf-8")


@FEW
@given(data=st.binary(max_size=2000), kind=KINDS)
def test_random_bytes_never_raise(data: bytes, kind: str | None) -> None:
    assert_items_are_sound(list(read_bytes(data, "in", SETTINGS, kind, WORDS)))


@FEW
@given(brackets=st.text(alphabet='[]{}":,1 ', max_size=3000), kind=KINDS)
def test_random_bracket_nesting_never_raises(brackets: str, kind: str | None) -> None:
    assert_items_are_sound(list(read_bytes(brackets.encode(), "in", SETTINGS, kind, WORDS)))


@FEW
@given(value=JSON_VALUES)
def test_random_json_values_never_raise(value: Any) -> None:
    line = json.dumps(value, ensure_ascii=True)  # ASCII escapes keep lone surrogates in JSON
    assert_items_are_sound(list(read_records([(1, line)], "in", SETTINGS, WORDS)))


@FEW
@given(noise=ANY_TEXT, title=ANY_TEXT, record_id=ANY_TEXT)
def test_records_with_random_unicode_never_raise(noise: str, title: str, record_id: str) -> None:
    record = {"id": record_id, "title": title, "text": PROSE + noise, "author": noise}
    line = json.dumps(record, ensure_ascii=True)
    assert_items_are_sound(list(read_records([(1, line)], "in", SETTINGS, WORDS)))


@FEW
@given(text=ANY_TEXT)
def test_cleaner_never_raises_on_random_unicode(text: str) -> None:
    clean = clean_text(PROSE + text + "\n\n" + text, words=WORDS)
    assert isinstance(clean.text, str)
