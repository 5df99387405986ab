"""The PLOVER trigger lexicon: words and phrases -> event type and mode, read from data."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsgraph.errors import NewsgraphError
from newsgraph.stages.events.predicate import Coding

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
LEXICON_FILE = "plover_lexicon.tsv"


@dataclass
class Lexicon:
    """Trigger tables by kind, plus the per-type mode cues in priority order."""

    verbs: dict[str, Coding] = field(default_factory=dict)  # "call for" -> REQUEST
    nouns: dict[str, Coding] = field(default_factory=dict)  # "hunger strike" -> PROTEST
    pairs: dict[tuple[str, str], Coding] = field(default_factory=dict)  # (impose, curfew)
    cues: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # type -> [(word, mode)]
    longest_noun: int = 1

    def mode_from_words(self, event_type: str, lemmas: set[str]) -> str | None:
        """The first cue of this type found among the words around a trigger."""
        for word, mode in self.cues.get(event_type, []):
            if word in lemmas:
                return mode
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon, parsed once per process (it never changes at run time)."""
    text = resources.files("newsgraph").joinpath("resources", LEXICON_FILE).read_text("utf-8")
    return parse_lexicon(text)


def parse_lexicon(text: str) -> Lexicon:
    """Build a Lexicon from the TSV text: kind, trigger, type, optional mode."""
    lex = Lexicon()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 3 or cols[2] not in PLOVER_TYPES:
            raise NewsgraphError(
                f"{LEXICON_FILE} line {number}: expected 'kind<TAB>trigger<TAB>PLOVER type"
                f"[<TAB>mode]', got {line!r}"
            )
        kind, trigger, event_type = cols[0], cols[1].lower(), cols[2]
        mode = cols[3] if len(cols) > 3 and cols[3] else None
        _add_entry(lex, kind, trigger, Coding(event_type, mode), number)
    return lex


def _add_entry(lex: Lexicon, kind: str, trigger: str, coding: Coding, number: int) -> None:
    if kind == "verb":
        lex.verbs[trigger] = coding
    elif kind == "noun":
        lex.nouns[trigger] = coding
        lex.longest_noun = max(lex.longest_noun, len(trigger.split()))
    elif kind == "pair" and ">" in trigger:
        verb, obj = trigger.split(">", 1)
        lex.pairs[(verb, obj)] = coding
    elif kind == "cue" and coding.mode:
        lex.cues.setdefault(coding.type, []).append((trigger, coding.mode))
    else:
        raise NewsgraphError(f"{LEXICON_FILE} line {number}: unknown kind {kind!r}")
