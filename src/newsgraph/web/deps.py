"""What the routes share: the application state, the store dependency and page rendering.

``app``, ``api`` and ``pages`` all import from here, so none of them imports another.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool

from newsgraph.kb import queries
from newsgraph.kb.known_actors import load_known_actors
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.store.base import EntityProfile, Store
from newsgraph.web.cache import StoreCache
from newsgraph.web.charts import cooccurrence_graph
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
    cache: StoreCache = field(default_factory=StoreCache)
    _pipeline: Pipeline | None = None
    _store: Store | None = None
    _words: WordLists | None = None
    _words_lock: threading.Lock = field(default_factory=threading.Lock)

    def words(self) -> WordLists:
        """The word lists profiles read, with the known-actor table (about 1 s to read) loaded
        once: concurrent first profiles wait for one load instead of each making their own."""
        with self._words_lock:
            if self._words is None:
                words = WordLists(self.settings.language)
                words.get(load_known_actors)
                self._words = words
            return self._words

    def warm_up(self) -> None:
        """Open the store and load the known actors before the first request, so that no
        visitor waits for them (``serve`` calls it at startup)."""
        self.store()
        self.words()

    def entity_profile(
        self, store: Store, kb_id: str, mark: Hashable | None = None
    ) -> EntityProfile:
        """The entity's profile, read once per change of the store (see ``web.cache``); pass
        the ``mark`` when the caller caches more under the same one."""
        return self.cache.get(
            ("profile", kb_id),
            store.change_mark() if mark is None else mark,
            lambda: queries.entity_profile(store, kb_id, words=self.words()),
        )

    def entity_graph(
        self, store: Store, kb_id: str, mark: Hashable | None = None
    ) -> dict[str, Any]:
        """The entity's co-occurrence graph (Cytoscape elements), cached like its profile."""
        mark = store.change_mark() if mark is None else mark
        profile = self.entity_profile(store, kb_id, mark)
        return self.cache.get(("graph", kb_id), mark, lambda: cooccurrence_graph(store, profile))

    def store(self) -> Store:
        """The app's one store, opened on first use; it serialises its own access across threads."""
        with self.store_lock:
            if self._store is None:
                from newsgraph.api import open_store

                self._store = open_store(self.db_path)
            return self._store

    def open_store(self) -> Store | None:
        """The store if it is open already, without waiting for anything."""
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
        auto_reload=False,  # templates ship in the package: no file check on every render
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


async def store_dependency(request: Request) -> Store:
    """The store, for route dependencies: on the event loop once it is open (a sync dependency
    costs every request a trip through the thread pool), opened in a thread the first time."""
    app_state = state(request)
    store = app_state.open_store()
    if store is None:
        store = await run_in_threadpool(app_state.store)
    return store


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """One page from its template; the header's search box keeps the current query."""
    env = request.app.state.templates
    page = env.get_template(template).render(request=request, q=context.pop("q", ""), **context)
    return HTMLResponse(page, status_code=status)
