"""What a reader yields instead of an Article when an input cannot be used."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Rejected:
    """An input that was not ingested, with the reason in one line."""

    origin: str
    reason: str

    def __post_init__(self) -> None:
        self.reason = " ".join(self.reason.split())  # one line, whatever the error said
