"""A small exception hierarchy; every message says what was wrong and what to do."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class for every error newsgraph raises on purpose."""


class RejectedInput(NewsgraphError):
    """An input that is not a usable English news article (empty, binary, too large, ...)."""

    def __init__(self, reason: str, origin: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.origin = origin

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}" if self.origin else self.reason


class ModelNotInstalled(NewsgraphError):
    """The configured spaCy pipeline cannot be loaded."""


class StoreError(NewsgraphError):
    """The store cannot be opened or written (wrong file, newer schema, ...)."""


class NotFound(NewsgraphError):
    """A requested article, entity or record does not exist in the store."""
