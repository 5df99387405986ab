"""Highlighting facts in place: spans sliced from the clean text, every piece escaped."""

from __future__ import annotations

from newsgraph.model import Article, Entity, Mention, Quote, TimeExpr
from newsgraph.web.highlight import Span, highlight, highlighted_article


def test_plain_text_is_escaped() -> None:
    html = highlight("a <script>alert(1)</script> & b", [])
    assert html == "a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b"


def test_span_wraps_its_slice() -> None:
    html = highlight("Hello Bukele now", [Span(6, 12, "mark", "ent ent-person", "PERSON")])
    assert html == 'Hello <mark class="ent ent-person" title="PERSON">Bukele</mark> now'


def test_nested_spans_nest() -> None:
    spans = [Span(0, 9, "span", "quote", "q"), Span(4, 9, "mark", "ent", "e")]
    html = highlight("say Haiti ok", spans)
    assert (
        html
        == '<span class="quote" title="q">say <mark class="ent" title="e">Haiti</mark></span> ok'
    )


def test_overlapping_spans_are_split_and_stay_well_formed() -> None:
    spans = [Span(0, 6, "mark", "ent", "e"), Span(3, 9, "span", "quote", "q")]
    html = highlight("abcdefghij", spans)
    assert html == (
        '<mark class="ent" title="e">abc<span class="quote" title="q">def</span></mark>'
        '<span class="quote" title="q">ghi</span>j'
    )


def test_attribute_values_are_escaped() -> None:
    html = highlight("xy", [Span(0, 2, "span", "quote", 'He said "<b>"')])
    assert 'title="He said &#34;&lt;b&gt;&#34;"' in html


def _article() -> Article:
    text = 'Ms Smith said "we <script>go</script>" on Monday.'
    smith = Entity("e1", "Jane Smith", "PERSON", [Mention(3, 8, "Smith")], kb_id="k1")
    quote = Quote(text[15:37], 15, 37, "direct", speaker="e1", speaker_start=3, speaker_end=8)
    monday = TimeExpr("Monday", 42, 48, "DATE", "2024-10-07")
    return Article("a1", text, entities=[smith], quotes=[quote], times=[monday])


def test_article_marks_entities_quotes_and_times() -> None:
    html = highlighted_article(_article())
    assert '<mark class="ent ent-person" title="PERSON: Jane Smith"' in html
    assert 'data-href="/entities/k1"' in html
    assert 'title="Jane Smith (direct quote)"' in html
    assert 'title="DATE: 2024-10-07"' in html


def test_article_script_tag_is_text() -> None:
    html = highlighted_article(_article())
    assert "<script>" not in html and "&lt;script&gt;go&lt;/script&gt;" in html


def test_spans_outside_the_text_are_ignored() -> None:
    article = Article("a", "short", times=[TimeExpr("x", 3, 99, "DATE", "2024")])
    assert highlighted_article(article) == "short"
