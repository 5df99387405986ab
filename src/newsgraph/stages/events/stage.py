"""Stage 'events': every event mention (who did what to whom, when and where), typed with
PLOVER where it is a PLOVER event.

Triggers are every non-auxiliary verb and the event nouns. PLOVER codings come from verbs,
phrasal verbs, verb+object pairs and event nouns in the PLOVER lexicon (data in
``resources/events/plover_lexicon.tsv``, other word lists in ``resources/events/words.json``)
and from PETRARCH2's CAMEO verb patterns (``cameo``); the actor, target and place come from
the dependency parse and are resolved to the article's entities; the time is the time
expression attached to the trigger (else the publication date); factuality comes from
``factuality``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.model import Article, Entity, Event, TimeExpr
from newsgraph.settings import Settings
from newsgraph.stages.events import arguments as args
from newsgraph.stages.events import recipients
from newsgraph.stages.events.factuality import (
    HYPOTHETICAL,
    NEGATED,
    PLANNED,
    PROMISED,
    factuality_of,
    is_prospective,
    is_purpose,
)
from newsgraph.stages.events.plover import (
    CONTENT_TYPES,
    COOPERATIVE_TYPES,
    THREAT_MODES,
    THREAT_TYPES,
    Lexicon,
    build_lexicon,
)
from newsgraph.stages.events.predicate import Predicate
from newsgraph.stages.events.triggers import find_predicates
from newsgraph.stages.events.vocabulary import EventWords, build_event_words
from newsgraph.wordlists import WordLists

# PLOVER: cooperation reported as future or promised is AGREE; a future retreat is CONCEDE.
_FUTURE_RECODING = {
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "CONCEDE",
}
_DATED_TYPES = frozenset({"DATE", "TIME"})
# Acts done together: with a compound actor ('X and Y agreed'), each is the other's partner.
_JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})
# Types whose mode is the means (weapon, tactic, unit), often named outside the trigger phrase.
_MEANS_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE"})
# Types whose recipient is often named in the act they govern ('threatened to cut off
# electricity to X', 'demanded that X end curbs'), and the dependencies of that act.
_COMPLEMENT_TYPES = CONTENT_TYPES | {"AGREE"}
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})


def run(article: Article, doc: Doc, settings: Settings, words: WordLists) -> None:
    """Fill ``article.events`` from the parse and what earlier stages found."""
    lexicon, vocab = words.get(build_lexicon), words.get(build_event_words)
    article.events = extract_events(article, doc, lexicon, vocab)


def extract_events(article: Article, doc: Doc, lexicon: Lexicon, vocab: EventWords) -> list[Event]:
    """Every event mention in the document (PLOVER-typed where it is one), in text order,
    ids v1, v2, ..."""
    found = find_predicates(doc, lexicon, vocab, untyped=True)
    built = [(pred, build_event(article, pred, lexicon, vocab, "")) for pred in found]
    events = _without_duplicates(built)
    args.drop_event_arguments(built, events)
    for n, event in enumerate(events, start=1):
        event.id = f"v{n}"
    return events


def _without_duplicates(built: list[tuple[Predicate, Event]]) -> list[Event]:
    """One event per act: the same trigger, an overlapping trigger of the same act, or the
    infinitive complement of a verb that already carries it ('refused to meet',
    'threatened to attack', 'promised to provide aid': the refusal, threat or promise)."""
    by_head = {pred.head.i: event for pred, event in built}
    kept: list[Event] = []
    by_sentence: dict[int | None, list[Event]] = {}  # overlapping triggers share a sentence
    typed_longest_first = sorted(
        built,
        key=lambda b: (b[1].type is None, b[1].trigger_start - b[1].trigger_end, b[0].start),
    )
    for pred, event in typed_longest_first:
        _untype_content(pred, event, by_head)
        governor = _governing_event(pred, event, by_head)
        if governor is not None:  # the complement may name what the governor leaves out
            governor.actor = governor.actor or event.actor
            governor.target = governor.target or event.target
            governor.mode = governor.mode or event.mode
        else:
            same_sentence = by_sentence.setdefault(event.sentence_start, [])
            if not any(_same_act(event, other) for other in same_sentence):
                same_sentence.append(event)
                kept.append(event)
    return sorted(kept, key=lambda e: (e.trigger_start, e.trigger_end))


def _untype_content(pred: Predicate, event: Event, by_head: dict[int, Event]) -> None:
    """What is asked for, threatened or refused has not happened and is no act of its own:
    'requested help to assist the police', 'asked Russia to withdraw troops' stay mentions,
    untyped, and may name the request's target."""
    if event.type is None or pred.head.pos_ != "VERB":
        return
    head = pred.head
    if head.dep_ in _COMPLEMENT_DEPS:
        governor = by_head.get(head.head.i)
    elif head.dep_ in ("acl", "relcl") and head.head.dep_ == "dobj":
        governor = by_head.get(head.head.head.i)  # 'requested help to assist'
    else:
        return
    if governor is None or governor is event or governor.type not in CONTENT_TYPES:
        return
    if governor.type == event.type:
        return  # the same act: merged by _governing_event
    governor.target = governor.target or event.target
    event.type, event.mode = None, None


