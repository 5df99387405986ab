"""The extraction stages, registered explicitly in the order they run.

Each stage is ``run(article, doc, settings, words) -> None``: it reads the spaCy ``doc`` of
``article.text`` and what earlier stages put on the article, and fills its own part. ``words``
is the pipeline's ``WordLists``: every word list a stage reads comes from it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from newsgraph.model import Article
from newsgraph.settings import Settings
from newsgraph.stages import entities, events, figures, quotes, times
from newsgraph.stages.entities import titles
from newsgraph.wordlists import WordLists

Stage = Callable[[Article, Doc, Settings, WordLists], None]

# Order matters: titles refine entities, quotes need speakers, events need all of them.
STAGES: dict[str, Stage] = {
    "entities": entities.run,
    "titles": titles.run,
    "quotes": quotes.run,
    "times": times.run,
    "figures": figures.run,
    "events": events.run,
}


def build_stages(settings: Settings) -> list[tuple[str, Stage]]:
    """The stages the settings ask for, in registry order."""
    unknown = set(settings.stages) - STAGES.keys()
    if unknown:
        raise ValueError(f"unknown stage(s) {sorted(unknown)}; choose from {list(STAGES)}")
    return [(name, stage) for name, stage in STAGES.items() if name in settings.stages]
