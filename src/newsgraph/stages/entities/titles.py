"""Stage 'titles': the titles and affiliations a text states for each person.

Three constructions, read off the tokens around each person mention:
premodifier ("Haitian Foreign Minister Dominique Dupuy"), apposition before ("the press
secretary of the Salvadoran Presidency, Ernesto Sanabria") and apposition after ("Jimmy
Cherizier, alias 'Barbecue', a former Haitian police officer"). A title is a role noun from
the lexicon with its modifiers; demonyms and named organisations or places around it become
affiliations (demonyms as their country).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.model import Article, Entity
from newsgraph.settings import Settings
from newsgraph.stages.entities.names import (
    QUOTE_CHARS,
    NameLexicons,
    build_name_lexicons,
    role_of_before,
)
from newsgraph.wordlists import WordLists

_AFFILIATION_PREPS = frozenset({"of", "to", "at", "for", "with", "in"})
_NP_POS = frozenset({"ADJ", "NOUN", "PROPN", "DET"})
_MAX_PHRASE = 12  # tokens scanned for an appositive role phrase
_PERFECT_AUX = frozenset({"has", "have", "had"})
_COPULAS = frozenset({"be", "become", "remain"})  # 'who is/became/remains the minister'
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_SERVING_VERBS = frozenset({"serve", "work", "act"})  # 'who served as ambassador'


@dataclass
class StatedRole:
    """A title as written, with the affiliations stated around it."""

    title: str
    affiliations: list[str] = field(default_factory=list)
    first: int = 0  # token index where the phrase begins


def run(article: Article, doc: Doc, settings: Settings, words: WordLists) -> None:
    """Add titles and affiliations to every person entity."""
    lex = words.get(build_name_lexicons)
    owner = _token_owners(article, doc)
    for ent in article.entities:
        if ent.type != "PERSON":
            continue
        for mention in ent.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for role in _roles_around(doc, span.start, span.end, ent, owner, lex):
                _add(ent, role)


def _token_owners(article: Article, doc: Doc) -> list[Entity | None]:
    """For each token, the entity whose mention covers it."""
    owner: list[Entity | None] = [None] * len(doc)
    for ent in article.entities:
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                owner[span.start : span.end] = [ent] * (span.end - span.start)
    return owner


def _add(ent: Entity, role: StatedRole) -> None:
    if role.title and role.title.lower() not in {t.lower() for t in ent.titles}:
        ent.titles.append(role.title)
    for aff in role.affiliations:
        if aff not in ent.affiliations and aff != ent.name:
            ent.affiliations.append(aff)


def _roles_around(
    doc: Doc, start: int, end: int, ent: Entity, owner: list[Entity | None], lex: NameLexicons
) -> list[StatedRole]:
    premodifier = _premodifier(doc, start, owner, lex) or _premodifier_with_of(
        doc, start, owner, lex
    )
    found = [
        premodifier,
        _stacked(doc, premodifier, owner, lex, lower_bound=doc[start].sent.start),
        _apposition_before(doc, start, owner, lex),
        _apposition_after(doc, end, ent, owner, lex),
        _predicate(doc, start, end, owner, lex),
    ]
    return [r for r in found if r is not None]


def _premodifier(
    doc: Doc, start: int, owner: list[Entity | None], lex: NameLexicons
) -> StatedRole | None:
    """'Haitian Foreign Minister Dominique Dupuy', 'gang leader Jimmy Cherizier'."""
    head = start - 1
    dot = head > 0 and lex.is_abbreviation_dot(doc, head)
    head -= dot  # 'Col. Jean Dupont', tokenised 'Col' '.'
    if head < 0 or owner[head] is not None or not lex.is_role(doc[head]):
        return None
    role = _role_phrase(doc, head, owner, lex, lower_bound=doc[start].sent.start)
    role.title += "." if dot else ""
    return role


def _stacked(
    doc: Doc,
    role: StatedRole | None,
    owner: list[Entity | None],
    lex: NameLexicons,
    lower_bound: int,
) -> StatedRole | None:
    """'Nigerian Navy chief' before 'Rear Admiral Ifeoma Okafor': a second title before one."""
    head = role.first - 1 if role is not None else -1
    if (
        head < lower_bound
        or owner[head] is not None
        or not _stacked_role(doc[head], doc[head + 1], lex)
    ):
        return None
    return _role_phrase(doc, head, owner, lex, lower_bound)


def _premodifier_with_of(
    doc: Doc, start: int, owner: list[Entity | None], lex: NameLexicons
) -> StatedRole | None:
    """'Prime Minister of Canada Stephen Harper', 'Secretary of State Antony Blinken'."""
    head = role_of_before(doc, start, lambda t: _in_named_object(t, owner, lex), lex)
    if head is None or owner[head] is not None:
        return None
    role = _role_phrase(doc, head, owner, lex, lower_bound=doc[start].sent.start)
    obj = doc[head + 2 : start]
    named = list(dict.fromkeys(e.name for t in obj if (e := owner[t.i]) and _is_body(e)))
    bare = [t for t in obj if t.lower_ not in lex.title_articles]
    if not named and len(bare) == 1 and _is_acronym(bare[0].text):
        named = [bare[0].text]  # 'Secretary-General of the OAS', OAS missed by NER
    if named:
        role.affiliations += named
    else:
        role.title = f"{role.title} {doc[head + 1].lower_} {obj.text}"
    return role


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isupper() and text.isalpha()


def _is_body(entity: Entity) -> bool:
    """A place or a named organisation, not a portfolio NER took for one ('of State')."""
    if entity.type in ("GPE", "LOC", "NORP"):
        return True
    return " " in entity.name or entity.name.isupper()


def _in_named_object(token: Token, owner: list[Entity | None], lex: NameLexicons) -> bool:
    """An entity other than a person, a proper noun, or a capitalised portfolio the tagger read
    as a common noun (French 'ministre de la Santé')."""
    entity = owner[token.i]
    if entity is not None:
        return entity.type != "PERSON"
    if token.pos_ == "NOUN":
        return lex.is_capitalised_portfolio(token)
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _apposition_before(
    doc: Doc, start: int, owner: list[Entity | None], lex: NameLexicons
) -> StatedRole | None:
    """'the Salvadoran president, Nayib Bukele' and 'the X of Y, Name'."""
    comma = start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    lower = max(doc[start].sent.start, comma - _MAX_PHRASE)
    for head in range(comma - 1, lower - 1, -1):
        if owner[head] is None and lex.is_role(doc[head]):
            pp = _prep_object(doc, head + 1, owner, lex)
            if head + 1 == comma or (pp is not None and pp[0] == comma):
                role = _role_phrase(doc, head, owner, lex, lower_bound=lower)
                if pp is not None:
                    role.affiliations += pp[1]
                return role
        if doc[head].pos_ in ("VERB", "AUX") or doc[head].text in (";", ":"):
            return None
    return None


def _apposition_after(
    doc: Doc, end: int, ent: Entity, owner: list[Entity | None], lex: NameLexicons
) -> StatedRole | None:
    """'Ernesto Sanabria, press secretary of ...', skipping an alias clause in between."""
    i = _skip_alias_clause(doc, end, ent, owner, lex)
    if i >= len(doc) or doc[i].text != ",":
        return None
    i = _skip_relative_opener(doc, i + 1)
    j = i
    while j < len(doc) and j - i < _MAX_PHRASE and _in_noun_phrase(doc[j], owner):
        j += 1
    head = j - 1
    if head < i or owner[head] is not None or not lex.is_role(doc[head]):
        return None
    if _titles_next_name(doc, head, owner, lex):
        return None  # 'Jo Kim, Cmdr. Lee Park': the rank is Lee Park's
    return _role_with_object(doc, head, owner, lex, lower_bound=i)


def _titles_next_name(doc: Doc, head: int, owner: list[Entity | None], lex: NameLexicons) -> bool:
    """The role right before a person's name (past an abbreviation's '.'): his or her title."""
    dot = head + 1 < len(doc) and lex.is_abbreviation_dot(doc, head + 1)
    i = head + 1 + dot
    if i >= len(doc):
        return False
    entity = owner[i]
    if entity is not None and not dot:
        return entity.type == "PERSON"
    return doc[i].text[:1].isupper()


def _predicate(
    doc: Doc, start: int, end: int, owner: list[Entity | None], lex: NameLexicons
) -> StatedRole | None:
    """'Kofi Mensah is the minister of fisheries', 'Abena Owusu served as ambassador': a title
    stated as what the person is, not denied ('was not') nor to come ('will become')."""
    subject = doc[start:end].root
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.tag_ not in _FINITE_TAGS:
        return None  # 'to become president', 'Obama being a founder'
    if verb.lemma_ == "become" and verb.tag_ != "VBD":
        return None  # '(if) Kaine becomes vice president' is yet to happen
    clauses = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # 'if A wins and B becomes'
    if any(_unasserted(c) for clause in clauses for c in clause.children):
        return None
    if verb.lemma_ in _COPULAS:
        heads = [c for c in verb.children if c.dep_ == "attr"]
    elif verb.lemma_ in _SERVING_VERBS:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        heads = [c for p in preps for c in p.children if c.dep_ == "pobj"]
    else:
        return None
    head = next((t for t in heads if owner[t.i] is None and lex.is_role(t)), None)
    if head is None:
        return None
    return _role_with_object(doc, head.i, owner, lex, lower_bound=head.left_edge.i)


def _unasserted(token: Token) -> bool:
    """'not', a modal or future auxiliary ('will', 'would', 'could'), or 'if X is ...'."""
    if token.dep_ == "mark":
        return token.lower_ in _CONDITIONS
    return token.dep_ == "neg" or (token.dep_ == "aux" and token.tag_ == "MD")


def _role_with_object(
    doc: Doc, head: int, owner: list[Entity | None], lex: NameLexicons, lower_bound: int
) -> StatedRole:
    """The title ending at ``head`` with what follows it: 'ambassador to France' or 'minister
    of fisheries'."""
    role = _role_phrase(doc, head, owner, lex, lower_bound=lower_bound)
    portfolio = _portfolio_object(doc, head + 1, lex)
    if portfolio:  # 'Commissioner for Peace and Security': a portfolio, capitalised or not
        role.title += portfolio
        return role
    pp = _prep_object(doc, head + 1, owner, lex)
    if pp is not None:
        role.affiliations += pp[1]
    return role


