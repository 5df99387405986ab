"""What more than one stage reads: shared word lists with their loaders, no stage logic.

``speech`` gives the speech verbs that cue a quote (quotes) and show a name speaks as a person
(entities), so that neither stage package imports the other.
"""

from __future__ import annotations
