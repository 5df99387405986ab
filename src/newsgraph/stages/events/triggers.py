"""Event triggers in a parse: lexicon verbs, phrasal verbs, verb+object pairs, event nouns.

A trigger becomes a ``Predicate`` carrying its PLOVER coding and the tokens of its actor and
target, so that typing (``events``) and evaluation share one reading of the sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.stages.events.arguments import (
    actor_and_target,
    look_through_quantity,
    noun_arguments,
)
from newsgraph.stages.events.cameo import CameoMatch, match_verb
from newsgraph.stages.events.plover import (
    CONFLICT_TYPES,
    COOPERATIVE_TYPES,
    THREAT_MODES,
    THREAT_TYPES,
    Lexicon,
)
from newsgraph.stages.events.predicate import Coding, Predicate
from newsgraph.stages.events.vocabulary import GROUP_TYPES, PERSON_TYPES, PLACE_TYPES, EventWords

_PARTICLE_DEPS = frozenset({"prt", "prep"})
# Dependencies of a proposal's content ('proposed talks', 'a proposal for a ceasefire').
_PROPOSAL_CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "acl", "compound", "relcl"})
# A match score ('beat Olympiakos 3-1', 'beaten 5-0').
_SCORE = re.compile(r"(?<![\d-])\d{1,2}\s?-\s?\d{1,2}(?![\d-])")


def find_predicates(
    doc: Doc, lexicon: Lexicon, vocab: EventWords, untyped: bool = False
) -> list[Predicate]:
    """Triggers in text order; with ``untyped``, also verbs outside the PLOVER lexicon."""
    found: list[Predicate] = []
    typed_verbs: set[int] = set()
    for token in doc:
        if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod"):
            pred = _verb_predicate(token, lexicon, vocab, untyped)
            if pred is not None:
                found.append(pred)
                if pred.coding is not None:
                    typed_verbs.add(token.i)
    for token in doc:
        if token.pos_ == "NOUN" and token.text[:1].islower():
            pred = _noun_predicate(token, lexicon, vocab, typed_verbs)
            if pred is None and untyped:
                pred = _event_noun(token, lexicon, vocab)
            if pred is not None:
                found.append(pred)
    _promises_of_harm_are_threats(found, vocab)
    _forecasts_are_no_threats(found, vocab)
    _policy_proposals_are_no_offers(found, lexicon, vocab)
    _contests_are_no_assaults(found, lexicon, vocab)
    _animals_and_messages_are_no_victims(found, lexicon, vocab)
    typed_heads = {p.head.i for p in found if p.coding is not None}
    found = [p for p in found if not _complement_of_typed_noun(p.head, typed_heads)]
    found = _without_nouns_inside_verb_phrases(found)
    return _without_nested(sorted(found, key=lambda p: (p.start, -p.end)))


def _without_nouns_inside_verb_phrases(found: list[Predicate]) -> list[Predicate]:
    """'go on strike', 'the lawsuit, filed': the verb phrase already carries the noun's event."""
    verb_spans = [(p.start, p.end) for p in found if p.coding is not None and p.head.pos_ == "VERB"]
    return [p for p in found if not (p.head.pos_ == "NOUN" and _inside_any(p, verb_spans))]


def _inside_any(pred: Predicate, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pred.start and pred.end <= end for start, end in spans)


def _promises_of_harm_are_threats(found: list[Predicate], vocab: EventWords) -> None:
    """'vowed to retaliate', 'pledged to strike back': a promise of conflict is a THREATEN."""
    by_head = {p.head.i: p for p in found if p.coding is not None}
    for pred in by_head.values():
        if pred.coding is None or pred.head.lemma_.lower() not in vocab.promise_verbs:
            continue
        for child in pred.head.children:
            content = by_head.get(child.i) if child.dep_ in ("xcomp", "ccomp") else None
            if content is not None and content.coding is not None:
                kind = content.coding.type
                if kind in THREAT_TYPES:
                    mode = THREAT_MODES.get((kind, content.coding.mode))
                    mode = mode or THREAT_MODES.get((kind, None))
                    pred.coding = Coding("THREATEN", mode)


