"""Stage 'entities': spaCy's named entities merged into one entity per actor per article.

On top of ``doc.ents`` this stage trims names ("the", possessives, stray brackets), links
acronyms (defined in parentheses or matching a longer name's initials), aliases ("alias
'Barbecue'"), surnames and short forms of countries to the longest proper form, finds later
mentions of known names that NER missed, repairs types by evidence across the article and
gives places and demonyms their ISO 3166-1 alpha-3 country. Every pass is linear in the
number of tokens or mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Article, Entity, Mention
from newsgraph.settings import Settings
from newsgraph.stages.common.dateline import Dateline, find_dateline
from newsgraph.stages.entities.financial import FINANCIAL, financial_spans
from newsgraph.stages.entities.furniture import (
    build_furniture_words,
    furniture_lines,
    on_furniture,
)
from newsgraph.stages.entities.institutions import (
    Nouns,
    build_institution_nouns,
    institution_start,
)
from newsgraph.stages.entities.links import Candidate, link_names
from newsgraph.stages.entities.names import (
    NUMERIC_LABELS,
    PLACE_LABELS,
    POSSESSIVES,
    QUOTE_CHARS,
    NameLexicons,
    acronym_key,
    build_name_lexicons,
    initials,
    role_of_before,
)
from newsgraph.stages.entities.spans import name_pieces
from newsgraph.wordlists import WordLists

# Weights for the NER vote when no evidence decides: the longest form says more than a bare
# surname, and a country's name leans to GPE.
_CANONICAL_WEIGHT = 3
_COUNTRY_WEIGHT = 2
_PLACE_MISTAKEN_FOR = (
    "PERSON",
    "ORG",
    "NORP",
)  # NER labels a known country or city may wrongly get
_CUE_LABELS = ("PERSON", "GPE", "ORG", "NORP")  # in the order of RawMention's cue fields
_TITLED_WORKS = ("WORK_OF_ART", "EVENT", "LAW")  # 'The Godfather' keeps its 'The'
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})
_APPOSITION_WINDOW = 5  # tokens after 'Name,' searched for the head of an apposition
_PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_PRONOUN_WINDOW = 60  # tokens after a name searched for a he/she that refers to it
# what may follow 'Toulouse, France' for the pair to be a place and its country
_AFTER_PLACE_POS = frozenset({"PUNCT", "CCONJ", "ADP", "VERB", "AUX", "PART", "SPACE"})


@dataclass
class RawMention:
    """One name occurrence: tokens [start, end) of the doc, before grouping."""

    start: int
    end: int
    label: str
    name: str  # the surface form, trimmed
    key: str  # what names are compared by ('U.S.' -> 'US')
    link: str | None = None  # key of the name this one is explicitly defined as
    is_alias: bool = False
    person_cue: bool = False
    place_cue: bool = False
    org_cue: bool = False
    norp_cue: bool = False
    place_prep: bool = False  # 'in Keta': a place unless the article shows a person
    person_act: bool = False  # 'Keta said', 'Keta ... she': what only a person does
    determined: bool = False  # 'the Lib Dems': 'the' determines the name itself


_CONJOINED_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
_SHORTEST_GERUND = 5  # letters: 'Questioning', not 'King' or 'Ming'


def run(article: Article, doc: Doc, settings: Settings, words: WordLists) -> None:
    """Fill ``article.entities`` from the parsed body."""
    lex = words.get(build_name_lexicons)
    raw = [
        m
        for ent in doc.ents
        if ent.label_ not in NUMERIC_LABELS
        for piece in name_pieces(ent, lex)
        if (m := _trim(piece, lex))
    ]
    raw = _with_model_names(doc, raw)
    raw = _resolve_overlaps(raw + _acronyms_in_parentheses(doc, raw) + _aliases(doc, raw, lex))
    raw += _missed_mentions(doc, raw, lex)
    raw += _missed_countries(doc, raw, lex)
    raw = _with_financial(doc, raw, words)
    raw = _with_institutions(doc, raw, words.get(build_institution_nouns))
    dateline = _dateline(doc, raw, lex)
    article.dateline = dateline.mention if dateline is not None else None
    furniture = furniture_lines(doc.text, words.get(build_furniture_words))
    raw = [m for m in raw if not on_furniture(doc[m.start].idx, furniture)]
    _mark_person_acts(doc, raw, lex)
    article.entities = _build_entities(
        doc, raw, link_names([_candidate(m, lex) for m in raw], lex), lex
    )


def _dateline(doc: Doc, raw: list[RawMention], lex: NameLexicons) -> Dateline | None:
    """The body's dateline, its place typed a place (NER types 'RAMALLAH' ORG or misses 'BERLIN')
    and its agency an organisation; None when the words before the dash name no place."""
    found = find_dateline(doc.text)
    if found is None:
        return None
    place = doc.char_span(found.place.start, found.place.end, alignment_mode="expand")
    whole = doc.char_span(found.mention.start, found.mention.end, alignment_mode="expand")
    if place is None or whole is None or not _dateline_place(place, whole, found.capitals, lex):
        return None
    inside = [m for m in raw if whole.start <= m.start < whole.end]
    if not any(m.start < place.end and place.start < m.end for m in inside):
        raw.append(RawMention(place.start, place.end, "GPE", place.text, _key(place)))
        inside.append(raw[-1])
    for m in inside:
        agency = m.start > 0 and doc[m.start - 1].text == "("
        m.org_cue, m.place_cue, m.person_cue = agency, not agency, False
        m.label = "ORG" if agency else "GPE"
    raw.sort(key=lambda m: m.start)
    return found


def _dateline_place(place: Span, whole: Span, capitals: bool, lex: NameLexicons) -> bool:
    """A known place, or one NER saw as a name (any type for capitals, which NER reads badly),
    or in capitals before a known place ('ST CATHERINE, Jamaica')."""
    if lex.is_known_place(place.text) or any(t.ent_type_ in PLACE_LABELS for t in place):
        return True
    if not capitals or len(place.text) <= 2:
        return False
    return any(t.ent_type_ for t in place) or any(lex.is_known_place(t.text) for t in whole)


def _trim(ent: Span, lex: NameLexicons) -> RawMention | None:
    """Drop 'the', possessives, brackets and leading titles; None when no name is left."""
    doc = ent.doc
    start, end = ent.start, ent.end
    keeps_the = ent.label_ in _TITLED_WORKS
    while start < end and (
        (doc[start].lower_ == "the" and not keeps_the)
        or _is_edge_punct(doc[start].text)
        or _leading_junk(doc[start], end, lex)
    ):
        start += 1
    bracket = next((t.i for t in doc[start:end] if t.text == "("), None)
    end = bracket if bracket is not None and bracket > start else end  # 'WHO' is its own name
    while end > start and (doc[end - 1].text in POSSESSIVES or _is_edge_punct(doc[end - 1].text)):
        end -= 1
    titled = start
    start = _name_after_title(doc, start, end, ent.label_, lex) or start
    org_cue = _org_around(doc, start, end, ent.label_, lex)  # 'General Motors Corporation'
    if not org_cue:
        start = _after_leading_title(doc, start, end, ent.label_, lex)
    if start >= end or _only_title(doc, start, end, lex) or _all_titles(ent, start, end, lex):
        return None
    span = doc[start:end]
    if not any(c.isupper() or c.isdigit() for c in span.text):  # 'maras', 'the press department'
        return None  # a model number stays: '747', '787s' typed PRODUCT
    if span.text in lex.common_nouns:  # French "le chef de l'État": the state, no name
        return None
    if ent.label_ != "PERSON" and (
        _opens_title(doc, start, end, lex) or _whole_title(doc, start, end, lex)
    ):
        return None
    return RawMention(
        start=start,
        end=end,
        label=ent.label_,
        name=span.text,
        key=_key(span),
        person_cue=(
            start > titled
            or _person_before(doc, start, end, lex)
            or _role_apposition(doc, start, end, lex)
        )
        and not _org_named(span, lex),
        place_cue=_place_around(doc, start, end, lex),
        org_cue=org_cue,
        norp_cue=lex.is_demonym(span.text) and not lex.country_of_name(span.text),  # not 'Myanmar'
        determined=_the_before(doc[start:end], lex),
        place_prep=_after_place_preposition(doc, start, end, lex)
        or _conjoined_with_place(doc[start:end]),
    )


def _leading_junk(token: Token, end: int, lex: NameLexicons) -> bool:
    """'a White House', 'Questioning Vindman, the lawmakers ...': a lowercase determiner other
    than 'the', or the gerund of a participial phrase opening the sentence (the tagger reads a
    capitalised 'Questioning' as a name), before the name's other words. 'Reading Borough won'
    has no comma after the name and keeps its town."""
    if token.i >= end - 1:
        return False
    if token.pos_ == "DET" and token.text.islower():
        return token.lower_ != "the"  # 'the' is cut above, kept by titled works ('the Iraq war')
    doc = token.doc
    if token.is_sent_start is not True or end >= len(doc) or doc[end].text != ",":
        return False
    gerund = token.lower_.endswith("ing") and len(token.text) > _SHORTEST_GERUND
    return gerund and not lex.is_given_name(token.text)  # 'Irving Berlin, ...' keeps 'Irving'


def _after_leading_title(doc: Doc, start: int, end: int, label: str, lex: NameLexicons) -> int:
    """'Senator John McCain', 'Rear Admiral Ifeoma Okafor', 'Lt. Col. Ada Obi': where the
    name begins after a title NER took into it (an ORG only when two proper nouns remain)."""
    name = _leading_title_end(doc, start, end, lex)
    if label == "PERSON":
        return name
    rest = doc[name:end]
    if (
        label == "ORG"
        and (
            2 <= len(rest) <= 3 or (len(rest) == 1 and _personal_honorifics(doc, start, name, lex))
        )
        and all(_name_word(doc, i, i == name, lex) for i in range(name, end))
    ):
        return name
    return start


def _personal_honorifics(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'Mr', 'Ms', 'Dr' alone before one name word ('Mr Hedge' typed ORG): a person, where a
    role before one word may be an organisation's name ('President Hotel')."""
    return start < end and all(
        t.lower_.rstrip(".") in lex.personal_honorifics or lex.is_abbreviation_dot(doc, t.i)
        for t in doc[start:end]
    )


