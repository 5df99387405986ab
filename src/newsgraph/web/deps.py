"""What the routes share: the application state, the store dependency and page rendering.

``app``, ``api`` and ``pages`` all import from here, so none of them imports another.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.store.base import Store
from newsgraph.web.urls import article_url, entity_url
from newsgraph.wordlists import WordLists

if TYPE_CHECKING:
    from newsgraph.pipeline import Pipeline

WEB_DIR = Path(__file__).resolve().parent


@dataclass
class AppState:
    """What every request shares: where the store is, the settings, and the pipeline once built."""

    db_path: Path
    settings: Settings
    token: str | None = None  # writes (ingest, merge, split) need it; None turns writing off
    pipeline_lock: threading.Lock = field(default_factory=threading.Lock)
    store_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Pipeline | None = None
    _store: Store | None = None
    _words: WordLists | None = None

    def words(self) -> WordLists:
        """The word lists profiles read (known actors), loaded on first use and then shared."""
        with self.store_lock:
            if self._words is None:
                self._words = WordLists(self.settings.language)
            return self._words

    def store(self) -> Store:
        """The app's one store, opened on first use; it serialises its own access across threads."""
        with self.store_lock:
            if self._store is None:
                from newsgraph.store import open_store

                self._store = open_store(self.db_path)
            return self._store

    def close(self) -> None:
        """Close the store when the server stops."""
        with self.store_lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def use_pipeline(self, pipeline: Pipeline) -> None:
        """Reuse a pipeline that is already loaded (tests, or a CLI that built one)."""
        self._pipeline = pipeline

    def analyse(self, articles: list[Article]) -> list[Article]:
        """Run the pipeline, one request at a time: spaCy models are not shared between threads."""
        with self.pipeline_lock:
            if self._pipeline is None:  # loaded on the first ingest: reading never needs spaCy
                from newsgraph.pipeline import Pipeline

                self._pipeline = Pipeline(self.settings)
            return self._pipeline.analyse_batch(articles)


def template_environment() -> Environment:
    """Jinja2 with autoescaping on for every template: article text is never trusted."""
    env = Environment(
        loader=FileSystemLoader(WEB_DIR / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(article_url=article_url, entity_url=entity_url)
    return env


def state(request: Request) -> AppState:
    """The app's shared state, for route dependencies."""
    app_state: AppState = request.app.state.newsgraph
    return app_state


def store_dependency(request: Request) -> Store:
    """The store, for route dependencies."""
    return state(request).store()


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """One page from its template; the header's search box keeps the current query."""
    env = request.app.state.templates
    page = env.get_template(template).render(request=request, q=context.pop("q", ""), **context)
    return HTMLResponse(page, status_code=status)
