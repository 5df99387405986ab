"""The FastAPI application: the JSON API under /api and the web pages, served by one process.

The app only parses requests, calls the library (``kb.queries``, the store, the pipeline) and
formats answers; no logic of the knowledge base lives here. Everything it serves works offline:
templates and static files ship inside the package, the graph library is vendored.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.errors import NewsgraphError, NotFound, StoreError
from newsgraph.settings import Settings
from newsgraph.web import api, pages
from newsgraph.web.deps import WEB_DIR, AppState, render, state, template_environment

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def create_app(
    db_path: Path, settings: Settings, token: str | None = None, warm: bool = False
) -> FastAPI:
    """The API and the web interface over the store at ``db_path``.

    Reading is open; every write (ingest, merge, split) needs ``Authorization: Bearer token``,
    and without a ``token`` writing is off altogether: a server is read-only unless told.
    ``warm`` opens the store and loads the known actors at startup, before the first request
    (``serve`` does; tests that never show a profile need not pay for it).
    """
    app_state = AppState(Path(db_path), settings, token or None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            app_state.warm_up()
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

    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    _add_security_headers(app)
    app.add_middleware(HeadAsGet)
    return app


def app_from_env() -> FastAPI:
    """The app for ``uvicorn --factory`` and for each of ``serve --workers N``'s processes:
    the store from NEWSGRAPH_DB (and the other NEWSGRAPH_* settings), the token from
    NEWSGRAPH_TOKEN (writing is off without one)."""
    settings = Settings.from_env()
    token = os.environ.get("NEWSGRAPH_TOKEN") or None
    return create_app(settings.db, settings, token=token, warm=True)


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


SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def _add_security_headers(app: FastAPI) -> None:
    """Pages may run only the app's own scripts: defence in depth behind the escaping."""
    app.add_middleware(SecurityHeaders)


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response that does not set them itself.

    A plain ASGI middleware: ``@app.middleware("http")`` wraps each response in a stream
    and a task, a cost paid on every request under load for three header lines.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class HeadAsGet:
    """HEAD is answered on every GET route: the request runs as a GET and the body is dropped,
    the headers (Content-Length, Content-Type) kept, as HTTP says (RFC 9110, 9.3.2)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {"type": "http.response.body", "body": b"", "more_body": False}
                if sent_end:
                    return
                sent_end.append(True)
            await send(message)

        sent_end: list[bool] = []
        await self.app({**scope, "method": "GET"}, receive, without_body)


def _without_paths(request: Request, message: str) -> str:
    """Messages name "the store", never the server's file paths."""
    return message.replace(str(state(request).db_path), "the store")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, status)