def _leading_title_end(doc: Doc, start: int, end: int, lex: NameLexicons) -> int:
    """The index after the last role or honorific of the title words opening [start, end)
    ('Rear Admiral', 'Chief Inspector', 'Lt .'), or ``start`` when none opens it."""
    name = start
    modifiers = lex.title_modifiers
    for i in range(start, end - 1):
        token = doc[i]
        if (
            lex.is_honorific(token)
            or lex.is_role(token)
            or (name == i > start and lex.is_abbreviation_dot(doc, i))
        ):
            name = i + 1
        elif token.lower_ not in modifiers or not token.text[:1].isupper():
            break
    return name


def _only_title(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'Air Marshal' before 'Sam Oduya', 'Brig' before '. Gen.': a title NER took for a name."""
    if not (lex.is_honorific(doc[end - 1]) or lex.is_role(doc[end - 1])):
        return False
    if _leading_title_end(doc, start, end + 1, lex) < end:
        return False
    nxt = end + 1 if end < len(doc) and lex.is_abbreviation_dot(doc, end) else end
    return nxt < len(doc) and _capitalised(doc[nxt])


def _all_titles(ent: Span, start: int, end: int, lex: NameLexicons) -> bool:
    """'Ohio's Congresswoman', 'the Bishop said', 'the Cardinal' typed PRODUCT or ORG: a job
    title alone after "the" or a possessive is a common noun, no name. Undetermined it may be
    one (the band 'Athlete', a player 'Bishop' in a team list), and 'The Queen' typed PERSON
    stays: a title that names one person."""
    if ent.label_ == "PERSON" or start == 0:
        return False
    before = ent.doc[start - 1]
    if before.lower_ != "the" and before.tag_ not in ("POS", "PRP$"):
        return False
    return all(lex.is_honorific(t) or lex.is_role(t) for t in ent.doc[start:end])


def _name_after_title(doc: Doc, start: int, end: int, label: str, lex: NameLexicons) -> int | None:
    """Where the person's name begins in 'Minister of Foreign Affairs Jane Doe' or 'AU
    Commissioner for Peace and Security Amara Diallo' when NER took the title into the name.

    NER must have taken part of the title: the role, a portfolio, or a span opening inside the
    title's object. 'CEO of Boeing Commercial Airplanes' and 'chief executive of the National
    Urban League' stay whole, and a span NER saw as a person is cut only when it holds the role
    itself: 'Kwesi Ama Boateng' after 'Minister of Lands' is a three-word name.
    """
    for n in range(start + 1, end - 1):
        if all(_name_word(doc, i, first=i == start, lex=lex) for i in range(start, n)):
            continue
        if not all(_name_word(doc, i, first=i == n, lex=lex, any_tag=True) for i in range(n, end)):
            continue
        head = role_of_before(doc, n, lambda t: _object_word(t, lex), lex)
        if head is None or not all(_title_word(t) for t in doc[start : max(start, head)]):
            continue
        if head >= start or (label != "PERSON" and _inside_title(doc, head, start, n, lex)):
            return n
    return None


def _inside_title(doc: Doc, head: int, start: int, n: int, lex: NameLexicons) -> bool:
    """The span opens inside the object of the title ('for Peace and [Security Amara Diallo')
    or what it would lose is a portfolio ('of [Foreign Affairs Jane Doe')."""
    first = head + 3 if doc[head + 2].lower_ in lex.title_articles else head + 2
    return start > first or any(t.lower_ in lex.portfolios for t in doc[start:n])


def _name_word(doc: Doc, i: int, first: bool, lex: NameLexicons, any_tag: bool = False) -> bool:
    """A word of a person's name: capitalised, not a portfolio, acronym or organisation word.

    ``any_tag`` takes a capitalised word inside an entity span whatever its tag: the French
    tagger reads 'Roman Prymula' after 'ministre de la Santé' as a noun and a pronoun.
    """
    token = doc[i]
    if token.text in ("-", "'") and not first:
        return True
    capitalised = token.text[:1].isupper() if any_tag else _capitalised(token)
    if not capitalised or token.text.isupper() or token.text in lex.org_words:
        return False
    return token.lower_ not in lex.portfolios | lex.title_modifiers | lex.roles


def _title_word(token: Token) -> bool:
    """A word a title with its organisation may open with: 'AU', 'Deputy', '-'."""
    return token.text == "-" or token.text[:1].isupper()


def _opens_title(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'Defence' in 'Defence Minister Edem Adjovi' or 'Political Affairs' in 'Commissioner for
    Political Affairs': a portfolio of the title, not an org."""
    if not all(_portfolio_word(t, lex) for t in doc[start:end]):
        return False
    if end < len(doc) and lex.is_role(doc[end]):
        return True
    i = start - 1  # back over the portfolio words and 'of' ('de la' in French) to the role
    while i > 0 and _portfolio_word(doc[i], lex):
        i -= 1
    return i + 1 < start and doc[i + 1].lower_ in lex.title_prepositions and lex.is_role(doc[i])


def _whole_title(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'ministre de la Santé' typed ORG: a role with its portfolio and no name after it."""
    head = _leading_title_end(doc, start, end, lex)
    if head == start or doc[head].lower_ not in lex.title_prepositions:
        return False
    rest = doc[head:end]
    return any(t.lower_ in lex.portfolios for t in rest) and all(
        _portfolio_word(t, lex) for t in rest
    )


def _portfolio_word(token: Token, lex: NameLexicons) -> bool:
    """A word of a portfolio: 'Foreign Affairs', 'Trade and Industry', French 'Cohésion des
    territoires' (a title preposition inside it, and the article French puts before it)."""
    lowered = token.lower_
    return (
        lowered in lex.portfolios
        or lowered in lex.title_modifiers
        or lowered in ("and", "&")
        or lowered in lex.title_prepositions
        or lowered in lex.portfolio_articles
    )


def _person_before(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """A role or honorific right before the name: 'President Bukele', 'Mr. Smith'."""
    prev = doc[start - 1] if start > 0 else None
    if prev is None or lex.country_of_place(doc[start:end].text):  # 'the leader Kenya': a place
        return False
    if start > 1 and lex.is_abbreviation_dot(doc, start - 1):
        prev = doc[start - 2]  # 'Insp. Ada Obi', tokenised 'Insp' '.'
    if (lex.is_honorific(prev) or lex.is_role(prev)) and prev.lower_ != "general":
        return True
    if _modifies_noun_after(doc[start:end]):
        return False  # 'the director of the VOA Eurasian division'
    return (
        role_of_before(doc, start, lambda t: _object_word(t, lex), lex) is not None
    )  # 'Secretary of State X'


def _modifies_noun_after(span: Span) -> bool:
    """The name premodifies a common noun after it ('Eurasian division'): no person's name."""
    root = span.root
    return (
        root.dep_ in ("compound", "amod") and root.head.i >= span.end and (root.head.pos_ == "NOUN")
    )


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.pos_ == "PROPN"


def _object_word(token: Token, lex: NameLexicons) -> bool:
    """A word of a title's named object: a proper noun, or a capitalised portfolio the tagger
    read as a common noun (French 'ministre de la Santé')."""
    return _capitalised(token) or lex.is_capitalised_portfolio(token)


def _place_around(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'the capital Port-au-Prince', 'the town of Keta', 'Keta, a fishing town', 'Toulouse,
    France': evidence of a place."""
    nouns = lex.place_nouns
    if start > 0 and doc[start - 1].lower_ in nouns:
        return True
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].text in nouns:
        return True
    if _place_apposition(doc, start, end, lex):
        return True
    if end + 1 >= len(doc) or doc[end].text != "," or lex.is_role(doc[start]):
        return False
    country, after = doc[end + 1], doc[end + 2] if end + 2 < len(doc) else None
    if after is not None and after.pos_ not in _AFTER_PLACE_POS:  # 'X, US chief economist'
        return False
    return bool(lex.country_of_name(country.text))


def _after_place_preposition(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'the fishermen in Keta', 'near Keta', 'the beach at Keta', 'Keta in eastern Ghana': where
    a place goes, though a person may too."""
    if end < len(doc) and doc[end].text in POSSESSIVES:
        return False  # 'in Keta's view'
    if _modifies_noun_after(doc[start:end]):
        return False  # 'in Democrat strongholds'
    if end + 1 < len(doc) and doc[end].lower_ == "in" and _known_place_after(doc, end + 1, lex):
        return True
    if start == 0:
        return False
    prep = doc[start - 1]
    return prep.lower_ in _PLACE_PREPOSITIONS or (prep.lower_ == "at" and prep.head.pos_ == "NOUN")


def _the_before(span: Span, lex: NameLexicons) -> bool:
    """'the Lib Dems have said': 'the' right before the name is its own determiner (not that of
    a noun after it, as in 'the Blair government'), which a person's name never takes; a name
    holding a title takes it ('the Queen', 'the Rt Rev Ann Hill')."""
    start = span.start
    return (
        start > 0
        and span.doc[start - 1].lower_ == "the"
        and span.doc[start - 1].head == span.root
        and not any(lex.is_role(t) or lex.is_honorific(t) for t in span)
    )


def _conjoined_with_place(span: Span) -> bool:
    """'Leicester, Somerset and Torbay', 'Heathrow and Gatwick': a name coordinated with a place
    NER typed as one stands where places go, though a person may too."""
    return any(
        not span.start <= c.i < span.end and c.ent_type_ in _CONJOINED_PLACE_LABELS
        for c in span.root.conjuncts
    )


def _known_place_after(doc: Doc, i: int, lex: NameLexicons) -> bool:
    """A known country or place at ``i``, past adjectives ('eastern Ghana')."""
    while i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1
    return i < len(doc) and lex.is_known_place(doc[i].text)


def _mark_person_acts(doc: Doc, raw: list[RawMention], lex: NameLexicons) -> None:
    """Person evidence, looked for only where a name also sits where places go."""
    placed = {m.key for m in raw if m.place_prep}
    persons = _person_tokens(doc, raw)
    for m in raw:
        if m.key in placed:
            m.person_act = _acts_as_person(doc, m, persons, lex)


def _person_tokens(doc: Doc, raw: list[RawMention]) -> list[str | None]:
    """For each token, the key of the person mention covering it (by NER or by a title)."""
    persons: list[str | None] = [None] * len(doc)
    for m in raw:
        if m.label == "PERSON" or m.person_cue:
            persons[m.start : m.end] = [m.key] * (m.end - m.start)
    return persons


def _acts_as_person(doc: Doc, m: RawMention, persons: list[str | None], lex: NameLexicons) -> bool:
    """The name speaks ('Keta said') or a he/she follows it before any other person."""
    return _speaks(doc, m.start, m.end, lex) or _pronoun_after(doc, m, persons)


def _speaks(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    root = doc[start:end].root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in lex.speech_verbs


def _pronoun_after(doc: Doc, m: RawMention, persons: list[str | None]) -> bool:
    """A he/she/his/her after the name, in its sentence or the next, before another person,
    when no other person comes before it in its sentence ('Okafor told reporters in Apapa.
    She added ...': she is Okafor)."""
    sentence = doc[m.start].sent
    if any(key not in (None, m.key) for key in persons[sentence.start : m.start]):
        return False
    stop = doc[m.end].sent.end if m.end < len(doc) else m.end
    if stop < len(doc):
        stop = doc[stop].sent.end  # the rest of this sentence and the next one
    for token in doc[m.end : min(stop, m.end + _PRONOUN_WINDOW)]:
        if token.ent_type_ == "PERSON" or persons[token.i] not in (None, m.key):
            return False
        if token.lower_ in _PERSONAL_PRONOUNS:
            return True
    return False


def _place_apposition(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'Keta, a fishing town on the coast': a place noun in apposition to the name."""
    nouns = lex.place_nouns
    return _apposition_after(doc, start, end, lambda t: t.lemma_.lower() in nouns)


def _role_apposition(doc: Doc, start: int, end: int, lex: NameLexicons) -> bool:
    """'said Amara Diallo, the African Union Commissioner for Peace and Security' or 'the
    chairman of the Bar Council, Guy Mansfield QC': a job title in apposition to the name makes
    it a person whatever NER said."""
    if start > 1 and doc[start - 1].text == ",":
        root = doc[start:end].root  # 'The chairman of the Bar Council, Guy Mansfield QC'
        if root.dep_ == "appos" and root.head.i < start - 1 and lex.is_role(root.head):
            return True
    return _apposition_after(doc, start, end, lex.is_role)


def _apposition_after(doc: Doc, start: int, end: int, fits: Callable[[Token], bool]) -> bool:
    """'Name, <apposition>': whether the head of an apposition to the name right after its
    comma fits."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    return any(
        t.dep_ == "appos" and start <= t.head.i < end and fits(t)
        for t in doc[end + 1 : end + 1 + _APPOSITION_WINDOW]
    )


def _org_named(span: Span, lex: NameLexicons) -> bool:
    """A name ending in an organisation word ('Yeahronimo Media Ventures') is never a person."""
    return len(span) > 1 and span[-1].text in lex.org_words


def _org_around(doc: Doc, start: int, end: int, label: str, lex: NameLexicons) -> bool:
    """'Douglas Aircraft', 'Ryanair CEO', 'magazine Der Spiegel': evidence of an organisation."""
    if _org_named(doc[start:end], lex):
        return True
    if start > 0 and doc[start - 1].lower_ in lex.org_nouns and doc[start - 1].pos_ == "NOUN":
        return True
    if label in ("GPE", "NORP", "LOC") or lex.country_of_name(doc[start:end].text):
        return False
    return end < len(doc) and doc[end].lower_ in lex.org_roles


def _is_edge_punct(text: str) -> bool:
    if not text.strip("`"):
        return True  # '``New GM': a TeX-style opening quote, one backtick per token
    return text in QUOTE_CHARS or text in {"(", ")", "[", "]", ",", ".", "-", "–", ":", ";"}


def _with_model_names(doc: Doc, raw: list[RawMention]) -> list[RawMention]:
    """'Airbus A380', 'Boeing 747', 'Airbus A400M': a maker NER typed ORG right before a model
    number it typed PRODUCT is one product's name, not a mention of the maker."""
    out: list[RawMention] = []
    for m in raw:
        maker = out[-1] if out else None
        if (
            maker is not None
            and maker.label == "ORG"
            and m.label == "PRODUCT"
            and maker.end == m.start
            and any(c.isdigit() for c in m.name)
        ):
            span = doc[maker.start : m.end]
            out[-1] = RawMention(maker.start, m.end, "PRODUCT", span.text, _key(span))
            continue
        out.append(m)
    return out


def _key(span: Span) -> str:
    return " ".join(acronym_key(t.text) for t in span)


def _acronyms_in_parentheses(doc: Doc, raw: list[RawMention]) -> list[RawMention]:
    """'Organization of American States (OAS)': OAS is a name of the same entity."""
    out = []
    for m in raw:
        if m.label == "PERSON" or m.end + 2 >= len(doc):
            continue
        if doc[m.end].text != "(" or doc[m.end + 2].text != ")":
            continue
        token = doc[m.end + 1]
        bare = acronym_key(token.text)
        if _defines_acronym(m, bare):
            out.append(RawMention(m.end + 1, m.end + 2, m.label, token.text, bare, link=m.key))
    return out


def _defines_acronym(m: RawMention, acronym: str) -> bool:
    """'Organization of American States (OAS)', not 'WASHINGTON (AP)' (a dateline's agency)."""
    if not (acronym.isupper() and 2 <= len(acronym) <= 8) or acronym == m.key:
        return False
    words = m.key.split()
    return acronym in initials(words) or (len(words) > 1 and acronym[0] == words[0][0])


def _aliases(doc: Doc, raw: list[RawMention], lex: NameLexicons) -> list[RawMention]:
    """'Jimmy Cherizier, alias "Barbecue"': the alias names the same person."""
    out = []
    for m in raw:
        if m.label != "PERSON":
            continue
        i = m.end + 1 if m.end < len(doc) and doc[m.end].text == "," else m.end
        cue = next((c for c in lex.alias_cues if _matches(doc, i, c)), None)
        if cue is None:
            continue
        span = _alias_span(doc, i + len(cue))
        if span is not None:
            out.append(
                RawMention(
                    span.start, span.end, "PERSON", span.text, _key(span),
                    link=m.key, is_alias=True, person_cue=True,
                )
            )  # fmt: skip
    return out


def _matches(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _alias_span(doc: Doc, i: int) -> Span | None:
    """The capitalised words after an alias cue, inside optional quotation marks."""
    while i < len(doc) and doc[i].text in QUOTE_CHARS:
        i += 1
    start = i
    while i < len(doc) and i - start < 5 and (doc[i].text[:1].isupper() or doc[i].is_digit):
        i += 1
    return doc[start:i] if i > start else None


def _resolve_overlaps(raw: list[RawMention]) -> list[RawMention]:
    """Keep non-overlapping mentions, preferring explicitly defined names, then longer ones."""
    ranked = sorted(raw, key=lambda m: (m.link is None, -(m.end - m.start), m.start))
    taken: set[int] = set()
    kept = []
    for m in ranked:
        tokens = range(m.start, m.end)
        if not taken.intersection(tokens):
            taken.update(tokens)
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _candidate(m: RawMention, lex: NameLexicons) -> Candidate:
    """Grouping input; evidence overrides the NER label ('Spokeswoman Sandy Angers', ORG)."""
    return Candidate(
        position=m.start,
        key=m.key,
        label=_evident_label(m),
        link=m.link,
        country=_place_code(m, lex),
    )


def _evident_label(m: RawMention) -> str:
    if m.label == FINANCIAL:
        return m.label  # 'Dow Jones' is an index whatever the context argues
    return next(iter(_cue_labels(m)), m.label)


def _with_financial(doc: Doc, raw: list[RawMention], words: WordLists) -> list[RawMention]:
    """Index and instrument names replace the NER mentions they overlap ('Dow Jones', PERSON)."""
    spans = financial_spans(doc, words)
    found = [
        RawMention(start=s, end=e, label=FINANCIAL, name=doc[s:e].text, key=_key(doc[s:e]))
        for s, e in spans
    ]
    return _replacing_overlapped(raw, found)


def _replacing_overlapped(raw: list[RawMention], found: list[RawMention]) -> list[RawMention]:
    """``found`` in place of the mentions of ``raw`` it overlaps, in text order."""
    kept = [m for m in raw if not any(f.start < m.end and m.start < f.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


def _with_institutions(doc: Doc, raw: list[RawMention], nouns: Nouns) -> list[RawMention]:
    """'rectorat de Créteil', 'lycée Paul Bert': the institution an institution noun makes of
    the name after it is an organisation, and replaces the mentions it overlaps."""
    if not nouns:
        return raw
    spans = []
    for m in raw:
        start = institution_start(doc, m.start, m.end, nouns)
        if start is not None and m.label != FINANCIAL:
            spans.append((start, m.end))
    if not spans:
        return raw
    found = _resolve_overlaps(
        [RawMention(s, e, "ORG", doc[s:e].text, _key(doc[s:e]), org_cue=True) for s, e in spans]
    )
    return _replacing_overlapped(raw, found)


def _cue_labels(m: RawMention) -> list[str]:
    """The types the text around this mention argues for."""
    cues = (m.person_cue, m.place_cue, m.org_cue, m.norp_cue)
    return [label for label, cue in zip(_CUE_LABELS, cues, strict=True) if cue]


def _place_code(m: RawMention, lex: NameLexicons) -> str | None:
    if m.label in ("GPE", "LOC"):
        return lex.country_of_name(m.name)
    return None


def _missed_mentions(doc: Doc, raw: list[RawMention], lex: NameLexicons) -> list[RawMention]:
    """Later occurrences of a name already known in this article that NER skipped."""
    texts = [t.text for t in doc]
    covered = bytearray(len(doc))
    for m in raw:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    known: dict[tuple[str, ...], RawMention] = {}
    for m in raw:
        if len(m.name) > 1 and m.name[0].isupper():
            known.setdefault(tuple(texts[m.start : m.end]), m)
    for surname, m in _unique_surnames(texts, raw).items():
        known.setdefault(surname, m)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(known, key=len, reverse=True):
        by_first.setdefault(words[0], []).append(words)
    found = []
    for i, text in enumerate(texts):
        if covered[i] or text not in by_first:
            continue
        for words in by_first[text]:
            end = i + len(words)
            if _free_match(doc, texts, covered, i, words):
                found.append(_copy_mention(doc, known[words], i, end, lex))
                covered[i:end] = b"\x01" * (end - i)
                break
    return found


def _unique_surnames(texts: list[str], raw: list[RawMention]) -> dict[tuple[str, ...], RawMention]:
    """The words after the first name of each person named in full, when no other person shares
    them: a later bare "Adjovi" is a mention of "Edem Adjovi" even where NER skipped it."""
    owners: dict[tuple[str, ...], set[str]] = {}
    first: dict[tuple[str, ...], RawMention] = {}
    for m in raw:
        if m.end - m.start < 2 or not (m.label == "PERSON" or m.person_cue):
            continue  # a person named in full, by NER or by a title ('Rear Admiral X Y')
        for n in range(m.start + 1, m.end):  # 'Ama Boateng' and 'Boateng' of 'Kwesi Ama Boateng'
            surname = tuple(texts[n : m.end])
            if surname[0][:1].isupper():
                owners.setdefault(surname, set()).add(m.key)
                first.setdefault(surname, m)
    return {words: first[words] for words, keys in owners.items() if len(keys) == 1}


def _free_match(
    doc: Doc, texts: list[str], covered: bytearray, start: int, words: tuple[str, ...]
) -> bool:
    """The words occur here, uncovered, and are not part of a longer unknown name."""
    end = start + len(words)
    if end > len(texts) or any(covered[start:end]) or tuple(texts[start:end]) != words:
        return False
    after = doc[end] if end < len(doc) else None
    return not (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper())


def _missed_countries(doc: Doc, raw: list[RawMention], lex: NameLexicons) -> list[RawMention]:
    """Countries NER skipped ('Nigeria will send...' opening a sentence): a capitalised country
    name no mention covers, not inside a longer name ('Nigeria Airways', 'Bank of Ghana') and
    with nothing that shows a person ('Mr. Jordan', 'Jordan said he ...', 'Michael Jordan')."""
    covered = bytearray(len(doc))
    for m in raw:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    person_words = _person_name_words(raw, lex)
    persons = _person_tokens(doc, raw)
    index = lex.countries_by_first_word
    found = []
    for i, token in enumerate(doc):
        if covered[i] or not token.text[:1].isupper() or token.lower_ not in index:
            continue
        end = _country_name_end(doc, i, index[token.lower_])
        if end is None or any(covered[i:end]) or _in_longer_name(doc, i, end):
            continue
        span = doc[i:end]
        mention = RawMention(i, end, "GPE", span.text, _key(span))
        if _named_as_person(doc, mention, persons, lex) or set(mention.key.split()) & person_words:
            continue
        found.append(mention)
        covered[i:end] = b"\x01" * (end - i)
    return found


def _country_name_end(doc: Doc, i: int, names: tuple[str, ...]) -> int | None:
    """The end of the longest country name starting at ``i``, written as a proper name."""
    for name in names:
        end = i + len(name.split())
        span = doc[i:end] if end <= len(doc) else None
        if span is None or span.text.lower() != name or span[-1].pos_ != "PROPN":
            continue
        if all(t.text[:1].isupper() or t.is_stop or not t.is_alpha for t in span):
            return end
    return None


def _in_longer_name(doc: Doc, start: int, end: int) -> bool:
    """'Nigeria Airways', 'Air Nigeria', 'Bank of Ghana': the country names something else."""
    if end < len(doc) and _capitalised(doc[end]):
        return True
    if start > 0 and _capitalised(doc[start - 1]) and not doc[start].is_sent_start:
        return True
    return start > 1 and doc[start - 1].lower_ == "of" and _capitalised(doc[start - 2])


def _named_as_person(doc: Doc, m: RawMention, persons: list[str | None], lex: NameLexicons) -> bool:
    """'Mr. Jordan', 'coach Jordan', 'Jordan said he would stay'."""
    i = m.start - 2 if m.start > 1 and lex.is_abbreviation_dot(doc, m.start - 1) else m.start - 1
    if i >= 0 and (lex.is_honorific(doc[i]) or lex.is_role(doc[i])):
        return True
    return _speaks(doc, m.start, m.end, lex) and _pronoun_after(doc, m, persons)


def _copy_mention(
    doc: Doc, source: RawMention, start: int, end: int, lex: NameLexicons
) -> RawMention:
    span = doc[start:end]
    return RawMention(
        start, end, source.label, span.text, source.key, link=source.link,
        is_alias=source.is_alias, person_cue=source.person_cue,
        place_prep=_after_place_preposition(doc, start, end, lex),
    )  # fmt: skip


def _build_entities(
    doc: Doc, raw: list[RawMention], groups: list[int], lex: NameLexicons
) -> list[Entity]:
    """One Entity per group, in order of first mention."""
    members: dict[int, list[RawMention]] = {}
    for m, root in zip(raw, groups, strict=True):
        members.setdefault(root, []).append(m)
    ordered = sorted(members.values(), key=lambda ms: min(m.start for m in ms))
    person_words = _person_name_words(raw, lex)
    entities = [
        _entity(doc, f"e{n}", ms, person_words, lex) for n, ms in enumerate(ordered, start=1)
    ]
    _place_countries(entities, lex)
    return entities


def _person_name_words(raw: list[RawMention], lex: NameLexicons) -> frozenset[str]:
    """Words of full names NER saw as people ('Paris Hilton'): a bare 'Paris' may be her."""
    return frozenset(
        word
        for m in raw
        if m.label == "PERSON" and " " in m.key and not lex.is_known_place(m.name)
        for word in m.key.split()
    )


def _place_countries(entities: list[Entity], lex: NameLexicons) -> None:
    """Countries of places that are not countries, once the article's countries are known."""
    mentioned = Counter(
        {e.country: len(e.mentions) for e in entities if e.country and e.type == "GPE"}
    )
    for e in entities:
        if e.country is None and e.type in ("GPE", "LOC", "FAC"):
            names = [e.name] + [m.text for m in e.mentions]
            e.country = next((c for n in names if (c := lex.country_of_place(n, mentioned))), None)


def _entity(
    doc: Doc, entity_id: str, ms: list[RawMention], person_words: frozenset[str], lex: NameLexicons
) -> Entity:
    """The entity of one group: canonical name, type, aliases, mentions and country."""
    ms = sorted(ms, key=lambda m: m.start)
    proper = [m for m in ms if not m.is_alias] or ms
    canonical = max(proper, key=lambda m: (len(m.key.split()), len(m.key), -m.start))
    label = _vote_type(ms, canonical, lex, person_words)
    words = set(canonical.key.split())
    aliases = [m.name for m in ms if m.is_alias] + [
        m.name for m in ms if not m.is_alias and not set(m.key.split()) <= words
    ]
    mentions = [
        Mention(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text), m.name) for m in ms
    ]
    return Entity(
        id=entity_id,
        name=canonical.name,
        type=label,
        mentions=mentions,
        aliases=list(dict.fromkeys(a for a in aliases if a != canonical.name)),
        country=_country(label, ms, canonical, lex),
    )


def _vote_type(
    ms: list[RawMention],
    canonical: RawMention,
    lex: NameLexicons,
    person_words: frozenset[str] = frozenset(),
) -> str:
    """Evidence first (titles, aliases, place nouns, org words), then a full name NER saw as a
    person, then a known country or city, else the weighted NER vote. An index or instrument
    found by the gazetteer or pattern stays FINANCIAL: no title or org word argues it away."""
    if canonical.label == FINANCIAL or 2 * sum(m.label == FINANCIAL for m in ms) > len(ms):
        return FINANCIAL
    evidence = Counter(label for m in ms for label in _cue_labels(m))
    if evidence:
        return evidence.most_common(1)[0][0]
    if any(c.isdigit() for c in canonical.name) or any(m.determined for m in ms):
        # 'G8', 'MI6', 'BBC4', 'the Lib Dems': no person's name
        winner = _vote_winner(ms, canonical, lex, person_words)
        return "ORG" if winner == "PERSON" else winner
    full = [m for m in ms if m.key == canonical.key]
    if " " in canonical.key and 2 * sum(m.label == "PERSON" for m in full) >= len(full):
        return "PERSON"  # 'Donald Trump' seen as a person: every bare 'Trump' is that person
    winner = _vote_winner(ms, canonical, lex, person_words)
    if winner == "NORP" and any(lex.is_demonym(m.name) for m in ms):
        return winner  # 'in Haitian hands', 'in Islam': a people or faith, no place
    if winner in ("PERSON", "NORP") and _placed_not_personal(ms, canonical, person_words):
        return "GPE"  # 'in Keta' tagged PERSON, 'the naval base in Apapa' tagged NORP
    return winner


def _placed_not_personal(
    ms: list[RawMention], canonical: RawMention, person_words: frozenset[str]
) -> bool:
    """'in Keta' with nothing a person does anywhere in the article: a town NER took for one."""
    if not any(m.place_prep for m in ms) or any(m.person_act for m in ms):
        return False
    return not set(canonical.key.split()) & person_words  # 'Paris Hilton' ... 'in Paris'


def _vote_winner(
    ms: list[RawMention],
    canonical: RawMention,
    lex: NameLexicons,
    person_words: frozenset[str] = frozenset(),
) -> str:
    """The weighted NER vote, with known places NER mislabelled turned into places."""
    votes: Counter[str] = Counter()
    for m in ms:
        votes[m.label] += _CANONICAL_WEIGHT if m.key == canonical.key else 1
    if "NORP" not in votes and lex.country_of_name(canonical.name):
        votes["GPE"] += _COUNTRY_WEIGHT
    winner = votes.most_common(1)[0][0]
    if winner in _PLACE_MISTAKEN_FOR and _known_place(canonical, person_words, lex):
        return "GPE"  # 'Togo', 'Lomé' tagged PERSON, 'Accra' tagged ORG, with no evidence
    return winner


def _known_place(canonical: RawMention, person_words: frozenset[str], lex: NameLexicons) -> bool:
    """A country or city name that is not also a word of a person named in the article."""
    return lex.is_known_place(canonical.name) and not set(canonical.key.split()) & person_words


def _country(
    label: str, ms: list[RawMention], canonical: RawMention, lex: NameLexicons
) -> str | None:
    """ISO alpha-3 of a country, a place in one, or a demonym's country."""
    names = [canonical.name] + [m.name for m in ms]
    if label == "NORP":
        return next((c for n in names if (c := lex.country_of_demonym(n))), None)
    if label in ("GPE", "LOC", "FAC"):
        return next((c for n in names if (c := lex.country_of_place(n))), None)
    return None
