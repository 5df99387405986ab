"""What a reader yields instead of an Article when an input cannot be used."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.ingest.unicode import escape_surrogates

MAX_REASON_CHARS = 500  # a reason is one line a person reads, not a dump of the input


@dataclass
class Rejected:
    """An input that was not ingested, with the reason in one line."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        reason = " ".join(self.reason.split())  # one line, whatever the error said
        if len(reason) > MAX_REASON_CHARS:
            reason = reason[:MAX_REASON_CHARS] + "…"
        # both are printed and stored: lone surrogates (from names or JSON) become escapes
        self.reason = escape_surrogates(reason)
        self.origin = escape_surrogates(self.origin)
