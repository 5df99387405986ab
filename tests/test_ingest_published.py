"""The publication date from a "Posted"/"Publié le" line or a dateline when metadata has none."""

from __future__ import annotations

from newsgraph.ingest.article import Metadata
from newsgraph.ingest.text import article_from_text
from newsgraph.settings import Settings

BODY = (
    "Le gouvernement a présenté mardi son projet de loi sur les retraites devant les députés, "
    "qui en débattront pendant deux semaines avant un vote solennel prévu à la fin du mois. "
    "Les syndicats appellent à une nouvelle journée de mobilisation dans toute la France."
)
SETTINGS = Settings(min_words=10)


def test_a_french_publication_line_dates_the_article() -> None:
    article = article_from_text(f"Publié le 14 mai 2024 à 10h32\n\n{BODY}", SETTINGS)
    assert article.published == "2024-05-14"
    assert article.meta_sources["published"] == "text-line"


def test_an_english_posted_line_dates_the_article() -> None:
    article = article_from_text(f"Posted on March 3, 2023 by staff\n\n{BODY}", SETTINGS)
    assert article.published == "2023-03-03"  # the cleaner reads English "Posted" lines itself


def test_a_dateline_dates_the_article() -> None:
    article = article_from_text(f"PORT-AU-PRINCE, 1er avril 2020 — {BODY}", SETTINGS)
    assert (article.published, article.meta_sources["published"]) == ("2020-04-01", "dateline")


def test_metadata_wins_over_the_text() -> None:
    text = f"Publié le 14 mai 2024\n\n{BODY}"
    article = article_from_text(text, SETTINGS, meta=Metadata(published="2024-05-15"))
    assert article.published == "2024-05-15"


def test_a_date_in_running_text_is_no_publication_date() -> None:
    article = article_from_text(f"{BODY} Le vote aura lieu le 12 mai 2024.", SETTINGS)
    assert article.published is None
