"""The title is analysed like the body: its facts carry field='title' and offsets into it."""

from __future__ import annotations

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.web.highlight import article_spans

BODY = (
    "President William Ruto said on Sunday that Kenya would lower fuel prices. "
    '"We will act," Ruto told reporters in Nairobi.'
)
TITLE = "Ruto says Kenya will cut fuel prices by 10% on Monday"


def analysed(pipeline: Pipeline) -> Article:
    article = Article(id="t", title=TITLE, text=BODY, published="2024-03-10")
    return pipeline.analyse(article)


def test_title_spans_index_the_title(pipeline: Pipeline) -> None:
    article = analysed(pipeline)
    spans = [
        *(m for e in article.entities for m in e.mentions),
        *article.times,
        *article.figures,
    ]
    for span in spans:
        text = article.field_text(span.field)
        assert text[span.start : span.end] == span.text
    assert {s.field for s in spans} == {"title", "body"}


def test_title_name_joins_the_body_entity(pipeline: Pipeline) -> None:
    article = analysed(pipeline)
    ruto = next(e for e in article.entities if e.name == "William Ruto")
    assert ruto.id == "e1"  # body ids first, as without a title
    assert [m.field for m in ruto.mentions].count("title") == 1


def test_title_quote_time_and_figure(pipeline: Pipeline) -> None:
    article = analysed(pipeline)
    quote = next(q for q in article.quotes if q.field == "title")
    assert article.entity(quote.speaker).name == "William Ruto"  # type: ignore[union-attr]
    assert [(t.text, t.value) for t in article.times if t.field == "title"] == [
        ("Monday", "2024-03-11")
    ]
    assert [f.value for f in article.figures if f.field == "title"] == [10.0]


def test_contract_says_version_2(pipeline: Pipeline) -> None:
    data = analysed(pipeline).to_dict()
    assert data["schema_version"] == 2
    assert Article.from_dict(data).to_dict() == data


def test_body_highlighting_skips_title_spans(pipeline: Pipeline) -> None:
    article = analysed(pipeline)
    body_spans = article_spans(article)
    title_spans = article_spans(article, "title")
    assert all(article.text[s.start : s.end] for s in body_spans)
    assert {article.title[s.start : s.end] for s in title_spans} >= {"Ruto", "Monday"}  # type: ignore[index]


def test_title_model_name_keeps_its_maker(pipeline: Pipeline) -> None:
    article = Article(
        id="m",
        title="Ryanair exercises options on five Boeing 737s",
        text="Ryanair said on Monday that it would buy five more aircraft from Boeing.",
    )
    article = pipeline.analyse(article)
    names = {(m.text, e.type) for e in article.entities for m in e.mentions if m.field == "title"}
    assert ("Boeing 737s", "PRODUCT") in names
