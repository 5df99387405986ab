"""The FastAPI application: the JSON API under /api and the web pages, served by one process.

The app only parses requests, calls the library (``kb.queries``, the store, the pipeline) and
formats answers; no logic of the knowledge base lives here. Everything it serves works offline:
templates and static files ship inside the package, the graph library is vendored.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import NewsgraphError, NotFound, StoreError
from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.store.base import Store
from newsgraph.web.urls import article_url, entity_url

if TYPE_CHECKING:
    from newsgraph.pipeline import Pipeline

WEB_DIR = Path(__file__).resolve().parent
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


@dataclass
class AppState:
    """What every request shares: where the store is, the settings, and the pipeline once built."""

    db_path: Path
    settings: Settings
    pipeline_lock: threading.Lock = field(default_factory=threading.Lock)
    store_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Pipeline | None = None
    _store: Store | None = None

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


def create_app(db_path: Path, settings: Settings) -> FastAPI:
    """The API and the web interface over the store at ``db_path``."""
    app_state = AppState(Path(db_path), settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app_state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsgraph",
        summary="A knowledge base of who said and did what, built from news articles.",
        version="0.1.0",
        docs_url=None,  # Swagger UI and ReDoc load scripts from CDNs; /openapi.json is enough
        redoc_url=None,
    )
    app.state.newsgraph = app_state
    app.state.templates = template_environment()
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")

    from newsgraph.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    _add_security_headers(app)
    return app


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


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _add_error_handlers(app: FastAPI) -> None:
    """Library errors become clear 4xx/5xx answers: JSON under /api, a page elsewhere."""

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, _without_paths(request, str(exc)))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return _error(request, 503, _without_paths(request, f"the store cannot be read: {exc}"))

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in exc.errors()
        )
        return _error(request, 422, f"bad parameters: {problems}")


def _add_security_headers(app: FastAPI) -> None:
    """Pages may run only the app's own scripts: defence in depth behind the escaping."""

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def _without_paths(request: Request, message: str) -> str:
    """Messages name "the store", never the server's file paths."""
    return message.replace(str(state(request).db_path), "the store")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    from newsgraph.web.pages import render

    return render(request, "error.html", {"status": status, "message": message}, status)
