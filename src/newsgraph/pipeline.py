"""Runs the stages over articles: batching, worker processes, the per-document error policy.

Policy: a stage that fails on one article leaves a line in ``article.warnings`` and the
article goes on through the other stages; one bad document never stops a batch.

Bounds (docs/reliability.md): spaCy never parses more than ``max_chars`` characters at once
(longer bodies are analysed in sections, shorter ones are grouped up to that total), each
document gets ``time_budget`` seconds, and worker processes are replaced after
``worker_max_docs`` documents or when a batch leaves one above ``worker_max_rss_mb``.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from multiprocessing.context import BaseContext
from multiprocessing.pool import AsyncResult, Pool

from spacy.tokens import Doc

from newsgraph.headline import fold_title, title_article
from newsgraph.model import Article
from newsgraph.nlp import load_pipeline
from newsgraph.sections import merge_into, section_of, section_spans, shift
from newsgraph.settings import Settings
from newsgraph.stages import Stage, build_stages
from newsgraph.wordlists import WordLists

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: keeps them busy without reading ahead


class Pipeline:
    """The spaCy pipeline, the word lists and newsgraph's stages, built once and reused."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.words = WordLists(settings.language)
        labels = tuple((row[0], row[1]) for row in self.words.rows("nlp/entity_labels.tsv"))
        leading = tuple(sorted(self.words.words("nlp/entity_leading_words.txt")))
        self.nlp = load_pipeline(settings.model, labels, leading)
        self.stages: list[tuple[str, Stage]] = build_stages(settings)
        self.other_languages: dict[str, Pipeline] = {}  # issue 12: pipelines of other languages

    def analyse(self, article: Article) -> Article:
        """Extract every fact from one article (in place) and return it."""
        return self.analyse_batch([article])[0]

    def analyse_batch(self, articles: list[Article]) -> list[Article]:
        """Analyse a batch: long bodies section by section, the others parsed together in
        groups of at most ``max_chars`` characters, so memory stays bounded."""
        limit = self.settings.max_chars
        own = self._dispatch_languages(articles)
        for group in _char_groups([a for a in own if len(a.text) <= limit], limit):
            self._analyse_group(group)
        for article in own:
            if len(article.text) > limit:
                self._analyse_in_sections(article)
        return articles

    def _dispatch_languages(self, articles: list[Article]) -> list[Article]:
        """The articles this pipeline's model reads. Those in another language go, as one batch
        per language, to that language's pipeline (``settings.models``, built on first need and
        kept); those in a language without one get a note and their stages skipped."""
        own: list[Article] = []
        other: dict[str, list[Article]] = {}
        for article in articles:
            model = self.settings.model_for(article.language)
            if model == self.settings.model:
                own.append(article)
            elif model is None:
                article.warnings.append(
                    f"nlp: no spaCy pipeline configured for language {article.language!r} (set "
                    f"NEWSGRAPH_MODEL_{article.language.upper()}); stored without entities, "
                    f"quotes, times, figures or events"
                )
            else:
                other.setdefault(article.language, []).append(article)
        for language, batch in other.items():
            self.for_language(language).analyse_batch(batch)
        return own

    def for_language(self, language: str) -> Pipeline:
        """The pipeline of another configured language, built once (lazily) and kept."""
        if language not in self.other_languages:
            model = self.settings.model_for(language)
            if model is None:
                raise ValueError(f"no spaCy pipeline configured for language {language!r}")
            self.other_languages[language] = Pipeline(
                replace(self.settings, model=model, language=language, models=())
            )
        return self.other_languages[language]

    def _analyse_group(self, articles: list[Article]) -> None:
        """Parse bodies and titles with one ``nlp.pipe`` and run the stages on each article as
        its docs come."""
        titles = [title_article(a) for a in articles]
        done = 0
        try:
            texts = (t.text for pair in zip(articles, titles, strict=True) for t in pair if t)
            docs = self.nlp.pipe(texts, batch_size=2 * len(articles))
            for article, part in zip(articles, titles, strict=True):
                doc, title_doc = next(docs), next(docs) if part is not None else None
                self.run_stages(article, doc)
                if part is not None and title_doc is not None:
                    self._analyse_title(article, part, title_doc)
                done += 1
        except Exception:  # one text broke the batch: parse the rest one by one to isolate it
            for article, part in zip(articles[done:], titles[done:], strict=True):
                self.run_stages(article, self._parse_one(article))
                if part is not None:
                    self._analyse_title(article, part, self._parse_one(part))

    def _analyse_title(self, article: Article, part: Article, doc: Doc) -> None:
        """The title's facts, found by the same stages, folded into the article."""
        self.run_stages(part, doc)
        try:
            fold_title(article, part, self.words)
        except Exception as exc:  # the error policy: the body's facts stay
            log.warning("title facts of %s not kept: %r", article.id, exc)
            article.warnings.append(f"title facts not kept: {type(exc).__name__}: {exc}")

    def _analyse_in_sections(self, article: Article) -> None:
        """A body longer than ``max_chars``: parse and analyse one section at a time."""
        started = time.monotonic()
        spans = section_spans(article.text, self.settings.max_chars)
        article.warnings.append(
            f"body of {len(article.text):,} characters is longer than "
            f"max_chars={self.settings.max_chars:,}: analysed in {len(spans)} sections; "
            f"an entity named alike in two sections is one entity"
        )
        parts: list[Article] = []
        for n, (start, end) in enumerate(spans):
            if (elapsed := time.monotonic() - started) > self.settings.time_budget:
                article.warnings.append(
                    f"time budget of {self.settings.time_budget:g} s used up after "
                    f"{elapsed:.1f} s: sections {n + 1}-{len(spans)} (characters "
                    f"{start:,}-{len(article.text):,}) not analysed"
                )
                break
            part = section_of(article, start, end)
            self.run_stages(part, self._parse_one(part), started)
            shift(part, start)
            parts.append(part)
        merge_into(article, parts)
        if (title := title_article(article)) is not None:
            self._analyse_title(article, title, self._parse_one(title))

    def run_stages(self, article: Article, doc: Doc, started: float | None = None) -> bool:
        """Run every stage on one parsed article; False when the time budget (counted from
        ``started``, default now) ran out and later stages were skipped."""
        started = time.monotonic() if started is None else started
        for n, (name, stage) in enumerate(self.stages):
            if (elapsed := time.monotonic() - started) > self.settings.time_budget:
                self._out_of_time(article, elapsed, [s for s, _ in self.stages[n:]])
                return False
            try:
                stage(article, doc, self.settings, self.words)
            except Exception as exc:  # the error policy: note it, keep the article
                log.warning("stage %s failed on %s: %r", name, article.id, exc)
                article.warnings.append(f"stage {name} failed: {type(exc).__name__}: {exc}")
        return True

    def _out_of_time(self, article: Article, elapsed: float, skipped: list[str]) -> None:
        """The article keeps what earlier stages found; the skipped stages are named."""
        budget = self.settings.time_budget
        log.warning("time budget used up on %s; skipped %s", article.id, skipped)
        article.warnings.append(
            f"time budget of {budget:g} s used up after {elapsed:.1f} s: "
            f"stage(s) {', '.join(skipped)} skipped"
        )

    def _parse_one(self, article: Article) -> Doc:
        try:
            return self.nlp(article.text)
        except Exception as exc:
            article.warnings.append(f"spaCy could not parse this text: {exc}")
            return self.nlp.make_doc("")

    def run(self, articles: Iterable[Article], workers: int | None = None) -> Iterator[Article]:
        """Analyse a stream of articles, in order, in ``workers`` processes."""
        workers = workers or self.settings.workers
        chunks = _chunked(articles, self.settings.batch_size)
        if workers <= 1:
            for chunk in chunks:
                yield from self.analyse_batch(chunk)
            return
        yield from _run_in_workers(chunks, self.settings, workers)