def _forecasts_are_no_threats(found: list[Predicate], vocab: EventWords) -> None:
    """'warned costs could outweigh the benefits', 'profit warnings': a warning threatens only
    when it names an act ('warned of further walkouts'), a condition ('unless') or whom it is
    addressed to ('issued a warning to the rebels')."""
    typed = {p.head.i for p in found if p.coding is not None}
    for pred in found:
        if pred.coding is None or pred.coding.type != "THREATEN" or pred.coding.mode:
            continue
        trigger = pred.head.doc.char_span(pred.start, pred.end, alignment_mode="expand")
        if trigger is None or not any(t.lemma_.lower() in vocab.warning_words for t in trigger):
            continue
        head = pred.clause if pred.clause is not None else pred.head
        own = {t.i for t in trigger} | {head.i}
        content = [t for t in head.subtree if t.i not in own]
        acts = any(t.i in typed for t in content)
        addressees = [c for c in head.children if c.i not in own]
        addressees += [c for t in trigger if t.i != head.i for c in t.children if c.i not in own]
        warned = any(c.dep_ in ("dobj", "dative") or c.lower_ == "to" for c in addressees)
        if not acts and not warned and not any(t.lower_ in ("unless", "if") for t in content):
            pred.coding = None


# What a proposal can offer: cooperation, or an end to conflict ('a proposal for a ceasefire').
_OFFERED = COOPERATIVE_TYPES | {"RETREAT", "CONCEDE"}


def _policy_proposals_are_no_offers(
    found: list[Predicate], lexicon: Lexicon, vocab: EventWords
) -> None:
    """'proposals for maternity pay', 'the bill proposes control orders': a proposal offers
    something to someone ('proposed talks', 'a proposal for a ceasefire', 'proposed to Iran')
    only when it names cooperation or is put to someone; otherwise it is no PLOVER event."""
    offers = {p.head.i for p in found if p.coding is not None and p.coding.type in _OFFERED}
    for pred in found:
        head = pred.head
        if pred.coding is None or pred.coding.type != "AGREE":
            continue
        if head.lemma_.lower() not in vocab.proposal_words:
            continue
        content = [
            t
            for c in head.children
            if c.dep_ in _PROPOSAL_CONTENT_DEPS and c.lower_ != "to"
            for t in c.subtree
        ]
        holders = [head] + ([head.head] if head.dep_ == "dobj" else [])  # 'made a proposal to'
        put_to = [c for h in holders for c in h.children if c.dep_ == "dative" or c.lower_ == "to"]
        addressed = any(
            t.ent_type_ in PERSON_TYPES or t.ent_type_ in GROUP_TYPES
            for c in put_to
            for t in c.subtree
        )
        if not addressed and not any(_offers(t, offers, lexicon) for t in content):
            pred.coding = None


def _offers(token: Token, offers: set[int], lexicon: Lexicon) -> bool:
    """A found cooperative trigger, or a noun the lexicon codes as one ('proposed talks')."""
    if token.i in offers:
        return True
    coding = _noun_coding(token, lexicon)[0] if token.pos_ == "NOUN" else None
    return coding is not None and coding.type in _OFFERED


def _contests_are_no_assaults(found: list[Predicate], lexicon: Lexicon, vocab: EventWords) -> None:
    """'Bayern Munich beat Dortmund 5-0', 'beat Morrissey to the music award', 'the Old Firm
    CIS Cup clash': beating, shooting or clashing in a sports or prize contest harms no one. A
    sentence with a contest word or a score, or a verb whose usual sense is a win ('to beat
    Labour', 'failed to beat Celtic'; WordNet, win_verbs.txt), and no word of violence makes
    its ASSAULT no event."""
    for pred in found:
        if pred.coding is None or pred.coding.type != "ASSAULT":
            continue
        sentence = pred.head.sent
        contest = _SCORE.search(sentence.text) is not None or any(
            t.lemma_.lower() in vocab.contest_words for t in sentence
        )
        contest = contest or _a_win(pred.head, lexicon, vocab)
        if contest and not _tells_violence(sentence, lexicon, vocab):
            pred.coding = None


