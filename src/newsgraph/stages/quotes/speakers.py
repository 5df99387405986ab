"""Who said it: the speaker mention next to a cue, and the entity that mention names."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Article, Entity
from newsgraph.stages.quotes.words import QuoteWords

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERITING_DEPS = ("advcl", "conj", "xcomp", "ccomp", "parataxis")
NON_FINITE_TAGS = ("VBG", "VB")  # 'announcing', 'by saying', 'going on to say'
CLIMB_DEPS = (*INHERITING_DEPS, "acl", "pcomp", "prep", "pobj", "advmod")
CLIMB_LIMIT = 4  # heads climbed from a subjectless participle to the clause that has a subject
OBJECT_DEPS = ("dobj", "attr", "npadvmod", "dep", "appos", "oprd")
NAME_POS = ("PROPN", "NOUN", "PRON")
RELATIVE_PRONOUNS = ("who", "that", "which")
PHRASE_DEPS = ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case")
NOT_SPEAKER_ENTS = ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")
PRONOUN_WINDOW = 25  # tokens after a name searched for a pronoun that refers back to it
HONORIFIC_WEIGHT = 3  # 'Ms. Lee' outweighs a pronoun the parse may have misread
TITLE_WEIGHT = 2
GENDER_MARGIN = 2  # one gender needs more than twice the other's evidence
NAME_HEAD_LINKS = ("of", "for", "on", "in")  # 'Ministry OF Defence': the head comes before
WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


@dataclass
class SpeakerMention:
    """The words naming a speaker, as a character span."""

    text: str
    start: int
    end: int
    head: str  # the lower-cased head word: 'he', 'official', 'dupuy'


def speaker_token(cue: Token, words: QuoteWords, holds_view: bool = False) -> Token | None:
    """The word naming who speaks through ``cue``: its subject, else a nearby noun.

    ``holds_view``: the cue is a belief or a state, not speech or an evaluation, so in the
    passive its subject holds the view ('Not everyone is convinced', 'senators are split on'),
    where a passive speech cue names the hearer ('He was asked') and an evaluation its target
    ('Ekpo is accused of')."""
    if cue.lower_ == "according":
        return _according_to_whom(cue)
    source = _according_to_thing(cue, words)
    if source is not None:  # '"...," Walker said, according to an AP account': the account's
        return source
    if _passive(cue):  # "He was asked ...", "it has been announced": the hearer, or no one
        agent = _agent(cue)
        return _subject(cue) if agent is None and holds_view else agent
    subject = _subject(cue)
    if subject is None and cue.dep_ in INHERITING_DEPS and cue.head is not cue:
        subject = _subject(_reporting_head(cue, words))  # "..., adding that ...": the head's
    if subject is None and cue.tag_ in NON_FINITE_TAGS:
        subject = _clause_subject(cue)
    if subject is not None:  # "who" in "Smith, who said": the entity link goes to Smith
        return subject
    if cue.lemma_.lower() in words.hearer_verbs:
        return _name_before(cue) or _subject_before(cue)  # '"...," shop owner X, told AP'
    return _noun_after(cue, words) or _subject_before(cue)


def _according_to_thing(cue: Token, words: QuoteWords) -> Token | None:
    """A document or poll the whole report rests on: 'X said ..., according to a transcript'.

    PolNeAR's source of such a sentence is the thing cited, not the person quoted through it;
    a person ('according to officials') or a name ('according to Reuters') is left alone.
    """
    for tok in cue.sent:
        if tok.lower_ != "according" or tok is cue:
            continue
        thing = _according_to_whom(tok)
        if thing is not None and thing.pos_ == "NOUN" and not _names_person(thing, words):
            return thing
    return None


def _according_to_whom(according: Token) -> Token | None:
    """The object of 'according to': 'according to OFFICIALS', 'according to a TRANSCRIPT'."""
    return next((t for to in according.children for t in to.children if t.dep_ == "pobj"), None)


def _names_person(tok: Token, words: QuoteWords) -> bool:
    return tok.lemma_.lower() in words.person_nouns or tok.lower_ in words.person_nouns


def _clause_subject(cue: Token) -> Token | None:
    """The subject of the clause a subjectless participle hangs in, a few heads up.

    'she said at a news conference announcing ...' (acl, prep), 'Obama responded by saying ...'
    (pcomp, prep), 'Sanders said, going on to say ...' (xcomp, advcl): the one who speaks is the
    first subject met climbing the heads; a climb leaving the attached words finds none.
    """
    tok = cue
    for _ in range(CLIMB_LIMIT):
        if tok.dep_ not in CLIMB_DEPS or tok.head is tok:
            return None
        tok = tok.head
        subject = _subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return subject
    return None


def _name_before(cue: Token) -> Token | None:
    """The name or noun right before a cue, past commas: who told, when nothing is its subject."""
    for tok in reversed(list(cue.doc[max(cue.sent.start, cue.i - 3) : cue.i])):
        if tok.pos_ in NAME_POS and not tok.is_quote:
            return tok
        if not tok.is_punct:
            return None
    return None


def _reporting_head(cue: Token, words: QuoteWords) -> Token:
    """The verb a participle cue speaks through, never one inside what was reported.

    'He said Lee had lied, adding ...': 'adding' hangs on 'lied', the reported clause, but the
    one adding is the subject of 'said'.
    """
    head = cue.head
    reported = cue.tag_ == "VBG" and head.dep_ == "ccomp" and head.head is not head
    return head.head if reported and head.head.lemma_.lower() in words.speech_verbs else head


def _subject_before(cue: Token) -> Token | None:
    """A broken parse ("X shared the news, writing ..."): the nearest subject before the cue."""
    sent_start = cue.sent.start
    for tok in reversed(list(cue.doc[max(sent_start, cue.i - 20) : cue.i])):
        if tok.dep_ in SUBJECT_DEPS and tok.pos_ in NAME_POS:
            return tok
    return None


def _passive(verb: Token) -> bool:
    """A passive verb ('was told', 'has been announced'): its subject is not who spoke."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _agent(verb: Token) -> Token | None:
    """The 'by' phrase of a passive verb ('was told by the minister'): the speaker."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


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

    def __init__(
        self, article: Article, doc: Doc, words: QuoteWords, quoted: list[tuple[int, int]]
    ):
        self.article = article
        self.words = words
        people = [e for e in article.entities if e.type in words.person_types]
        groups = [e for e in article.entities if e.type in words.group_types]
        if article.dateline is not None:  # where the story was filed names no speaker
            quoted = [*quoted, (article.dateline.start, article.dateline.end)]
        self.outlets = {e.id for e in article.entities if self._outlet(e)}
        people = [e for e in people if e.id not in self.outlets or e.name not in words.outlets]
        groups = [e for e in groups if e.id not in self.outlets]  # 'they' is never the paper
        self.people = _mentions_outside(people, quoted)
        self.groups = _mentions_outside(groups, quoted)
        self.people_starts = [m[0] for m in self.people]
        self.group_starts = [m[0] for m in self.groups]
        self.genders = person_genders(doc, self.people, words)

    def resolve(self, mention: SpeakerMention) -> str | None:
        """The id of the entity this mention names, or None when nothing fits."""
        dateline = self.article.dateline
        if dateline is not None and dateline.start <= mention.start < dateline.end:
            return None
        at_head = self._at_head(mention)
        direct = at_head or self.article.entity_at(mention.start, mention.end)
        if direct is not None and at_head is None and mention.head not in self.words.pronouns:
            # "Radio 1's controller, Andy Parfitt": the name only describes who speaks
            apposed = self._apposed(mention)
            if apposed is not None:
                return apposed
            if direct.id in self.outlets and mention.head not in self.words.outlet_nouns:
                return None  # 'a BBC spokesman': an outlet speaks only in its own name
        if direct is not None and mention.head not in self.words.pronouns:
            if direct.type in self.words.person_types:
                return direct.id
            if mention.head not in self.words.person_nouns:
                if name_head(direct.name) == mention.head:
                    return direct.id
                # "the Nigerian navy": the demonym only modifies the organisation described
                return self._described_group(mention) or direct.id
            # "the Togolese minister": the name only modifies a description of a person
            described = self._apposed(mention) or self._titled(mention, nearest_fallback=False)
            return described or direct.id
        if mention.head in self.words.person_pronouns:
            gender = self.words.pronoun_genders.get(mention.head)
            return self._nearest_person(mention.start, gender)
        if mention.head in self.words.group_pronouns:
            return self._nearest(self.groups, self.group_starts, mention.start)
        titled = self._titled(mention)
        if titled is not None:
            return titled
        return self._described_group(mention) or self._by_surname(mention)

    def _outlet(self, entity: Entity) -> bool:
        return entity.type in ("ORG", "PERSON") and self.words.is_outlet(
            entity.name, self.article.source
        )

    def _at_head(self, mention: SpeakerMention) -> Entity | None:
        """The entity named by the phrase's last word, its head ("Navy chief Ifeoma OKAFOR")."""
        start = mention.end - len(mention.head)
        if not mention.head or self.article.text[start : mention.end].lower() != mention.head:
            return None
        return self.article.entity_at(start, mention.end)

    def person_at(self, start: int, end: int) -> Entity | None:
        """The person with a mention overlapping [start, end), if any."""
        found = self.article.entity_at(start, end)
        return found if found is not None and found.type in self.words.person_types else None

    def _described_group(self, mention: SpeakerMention) -> str | None:
        """ "the navy": the organisation or place named last before whose head noun it is."""
        if not mention.text.lower().startswith("the ") or mention.head in self.words.person_nouns:
            return None
        i = bisect_left(self.group_starts, mention.start)
        for _, ent in reversed(self.groups[:i]):
            if ent.type not in self.words.person_types and name_head(ent.name) == mention.head:
                return ent.id
        return None

    def _by_surname(self, mention: SpeakerMention) -> str | None:
        """ "Okafor told reporters" with no entity for "Okafor": the person named so before."""
        if not mention.text.split()[-1][:1].isupper():
            return None  # a name, not a common noun
        i = bisect_left(self.people_starts, mention.start)
        for _, ent in reversed(self.people[:i]):
            words = ent.name.split()
            if len(words) > 1 and words[-1].lower() == mention.head:
                return ent.id
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

    def _nearest_person(self, at: int, gender: str | None) -> str | None:
        """The nearest person before ``at`` whose gender is unknown or agrees ('she': no man)."""
        i = bisect_left(self.people_starts, at)
        for _, ent in reversed(self.people[:i]):
            if gender is None or self.genders.get(ent.id, gender) == gender:
                return ent.id
        return None

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
            # no title matched: the nearest person before ('the spokeswoman': no man)
            gender = self.words.noun_genders.get(mention.head)
            return self._nearest_person(mention.start, gender)
        return None