def _same_act(a: Event, b: Event) -> bool:
    """Same trigger span, or overlapping triggers with the same type, actor and target."""
    if (a.trigger_start, a.trigger_end) == (b.trigger_start, b.trigger_end):
        return True
    overlap = a.trigger_start < b.trigger_end and b.trigger_start < a.trigger_end
    return overlap and (a.type, a.actor, a.target) == (b.type, b.actor, b.target)


def _governing_event(pred: Predicate, event: Event, by_head: dict[int, Event]) -> Event | None:
    """The event of the verb whose infinitive complement this is, when it is the same act."""
    if pred.head.dep_ != "xcomp":
        return None
    governor = by_head.get(pred.head.head.i)
    if event.type is None or governor is None or governor is event:
        return None
    if governor.type != event.type:
        return None
    return governor if event.actor in (None, governor.actor) else None


def build_event(
    article: Article, pred: Predicate, lexicon: Lexicon, vocab: EventWords, event_id: str
) -> Event:
    """One Event from a predicate: arguments, time, place, factuality, and the PLOVER type and
    mode when the predicate is coded."""
    factuality = factuality_of(pred.head, vocab, pred.clause, pred.own_cues)
    event_type, mode = plover_coding(article, pred, lexicon, vocab, factuality)
    actor = args.entity_id(article, pred.actor, vocab)
    if actor is None and event_type is not None:  # 'European Community foreign ministers'
        actor = recipients.named_by_modifier(article, pred.actor, vocab)
    target = args.target_id(article, pred.target, vocab)  # an actor is not its own recipient below
    if target is None and event_type is not None:
        target = _recipient(article, pred, event_type, lexicon, vocab)
    time, source = event_time(article, pred, vocab)
    sent = pred.head.sent
    event = Event(
        id=event_id,
        type=event_type,
        mode=mode,
        trigger=article.text[pred.start : pred.end],
        trigger_start=pred.start,
        trigger_end=pred.end,
        actor=actor,
        target=target if target != actor else None,
        time=time,
        time_source=source,
        place=args.place_of(article, pred, vocab),
        factuality=factuality,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
    )
    if (span := args.argument_span(pred.actor, article.dateline)) is not None:
        event.actor_start, event.actor_end = span
        event.actor_text = article.text[span[0] : span[1]]
    if (span := args.argument_span(pred.target, article.dateline)) is not None:
        event.target_start, event.target_end = span
        event.target_text = article.text[span[0] : span[1]]
    return event


def _recipient(
    article: Article, pred: Predicate, event_type: str, lexicon: Lexicon, vocab: EventWords
) -> str | None:
    """Whom a typed event is directed at when its object names no entity, in order: the doer
    of the act it is about, a recipient phrase, the act it governs, a partner, the people a
    modifier or an 'of' phrase names, and last its place."""
    found = recipients.doer_of_object_act(article, pred, lexicon.event_nouns, vocab)
    found = found or args.recipient_id(article, pred, vocab)
    if found is None and event_type in _COMPLEMENT_TYPES:
        found = _complement_target(article, pred, vocab)
    if found is None and event_type in _JOINT_TYPES:
        found = args.partner_id(article, pred.actor, vocab)
    found = found or recipients.named_by_modifier(article, pred.target, vocab)
    found = found or recipients.owner_of_object(article, pred, vocab)
    return found or args.place_of(article, pred, vocab)


def _target_id(article: Article, token: Token | None, vocab: EventWords) -> str | None:
    """The recipient entity, else the one its modifier names."""
    return recipients.named_or_modified(article, token, vocab)


def _complement_target(article: Article, pred: Predicate, vocab: EventWords) -> str | None:
    """Who a threat, demand, refusal or agreement is about, named in the act it governs:
    'demanded that the government end curbs', 'threatened to cut off electricity to X',
    'refused to lift the curfew on X'."""
    head = pred.head if pred.head.pos_ == "VERB" else pred.clause
    if head is None:
        return None
    for comp in (c for c in head.children if c.dep_ in _COMPLEMENT_DEPS):
        subject = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if comp.dep_ == "ccomp" and subject is not None:
            return _target_id(article, subject, vocab)
        obj = next((c for c in comp.children if c.dep_ in ("dobj", "dative")), None)
        inner = Predicate(comp, comp.idx, comp.idx + len(comp), None, target=obj)
        found = _target_id(article, obj, vocab) or args.recipient_id(article, inner, vocab)
        if found is not None:
            return found
    return None


