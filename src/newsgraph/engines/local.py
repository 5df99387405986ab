"""The local engine: the NLP in this process or in ``settings.workers`` worker processes.

This is the path ``newsgraph ingest`` always took (``Pipeline.run``: batches, the worker pool,
the per-document error policy and memory bounds); it reads no store and imports no Ray.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings


class LocalEngine:
    """Analyses a stream of articles in order, on this machine."""

    name = "local"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def analyse(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Every article with its facts, in input order."""
        return Pipeline(self.settings).run(articles, workers=self.settings.workers)