def name_head(name: str) -> str:
    """The head noun of a name: 'navy' in 'Nigerian Navy', 'ministry' in 'Ministry of Defence'."""
    words = name.lower().split()
    for k, word in enumerate(words):
        if k > 0 and word in NAME_HEAD_LINKS:
            return words[k - 1]
    return words[-1] if words else ""


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
    """Mentions sorted by offset, leaving out those inside quoted words or the dateline."""
    found = [
        (m.start, e)
        for e in entities
        for m in e.mentions
        if not any(a <= m.start < b for a, b in quoted)
    ]
    return sorted(found, key=lambda pair: pair[0])


def person_genders(doc: Doc, people: list[tuple[int, Entity]], words: QuoteWords) -> dict[str, str]:
    """Each person's grammatical gender ('m'/'f') as the article states it, when it is clear.

    Evidence: an honorific before a mention ('Ms. Lee'), a gendered title ('spokeswoman'), and
    the first pronoun after a subject mention that can refer back to it ('Lee said her ...', not
    the object in 'Lee praised her'), unless another person is named in between.
    """
    votes: dict[str, Counter[str]] = {}
    for ent in {e.id: e for _, e in people}.values():
        for title in ent.titles:
            for noun, gender in words.noun_genders.items():
                if re.search(rf"\b{re.escape(noun)}\b", title.lower()):
                    votes.setdefault(ent.id, Counter())[gender] += TITLE_WEIGHT
    starts = [t.idx for t in doc]
    text = doc.text
    shared = _shared_name_words(people)
    for k, (start, ent) in enumerate(people):
        tally = votes.setdefault(ent.id, Counter())
        end = _mention_end(ent, start)
        if text[start:end] in shared:
            continue  # 'Trump' for Ivanka or Donald Trump: the mention may be the other one's
        before = WORD_BEFORE.search(text, max(0, start - 12), start)
        if before is not None and before.group(1).lower() in words.honorific_genders:
            tally[words.honorific_genders[before.group(1).lower()]] += HONORIFIC_WEIGHT
        others = (s for s, e in people[k + 1 :] if e.id != ent.id)
        limit = next(others, len(text))
        pronoun = _pronoun_after(doc, starts, end, limit, words)
        if pronoun is not None:
            tally[pronoun] += 1
    found: dict[str, str] = {}
    for eid, tally in votes.items():
        (first, n), *rest = tally.most_common() or [("", 0)]
        if n > 0 and (not rest or n > GENDER_MARGIN * rest[0][1]):
            found[eid] = first
    return found


