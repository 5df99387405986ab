"""Stage 'quotes': who said what, in quotation marks or reported, linked to the speaker entity.

Direct quotes come from the quotation marks (``marks.py``) and take their cue from a
speech verb just after or before the marks; reported speech comes from the parse (the clausal
complement of a speech verb, "according to X"). Speakers are the cue's subject, resolved to an
entity by overlap, pronoun or title (``speakers.py``). Linear in the document length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Article, Mention, Quote
from newsgraph.settings import Settings
from newsgraph.stages.common.dateline import in_dateline, past_dateline
from newsgraph.stages.quotes.cues import CueModel, build_cue_model
from newsgraph.stages.quotes.labels import labelled_lines
from newsgraph.stages.quotes.marks import QuotedSpan, find_quoted_spans
from newsgraph.stages.quotes.speakers import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    SpeakerMention,
    SpeakerResolver,
    entity_map,
    mention_of,
    speaker_token,
)
from newsgraph.stages.quotes.words import QuoteWords, build_quote_words
from newsgraph.wordlists import WordLists

MIN_QUOTE_WORDS = 4  # fewer words with no speech cue: scare quotes, titles, names
MIN_FRAGMENT_WORDS = 6  # fewer words embedded in a clause: a fragment of reported speech
MOSTLY_QUOTED = 0.66  # a clause this much in quotation marks is a direct quote, not mixed
MIN_CLAUSE_WORDS = 3  # shortest reported clause worth keeping
CUE_WINDOW_AFTER = 32  # tokens after a closing mark searched for the cue (long appositions)
CUE_WINDOW_NEARBY = 60  # tokens before an unattributed quote searched for its speaker
CUE_WINDOW_BEFORE = 14  # tokens before an opening mark searched for the cue
TRAILING = " \t\n,;:—–-"
PARAGRAPH_BREAK = re.compile(r"\n\s*")
WORD = re.compile(r"\w")
OPENING_MARKS = "\"“‘'„«"
WHEN_ENTS = ("DATE", "TIME")  # 'commented on Monday': a time, not a topic
NOUN_MODIFIERS = ("amod", "acl", "relcl", "compound", "appos", "nmod")
TITLE_LINKS = ("of", "for", "and", "on", "the", "&")  # 'Minister OF State FOR Health AND ...'


@dataclass
class _Attribution:
    """A cue token and the speaker mention it points to."""

    cue: Token | None
    cue_text: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: SpeakerMention | None
    speaker_id: str | None = None  # the entity the speaker mention names
    kind: str = "speech"  # the cue_kind of its quotes
    to_reader: bool = False  # 'you must be logged in', 'Please note that': said to the reader


@dataclass
class _Direct:
    span: QuotedSpan
    words: int
    embedded: bool
    attribution: _Attribution | None = None
    inherited: bool = False
    cue_elsewhere: bool = False  # speaker from a cue that belongs to another sentence


def run(article: Article, doc: Doc, settings: Settings, words: WordLists) -> None:
    """Fill ``article.quotes`` with direct, mixed and reported quotes and their speakers."""
    cues = words.get(build_quote_words)
    text = article.text
    if not text or len(doc) == 0:
        article.quotes = []
        return
    spans = find_quoted_spans(text)
    resolver = SpeakerResolver(article, doc, cues, [(s.start, s.end) for s in spans])
    finder = _Finder(doc, cues, resolver, article.dateline, words.get(build_cue_model))
    finder.quoted = finder.quoted_tokens(spans)
    directs = [finder.direct(span) for span in spans]
    _inherit_speakers(directs, text, finder)
    for direct in directs:
        if direct.attribution is None and direct.words >= MIN_FRAGMENT_WORDS:
            finder.after_colon(direct)
            if direct.attribution is None:
                finder.nearby(direct)
    quotes = [q for d in directs if (q := _direct_quote(d, text)) is not None]
    reported = finder.reported(text, directs)
    mixed = [(q.start, q.end) for q in reported if q.kind == "mixed"]
    quotes = [q for q in quotes if not any(a <= q.start < b for a, b in mixed)] + reported
    for line in labelled_lines(article, resolver):
        clashing = [q for q in quotes if _overlaps(line.start, line.end, q.start, q.end)]
        if all(_yields_to(q, line) for q in clashing):
            quotes = [q for q in quotes if q not in clashing] + [line]
    article.quotes = sorted(quotes, key=lambda q: q.start)


class _Finder:
    """Cue and speaker search over one parsed document."""

    def __init__(
        self,
        doc: Doc,
        words: QuoteWords,
        resolver: SpeakerResolver,
        dateline: Mention | None,
        model: CueModel,
    ) -> None:
        self.doc = doc
        self.model = model
        self.learned = {  # cues beyond the speech verbs and nouns
            t.i
            for t in doc
            if model.is_cue(t)
            and t.lemma_.lower() not in words.speech_verbs
            and t.lemma_.lower() not in words.speech_nouns
            and t.lower_ != "according"  # a speech cue of its own ('according to X')
        }
        self.dateline = dateline  # where the story was filed: never a speaker or what was said
        self.resolver = resolver
        self.text = doc.text  # built once: Doc.text joins every token on each access
        self.words = words
        self.starts = [t.idx for t in doc]
        self.entity_spans = entity_map(doc)
        self.quoted: set[int] = set()  # token indices inside quotation marks

    def direct(self, span: QuotedSpan) -> _Direct:
        """A quoted span with its attribution, if a cue sits next to it."""
        first = bisect_left(self.starts, span.start)
        last = bisect_left(self.starts, span.end)
        n_words = sum(1 for t in self.doc[first:last] if t.is_alpha or t.like_num)
        embedded = self._embedded(first)
        found = self._cue_after(span) or self._cue_before(span)
        direct = _Direct(span, n_words, embedded, found)
        return direct

    def _inside(self, tok: Token, content: tuple[int, int] | None) -> bool:
        """The token is quoted, or part of the reported content."""
        return tok.i in self.quoted or (content is not None and content[0] <= tok.idx < content[1])

    def _speaker_outside(self, cue: Token, content: tuple[int, int] | None) -> Token | None:
        """The parse put the speaker inside the quote: take the name right next to the cue."""
        before = reversed(list(self.doc[max(0, cue.i - 3) : cue.i]))
        for tok in (*before, *self.doc[cue.i + 1 : cue.i + 4]):
            if tok.is_punct:
                continue
            if not self._inside(tok, content) and tok.pos_ in ("PROPN", "PRON", "NOUN"):
                return tok
        return None

    def nearby(self, direct: _Direct) -> None:
        """A quote with no cue of its own: the speaker of the last cue before it, close by."""
        i = bisect_left(self.starts, direct.span.open_at)
        breaks = 0
        for tok in reversed(self.doc[max(0, i - CUE_WINDOW_NEARBY) : i]):
            if "\n" in tok.text:
                breaks += 1
                if breaks > 1:
                    return
            elif tok.i not in self.quoted and self._is_cue(tok):
                found = self.attribution(tok)
                if found.speaker is not None:
                    direct.attribution, direct.cue_elsewhere = found, True
                return
        self._last_person(direct, i)

    def after_colon(self, direct: _Direct) -> None:
        """A quote opening after a colon with no speech cue ('Jared Potts echoed: ¶ “...”',
        'Article 33 affirms: “...”', 'Pew Research: “...”'): the clause before the colon
        introduces it, so its subject speaks (a bare noun phrase names the source itself)."""
        i = bisect_left(self.starts, direct.span.open_at) - 1
        breaks = 0
        while i >= 0 and (self.doc[i].is_space or self.doc[i].is_quote):
            breaks += "\n" in self.doc[i].text
            i -= 1
        if i < 0 or self.doc[i].text != ":" or breaks > 1 or i in self.quoted:
            return
        root = self.doc[i].head  # the clause the colon closes: 'NBC News HAS proof:'
        if root.dep_ in ("dobj", "attr") and root.head.pos_ == "VERB":
            root = root.head  # 'Hoff's letter MAKES a case:', not the case
        if root.i >= i or root.i in self.quoted:
            return
        if root.pos_ == "VERB":
            found = self.attribution(root)
        elif root.dep_ == "ROOT" and root.pos_ in ("PROPN", "NOUN"):
            span = mention_of(root, self.entity_spans)
            mention = SpeakerMention(span.text, span.start_char, span.end_char, root.lower_)
            found = _Attribution(None, None, None, None, mention, self.resolver.resolve(mention))
        else:
            return
        if found.speaker is not None and not found.to_reader:
            direct.attribution = found

    def cue_between(self, start: int, end: int, own: _Attribution) -> _Attribution | None:
        """The attribution of the last speech cue between two quotes, other than ``own``'s.

        Only a cue whose speaker is named (no pronoun) and is not the previous quote's counts
        ('..., he said, adding' is still that speaker).
        """
        first, last = bisect_right(self.starts, start), bisect_left(self.starts, end)
        for tok in reversed(self.doc[first:last]):
            if tok.i in self.quoted or not self._is_cue(tok):
                continue
            if own.cue is not None and tok.i == own.cue.i:
                return None
            found = self.attribution(tok)
            if found.speaker is None or found.speaker_id is None or self._negated(tok):
                continue  # 'a review of records indicates', 'He did not say'
            if found.speaker.head in self.words.pronouns or found.speaker.head in RELATIVE_PRONOUNS:
                continue  # 'he', 'who' refer back: most often to the speaker already quoted
            return None if found.speaker_id == own.speaker_id else found
        return None

    @staticmethod
    def _negated(verb: Token) -> bool:
        return any(c.dep_ == "neg" for c in verb.children)

    def _last_person(self, direct: _Direct, before: int) -> None:
        """No cue at all: the person named last before the quote, outside quotes, if close."""
        breaks = 0
        for tok in reversed(self.doc[max(0, before - CUE_WINDOW_NEARBY) : before]):
            breaks += "\n" in tok.text
            if breaks > 2:
                return
            ent = self.entity_spans.get(tok.i)
            if ent is not None and ent.label_ == "PERSON" and tok.i not in self.quoted:
                mention = SpeakerMention(ent.text, ent.start_char, ent.end_char, ent[-1].lower_)
                speaker_id = self.resolver.resolve(mention)
                direct.attribution = _Attribution(None, None, None, None, mention, speaker_id)
                direct.cue_elsewhere = True
                return

    def quoted_tokens(self, spans: list[QuotedSpan]) -> set[int]:
        """Indices of the tokens inside quotation marks."""
        inside: set[int] = set()
        for span in spans:
            inside.update(
                range(bisect_left(self.starts, span.start), bisect_left(self.starts, span.end))
            )
        return inside

    def _embedded(self, first: int) -> bool:
        """The quote continues a clause begun before its opening mark ("supporting "...")."""
        if first == 0:
            return False
        before = self.doc[first - 1]
        while before.i > 0 and before.is_quote:
            before = self.doc[before.i - 1]
        sent_start = before.sent.start
        if before.text == "," and self.doc[first].text[:1].islower():
            return True  # "If she wins, he said, “she might ...”": the sentence goes on
        return not (before.is_punct or before.is_space or before.i < sent_start) and not (
            self._is_cue(before)
        )

    def _after_that(self, direct: _Direct) -> bool:
        """ "said that “...”": the reported clause opens with 'that', before the mark."""
        first = bisect_left(self.starts, direct.span.open_at)
        return first > 0 and self.doc[first - 1].lower_ == "that"

    def _cue_after(self, span: QuotedSpan) -> _Attribution | None:
        """ "..., he said" / "...," said X / "...“added the official": a cue right after."""
        i = bisect_right(self.starts, span.close_at)
        full_stop = self.text[span.start : span.end].rstrip().endswith(".")
        crossed = False  # past the end of the quote's sentence
        for tok in self.doc[i : i + CUE_WINDOW_AFTER]:
            if "\n" in tok.text or tok.is_quote or tok.text in (".", ";", "?", "!"):
                return None
            crossed = crossed or (full_stop and bool(tok.is_sent_start))
            if self._is_cue(tok) or self._tagged_as_noun_cue(tok):
                found = self.attribution(tok)
                if crossed and not self._refers_back(found):
                    return None  # '..." Critics have warned that': the next sentence's speaker
                return found
            if tok.pos_ == "VERB" and not _inside_noun_phrase(tok):
                return None  # another clause starts: "...” is what they want"
        return None

    def _refers_back(self, found: _Attribution) -> bool:
        """ "He/She said" opening the next sentence: most often the person just quoted."""
        return found.speaker is not None and found.speaker.head in self.words.person_pronouns

    def _cue_before(self, span: QuotedSpan) -> _Attribution | None:
        """X said: "..." / X told reporters, "...": the nearest cue before, same sentence."""
        i = bisect_left(self.starts, span.open_at)
        crossed_paragraph = False
        for tok in reversed(self.doc[max(0, i - CUE_WINDOW_BEFORE) : i]):
            if "\n" in tok.text:
                if crossed_paragraph or not self._ends_with_colon(tok):
                    return None
                crossed_paragraph = True
                continue
            if tok.is_quote or tok.text in (".", ";", "?", "!"):
                return None
            if self._is_cue(tok):
                return self.attribution(tok)
        return None

    def _tagged_as_noun_cue(self, tok: Token) -> bool:
        """ "...,” Bozell answers.": a speech verb the tagger took for a plural noun."""
        previous = self.doc[tok.i - 1]
        return (
            tok.lemma_.lower() in self.words.speech_verbs
            and tok.tag_ == "NNS"
            and previous.pos_ in ("PROPN", "PRON")
        )

    def _ends_with_colon(self, newline: Token) -> bool:
        return newline.i > 0 and self.doc[newline.i - 1].text.endswith(":")

    def _is_cue(self, tok: Token) -> bool:
        """A speech cue: what quotation marks are attributed through."""
        if tok.lower_ == "according":
            return tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to"
        return tok.lemma_.lower() in self.words.speech_verbs and tok.tag_.startswith("VB")

    def _is_any_cue(self, tok: Token) -> bool:
        """A speech cue, or a verb the learned classifier takes for any attribution cue."""
        return self._is_cue(tok) or (tok.i in self.learned and tok.pos_ == "VERB")

    def _cue_kind(self, cue: Token, head: Token | None) -> str:
        """speech | thought | evaluation | document | other (see ``quotes.cues``)."""
        noun = head is not None and head.pos_ == "NOUN"
        if noun and head.lemma_.lower() in self.model.document_nouns:  # type: ignore[union-attr]
            return "document"  # 'a report said', 'according to the survey'
        if cue.lower_ == "according":
            return "speech"
        lemma = cue.lemma_.lower()
        known = self.model.kind_of(lemma)
        if known is not None:
            return known
        return "speech" if lemma in self.words.speech_verbs else "other"

    def attribution(self, cue: Token, content: tuple[int, int] | None = None) -> _Attribution:
        """The cue's words and the mention of its speaker (never inside what was said)."""
        end_tok = cue
        if cue.lower_ == "according":
            end_tok = self.doc[cue.i + 1]
        else:
            particle = next((c for c in cue.rights if c.dep_ == "prt" and c.i == cue.i + 1), None)
            end_tok = particle or cue
        cue_end = end_tok.idx + len(end_tok.text)
        cue_text = self.text[cue.idx : cue_end]
        if content is not None and content[0] <= cue.idx < content[1]:
            content = None  # "The plan, he said, will fail": the cue sits inside the clause
        if cue.pos_ == "NOUN":  # "Lee's claim", "a Times report": the possessor or the name
            head = next((c for c in cue.lefts if _names_a_source(c)), None)
        else:
            holds_view = cue.lemma_.lower() not in self.words.speech_verbs and (
                self.model.kind_of(cue.lemma_.lower()) != "evaluation"
            )
            head = self._past_dateline(speaker_token(cue, self.words, holds_view))
        if head is not None and self._inside(head, content):
            head = self._speaker_outside(cue, content)
        kind = self._cue_kind(cue, head)
        if _imperative(cue) or (head is not None and head.lower_ in self.words.reader_pronouns):
            return _Attribution(cue, cue_text, cue.idx, cue_end, None, kind=kind, to_reader=True)
        if head is None:
            return _Attribution(cue, cue_text, cue.idx, cue_end, None, kind=kind)
        span = mention_of(head, self.entity_spans)
        mention = SpeakerMention(span.text, span.start_char, span.end_char, head.lower_)
        named = mention  # what the entity link resolves: "Smith" for "Smith, who said"
        holder = self._title_holder(head)
        if holder is not None:  # "AU Commissioner for Peace and Security Amara Diallo"
            end = holder.idx + len(holder.text)
            whole = self.text[span.start_char : end]
            mention = SpeakerMention(whole, span.start_char, end, holder.lower_)
            named = SpeakerMention(holder.text, holder.idx, end, holder.lower_)
        elif head.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
            phrase = mention_of(cue.head, self.entity_spans)
            named = SpeakerMention(phrase.text, phrase.start_char, phrase.end_char, cue.head.lower_)
        speaker_id = self.resolver.resolve(named)
        return _Attribution(cue, cue_text, cue.idx, cue_end, mention, speaker_id, kind)

    def _past_dateline(self, head: Token | None) -> Token | None:
        """The speaker, never the dateline's place: its apposition past the dateline, or the
        verb's other subject there ('LONDON (Reuters) - Donald Trump said': the parse gives
        'said' two subjects, LONDON first)."""
        if head is None or not in_dateline(head, self.dateline):
            return head
        found = past_dateline(head, self.dateline)
        if found is not None or head.head is head:
            return found
        end = self.dateline.end if self.dateline is not None else 0
        siblings = (c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.idx >= end)
        return next(siblings, None)

    def _title_holder(self, head: Token) -> Token | None:
        """The person a title names: its apposition, or the name ending a capitalised title."""
        if head.lower_ not in self.words.person_nouns or self._is_person(head):
            return None
        for child in head.rights:
            if child.dep_ == "appos" and self._is_person(child):
                return child  # "the Minister of Finance, Amara Diallo"
        if not head.is_title:
            return None
        name = None  # "Commissioner for Peace and Security Amara Diallo": the name ends the title
        for tok in self.doc[head.i + 1 : head.right_edge.i + 1]:
            if self._is_person(tok):
                name = tok
            elif name is not None or not (tok.is_title or tok.lower_ in TITLE_LINKS):
                break
        return name if name is not None and _no_conj(name, head) else None

    def _is_person(self, tok: Token) -> bool:
        return self.resolver.person_at(tok.idx, tok.idx + len(tok.text)) is not None

    def reported(self, text: str, directs: list[_Direct]) -> list[Quote]:
        """Reported speech: the clause a speech verb governs, or what 'according to' qualifies."""
        found: list[Quote] = []
        standalone = [d for d in directs if not d.embedded]
        fragments = [d for d in directs if d.embedded]
        taken: list[tuple[int, int]] = [(d.span.start, d.span.end) for d in standalone]
        # speech cues first: a learned cue around them ('dismissed Lee's claim that ...') yields
        for tok in sorted(self.doc, key=lambda t: (t.i in self.learned, t.i)):
            noun_clause = self._noun_content(tok)
            if tok.i in self.quoted or not (self._is_any_cue(tok) or noun_clause):
                continue  # speech reported inside a quotation belongs to that quotation
            clause = noun_clause or self._reported_clause(tok)
            if clause is None:
                continue
            start, end = _trim(text, *self._after_dateline(clause))
            enclosed = [d for d in standalone if _runs_on_after(text, d, start, end)]
            spans = {(d.span.start, d.span.end) for d in enclosed}
            others = [span for span in taken if span not in spans]
            if end <= start or any(_overlaps(start, end, a, b) for a, b in others):
                continue
            inner = [f for f in fragments if start <= f.span.start < end] + enclosed
            after_that = any(self._after_that(d) for d in inner)
            if (
                inner
                and not (after_that or self._cue_first(tok, inner))
                and self._mostly_quoted(inner, start, end)
            ):
                continue  # "The pact “will allow ...,” Thomas said": the direct quote stands
            if inner:  # keep the fragment's closing mark inside the content
                end = max(end, max(f.span.close_at + 1 for f in inner))
            attribution = self.attribution(tok, (start, end))
            if attribution.to_reader:
                continue  # 'Please note that your IP address will be logged': a comment form
            quote = _quote(text, start, end, "mixed" if inner else "indirect", attribution)
            gap = _parenthetical(tok, start, end)
            if gap is not None:  # "The museum, he said, would open": the parts around the cue
                quote.text = _join_around(text, start, end, gap)
            found.append(quote)
            taken.append((start, end))
        return found

    def _cue_first(self, cue: Token, inner: list[_Direct]) -> bool:
        """ "Trump says voter fraud “would be ...”": the cue and the clause's first words come
        before the marks, so the quotation is part of what the cue reports (PolNeAR's content
        opens before the mark). The 'mostly quoted' rule still applies when the cue follows
        ('The pact “will allow ...,” Thomas said'), and to a learned cue whose quoted words
        were never a quote of their own ('watched “The Godfather”')."""
        if cue.idx > min(d.span.open_at for d in inner):
            return False
        return self._is_cue(cue) or any(d.words >= MIN_FRAGMENT_WORDS for d in inner)

    def _after_dateline(self, clause: tuple[int, int]) -> tuple[int, int]:
        """ "BERLIN (Reuters) - Germany will ...": what was said starts after the dateline."""
        if self.dateline is None or not clause[0] < self.dateline.end < clause[1]:
            return clause
        return self.dateline.end, clause[1]

    def _noun_content(self, noun: Token) -> tuple[int, int] | None:
        """ "Lee's claim that the vote was rigged": the 'that' clause of a speech noun."""
        if noun.pos_ != "NOUN" or not (
            noun.lemma_.lower() in self.words.speech_nouns or noun.i in self.learned
        ):
            return None
        for clause in noun.rights:
            if clause.dep_ in ("acl", "ccomp", "relcl") and self._content_clause(clause):
                first, last = clause.left_edge, clause.right_edge
                return first.idx, last.idx + len(last.text)
        return None

    def _content_clause(self, clause: Token) -> bool:
        """ "that the vote was rigged", not the relative "that he made" (its object is the noun)."""
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            return False
        has_object = any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause.children)
        return has_object or clause.lemma_.lower() not in self.words.speech_noun_verbs

    def _mostly_quoted(self, inner: list[_Direct], start: int, end: int) -> bool:
        """Quoted words make up most of the clause (more than MOSTLY_QUOTED of its words)."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        clause_words = sum(1 for t in self.doc[first:last] if t.is_alpha or t.like_num)
        return sum(f.words for f in inner) > MOSTLY_QUOTED * clause_words

    def _reported_clause(self, cue: Token) -> tuple[int, int] | None:
        """Character span of the clause reported through ``cue``."""
        if cue.lower_ == "according":
            return self._according_to(cue)
        comp = self._complement(cue)
        if comp is None and cue.dep_ == "parataxis":
            comp = cue.head  # "The plan, he said, will fail."
            return self._clause_without(comp.sent, cue)
        if comp is None:
            return self._paragraph_after(cue)
        first, last = comp.left_edge, comp.right_edge
        predicate = next((c for c in cue.rights if c.dep_ == "oprd" and c.i > last.i), None)
        if comp.dep_ == "dobj" and predicate is not None:
            last = predicate.right_edge  # "called the charges UNSUBSTANTIATED": what was said
        result = next((c for c in cue.rights if c.dep_ == "prep" and c.i == last.i + 1), None)
        named = comp.dep_ == "dobj" and comp.pos_ in ("PROPN", "PRON")  # not 'signed the deal'
        if named and result is not None and result.lower_ == "with":
            last = result.right_edge  # "a poll showed Clinton WITH A LEAD": what it showed
        if last.i - first.i + 1 < MIN_CLAUSE_WORDS:
            return None
        return first.idx, last.idx + len(last.text)

    def _paragraph_after(self, cue: Token) -> tuple[int, int] | None:
        """ "Limbaugh added:" ending a paragraph: the next one, said without quotation marks."""
        if cue.i + 2 >= len(self.doc) or self.doc[cue.i + 1].text != ":":
            return None
        gap = self.doc[cue.i + 2]
        if not (gap.is_space and "\n" in gap.text) or cue.i + 3 >= len(self.doc):
            return None
        start = self.doc[cue.i + 3].idx
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        if (
            self.text[start] in OPENING_MARKS
            or len(self.text[start:end].split()) < MIN_CLAUSE_WORDS
        ):
            return None  # a quoted paragraph is a direct quote, found from its marks
        return start, end

    def _complement(self, cue: Token) -> Token | None:
        """What was said: a clause (ccomp), else "vowed TO ACT" (xcomp), else "denied THE CLAIM"."""
        if cue.lemma_.lower() in self.words.clause_free_verbs:
            return None  # "will continue to cover": no speech
        by_dep = {c.dep_: c for c in reversed(list(cue.children))}
        if "ccomp" in by_dep:
            return by_dep["ccomp"]
        if "xcomp" in by_dep:
            return by_dep["xcomp"]
        if cue.lemma_.lower() not in self.words.no_object_content and "dobj" in by_dep:
            return by_dep["dobj"]
        topic = by_dep.get("prep")  # "complained about THE TONE", "warned against IT"
        own = self.words.verb_prepositions.get(cue.lemma_.lower(), frozenset())
        if topic is not None and topic.lower_ in self.words.topic_prepositions | own:
            found = next((c for c in topic.children if c.dep_ in ("pobj", "pcomp")), None)
            # "said on Monday": a time, not what was said
            return None if found is None or found.ent_type_ in WHEN_ENTS else found
        return None

    def _according_to(self, cue: Token) -> tuple[int, int] | None:
        """ "According to X, Y." / "Y, according to X.": Y, the larger side of the phrase."""
        sent = cue.sent
        phrase_end = max(t.i for t in cue.subtree) + 1 if cue.dep_ != "ROOT" else cue.i + 2
        before = (sent.start_char, cue.idx)
        after_tok = self.doc[min(phrase_end, sent.end - 1)]
        after = (after_tok.idx, sent.end_char)
        best = max(before, after, key=lambda se: se[1] - se[0])
        return best if best[1] - best[0] > 10 else None

    def _clause_without(self, sent: Span, cue: Token) -> tuple[int, int] | None:
        """The sentence a parenthetical cue ("he said") sits in."""
        if sent.end - sent.start < MIN_CLAUSE_WORDS + 2:
            return None
        last = sent[-1] if sent[-1].text != "." else sent[-2]
        return sent.start_char, last.idx + len(last.text)


def _inside_noun_phrase(verb: Token) -> bool:
    """ "X, one of the states SUING the EPA, said", "RETIRED general X said": a verb that
    modifies a noun (or a capitalised word tagged as a verb) starts no clause of its own."""
    return verb.dep_ in NOUN_MODIFIERS or (verb.is_title and not verb.is_sent_start)


def _imperative(cue: Token) -> bool:
    """ "Please note that ...", "Remember that ...": a bare verb with no subject or auxiliary
    opening its sentence speaks to the reader."""
    if cue.tag_ != "VB" or cue.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children):
        return False
    return all(t.lower_ == "please" or t.is_punct for t in cue.doc[cue.sent.start : cue.i])


def _no_conj(tok: Token, top: Token) -> bool:
    """No conjunct between ``tok`` and ``top`` ('Secretary X and Secretary Y': not one person)."""
    while tok.i != top.i and tok.head is not tok:
        if tok.dep_ == "conj":
            return False
        tok = tok.head
    return True


def _parenthetical(cue: Token, start: int, end: int) -> tuple[int, int] | None:
    """The span of a parenthetical cue with words of the content on both sides, else None."""
    if cue.dep_ != "parataxis":
        return None
    first, last = cue.left_edge, cue.right_edge
    gap = (first.idx, last.idx + len(last.text))
    return gap if start < gap[0] and gap[1] < end else None


def _join_around(text: str, start: int, end: int, gap: tuple[int, int]) -> str:
    """ "The museum ... would open in 2021": the content with its parenthetical cut out."""
    before = text[start : gap[0]].rstrip(TRAILING)
    after = text[gap[1] : end].lstrip(TRAILING)
    return f"{before} ... {after}" if before and after else before or after


def _runs_on_after(text: str, direct: _Direct, start: int, end: int) -> bool:
    """The clause holds the whole quote and goes on after it ('said that “...” in America')."""
    span = direct.span
    ends_early = span.close_at < end and WORD.search(text, span.close_at, end) is not None
    return start <= span.open_at and ends_early


def _names_a_source(modifier: Token) -> bool:
    """The possessor of a speech noun, or the name compounded with it ('a Times report')."""
    return modifier.dep_ == "poss" or (modifier.dep_ == "compound" and modifier.pos_ == "PROPN")


def _direct_quote(direct: _Direct, text: str) -> Quote | None:
    """A Quote for a quoted span, or None for scare quotes, titles and bare fragments."""
    span = direct.span
    if direct.attribution is not None and direct.attribution.to_reader:
        return None  # '"...," you might say': the reader is no source
    if direct.attribution is None and not direct.inherited and direct.words < MIN_QUOTE_WORDS:
        return None
    if direct.embedded and direct.words < MIN_FRAGMENT_WORDS:
        return None  # a fragment: the reported clause around it becomes a 'mixed' quote
    if direct.attribution is None and direct.words < MIN_FRAGMENT_WORDS:
        return None
    start, end = _trim(text, span.start, span.end)
    quote = _quote(text, start, end, "direct", direct.attribution)
    if direct.cue_elsewhere:  # the speaker carries over, the cue belongs to the other quote
        quote.cue = quote.cue_start = quote.cue_end = None
    return quote


def _inherit_speakers(directs: list[_Direct], text: str, finder: _Finder) -> None:
    """A quote with no cue continues the previous speaker: same or next paragraph.

    A speech cue of its own between the two quotes ('X tells Y that ...') names a new speaker.
    """
    previous: _Direct | None = None
    for direct in directs:
        if direct.attribution is None and previous is not None and previous.attribution:
            breaks = len(PARAGRAPH_BREAK.findall(text, previous.span.close_at, direct.span.open_at))
            if breaks <= 1:
                own = previous.attribution
                between = finder.cue_between(previous.span.close_at, direct.span.open_at, own)
                direct.attribution = between or own
                direct.inherited = True
                direct.cue_elsewhere = breaks == 1 or between is not None
        if direct.attribution is not None:
            previous = direct
        elif direct.words >= MIN_QUOTE_WORDS:
            previous = None


def _quote(text: str, start: int, end: int, kind: str, found: _Attribution | None) -> Quote:
    content = text[start:end]
    quote = Quote(text=_strip_continuation_marks(content), start=start, end=end, kind=kind)
    quote.cue_kind = found.kind if found is not None else "speech"  # quoted: said
    if found is not None:
        quote.cue, quote.cue_start, quote.cue_end = found.cue_text, found.cue_start, found.cue_end
        if found.speaker is not None:
            quote.speaker_text = found.speaker.text
            quote.speaker_start, quote.speaker_end = found.speaker.start, found.speaker.end
            quote.speaker = found.speaker_id
    return quote


def _strip_continuation_marks(content: str) -> str:
    """A quote running over paragraphs repeats its opening mark; the content drops it."""
    if "\n" not in content:
        return content
    lines = content.split("\n")
    return "\n".join(ln[1:] if ln[:1] in '“"„«' and ln else ln for ln in lines)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading 'that' and spaces, and the trailing commas a quote carries."""
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    while start < end and text[start] in TRAILING:
        start += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    return start, end


def _yields_to(quote: Quote, line: Quote) -> bool:
    """A quote with no cue, or whose speaker is named inside the line, is the line's words."""
    speaker_at = quote.speaker_start
    return quote.cue is None or (speaker_at is not None and line.start <= speaker_at < line.end)


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """More than half of the shorter span is shared."""
    shared = min(end, other_end) - max(start, other_start)
    return shared > 0.5 * min(end - start, other_end - other_start)