def plover_coding(
    article: Article, pred: Predicate, lexicon: Lexicon, vocab: EventWords, factuality: str
) -> tuple[str | None, str | None]:
    """The PLOVER type and mode of a coded predicate, (None, None) for other events."""
    if pred.coding is None:
        return None, None
    event_type, mode = pred.coding.type, pred.coding.mode
    if mode is None:
        mode = lexicon.mode_from_words(event_type, args.phrase_lemmas(pred))
    if mode is None and event_type in CONTENT_TYPES:  # "threatened to shell towns"
        mode = lexicon.mode_from_words(event_type, args.subtree_lemmas(pred))
    if mode is None and event_type in _MEANS_TYPES:  # weapons and tactics told nearby
        mode = lexicon.mode_from_words(event_type, args.sentence_lemmas(pred))
    event_type, mode = recode(event_type, mode, factuality, pred, vocab)
    if event_type != pred.coding.type and mode is None:
        mode = lexicon.mode_from_words(event_type, args.phrase_lemmas(pred))
    actor_entity = article.entity(args.entity_id(article, pred.actor, vocab))
    if _diplomatic_protest(event_type, pred, actor_entity):
        event_type, mode = "ACCUSE", "disapprove"
    return event_type, mode


def _diplomatic_protest(event_type: str, pred: Predicate, actor: Entity | None) -> bool:
    """A government that 'protests' complains (ACCUSE); crowds protest in the street."""
    return (
        event_type == "PROTEST"
        and pred.head.lemma_.lower() == "protest"
        and actor is not None
        and actor.type == "GPE"
    )


def recode(
    event_type: str, mode: str | None, factuality: str, pred: Predicate, vocab: EventWords
) -> tuple[str, str | None]:
    """PLOVER codes intentions as their own categories: promised or future cooperation is
    AGREE, a future retreat CONCEDE, a planned or conditional conflict act THREATEN, and
    cooperation that will not happen a refusal (REJECT)."""
    if factuality in (PLANNED, PROMISED) and event_type in _FUTURE_RECODING:
        return _FUTURE_RECODING[event_type], None
    purpose = pred.clause is None and is_purpose(pred.head, vocab)  # "stopped work to protest"
    if factuality in (PLANNED, PROMISED, HYPOTHETICAL) and event_type in THREAT_TYPES:
        if purpose:
            return event_type, mode
        threat = THREAT_MODES.get((event_type, mode), THREAT_MODES.get((event_type, None)))
        return "THREATEN", threat
    head = pred.clause if pred.clause is not None else pred.head
    if factuality == NEGATED and event_type in COOPERATIVE_TYPES and is_prospective(head, vocab):
        return "REJECT", None
    return event_type, mode


def event_time(
    article: Article, pred: Predicate, vocab: EventWords
) -> tuple[str | None, str | None]:
    """The value of the time expression that dates the event, else the publication date."""
    sent = pred.head.sent
    doc = pred.head.doc
    candidates: list[tuple[int, int, TimeExpr]] = []
    for tx in article.times:
        if tx.type not in _DATED_TYPES or not tx.value or tx.value.endswith("_REF"):
            continue
        if tx.start < sent.start_char or tx.end > sent.end_char:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if _ends_a_period(span.root, vocab):
            continue  # "renewed until October 2025": the end of what began earlier
        rank = _time_rank(span.root, pred)
        if rank is not None:
            distance = abs(span.root.i - pred.head.i)
            candidates.append((rank, distance, tx))
    if candidates:
        best = min(candidates, key=lambda c: (c[0], c[1]))[2]
        return best.value, "expression"
    if article.published:
        return article.published, "published"
    return None, None


def _time_rank(time_root: Token, pred: Predicate) -> int | None:
    """0: governed by the trigger; 1: inside its phrase; 2: attached to a governing verb."""
    anchor = pred.clause if pred.clause is not None else pred.head
    governor = _nearest_predicate(time_root)
    if governor is not None and governor.i in (anchor.i, pred.head.i):
        return 0
    inside = anchor.left_edge.i <= time_root.i <= anchor.right_edge.i
    if inside and pred.head.pos_ == "NOUN" and pred.clause is None:
        return 1  # "the March 2022 elections"
    if governor is not None and _dominates(governor, anchor):
        return 2
    return None


def _ends_a_period(time_root: Token, vocab: EventWords) -> bool:
    return time_root.dep_ == "pobj" and time_root.head.lower_ in vocab.period_end_preps


def _nearest_predicate(token: Token) -> Token | None:
    """The closest verb (or event noun heading the clause) above a time expression."""
    node = token
    while node.head is not node:
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
    return None


def _dominates(upper: Token, lower: Token) -> bool:
    return upper.i != lower.i and upper.is_ancestor(lower)