def _a_win(verb: Token, lexicon: Lexicon, vocab: EventWords) -> bool:
    """A verb whose usual sense is a win, over a rival named or unnamed ('beat Labour', 'the
    one to beat', 'were beaten by the Turks'), not over people beaten ('beat protesters')."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.win_verbs:
        return False
    beaten = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return not any(
        (t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.person_nouns | vocab.people_nouns)
        or t.lower_ in vocab.pronoun_types
        for t in (look_through_quantity(b, vocab) for b in beaten)
    )


def _animals_and_messages_are_no_victims(
    found: list[Predicate], lexicon: Lexicon, vocab: EventWords
) -> None:
    """'shoot down deer', 'a computer virus strikes', 'e-mail security attacks', 'shooting at
    targets': an attack on or by an animal or a message (its object, its subject when it has
    none, or a noun trigger's modifiers; WordNet, harmless_nouns.txt) harms no one, unless a
    person is its target."""
    for pred in found:
        if pred.coding is None or pred.coding.type != "ASSAULT":
            continue
        if pred.target is not None and _is_a_person(pred.target, lexicon, vocab):
            continue
        if any(_harmless(t, lexicon) for t in _assault_themes(pred.head, vocab)):
            pred.coding = None


def _assault_themes(head: Token, vocab: EventWords) -> list[Token]:
    """The nouns an attack is on or by: a verb's object (or 'at' object, else its subject), a
    noun's compound modifiers ('e-mail security attacks')."""
    if head.pos_ == "NOUN":
        return [t for t in head.subtree if t.dep_ == "compound" and t.i < head.i]
    themes = []
    for child in head.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            themes.append(look_through_quantity(child, vocab))
        elif child.dep_ == "prep" and child.lower_ == "at":
            themes += [c for c in child.children if c.dep_ == "pobj"]
    if not themes:
        themes = [c for c in head.children if c.dep_ == "nsubj"]
    return themes


def _harmless(token: Token, lexicon: Lexicon) -> bool:
    if token.ent_type_ in PERSON_TYPES or token.ent_type_ in GROUP_TYPES:
        return False
    return token.lemma_.lower() in lexicon.harmless_nouns or token.lower_ in lexicon.harmless_nouns


def _complement_of_typed_noun(token: Token, typed_heads: set[int]) -> bool:
    """'the signing of an agreement': the agreement is what was signed, not a second event."""
    prep = token.head
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i in typed_heads
        and prep.head.pos_ == "NOUN"
    )


def _verb_predicate(
    verb: Token, lexicon: Lexicon, vocab: EventWords, untyped: bool
) -> Predicate | None:
    lemma = verb.lemma_.lower()
    demand = _demand(verb, vocab)
    if demand is not None:
        return demand
    obj = _object_of(verb, vocab)
    if obj is not None:
        pair = _pair(lemma, obj.lemma_.lower(), lexicon) or _reversal(verb, obj, lexicon, vocab)
        if pair is not None:
            actor, target = actor_and_target(verb, vocab, skip_object=True)
            target = target or noun_arguments(obj, vocab)[1]  # "imposed sanctions on Venezuela"
            if pair.type == "ASSAULT" and _noun_attack_in_words(obj, actor, target, lexicon, vocab):
                pair = Coding("ACCUSE", "disapprove")  # "launched an attack on Labour"
            end = max(verb.idx + len(verb), obj.idx + len(obj))
            start = min(verb.idx, obj.idx)
            return Predicate(verb, start, end, pair, actor, target)
    coding, particle = _phrasal(verb, lemma, lexicon)
    if coding is None and lemma in lexicon.verbs and not _needs_object(lemma, obj, vocab):
        coding = lexicon.verbs[lemma]
    if coding is not None:
        coding = _sense(verb, lemma, particle, obj, coding, lexicon, vocab)
    # verbs the lexicon knows keep its reading, even when a sense rule finds no event there
    known = lemma in lexicon.verbs or particle is not None
    known = known or (obj is not None and _noun_coding(obj, lexicon)[0] is not None)
    cameo = _cameo(verb, lexicon) if coding is None and not known else None
    if (
        cameo is not None
        and cameo.goes_to
        and not _actor_or_place(cameo.destination, lexicon, vocab)
    ):
        cameo = None  # 'came to an end', 'come in person to the ranch': no one is visited
    if _consults_no_one(cameo, lexicon, vocab):
        cameo = None  # 'send a picture message', 'sending out text messages'
    if cameo is not None:
        coding = cameo.coding
    if coding is None and (not untyped or lemma in vocab.grammatical_verbs):
        return None
    actor, target = actor_and_target(verb, vocab)
    end = verb.idx + len(verb)
    if cameo is not None and cameo.target is not None:
        target = cameo.target
    if cameo is not None and cameo.obj is not None and cameo.obj.i > verb.i:
        end = max(end, cameo.obj.idx + len(cameo.obj))
    if particle is not None and particle.dep_ == "prt":
        end = max(end, particle.idx + len(particle))
    return Predicate(verb, verb.idx, end, coding, actor, target)


