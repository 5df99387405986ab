"""The PLOVER trigger lexicon: words and phrases -> event type and mode, read from data; and
the type families the rules recode between (PLOVER's structure, not vocabulary)."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.errors import NewsgraphError
from newsgraph.stages.events.cameo import CameoVerbs, build_cameo_verbs
from newsgraph.stages.events.predicate import Coding
from newsgraph.wordlists import WordLists

LEXICON_FILE = "events/plover_lexicon.tsv"
TYPES_FILE = "events/plover_types.txt"
EVENT_NOUNS_FILE = "events/event_nouns.txt"
PERSON_NOUNS_FILE = "events/person_nouns.txt"
ACT_NOUNS_FILE = "events/act_nouns.txt"
HARMLESS_NOUNS_FILE = "events/harmless_nouns.txt"
WIN_VERBS_FILE = "events/win_verbs.txt"

# Types whose mode is the content of the act, often told in its complement clause.
CONTENT_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT"})
# PLOVER type families: cooperation reversed or refused, conflict threatened.
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
CONFLICT_TYPES = frozenset({"PROTEST", "COERCE", "SANCTION", "ASSAULT", "THREATEN", "MOBILIZE"})
# What a planned or hypothetical conflict event threatens, as a THREATEN mode.
THREAT_MODES: dict[tuple[str, str | None], str | None] = {
    ("ASSAULT", None): "violence",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "deport"): "expel",
    ("COERCE", None): "restrict",
    ("SANCTION", "expel"): "expel",
    ("SANCTION", "withdraw"): "relations",
    ("SANCTION", None): "restrict",
    ("PROTEST", None): "restrict",
}
THREAT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})


@dataclass
class Lexicon:
    """Trigger tables by kind, plus the per-type mode cues in priority order."""

    verbs: dict[str, Coding] = field(default_factory=dict)  # "call for" -> REQUEST
    nouns: dict[str, Coding] = field(default_factory=dict)  # "hunger strike" -> PROTEST
    pairs: dict[tuple[str, str], Coding] = field(default_factory=dict)  # (impose, curfew)
    cues: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # type -> [(word, mode)]
    longest_noun: int = 1
    cameo: CameoVerbs = field(default_factory=CameoVerbs)  # PETRARCH2's verb patterns
    event_nouns: frozenset[str] = frozenset()  # nouns naming an event, PLOVER or not
    person_nouns: frozenset[str] = frozenset()  # nouns naming a person (WordNet noun.person)
    act_nouns: frozenset[str] = frozenset()  # nouns naming an act or message (WordNet)
    harmless_nouns: frozenset[str] = frozenset()  # animals and messages (WordNet)
    win_verbs: frozenset[str] = frozenset()  # verbs whose usual sense is a win (WordNet)

    def mode_from_words(self, event_type: str, lemmas: set[str]) -> str | None:
        """The first cue of this type found among the words around a trigger."""
        for word, mode in self.cues.get(event_type, []):
            if word in lemmas:
                return mode
        return None


def build_lexicon(words: WordLists) -> Lexicon:
    """The packaged lexicon, parsed once per loader (``words.get(build_lexicon)``)."""
    lexicon = parse_lexicon(words.text(LEXICON_FILE), frozenset(words.lines(TYPES_FILE)))
    lexicon.cameo = build_cameo_verbs(words)
    lexicon.event_nouns = frozenset(words.lines(EVENT_NOUNS_FILE))
    lexicon.person_nouns = frozenset(words.lines(PERSON_NOUNS_FILE))
    lexicon.act_nouns = frozenset(words.lines(ACT_NOUNS_FILE))
    lexicon.harmless_nouns = frozenset(words.lines(HARMLESS_NOUNS_FILE))
    lexicon.win_verbs = frozenset(words.lines(WIN_VERBS_FILE))
    return lexicon


def parse_lexicon(text: str, types: frozenset[str]) -> Lexicon:
    """Build a Lexicon from the TSV text: kind, trigger, type (one of ``types``), optional mode."""
    lex = Lexicon()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 3 or cols[2] not in types:
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