def _portfolio_object(doc: Doc, i: int, lex: NameLexicons) -> str:
    """' of fisheries' after 'minister': the lowercase portfolio a title names, or ''."""
    if i + 1 >= len(doc) or doc[i].lower_ not in lex.title_prepositions:
        return ""
    j = i + 1
    while j < len(doc) and (doc[j].lower_ in lex.portfolios or doc[j].lower_ in ("and", "&")):
        j += 1
    while j > i + 1 and doc[j - 1].lower_ in ("and", "&"):
        j -= 1
    return f" {doc[i:j].text}" if j > i + 1 else ""


def _skip_relative_opener(doc: Doc, i: int) -> int:
    """Past 'who is', 'who was also', 'who has been', 'who served as' to the role phrase."""
    if i >= len(doc) or doc[i].lower_ != "who":
        return i
    j = i + 1
    while j < len(doc) and (doc[j].pos_ == "ADV" or doc[j].lower_ in _PERFECT_AUX):
        j += 1  # 'who is now', 'who has been', 'who had long been'
    if j >= len(doc):
        return i
    if doc[j].lemma_ in _COPULAS:
        j += 1
    elif doc[j].lemma_ in _SERVING_VERBS and j + 1 < len(doc) and doc[j + 1].lower_ == "as":
        j += 2
    else:
        return i
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1  # 'who was also the deputy governor'
    return j


