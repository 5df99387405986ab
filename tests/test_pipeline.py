from __future__ import annotations

from newsgraph import extract
from newsgraph.model import Article
from newsgraph.nlp import load_pipeline
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings


def test_failing_stage_leaves_a_warning_and_keeps_the_article() -> None:
    pipeline = Pipeline(Settings())

    def broken(article: Article, doc: object, settings: Settings, words: object) -> None:
        raise RuntimeError("boom")

    pipeline.stages = [("broken", broken), *pipeline.stages]
    article = pipeline.analyse(Article(id="a", text="Kenya sent officers to Haiti."))
    assert article.warnings == ["stage broken failed: RuntimeError: boom"]


def test_workers_keep_input_order() -> None:
    pipeline = Pipeline(Settings(workers=2, batch_size=2))
    articles = [Article(id=str(i), text=f"Story number {i} is here.") for i in range(7)]
    assert [a.id for a in pipeline.run(articles)] == [str(i) for i in range(7)]


def test_article_round_trips_through_json() -> None:
    article = Article(id="x", text="Hello.", title="T")
    assert Article.from_dict(article.to_dict()) == article


def test_a_blank_line_ends_a_sentence() -> None:
    nlp = load_pipeline(Settings().model)
    doc = nlp("Piracy and the sea lanes\n\nThe mission was created in 2023, officials said.")
    assert [s.text.strip() for s in doc.sents] == [
        "Piracy and the sea lanes",
        "The mission was created in 2023, officials said.",
    ]


def test_one_long_line_of_text_is_text_not_a_file_name() -> None:
    line = "Kenya's President William Ruto said the mission would start soon. " * 10
    assert extract(line).text.startswith("Kenya's President")


def test_a_quotation_mark_glued_to_a_name_is_a_token_of_its_own() -> None:
    nlp = load_pipeline(Settings().model)
    text = '“It was a lot of paranoia,”Clinton said. Gowdy:"I have not heard it." Lee is 5\'10".'
    doc = nlp(text)
    words = [t.text for t in doc]
    assert words[6:10] == ["paranoia", ",", "”", "Clinton"]
    assert words[12:16] == ["Gowdy", ":", '"', "I"]
    assert "5'10" in words  # a straight mark after a digit is left alone
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
