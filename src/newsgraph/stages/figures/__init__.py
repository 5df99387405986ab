"""The figures package: counts, amounts, money and percentages with what they count.

Stage 'figures' (``stage.run``) reads the spaCy doc and writes ``Article.figures``; ``numbers``
turns number words and digits into values.
"""

from __future__ import annotations

from newsgraph.stages.figures.stage import run

__all__ = ["run"]
