"""The quotes package: who said what, direct, indirect or mixed.

Stage 'quotes' (``stage.run``) reads the spaCy doc and ``Article.entities`` and writes
``Article.quotes``: each quotation's span, kind, cue and speaker entity. ``marks`` finds the
quoted spans, ``speakers`` resolves a cue's subject to an entity, ``words`` builds the cues from
the pipeline's ``WordLists``.
"""

from __future__ import annotations

from newsgraph.stages.quotes.stage import run

__all__ = ["run"]