def _skip_alias_clause(
    doc: Doc, i: int, ent: Entity, owner: list[Entity | None], lex: NameLexicons
) -> int:
    """Past ', alias "Barbecue"' (cue words, quotes and the alias itself)."""
    cue_words = {w for cue in lex.alias_cues for w in cue}
    while True:
        j = i + 1 if i < len(doc) and doc[i].text == "," else i
        k = j
        while k < len(doc) and (
            doc[k].lower_ in cue_words or doc[k].text in QUOTE_CHARS or owner[k] is ent
        ):
            k += 1
        if k == j:
            return i
        i = k


def _in_noun_phrase(token: Token, owner: list[Entity | None]) -> bool:
    entity = owner[token.i]
    if entity is not None:
        return entity.type != "PERSON"
    return token.pos_ in _NP_POS or token.text == "-"


def _role_phrase(
    doc: Doc, head: int, owner: list[Entity | None], lex: NameLexicons, lower_bound: int
) -> StatedRole:
    """The title ending at ``head`` and the affiliations among its modifiers."""
    title = [doc[head]]
    affiliations: list[str] = []
    i = head - 1
    while i >= lower_bound:
        token, entity = doc[i], owner[i]
        if _stacked_role(token, title[0], lex):
            break  # 'Nigerian Navy chief [Rear Admiral]': two titles, read apart
        if entity is not None and entity.type != "PERSON":
            affiliations.insert(0, _affiliation_name(entity, lex))
        elif entity is None and lex.is_demonym(token.text):
            code = lex.country_of_demonym(token.text)
            affiliations.insert(0, lex.country_display_name(code) if code else token.text)
        elif entity is None and (_is_title_modifier(token, lex) or lex.is_abbreviation_dot(doc, i)):
            title.insert(0, token)
        else:
            break
        i -= 1
    return StatedRole(_title_text(title), list(dict.fromkeys(affiliations)), first=i + 1)


