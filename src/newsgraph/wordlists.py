"""The one loader of word lists and lexicons: a pipeline owns one, per language.

Word lists are data files under ``resources/<area>/`` (``resources/quotes/cues.json``,
``resources/entities/roles.txt``). A stage asks its pipeline's ``WordLists`` for them, or for a
structure built from them (``words.get(build_quote_words)``), and the loader keeps what it built
for the pipeline's life. Two pipelines with different languages hold different lists; no module
keeps a list of its own.

A language other than English may override any file by placing it under
``resources/lang/<code>/<same path>``; files it does not override are the English ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from newsgraph.errors import NewsgraphError

T = TypeVar("T")
DEFAULT_LANGUAGE = "en"


class WordListMissing(NewsgraphError):
    """A word list named by the code is not in the package's resources."""


class WordLists:
    """Reads ``resources/`` files on first use and keeps each result for this loader's life."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, root: Traversable | None = None) -> None:
        self.language = language
        self.root = root or files("newsgraph").joinpath("resources")
        self._built: dict[Callable[..., Any], Any] = {}
        self._read: dict[tuple[str, str], Any] = {}

    def path(self, name: str) -> Traversable:
        """The file for ``name`` ('quotes/cues.json'): the language's own, else the default."""
        if self.language != DEFAULT_LANGUAGE:
            own = self.root.joinpath("lang", self.language, *name.split("/"))
            if own.is_file():
                return own
        default = self.root.joinpath(*name.split("/"))
        if not default.is_file():
            raise WordListMissing(
                f"word list resources/{name} is missing from the installed package; "
                f"reinstall newsgraph (pip install -e .) or restore the file"
            )
        return default

    def text(self, name: str) -> str:
        """A resource file's whole text."""
        return self._cached("text", name, lambda: self.path(name).read_text(encoding="utf-8"))

    def lines(self, name: str) -> list[str]:
        """The non-blank lines of a text resource that are not '#' comments."""
        return self._cached(
            "lines",
            name,
            lambda: [
                ln.rstrip("\n")
                for ln in self.text(name).splitlines()
                if ln.strip() and not ln.startswith("#")
            ],
        )

    def words(self, name: str, *, lower: bool = True) -> frozenset[str]:
        """A one-entry-per-line list as a set, lowercased unless ``lower`` is False."""
        key = "words" if lower else "Words"
        return self._cached(
            key,
            name,
            lambda: frozenset(w.strip().lower() if lower else w.strip() for w in self.lines(name)),
        )

    def rows(self, name: str) -> list[list[str]]:
        """The tab-separated columns of each line of a table resource."""
        return self._cached("rows", name, lambda: [ln.split("\t") for ln in self.lines(name)])

    def json(self, name: str) -> Any:
        """A JSON resource, parsed."""
        return self._cached("json", name, lambda: json.loads(self.text(name)))

    def get(self, build: Callable[[WordLists], T]) -> T:
        """What ``build`` makes of these lists, built once per loader."""
        if build not in self._built:
            self._built[build] = build(self)
        return self._built[build]

    def _cached(self, kind: str, name: str, read: Callable[[], T]) -> T:
        key = (kind, name)
        if key not in self._read:
            self._read[key] = read()
        return self._read[key]
