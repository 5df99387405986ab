"""The HTTP API and the web interface, one FastAPI app: ``create_app(db_path, settings)``."""

from __future__ import annotations

from newsgraph.web.app import create_app

__all__ = ["create_app"]
