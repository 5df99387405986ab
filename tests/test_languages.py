"""Articles in other languages: each goes to its own language's pipeline and word lists."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

FRENCH = (
    "Le président Emmanuel Macron a reçu à Paris la ministre haïtienne des Affaires étrangères. "
    "L'ONU et la Croix-Rouge ont salué la rencontre."
)
ENGLISH = "President Joe Biden met Emmanuel Macron in Paris, the White House said."


def _mixed() -> list[Article]:
    return [
        Article(id="fr1", text=FRENCH, language="fr", published="2024-05-14"),
        Article(id="en1", text=ENGLISH, published="2024-05-14"),
        Article(id="fr2", text=FRENCH, language="fr", published="2024-05-14"),
    ]


def _names(article: Article) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in article.entities}


def test_french_is_configured_by_default() -> None:
    assert Settings().model_for("fr") == "fr_core_news_md"
    assert Settings().model_for("en") == Settings().model


def test_a_model_variable_adds_to_the_default_languages(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSGRAPH_MODEL_DE", "de_core_news_sm")
    settings = Settings.from_env()
    assert settings.model_for("de") == "de_core_news_sm"
    assert settings.model_for("fr") == "fr_core_news_md"


def test_a_mixed_batch_reads_each_language_with_its_pipeline(pipeline: Pipeline) -> None:
    fr1, en1, fr2 = pipeline.analyse_batch(_mixed())
    assert ("Emmanuel Macron", "PERSON") in _names(fr1) and ("Paris", "GPE") in _names(fr1)
    assert ("Joe Biden", "PERSON") in _names(en1)
    assert _names(fr1) == _names(fr2) and not fr1.warnings
    french = pipeline.for_language("fr")
    assert french is pipeline.for_language("fr")  # built once, kept
    assert french.nlp.lang == "fr" and french.words.language == "fr"


def test_a_language_without_a_pipeline_is_kept_with_a_note(settings: Settings) -> None:
    pipeline = Pipeline(replace(settings, models=()))
    (article,) = pipeline.analyse_batch([Article(id="fr", text=FRENCH, language="fr")])
    assert not article.entities
    assert any("no spaCy pipeline configured for language 'fr'" in w for w in article.warnings)


def test_worker_processes_read_french_too(settings: Settings) -> None:
    done = list(Pipeline(settings).run(_mixed(), workers=2))
    assert [a.id for a in done] == ["fr1", "en1", "fr2"]
    assert ("Emmanuel Macron", "PERSON") in _names(done[0])
    assert ("Emmanuel Macron", "PERSON") in _names(done[2])


def _french_times(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    article = Article(id="fr", text=text, language="fr", published="2024-05-14")
    return [(t.text, t.value) for t in pipeline.analyse(article).times]


def test_french_dates_read_french_months_and_day_words(pipeline: Pipeline) -> None:
    found = _french_times(
        pipeline, "Le sommet, prévu le 1er avril 2020, a eu lieu hier soir et reprendra demain."
    )
    assert found == [
        ("1er avril 2020", "2020-04-01"),
        ("hier soir", "2024-05-13TEV"),
        ("demain", "2024-05-15"),
    ]


def test_french_relative_dates_in_french_word_order(pipeline: Pipeline) -> None:
    found = _french_times(
        pipeline,
        "Il y a deux jours, la ministre l'a dit. La semaine dernière aussi, et l'an prochain.",
    )
    assert found == [
        ("Il y a deux jours", "2024-05-12"),
        ("La semaine dernière", "2024-W19"),
        ("l'an prochain", "2025"),
    ]


def test_a_french_weekday_before_its_date_is_one_expression(pipeline: Pipeline) -> None:
    found = _french_times(pipeline, "L'assemblée s'est réunie le mardi 10 septembre 2019.")
    assert found == [("mardi 10 septembre 2019", "2019-09-10")]


def test_french_institutions_are_organisations_and_the_state_no_name(pipeline: Pipeline) -> None:
    text = (
        "Le parquet de Brest a ouvert une enquête. Les élèves du lycée Paul Bert ont été reçus "
        "au rectorat de Créteil. Le chef de l'État n'a rien dit."
    )
    (article,) = pipeline.analyse_batch([Article(id="fr", text=text, language="fr")])
    names = _names(article)
    assert {("parquet de Brest", "ORG"), ("rectorat de Créteil", "ORG")} <= names
    assert ("lycée Paul Bert", "ORG") in names
    assert not any(name in ("État", "Brest", "Créteil", "Paul Bert") for name, _ in names)


def test_french_titles_take_de_la_and_give_a_titled_person(pipeline: Pipeline) -> None:
    text = (
        "Selon le journal, le ministre de l'Intérieur Gérald Darmanin a reçu mardi la ministre de "
        "la Culture. Le ministre des Armées Florence Parly a visité Toulon. Jean Dupont fut "
        "ministre de la Cohésion des territoires pendant un an."
    )
    (article,) = pipeline.analyse_batch([Article(id="fr", text=text, language="fr")])
    titles = {e.name: e.titles for e in article.entities if e.type == "PERSON"}
    assert titles["Gérald Darmanin"] == ["ministre de l'Intérieur"]
    assert titles["Florence Parly"] == ["ministre des Armées"]
    assert not any("Culture" in e.name or "Cohésion" in e.name for e in article.entities)
