"""The types the event modules share: a trigger's PLOVER coding and the predicate it heads."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass(frozen=True)
class Coding:
    """What a trigger means in PLOVER: the event type and, when the words fix it, the mode."""

    type: str
    mode: str | None = None


@dataclass
class Predicate:
    """A trigger with its coding (None when it is an event outside PLOVER) and arguments."""

    head: Token  # the token that carries the event (verb or noun)
    start: int  # trigger character span in the text
    end: int
    coding: Coding | None
    actor: Token | None = None
    target: Token | None = None
    clause: Token | None = None  # the verb governing a nominal trigger, or a demand's speaker
    own_cues: bool = True  # False when the trigger's modal belongs to a demand ("must")
