"""Runs the stages over articles: batching, worker processes, the per-document error policy.

Policy: a stage that fails on one article leaves a line in ``article.warnings`` and the
article goes on through the other stages; one bad document never stops a batch.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from newsgraph.model import Article
from newsgraph.nlp import load_pipeline
from newsgraph.settings import Settings
from newsgraph.stages import Stage, build_stages
from newsgraph.wordlists import WordLists

log = logging.getLogger(__name__)


class Pipeline:
    """The spaCy pipeline, the word lists and newsgraph's stages, built once and reused."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp = load_pipeline(settings.model)
        self.words = WordLists(settings.language)
        self.stages: list[tuple[str, Stage]] = build_stages(settings)

    def analyse(self, article: Article) -> Article:
        """Extract every fact from one article (in place) and return it."""
        return self.analyse_batch([article])[0]

    def analyse_batch(self, articles: list[Article]) -> list[Article]:
        """Parse a batch with ``nlp.pipe`` and run the stages on each article."""
        texts = [a.text for a in articles]
        try:
            docs = list(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        except Exception:  # one text broke the batch: parse one by one to isolate it
            docs = [self._parse_one(a) for a in articles]
        for article, doc in zip(articles, docs, strict=True):
            self.run_stages(article, doc)
        return articles

    def run_stages(self, article: Article, doc: Doc) -> None:
        for name, stage in self.stages:
            try:
                stage(article, doc, self.settings, self.words)
            except Exception as exc:  # the error policy: note it, keep the article
                log.warning("stage %s failed on %s: %r", name, article.id, exc)
                article.warnings.append(f"stage {name} failed: {type(exc).__name__}: {exc}")

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
        ctx = mp.get_context("fork")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self.settings,)) as pool:
            for done in pool.imap(_analyse_in_worker, chunks):
                yield from done


def _chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline  # one pipeline per worker process, built once
    _worker_pipeline = Pipeline(settings)


def _analyse_in_worker(chunk: list[Article]) -> list[Article]:
    assert _worker_pipeline is not None, "worker started without _init_worker"
    return _worker_pipeline.analyse_batch(chunk)