def _chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _char_groups(articles: list[Article], limit: int) -> Iterator[list[Article]]:
    """Consecutive groups whose texts add up to at most ``limit`` characters (one text may
    reach it alone): what one ``nlp.pipe`` call holds in memory at once."""
    group: list[Article] = []
    size = 0
    for article in articles:
        if group and size + len(article.text) > limit:
            yield group
            group, size = [], 0
        group.append(article)
        size += len(article.text)
    if group:
        yield group


def _run_in_workers(
    chunks: Iterator[list[Article]], settings: Settings, workers: int
) -> Iterator[Article]:
    """Batches through a pool, results in input order, a few batches in flight at a time.

    A pool whose worker reports an RSS above the ceiling is drained (nothing in flight is lost)
    and replaced by a fresh one; ``maxtasksperchild`` replaces workers after N batches.
    """
    ctx = mp.get_context("fork")
    pending: deque[AsyncResult[tuple[list[Article], float]]] = deque()
    pool = _new_pool(ctx, settings, workers)
    try:
        while True:
            while len(pending) < workers * IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append(pool.apply_async(_analyse_in_worker, (chunk,)))
            if not pending:
                return
            done, rss = pending.popleft().get()
            yield from done
            if rss > settings.worker_max_rss_mb:
                log.info("a worker holds %.0f MB: replacing the worker pool", rss)
                while pending:
                    yield from pending.popleft().get()[0]
                pool.close()
                pool.join()
                pool = _new_pool(ctx, settings, workers)
    finally:
        pool.terminate()


def _new_pool(ctx: BaseContext, settings: Settings, workers: int) -> Pool:
    per_child = max(1, settings.worker_max_docs // max(1, settings.batch_size))
    return ctx.Pool(
        workers, initializer=_init_worker, initargs=(settings,), maxtasksperchild=per_child
    )


def rss_mb() -> float:
    """This process's resident memory now, in MB (0 where /proc is missing)."""
    return _status_mb("VmRSS:")


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (0 where /proc is missing)."""
    return _status_mb("VmHWM:")


def _status_mb(key: str) -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline  # one pipeline per worker process, built once
    _worker_pipeline = Pipeline(settings)


def _analyse_in_worker(chunk: list[Article]) -> tuple[list[Article], float]:
    """One batch analysed in a worker, with the worker's RSS after it."""
    assert _worker_pipeline is not None, "worker started without _init_worker"
    return _worker_pipeline.analyse_batch(chunk), rss_mb()