def _shared_name_words(people: list[tuple[int, Entity]]) -> set[str]:
    """Words in the names of two or more people (a family name): mentions that may be either."""
    owners: dict[str, set[str]] = {}
    for _, ent in people:
        for word in ent.name.split():
            owners.setdefault(word, set()).add(ent.id)
    return {word for word, ids in owners.items() if len(ids) > 1}


def _mention_end(ent: Entity, start: int) -> int:
    return next((m.end for m in ent.mentions if m.start == start), start)


def _pronoun_after(
    doc: Doc, starts: list[int], end: int, limit: int, words: QuoteWords
) -> str | None:
    """The gender of the first pronoun after a subject name that refers back to it ('X said he')."""
    i = bisect_left(starts, end)
    if i == 0 or i >= len(doc) or doc[i - 1].dep_ not in SUBJECT_DEPS:
        return None  # only a subject's pronoun refers back: not in 'Lee's aide said he'
    for tok in doc[i : min(doc[i].sent.end, i + PRONOUN_WINDOW)]:
        if tok.idx >= limit or tok.is_quote or "\n" in tok.text:
            return None  # another person, a quotation, a new paragraph: the pronoun may not be hers
        if tok.tag_ in ("NN", "NNP") and (
            tok.lower_ in words.person_nouns or tok.lower_ in words.noun_genders
        ):
            return None  # 'X met the minister and his ...'
        gender = words.pronoun_genders.get(tok.lower_)
        if gender is not None:
            refers_back = (
                tok.tag_ == "PRP$" or tok.dep_ in SUBJECT_DEPS or tok.lower_[-4:] == "self"
            )
            return gender if refers_back else None
    return None
