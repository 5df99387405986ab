"""Who said it: the speaker mention next to a cue, and the entity that mention names."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Article, Entity
from newsgraph.stages.quote_words import QuoteWords

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERITING_DEPS = ("advcl", "conj", "xcomp", "ccomp", "parataxis")
OBJECT_DEPS = ("dobj", "attr", "npadvmod", "dep", "appos", "oprd")
NAME_POS = ("PROPN", "NOUN", "PRON")
RELATIVE_PRONOUNS = ("who", "that", "which")
PHRASE_DEPS = ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case")
NOT_SPEAKER_ENTS = ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")


@dataclass
class SpeakerMention:
    """The words naming a speaker, as a character span."""

    text: str
    start: int
    end: int
    head: str  # the lower-cased head word: 'he', 'official', 'dupuy'


def speaker_token(cue: Token, words: QuoteWords) -> Token | None:
    """The word naming who speaks through ``cue``: its subject, else a nearby noun."""
    if cue.lower_ == "according":
        return next((t for to in cue.children for t in to.children if t.dep_ == "pobj"), None)
    subject = _subject(cue)
    if subject is None and cue.dep_ in INHERITING_DEPS and cue.head is not cue:
        subject = _subject(cue.head)  # "..., adding that ..." speaks through the head
    if subject is not None:  # "who" in "Smith, who said": the entity link goes to Smith
        return subject
    return _noun_after(cue, words) or _subject_before(cue)


def _subject_before(cue: Token) -> Token | None:
    """A broken parse ("X shared the news, writing ..."): the nearest subject before the cue."""
    sent_start = cue.sent.start
    for tok in reversed(list(cue.doc[max(sent_start, cue.i - 20) : cue.i])):
        if tok.dep_ in SUBJECT_DEPS and tok.pos_ in NAME_POS:
            return tok
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _noun_after(cue: Token, words: QuoteWords) -> Token | None:
    """Inverted attribution ("added the official"): the first name or noun right after."""
    for child in cue.rights:
        if child.dep_ in OBJECT_DEPS and _may_name(child, words) and child.i - cue.i <= 4:
            return child
    for tok in cue.doc[cue.i + 1 : cue.i + 4]:
        if _may_name(tok, words):
            return tok
        if tok.is_punct:
            break
    return None


def _may_name(tok: Token, words: QuoteWords) -> bool:
    """A word that can name a speaker: a noun or pronoun, not a date or a number."""
    return (
        tok.pos_ in NAME_POS
        and tok.lower_ not in words.ignored_heads
        and tok.ent_type_ not in NOT_SPEAKER_ENTS
    )


def mention_of(token: Token, entity_spans: dict[int, Span]) -> Span:
    """The noun phrase up to the speaker's head word (titles included), else its entity."""
    ent = entity_spans.get(token.i)
    start = token.i
    for child in reversed(list(token.lefts)):  # nearest modifier first; stop at a gap
        if child.dep_ not in PHRASE_DEPS or child.right_edge.i < start - 1:
            break
        start = child.left_edge.i
    if ent is not None:
        start = min(start, ent.start)
    return token.doc[start : max(token.i + 1, ent.end if ent is not None else 0)]


def entity_map(doc: Doc) -> dict[int, Span]:
    """Token index -> the named entity span it belongs to, built once per document."""
    return {t.i: ent for ent in doc.ents for t in ent}


class SpeakerResolver:
    """Links speaker mentions to entities: by overlap, by pronoun, or by title."""

    def __init__(self, article: Article, words: QuoteWords, quoted: list[tuple[int, int]]):
        self.article = article
        self.words = words
        people = [e for e in article.entities if e.type in words.person_types]
        groups = [e for e in article.entities if e.type in words.group_types]
        self.people = _mentions_outside(people, quoted)
        self.groups = _mentions_outside(groups, quoted)
        self.people_starts = [m[0] for m in self.people]
        self.group_starts = [m[0] for m in self.groups]

    def resolve(self, mention: SpeakerMention) -> str | None:
        """The id of the entity this mention names, or None when nothing fits."""
        direct = self.article.entity_at(mention.start, mention.end)
        if direct is not None and mention.head not in self.words.pronouns:
            if (
                direct.type in self.words.person_types
                or mention.head not in self.words.person_nouns
            ):
                return direct.id
            # "the Togolese minister": the name only modifies a description of a person
            described = self._apposed(mention) or self._titled(mention, nearest_fallback=False)
            return described or direct.id
        if mention.head in self.words.person_pronouns:
            return self._nearest(self.people, self.people_starts, mention.start)
        if mention.head in self.words.group_pronouns:
            return self._nearest(self.groups, self.group_starts, mention.start)
        titled = self._titled(mention)
        if titled is not None:
            return titled
        return None

    def _apposed(self, mention: SpeakerMention) -> str | None:
        """The person named right after a description: "Benin's Foreign Minister, Rosine X"."""
        i = bisect_left(self.people_starts, mention.end)
        if i < len(self.people):
            start, ent = self.people[i]
            if self.article.text[mention.end : start].strip() in (",", ""):
                return ent.id
        return None

    def _nearest(
        self, mentions: list[tuple[int, Entity]], starts: list[int], at: int
    ) -> str | None:
        i = bisect_left(starts, at)
        return mentions[i - 1][1].id if i > 0 else None

    def _titled(self, mention: SpeakerMention, nearest_fallback: bool = True) -> str | None:
        """A description ("the minister"): the person whose title has that word, nearest first."""
        i = bisect_left(self.people_starts, mention.start)
        before = [e for _, e in reversed(self.people[:i])]
        for ent in before:
            if any(mention.head in title.lower().split() for title in ent.titles):
                return ent.id
        if nearest_fallback and before and mention.head in self.words.person_nouns:
            if _plural_of_person_noun(mention.head, self.words.person_nouns):
                return None  # "officials said": a group, not the last person named
            return before[0].id  # no title matched: the nearest person before
        return None


def _plural_of_person_noun(word: str, nouns: frozenset[str]) -> bool:
    """'officials', 'spokesmen', 'deputies': a plural of a person noun."""
    return (
        (word.endswith("s") and word[:-1] in nouns)
        or (word.endswith("ies") and word[:-3] + "y" in nouns)
        or (word.endswith("men") and word[:-3] + "man" in nouns)
    )


def _mentions_outside(
    entities: list[Entity], quoted: list[tuple[int, int]]
) -> list[tuple[int, Entity]]:
    """Mentions sorted by offset, leaving out those inside quoted words (not speakers)."""
    found = [
        (m.start, e)
        for e in entities
        for m in e.mentions
        if not any(a <= m.start < b for a, b in quoted)
    ]
    return sorted(found, key=lambda pair: pair[0])