def _stacked_role(token: Token, first: Token, lex: NameLexicons) -> bool:
    """A lowercase role before a capitalised title ('chief' before 'Rear Admiral')."""
    return token.text.islower() and lex.is_role(token) and first.text[:1].isupper()


def _is_title_modifier(token: Token, lex: NameLexicons) -> bool:
    """'former', 'Foreign', 'Defence', 'press', 'gang', 'vice', '-': words a title is built from."""
    if token.lower_ in lex.title_modifiers or token.lower_ in lex.portfolios or token.text == "-":
        return True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("compound", "amod", "nmod"):
        return True
    return token.pos_ == "ADJ" and token.text[:1].isupper() and not token.is_sent_start


def _affiliation_name(entity: Entity, lex: NameLexicons) -> str:
    if entity.type == "NORP" and entity.country:
        return lex.country_display_name(entity.country)
    return entity.name


def _title_text(tokens: list[Token]) -> str:
    """The title as written, but 'Chief executive' opening a sentence is 'chief executive'."""
    text = "".join(t.text if t.text == "." else f" {t.text}" for t in tokens)
    text = text.replace(" - ", "-").strip("- ")
    rest_lower = all(t.text.islower() for t in tokens[1:])
    if tokens and tokens[0].is_sent_start and len(tokens) > 1 and rest_lower:
        return text[:1].lower() + text[1:]
    return text


def _prep_object(
    doc: Doc, i: int, owner: list[Entity | None], lex: NameLexicons
) -> tuple[int, list[str]] | None:
    """'of the Salvadoran Presidency' -> (index after it, ['Salvadoran Presidency'])."""
    if i >= len(doc) or doc[i].lower_ not in _AFFILIATION_PREPS:
        return None
    j = i + 1
    if j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    start = j
    while j < len(doc) and _in_proper_name(doc, j, owner, lex):
        j += 1
    if j == start:
        return None
    tokens = [t for t in doc[start:j] if t.text not in ("(", ")")]
    entities = [owner[t.i] for t in tokens]
    named = list(dict.fromkeys(e.name for e in entities if e is not None and e.type != "NORP"))
    if named and all(e is not None and e.type != "NORP" for e in entities):
        return j, named
    if all(t.text[:1].isupper() for t in tokens):
        return j, [" ".join(t.text for t in tokens)]
    return j, named


def _in_proper_name(doc: Doc, j: int, owner: list[Entity | None], lex: NameLexicons) -> bool:
    """Inside a named organisation or place, or its '(ACRONYM)'."""
    token = doc[j]
    if owner[j] is not None:
        return owner[j].type != "PERSON"  # type: ignore[union-attr]
    if lex.is_honorific(token):
        return False  # 'of Mrs. Clinton's campaign': a person, no organisation
    if token.text == "(" and j + 2 < len(doc) and doc[j + 2].text == ")":
        return doc[j + 1].text.isupper()
    if token.text == ")":
        return j >= 2 and doc[j - 2].text == "("
    return token.pos_ == "PROPN" and token.text[:1].isupper()
