"""The entities package: who and what an article names, one entity per actor.

Stage 'entities' (``stage.run``) reads the spaCy doc and writes ``Article.entities``: each with
its mentions, type, aliases and ISO 3166-1 country. Stage 'titles' (``titles.run``) runs after
it and adds the titles and affiliations the text states for each person. ``names`` holds the
name lexicons and lookups both use; ``links`` links short forms (surnames, acronyms) to the
full names written in the same article.
"""

from __future__ import annotations

from newsgraph.stages.entities.stage import run

__all__ = ["run"]
