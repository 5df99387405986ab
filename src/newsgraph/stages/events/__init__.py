"""The events package: who did what to whom, when and where, typed with PLOVER.

Stage 'events' (``stage.run``) reads the spaCy doc and ``Article.entities``, ``quotes`` and
``times``, and writes ``Article.events``. ``triggers`` finds predicates and codes them with the
PLOVER lexicon (``plover``), ``arguments`` finds actor, target and place, ``factuality`` says
whether the event happened, is planned, promised or denied; ``predicate`` holds the types they
share.
"""

from __future__ import annotations

from newsgraph.stages.events.stage import run

__all__ = ["run"]
