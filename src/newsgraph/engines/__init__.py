"""How a batch runs: ``local`` (this process and its worker processes, the default) or ``ray``
(Ray Data over an actor pool, on this machine or a cluster).

An engine turns inputs into outcomes, in input order: an analysed ``Article``, a ``Rejected``
(one line naming the input, as the readers word it), or a ``Known`` input whose content hash
the store already holds. ``api.ingest`` stores the outcomes the same way whichever engine ran.
Nothing here imports Ray: only ``engines.ray`` does, and only when it is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.ingest.rejected import Rejected
from newsgraph.model import Article

ENGINES = ("local", "ray")


@dataclass
class Known:
    """An input not analysed because an article with its content hash is stored already."""

    origin: str
    article_id: str


Outcome = Article | Rejected | Known

__all__ = ["ENGINES", "Known", "Outcome"]
