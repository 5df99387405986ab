"""PETRARCH2's CAMEO verb patterns, converted to PLOVER, matched against the dependency parse.

The patterns come from ``resources/events/cameo_verbs.tsv`` (built by
``scripts/build_cameo_verbs.py``; MIT notice in the file). A pattern names the verb's object and
prepositional phrases ('impose SANCTIONS (ON $)'); the most specific pattern that matches gives
the CAMEO code, else the verb's own code; the conversion table turns it into a PLOVER type and
mode. The target is the slot the pattern marks with '$', else the phrase after a preposition
the pattern names when its object is a thing ('sanctions'), else left to the argument rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.stages.events.predicate import Coding
from newsgraph.wordlists import WordLists

CAMEO_FILE = "events/cameo_verbs.tsv"

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
# Prepositions that introduce the recipient of an act when the pattern names a thing as object.
_RECIPIENT_PREPS = ("on", "against", "to", "with", "from", "for")


@dataclass(frozen=True)
class CameoPattern:
    """One pattern: object words (head last), (preposition, noun) pairs, target slot, code,
    and the verb of its block it was written for ('' for every verb of the block)."""

    obj: tuple[str, ...]
    preps: tuple[tuple[str, str], ...]
    target: str
    code: str
    verb: str = ""

    def fits_verb(self, lemma: str) -> bool:
        return not self.verb or self.verb == lemma

    @property
    def weight(self) -> int:
        return len(self.obj) + sum(1 + bool(noun) for _, noun in self.preps)


@dataclass
class CameoVerbs:
    """Verb lemmas -> their blocks and codes, the blocks' patterns, synsets, code -> PLOVER."""

    blocks: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lemma -> [(b, code)]
    patterns: dict[str, list[CameoPattern]] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    synset_heads: dict[str, frozenset[str]] = field(default_factory=dict)  # last words
    plover: dict[str, Coding] = field(default_factory=dict)


@dataclass
class CameoMatch:
    """A matched verb: its PLOVER coding (None when CAMEO's code has no PLOVER category)."""

    coding: Coding | None
    code: str
    obj: Token | None = None  # the object the pattern named, part of the trigger
    target: Token | None = None
    destination: Token | None = None  # 'come to X', 'fly to X': X, which must be someone/where
    goes_to: bool = False  # the pattern names only a 'to' phrase: a move towards someone


def build_cameo_verbs(words: WordLists) -> CameoVerbs:
    """The packaged patterns, parsed once per loader (``words.get(build_cameo_verbs)``)."""
    return parse_cameo_verbs(words.text(CAMEO_FILE))


def parse_cameo_verbs(text: str) -> CameoVerbs:
    """Read the S/V/P/C rows described in scripts/build_cameo_verbs.py."""
    out = CameoVerbs()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        kind = cols[0]
        if kind == "S":
            out.synsets[cols[1]] = frozenset(p for p in cols[2].split("|") if p)
            out.synset_heads[cols[1]] = frozenset(p.split()[-1] for p in out.synsets[cols[1]])
        elif kind == "V":
            # a verb alone over-codes with a block's default code ('according', 'plans',
            # 'called') or a category's root code ('expect' 030, 'fail' 120): it counts
            # only with a specific code of its own
            code = cols[3] if cols[4] == "own" and not cols[3].endswith("0") else "---"
            out.blocks.setdefault(cols[2], []).append((cols[1], code))
        elif kind == "P":
            preps = tuple((p.split(":", 1)[0], p.split(":", 1)[1]) for p in cols[3].split("|") if p)
            verb = cols[6] if len(cols) > 6 else ""
            pattern = CameoPattern(tuple(cols[2].split()), preps, cols[4], cols[5], verb)
            out.patterns.setdefault(cols[1], []).append(pattern)
        elif kind == "C":
            out.plover[cols[1]] = Coding(cols[2], cols[3] or None)
    return out


def match_verb(verb: Token, cameo: CameoVerbs) -> CameoMatch | None:
    """The most specific pattern of the verb that fits its parse, else the verb's own code."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    for key in [f"{lemma} {p}" for p in particles] + [lemma]:
        blocks = cameo.blocks.get(key)
        if blocks:
            return _best_match(verb, key, blocks, cameo)
    return None


@dataclass
class _Phrase:
    """A noun phrase read once per verb: its head's forms and every form in its subtree."""

    head: set[str]
    around: set[str]

    @classmethod
    def of(cls, token: Token) -> _Phrase:
        return cls(_forms(token), {f for t in token.subtree for f in _forms(t)})


