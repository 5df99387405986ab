"""Bounded resources: long bodies in sections, a time budget per document, worker restarts."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from spacy.tokens import Doc

import newsgraph.pipeline as pipeline_module
from newsgraph.model import Article, Figure
from newsgraph.pipeline import Pipeline, _char_groups
from newsgraph.sections import section_spans
from newsgraph.settings import Settings

PARAGRAPH = (
    "Kenya sent 400 police officers to Haiti on Tuesday, President William Ruto said. "
    '"We will restore order," Ruto told reporters in Nairobi.'
)
LONG_BODY = "\n\n".join([PARAGRAPH] * 6)


def test_sections_end_at_paragraph_breaks_and_cover_the_text() -> None:
    text = "one two.\n\nthree four.\n\nfive six."
    spans = section_spans(text, 15)
    assert [text[s:e] for s, e in spans] == ["one two.\n\n", "three four.\n\n", "five six."]


def test_a_section_without_any_break_is_cut_at_the_limit() -> None:
    assert section_spans("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_texts_are_parsed_in_groups_of_at_most_max_chars() -> None:
    articles = [Article(id=str(n), text="a" * size) for n, size in enumerate([40, 50, 30, 90])]
    groups = [[a.id for a in group] for group in _char_groups(articles, 100)]
    assert groups == [["0", "1"], ["2"], ["3"]]


@pytest.fixture(scope="module")
def sectioned() -> Article:
    small = Pipeline(Settings(max_chars=len(PARAGRAPH) + 2))
    return small.analyse(Article(id="long", text=LONG_BODY, published="2024-07-01"))


def test_a_body_longer_than_max_chars_is_analysed_in_sections(sectioned: Article) -> None:
    assert sectioned.warnings[0].startswith(
        f"body of {len(LONG_BODY):,} characters is longer than max_chars="
    )
    assert "analysed in 6 sections" in sectioned.warnings[0]


def test_section_offsets_point_into_the_whole_body(sectioned: Article) -> None:
    mentions = [m for e in sectioned.entities for m in e.mentions]
    assert all(LONG_BODY[m.start : m.end] == m.text for m in mentions)
    assert all(LONG_BODY[f.start : f.end] == f.text for f in sectioned.figures)
    assert all(LONG_BODY[t.start : t.end] == t.text for t in sectioned.times)
    assert max(m.start for m in mentions) > len(LONG_BODY) - len(PARAGRAPH)


def test_an_entity_named_in_every_section_is_one_entity(sectioned: Article) -> None:
    kenya = [e for e in sectioned.entities if e.name == "Kenya"]
    assert len(kenya) == 1 and len(kenya[0].mentions) == 6


def test_merged_ids_are_renumbered_and_every_reference_resolves(sectioned: Article) -> None:
    ids = [e.id for e in sectioned.entities]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
    speakers = {sectioned.entity(q.speaker).name for q in sectioned.quotes}  # type: ignore[union-attr]
    assert len(sectioned.quotes) >= 6 and speakers == {"William Ruto"}
    refs = {r for ev in sectioned.events for r in (ev.actor, ev.target, ev.place) if r}
    assert refs <= set(ids)


class StageClock:
    """A monotonic clock that only the slow stage moves, so parsing time on a loaded machine
    never counts against the budget (the tests check the policy, not the machine)."""

    now = 0.0

    @classmethod
    def monotonic(cls) -> float:
        return cls.now


@pytest.fixture
def stage_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    StageClock.now = 0.0
    monkeypatch.setattr(pipeline_module, "time", SimpleNamespace(monotonic=StageClock.monotonic))


def slow_stage(article: Article, doc: Doc, settings: Settings, words: object) -> None:
    StageClock.now += 0.05


def marking_stage(article: Article, doc: Doc, settings: Settings, words: object) -> None:
    """Leaves a figure on the first word, so a test sees which texts got this far."""
    article.figures.append(Figure(text=article.text[:5], start=0, end=5, value=None))


@pytest.mark.usefixtures("stage_clock")
def test_stages_after_the_time_budget_are_skipped_and_earlier_facts_kept() -> None:
    pipeline = Pipeline(Settings(time_budget=0.03))
    pipeline.stages = [("mark", marking_stage), ("slow", slow_stage), ("last", marking_stage)]
    article = pipeline.analyse(Article(id="a", text=PARAGRAPH))
    assert len(article.figures) == 1
    assert article.warnings[0].startswith("time budget of 0.03 s used up after")
    assert article.warnings[0].endswith("stage(s) last skipped")


@pytest.mark.usefixtures("stage_clock")
def test_sections_after_the_time_budget_are_not_analysed() -> None:
    pipeline = Pipeline(Settings(time_budget=0.03, max_chars=len(PARAGRAPH) + 2))
    pipeline.stages = [("mark", marking_stage), ("slow", slow_stage)]
    article = pipeline.analyse(Article(id="a", text=LONG_BODY))
    assert [f.start for f in article.figures] == [0]
    skipped = f"sections 2-6 (characters {len(PARAGRAPH) + 2:,}-{len(LONG_BODY):,}) not analysed"
    assert any(w.endswith(skipped) for w in article.warnings)


def stories(n: int) -> list[Article]:
    return [Article(id=str(i), text=f"Story number {i} is here.") for i in range(n)]


def test_workers_replaced_after_each_batch_keep_order_and_lose_nothing() -> None:
    settings = Settings(workers=2, batch_size=1, worker_max_docs=1)
    assert [a.id for a in Pipeline(settings).run(stories(6))] == [str(i) for i in range(6)]


def test_a_worker_above_the_rss_ceiling_gets_the_pool_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pools: list[object] = []
    new_pool = pipeline_module._new_pool

    def counting(*args: object) -> object:
        pools.append(new_pool(*args))  # type: ignore[arg-type]
        return pools[-1]

    monkeypatch.setattr(pipeline_module, "_new_pool", counting)
    settings = Settings(workers=2, batch_size=2, worker_max_rss_mb=0)
    assert [a.id for a in Pipeline(settings).run(stories(7))] == [str(i) for i in range(7)]
    assert len(pools) >= 2


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", "5000")
    monkeypatch.setenv("NEWSGRAPH_TIME_BUDGET", "2.5")
    settings = Settings.from_env()
    assert (settings.max_chars, settings.time_budget) == (5000, 2.5)
    assert replace(settings, max_chars=7).max_chars == 7