def _cameo(verb: Token, lexicon: Lexicon) -> CameoMatch | None:
    """PETRARCH2's reading of a verb the lexicon leaves uncoded, when it is a PLOVER one."""
    match = match_verb(verb, lexicon.cameo)
    return match if match is not None and match.coding is not None else None


def _demand(verb: Token, vocab: EventWords) -> Predicate | None:
    """'X said Y must cooperate': X's demand on Y, a REQUEST whatever Y is asked to do."""
    if verb.dep_ not in ("ccomp", "acl") or verb.head is verb:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in vocab.demand_aux for c in verb.children):
        return None
    speech = verb.head  # a speech verb, or a noun like 'statement' whose verb has the speaker
    if speech.pos_ == "NOUN" and speech.head.pos_ == "VERB":
        speech = speech.head
    elif speech.lemma_.lower() not in vocab.demand_speech_verbs:
        return None
    if speech.pos_ != "VERB":
        return None
    speaker = next((c for c in speech.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    addressee = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if not _asks_to_act(verb, addressee, vocab) or _poll_share(speaker, vocab):
        return None
    end = verb.idx + len(verb)
    return Predicate(verb, verb.idx, end, Coding("REQUEST"), speaker, addressee, speech, False)


def _asks_to_act(verb: Token, subject: Token | None, vocab: EventWords) -> bool:
    """'should' asks for an act, not a state or a judgement ('voters should know by now'),
    of someone who can act ('there should be', 'this should mean' ask no one), and names
    the act ('the same must be done' names none)."""
    if verb.lemma_.lower() in vocab.demand_pro_verbs:
        return any(c.dep_ in ("xcomp", "advcl", "ccomp") for c in verb.children)
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True  # 'must be done', 'should be changed': someone is to act
    if verb.lemma_.lower() in vocab.demand_state_verbs:
        return False
    if subject is None:
        return True
    return subject.dep_ != "expl" and subject.lower_ not in vocab.demand_inanimate_subjects


def _poll_share(speaker: Token | None, vocab: EventWords) -> bool:
    """'47% believe', 'half those surveyed said': a poll's figures, no one's demand."""
    if speaker is None:
        return False
    return any(t.lower_ in vocab.poll_words for t in speaker.subtree)


def _pair(verb: str, obj: str, lexicon: Lexicon) -> Coding | None:
    """The coding of a verb with its object."""
    return lexicon.pairs.get((verb, obj))


def _reversal(verb: Token, obj: Token, lexicon: Lexicon, vocab: EventWords) -> Coding | None:
    """'lifted the curfew' (CONCEDE), 'cut aid' (SANCTION), 'banned the rally' (COERCE)."""
    if obj.pos_ != "NOUN":
        return None
    named = _noun_coding(obj, lexicon)[0]
    if named is None:
        return None
    lemmas = {verb.lemma_.lower()} | {
        f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children if c.dep_ == "prt"
    }
    if lemmas & vocab.aspectual_verbs:
        return named  # "renewed negotiations" is the negotiation
    if named.type == "CONSULT" and lemmas & vocab.cancel_verbs:
        return Coding("REJECT", "meet")  # the manual: cancelled meetings are REJECT
    if named.type in COOPERATIVE_TYPES and lemmas & vocab.cut_verbs:
        return Coding("SANCTION", "discontinue")
    if named.type == "PROTEST" and lemmas & vocab.suppress_verbs:
        return Coding("COERCE", "restrict")
    if named.type in CONFLICT_TYPES and lemmas & vocab.cancel_verbs:
        return Coding("CONCEDE")
    return None


def _phrasal(verb: Token, lemma: str, lexicon: Lexicon) -> tuple[Coding | None, Token | None]:
    """'call for', 'step down', 'pull out': the verb with its particle or preposition."""
    for child in verb.children:
        if child.dep_ in _PARTICLE_DEPS and child.i > verb.i:
            coding = lexicon.verbs.get(f"{lemma} {child.lower_}")
            if coding is not None:
                return coding, child
    return None, None


def _sense(
    verb: Token,
    lemma: str,
    particle: Token | None,
    obj: Token | None,
    coding: Coding,
    lexicon: Lexicon,
    vocab: EventWords,
) -> Coding | None:
    """The coding in this use of the verb: releasing a statement frees nobody, attacking a
    plan "as vacuous" is criticism."""
    phrase = f"{lemma} {particle.lower_}" if particle is not None else lemma
    obj_lemma = obj.lemma_.lower() if obj is not None else ""
    if {lemma, phrase} & vocab.information_verbs and obj_lemma in vocab.information_nouns:
        return None
    if lemma == "charge" and _charges_a_price(verb, obj, vocab):
        return None
    if (
        coding.type == "RETREAT"
        and {lemma, phrase} & vocab.release_words
        and not _is_a_person(_undergoer(verb, obj, vocab), lexicon, vocab)
    ):
        return None  # 'released the album', 'the single, which was released on Monday'
    if phrase == "ask" and _asks_a_question(verb, vocab):
        return None
    if lemma == "meet" and _meets_no_one(verb, obj, vocab):
        return None
    if coding.type == "CONSULT" and lemma in vocab.partner_verbs and not _has_partner(verb):
        return None
    if (
        coding.type == "CONSULT"
        and lemma in vocab.visit_verbs
        and _is_a_programme(_undergoer(verb, obj, vocab), lexicon)
    ):
        return None  # 'hosted the Tonight Show', 'Get Me Out Of Here!, which they also host'
    if {lemma, phrase} & vocab.verbal_attack_verbs:
        as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        if (
            as_phrase
            or obj_lemma in vocab.abstract_objects
            or _attacks_in_words(verb, obj, lexicon, vocab)
        ):
            return Coding("ACCUSE", "disapprove")
    return coding


def _attacks_in_words(verb: Token, obj: Token | None, lexicon: Lexicon, vocab: EventWords) -> bool:
    """'the co-chairman attacked Labour': a person's or party's attack on a party or a person,
    told as speech or aimed at a party, with no weapon or harm in the sentence."""
    if obj is None or obj.dep_ != "dobj" or obj.ent_type_ in PLACE_TYPES:
        return False  # states attacking states, attacks on towns; 'was attacked in a park'
    actor = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if actor is not None and not _can_speak(actor, vocab):
        return False  # 'gunmen attacked', 'rebels attacked'
    sentence = verb.sent
    if _tells_violence(sentence, lexicon, vocab):
        return False
    if obj.ent_type_ in PERSON_TYPES:
        return True
    personal = actor is not None and (
        actor.ent_type_ in PERSON_TYPES or actor.lower_ in vocab.speaker_pronouns
    )
    if personal and obj.ent_type_ in ("ORG", "NORP"):
        return True  # 'Jane Smith attacked the Liberal Party'
    # one group attacking another ('Hamas attacked Fatah') is words only when told as speech
    return any(
        t.lower_ in ('"', "“", "”") or t.lemma_.lower() in vocab.saying_verbs for t in sentence
    )


def _tells_violence(sentence: Span, lexicon: Lexicon, vocab: EventWords) -> bool:
    """A weapon, harm or armed-force word, or one of the lexicon's ASSAULT cues, in the sentence."""
    violence = vocab.violence_words | {w for w, _ in lexicon.cues.get("ASSAULT", [])}
    return any(t.lemma_.lower() in violence or t.lower_ in violence for t in sentence)


def _can_speak(token: Token, vocab: EventWords) -> bool:
    """A named person, party or government, or a personal pronoun."""
    if token.lower_ in vocab.speaker_pronouns:
        return True
    return token.ent_type_ in PERSON_TYPES or token.ent_type_ in ("ORG", "NORP", "GPE")


def _undergoer(verb: Token, obj: Token | None, vocab: EventWords) -> Token | None:
    """What the verb acts on: its object, or for a relative clause whose object is missing or a
    relative pronoun, the noun the clause modifies ('the single, which was released')."""
    if verb.dep_ == "relcl" and (obj is None or obj.lower_ in vocab.relative_pronouns):
        return verb.head
    return obj


def _is_a_person(token: Token | None, lexicon: Lexicon, vocab: EventWords) -> bool:
    """Someone who can be set free: a person or nationality entity, a personal pronoun, a bare
    number, or a noun whose first WordNet sense is a person ('prisoners', 'hostages'), or a
    conjunct of one."""
    if token is None:
        return False
    counted = _of_object(token) if token.pos_ != "NOUN" else None
    if counted is not None:
        return _is_a_person(counted, lexicon, vocab)  # 'many of their players'
    kinds = vocab.pronoun_types.get(token.lower_)
    if kinds is not None:
        return bool(kinds & PERSON_TYPES)
    if token.tag_ in ("PRP", "PRP$") or token.pos_ == "NUM":
        return True  # 'release me', 'release the four'
    if token.ent_type_ in PERSON_TYPES or token.ent_type_ == "NORP":
        return True
    lemma = token.lemma_.lower()
    if lemma in lexicon.person_nouns or lemma in vocab.people_nouns:
        return True
    return any(_is_a_person(c, lexicon, vocab) for c in token.children if c.dep_ == "conj")


def _consults_no_one(cameo: CameoMatch | None, lexicon: Lexicon, vocab: EventWords) -> bool:
    """A CAMEO consultation pattern that names a thing ('send message'), with no one it is
    sent to: PETRARCH2 codes it only towards an actor ('sent a message to Israel'); a text,
    e-mail or picture message sent to no one is no consultation."""
    if cameo is None or cameo.obj is None or cameo.coding is None:
        return False
    if cameo.coding.type != "CONSULT" or _actor_or_place(cameo.obj, lexicon, vocab):
        return False
    recipient = cameo.target if cameo.target is not cameo.obj else None
    return not _actor_or_place(recipient, lexicon, vocab)


def _actor_or_place(token: Token | None, lexicon: Lexicon, vocab: EventWords) -> bool:
    """What PETRARCH2 codes a move towards ('came to Scotland', 'flew to Beijing', 'came to
    him'): a person, group or place entity, a personal pronoun or a person noun."""
    if token is None:
        return False
    if token.ent_type_ in PERSON_TYPES or token.ent_type_ in GROUP_TYPES:
        return True
    if token.lower_ in vocab.anaphoric_nouns or token.lemma_.lower() in vocab.anaphoric_nouns:
        return True
    return _is_a_person(token, lexicon, vocab) and token.pos_ != "NUM"


def _has_partner(verb: Token) -> bool:
    """'talked to me', 'talks with Juventus', 'the two sides talked', 'Blair and Brown talk'."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "with"):
            return True
        several = child.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in child.children)
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN") and several:
            return True
    return False


def _is_a_programme(token: Token | None, lexicon: Lexicon) -> bool:
    """A show, concert, message or page version ('hosting the children's show', 'visit fake
    versions'): an act or communication noun (WordNet, act_nouns.txt) naming no actor or place
    and not itself one of the lexicon's event nouns ('hosted the meeting', 'host talks')."""
    if token is None or token.ent_type_ in PERSON_TYPES or token.ent_type_ in GROUP_TYPES:
        return False
    lemma = token.lemma_.lower()
    if lemma not in lexicon.act_nouns or _noun_coding(token, lexicon)[0] is not None:
        return False
    return not any(
        t.ent_type_ in PERSON_TYPES or t.ent_type_ in GROUP_TYPES
        for t in token.subtree
        if t.dep_ in ("compound", "poss")
    )


def _is_money(token: Token, vocab: EventWords) -> bool:
    text = token.lower_
    return (
        token.ent_type_ == "MONEY"
        or text in vocab.currency_words
        or (text[:1].isdigit() and text.rstrip("bnmk") != text)  # "1.5bn", "80m"
    )


def _is_a_cost(noun: Token, vocab: EventWords) -> bool:
    """'landing charges', 'a $232m charge', 'a pre-tax charge of $618m': a cost, not a count."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.lemma_.lower() in vocab.fee_modifiers:
            return True
        if child.dep_ in ("nmod", "nummod", "compound", "amod") and _is_money(child, vocab):
            return True
        of_sum = child.dep_ == "prep" and child.lower_ == "of"
        if of_sum and any(_is_money(t, vocab) for t in child.subtree):
            return True
    return False


def _charges_a_price(verb: Token, obj: Token | None, vocab: EventWords) -> bool:
    """'the rates they charge', 'charge £5 a call': asking a price, not accusing."""
    priced = [obj] if obj is not None else []
    if verb.dep_ == "relcl":
        priced.append(verb.head)
    for token in priced:
        if token.lemma_.lower() in vocab.fee_nouns or any(
            _is_money(t, vocab) for t in token.subtree
        ):
            return True
    return any(c.dep_ == "dobj" and _is_money(c, vocab) for c in verb.children)


def _asks_a_question(verb: Token, vocab: EventWords) -> bool:
    """'asked if she was a member', 'asked about the article', 'Mr Lewis asked.': a question
    put, not a request (which asks someone to do or give something: 'asked them to leave')."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True
        if child.dep_ in ("ccomp", "advcl", "parataxis"):
            if child.left_edge.lower_ in vocab.question_words:
                return True
            if any(t.text == "?" for t in child.subtree):
                return True
    asked_for = ("dobj", "dative", "ccomp", "prep", "nsubjpass", "mark")  # "even if X asked"
    return not any(c.dep_ in asked_for for c in verb.children)


def _meets_no_one(verb: Token, obj: Token | None, vocab: EventWords) -> bool:
    """'meet the targets', 'make ends meet', 'met with disapproval': no one is met."""
    met = [obj] if obj is not None else []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            met += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ in ("dobj", "nsubj"):
            met.append(child)
    return any(t.lemma_.lower() in vocab.meet_non_partners for t in met)


def _needs_object(lemma: str, obj: Token | None, vocab: EventWords) -> bool:
    """'deny', 'seek' are triggers only with a nominal object, not with a clause;
    'recognize' only with an actor ('recognised Kosovo', not 'recognised the need')."""
    if lemma in vocab.needs_actor_object:
        return obj is None or not _names_an_actor(obj, vocab)
    if lemma not in vocab.needs_noun_object:
        return False
    return obj is None or obj.pos_ not in ("NOUN", "PROPN")


def _names_an_actor(obj: Token, vocab: EventWords) -> bool:
    """A state, government or group: a name in the phrase, or a noun that stands for one."""
    if obj.lemma_.lower() in vocab.anaphoric_nouns:
        return True
    return any(t.pos_ == "PROPN" or t.ent_type_ in GROUP_TYPES for t in obj.subtree)


def _object_of(verb: Token, vocab: EventWords) -> Token | None:
    """The verb's object head (passive subject, or the noun a participle modifies)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            return look_through_quantity(child, vocab)
        if child.dep_ == "prep" and child.lower_ in vocab.particle_preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return look_through_quantity(pobj, vocab)
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "into"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in vocab.prepositional_objects:
                return pobj
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return look_through_quantity(verb.head, vocab)
    return None


def _noun_predicate(
    noun: Token, lexicon: Lexicon, vocab: EventWords, typed_verbs: set[int]
) -> Predicate | None:
    coding, start, end = _noun_coding(noun, lexicon)
    if coding is None:
        return None
    governor = noun.head
    modifier = noun.dep_ == "compound" and governor.pos_ in ("NOUN", "PROPN")
    if modifier and governor.lemma_.lower() not in vocab.carrier_nouns:
        return None  # "asylum quotas", "opposition parties"; but "a mediation mission"
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and governor.i in typed_verbs:
        return None  # "signed an agreement": the verb already carries the event
    if vocab.idiom_preposition.get(noun.lemma_.lower()) == governor.lower_:
        return None  # "in charge of"
    if noun.lemma_.lower() == "charge" and _is_a_cost(noun, vocab):
        return None  # "landing charges", "a pre-tax charge of $618m"
    if coding.type == "RETREAT" and noun.lemma_.lower() in vocab.release_words:
        released = _of_object(noun) or next((c for c in noun.children if c.dep_ == "poss"), None)
        if not _is_a_person(released, lexicon, vocab):  # "the release of new albums"
            return Predicate(
                noun, noun.idx, noun.idx + len(noun), None, *noun_arguments(noun, vocab)
            )
    if _market_demand(
        noun, lexicon, vocab
    ):  # "domestic demand": an event (of the economy), not a REQUEST
        return Predicate(noun, noun.idx, noun.idx + len(noun), None, *noun_arguments(noun, vocab))
    if _names_a_topic(noun, vocab):
        return None  # "spent £3bn on asylum", "progress on debt relief"
    clause = None
    actor, target = noun_arguments(noun, vocab)
    if noun.dep_ in ("dobj", "attr") and governor.pos_ in ("VERB", "AUX"):
        # "imposed a curfew", "would tighten the blockade": the verb carries the noun's event
        # (its factuality, time and actor); the noun's own arguments come first
        clause = governor
        verb_actor, verb_target = actor_and_target(governor, vocab, skip_object=True)
        actor, target = actor or verb_actor, target or verb_target
    if coding.type == "ASSAULT" and _noun_attack_in_words(noun, actor, target, lexicon, vocab):
        coding = Coding("ACCUSE", "disapprove")  # "Howard launched an attack on Labour"
    return Predicate(noun, start, end, coding, actor, target, clause)


def _event_noun(noun: Token, lexicon: Lexicon, vocab: EventWords) -> Predicate | None:
    """A noun that names an act or event ('the bankruptcy filing', 'sales', 'the decision'),
    outside PLOVER: WordNet's event nouns (``resources/events/event_nouns.txt``)."""
    if noun.lemma_.lower() not in lexicon.event_nouns:
        return None
    return Predicate(noun, noun.idx, noun.idx + len(noun), None, *noun_arguments(noun, vocab))


def _noun_attack_in_words(
    noun: Token, actor: Token | None, target: Token | None, lexicon: Lexicon, vocab: EventWords
) -> bool:
    """'X launched an attack on the cost of ...': a named attacker's attack in words."""
    if noun.lemma_.lower() not in vocab.verbal_attack_verbs or actor is None or target is None:
        return False
    if not _can_speak(actor, vocab) or target.ent_type_ in PLACE_TYPES:
        return False
    if _tells_violence(noun.sent, lexicon, vocab):
        return False
    return (
        target.lemma_.lower() in vocab.abstract_objects
        or target.ent_type_ in PERSON_TYPES
        or target.ent_type_ in ("ORG", "NORP")
    )


def _market_demand(noun: Token, lexicon: Lexicon, vocab: EventWords) -> bool:
    """Singular 'demand' with no claimant, clause or claim determiner is the economy's demand
    ('domestic demand', 'the demand for oil'), not a demand someone made."""
    if noun.lemma_.lower() != "demand" or noun.tag_ != "NN":
        return False
    for child in noun.children:
        if child.dep_ in ("poss", "acl", "ccomp"):  # "their demand", "a demand that ..."
            return False
        if child.dep_ == "det" and child.lower_ in vocab.claim_determiners:
            return False
    for child in noun.children:  # "the demand for an apology", "the demand for Turkey to ..."
        if child.dep_ == "prep" and child.lower_ == "for":
            asked = [c for c in child.children if c.dep_ == "pobj"]
            if any(t.pos_ == "PROPN" or _noun_coding(t, lexicon)[0] for t in asked):
                return False
    return not any(t.tag_ == "VB" and t.dep_ != "relcl" for t in noun.subtree)


def _names_a_topic(noun: Token, vocab: EventWords) -> bool:
    """A bare singular noun (or its conjunct) after 'on/about/over' is a subject matter, not
    an act: no determiner, possessor, number, adjective or argument of its own."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in vocab.topic_preps:
        return False
    if prep.lower_ == "on" and prep.head.lemma_.lower() in vocab.on_state_verbs:
        return False  # "remain on hunger strike": a state the subject is in
    bare_deps = ("compound", "conj", "cc", "punct")
    return noun.tag_ == "NN" and all(c.dep_ in bare_deps for c in noun.children)


def _noun_coding(noun: Token, lexicon: Lexicon) -> tuple[Coding | None, int, int]:
    """The longest lexicon phrase headed by this noun, and its character span."""
    end = noun.idx + len(noun)
    for phrase in _noun_phrase_lemmas(noun, lexicon.longest_noun):
        coding = lexicon.nouns.get(phrase)
        if coding is None:
            continue
        if " of " in phrase:  # "state of emergency": the span runs to the complement
            last = _of_object(noun)
            return coding, noun.idx, (last.idx + len(last)) if last is not None else end
        return coding, _phrase_start(noun, len(phrase.split())), end
    return None, noun.idx, end


def _of_object(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _noun_phrase_lemmas(noun: Token, longest: int) -> list[str]:
    """Candidate phrases, longest first: 'state of emergency', 'hunger strike', 'strike'."""
    lemma = noun.lemma_.lower()
    phrases = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                phrases.append(f"{lemma} of {pobj.lemma_.lower()}")
    doc = noun.doc
    for size in range(min(longest, noun.i + 1), 1, -1):
        left = doc[noun.i - size + 1 : noun.i]
        if all(t.head.i > t.i and t.head.i <= noun.i for t in left):
            phrases.append(" ".join([t.lemma_.lower() for t in left] + [lemma]))
    phrases.append(lemma)
    return phrases


def _phrase_start(noun: Token, size: int) -> int:
    """Character start of a phrase of ``size`` words ending in ``noun`` (or the noun itself)."""
    if size > 1 and noun.i - size + 1 >= 0 and noun.doc[noun.i - 1].head.i == noun.i:
        return noun.doc[noun.i - size + 1].idx
    return noun.idx


def _without_nested(preds: list[Predicate]) -> list[Predicate]:
    """Drop a trigger that shares its head with an earlier, longer one."""
    seen: set[int] = set()
    kept = []
    for pred in preds:
        if pred.head.i in seen:
            continue
        seen.add(pred.head.i)
        kept.append(pred)
    return kept
