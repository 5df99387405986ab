"""The figures package: counts, amounts, money and percentages with what they count.

Stage 'figures' (``stage.run``) reads the spaCy doc and writes ``Article.figures``; ``numbers``
turns number words and digits into values; ``words`` reads the word tables of
``resources/figures/`` and builds the figure pattern from them.
"""

from __future__ import annotations

from newsgraph.stages.figures.stage import run

__all__ = ["run"]
