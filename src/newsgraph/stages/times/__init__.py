"""The times package: time expressions normalised to TIMEX3 values.

Stage 'times' (``stage.run``) reads the spaCy doc and ``Article.published`` and writes
``Article.times``. ``rules`` finds candidate spans and normalises each; ``calendars`` holds the
calendar arithmetic (weeks, quarters, seasons, holidays) the rules use; ``words`` reads the word
tables of ``resources/times/`` the rules are built from.
"""

from __future__ import annotations

from newsgraph.stages.times.stage import run

__all__ = ["run"]