@dataclass
class _Reading:
    """What the patterns of one verb are checked against: its object and prepositions."""

    obj: _Phrase | None
    preps: dict[str, list[_Phrase | None]]  # preposition -> its objects (None: no object)

    @classmethod
    def of(cls, verb: Token, obj: Token | None) -> _Reading:
        preps: dict[str, list[_Phrase | None]] = {}
        for holder in [verb] + ([obj] if obj is not None else []):
            for child in holder.children:
                if child.dep_ in ("prep", "agent", "dative"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    phrase = _Phrase.of(pobj) if pobj is not None else None
                    preps.setdefault(child.lower_, []).append(phrase)
        return cls(_Phrase.of(obj) if obj is not None else None, preps)


def _best_match(
    verb: Token, lemma: str, blocks: list[tuple[str, str]], cameo: CameoVerbs
) -> CameoMatch | None:
    """PETRARCH2 groups synonyms in a block sharing their patterns; a pattern applies to the
    verb it was written for ('conduct operation', not 'lead operation') or, unmarked, to all."""
    obj = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS), None)
    reading = _Reading.of(verb, obj)
    best: tuple[int, CameoPattern] | None = None
    for block, _ in blocks:
        for pattern in cameo.patterns.get(block, []):
            if not pattern.fits_verb(lemma):
                continue
            if (best is None or pattern.weight > best[0]) and _fits(pattern, reading, cameo):
                best = (pattern.weight, pattern)
    if best is None:
        code = blocks[0][1]
        return None if code == "---" else CameoMatch(cameo.plover.get(code), code)
    pattern = best[1]
    named = obj if pattern.obj else None
    goes_to = not pattern.obj and pattern.preps == (("to", ""),)
    return CameoMatch(
        cameo.plover.get(pattern.code),
        pattern.code,
        named,
        _target(pattern, verb, obj),
        _pobj([verb], "to") if goes_to else None,
        goes_to,
    )


def _fits(pattern: CameoPattern, reading: _Reading, cameo: CameoVerbs) -> bool:
    if pattern.obj and (reading.obj is None or not _phrase_fits(pattern.obj, reading.obj, cameo)):
        return False
    return all(_prep_fits(reading, prep, noun, cameo) for prep, noun in pattern.preps)


def _forms(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _phrase_fits(words: tuple[str, ...], phrase: _Phrase, cameo: CameoVerbs) -> bool:
    """The last word (or a synset phrase's last word) is the head; the others in its phrase."""
    last_word = words[-1]
    heads = cameo.synset_heads.get(last_word, frozenset()) if last_word[0] == "&" else {last_word}
    if phrase.head.isdisjoint(heads):
        return False  # most patterns fail here, before their phrases are read
    for i, word in enumerate(words):
        options = cameo.synsets.get(word, frozenset({word})) if word.startswith("&") else {word}
        last = i == len(words) - 1
        if not any(_option_fits(o, phrase, last) for o in options):
            return False
    return True


def _option_fits(option: str, phrase: _Phrase, last: bool) -> bool:
    parts = option.split()
    if last and parts[-1] not in phrase.head:
        return False
    return all(p in phrase.around for p in parts)


def _prep_fits(reading: _Reading, prep: str, noun: str, cameo: CameoVerbs) -> bool:
    """The preposition is there with an object that fits ``noun`` ('' asks only for the
    preposition, '$' and '+' for any object)."""
    objects = reading.preps.get(prep)
    if not objects:
        return False
    if not noun:
        return True
    words = tuple(noun.split())
    return any(
        o is not None and (noun in ("$", "+") or _phrase_fits(words, o, cameo)) for o in objects
    )


def _target(pattern: CameoPattern, verb: Token, obj: Token | None) -> Token | None:
    """The slot the pattern marks, else a recipient phrase when the object is a thing."""
    holders = [verb] + ([obj] if obj is not None else [])
    if pattern.target == "obj":
        return obj
    if pattern.target.startswith("prep:"):
        return _pobj(holders, pattern.target[5:])
    if not pattern.obj:
        return None
    named = [p for p, noun in pattern.preps if not noun or noun == "$"]
    for prep in named + [p for p in _RECIPIENT_PREPS if p not in named]:
        found = _pobj(holders, prep)
        if found is not None:
            return found
    return None


def _pobj(holders: list[Token], prep: str) -> Token | None:
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == prep:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    return pobj  # 'delivered the jet on Tuesday': a date is no recipient
    return None
