"""Evaluation of the events stage.

Two modes, chosen by the path:
- a MEANTIME folder: event triggers (relaxed overlap) against EVENT_MENTIONs, all of them and
  the verbal non-grammatical subset, and Arg0/Arg1 accuracy on matched triggers;
- a PLOVER gold-standard JSON file (gsr_dev.json): event type and mode accuracy of the event
  whose trigger overlaps the record's EVT markup (else the one nearest the sentence root).
Each side by side with a naive baseline: the sentence root verb with its subject and object.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.errors import NewsgraphError
from newsgraph.eval.meantime import MeantimeDoc, Span, read_meantime
from newsgraph.eval.report import PRF, Report
from newsgraph.eval.split import half_of
from newsgraph.model import Article, Event
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.stages.events.arguments import argument_span
from newsgraph.stages.events.plover import TYPES_FILE, Lexicon, build_lexicon

# The baseline's fallback type: the manual calls CONSULT "the largest category in most event
# data sets".
BASELINE_FALLBACK_TYPE = "CONSULT"
_MARKUP = re.compile(r"\(([A-Z/]+): ([^()]*)\)")


@dataclass
class Trigger:
    """A system's trigger with the spans of its actor and target, for scoring."""

    start: int
    end: int
    actor: tuple[int, int] | None = None
    target: tuple[int, int] | None = None
    factuality: str = "happened"


def evaluate(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Score the events stage on MEANTIME (a folder) or PLOVER GSR records (a .json file)."""
    if path.is_dir():
        return evaluate_meantime(path, settings, limit)
    if path.suffix == ".json" and path.is_file():
        return evaluate_plover(path, settings, limit)
    raise NewsgraphError(f"{path}: expected a MEANTIME folder or a PLOVER gold-standard .json file")


def _analyse(pipeline: Pipeline, article: Article) -> Doc:
    """Run the whole pipeline on one article and keep the parse for the baseline."""
    doc = pipeline.nlp(article.text)
    pipeline.run_stages(article, doc)
    return doc


# ---- MEANTIME -------------------------------------------------------------------------------


_MEANTIME_SYSTEMS = ("baseline", "newsgraph", "newsgraph.roots", "newsgraph.plover")
_ARG_ROLES = ("Arg0", "Arg1", "factuality", "factuality.if_all_happened")


def evaluate_meantime(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Trigger P/R/F1 and Arg0/Arg1 of the pipeline's output events against MEANTIME
    EVENT_MENTIONs, per tune/check half of the documents (by name)."""
    docs = read_meantime(path, limit)
    classes = _event_classes(path, limit)
    pipeline = Pipeline(settings)
    keys = [f"{h}.{s}" for h in ("tune", "check", "all") for s in _MEANTIME_SYSTEMS]
    prf = {(k, g): PRF() for k in keys for g in ("all", "verbal")}
    args = {(k, r): [0, 0] for k in keys for r in _ARG_ROLES}
    links = {(k, r): PRF() for k in keys for r in _ROLES}
    for mdoc in docs:
        article = Article(id=mdoc.id, text=mdoc.text, published=mdoc.dct)
        doc = _analyse(pipeline, article)
        region = _annotated_region(mdoc, doc)
        predicted = {
            name: [t for t in triggers if region[0] <= t.start < region[1]]
            for name, triggers in _meantime_systems(article, doc).items()
        }
        gold_all = [e for e in mdoc.events if e.start >= mdoc.body_start]
        gold_verbal = [e for e in gold_all if _verbal(e, classes.get((mdoc.id, e.id), ""))]
        chains = _chains(mdoc)
        for half in (half_of(mdoc.name), "all"):
            for system, triggers in predicted.items():
                key = f"{half}.{system}"
                scoring = _Scoring(args, {r: links[(key, r)] for r in _ROLES}, chains)
                _score_triggers(triggers, gold_all, prf[(key, "all")], scoring, key)
                _score_triggers(triggers, gold_verbal, prf[(key, "verbal")], None, key)
    report = Report(task="events (MEANTIME)", documents=len(docs))
    for key in keys:
        for gold in ("all", "verbal"):
            report.add_prf(key, f"trigger.{gold}", prf[(key, gold)])
        for role in _ARG_ROLES:
            right, total = args[(key, role)]
            report.add(key, f"{role}.accuracy", right / total if total else 0.0)
        for role in _ROLES:
            report.add_prf(key, f"{role}.link", links[(key, role)])
    counts = {h: sum(half_of(d.name) == h for d in docs) for h in ("tune", "check")}
    report.notes += [
        f"halves by SHA-1 of the document name (eval/split.py): tune {counts['tune']}, check "
        f"{counts['check']} documents",
        "relaxed overlap; body only (headline and date line excluded), up to the end of the "
        "last annotated sentence (MEANTIME annotates only the opening sentences)",
        "all = every EVENT_MENTION (nouns, speech, grammatical); verbal = pos VERB and the "
        "event's class is not GRAMMATICAL",
        "newsgraph = the pipeline's output, every event of article.events; newsgraph.plover = "
        "its PLOVER-typed events; newsgraph.roots = its events on sentence roots, to compare "
        "arguments with the baseline on the same footing; arguments are the events' "
        "actor/target spans",
        "factuality accuracy: on matched triggers, gold polarity NEG -> negated, certainty "
        "POSSIBLE/PROBABLE -> hypothetical, time FUTURE -> future (planned or promised), else "
        "happened; the baseline always says happened",
        "ArgN accuracy: on matched gold triggers with that role, the predicted actor (Arg0) or "
        "target (Arg1) overlaps a gold participant or another mention of the same gold entity "
        "(MEANTIME coreference: 'which' and its antecedent, 'they' and 'Airbus'); each system "
        "is scored on its own triggers, so the baseline's root verbs are the easy cases",
        "ArgN.link: end to end over every gold event, (trigger, role, argument) links: a "
        "predicted link is right when its trigger matches a gold event and its argument is "
        "right as above; recall is over every gold event that has the role",
    ]
    return report


def _meantime_systems(article: Article, doc: Doc) -> dict[str, list[Trigger]]:
    """The triggers of each scored system on one document."""
    output = [_output_trigger(ev) for ev in article.events]
    roots = [
        t
        for ev, t in zip(article.events, output, strict=True)
        if _is_root(doc, ev.trigger_start, ev.trigger_end)
    ]
    return {
        "baseline": baseline_triggers(doc),
        "newsgraph": output,
        "newsgraph.roots": roots,
        "newsgraph.plover": [t for ev, t in zip(article.events, output, strict=True) if ev.type],
    }


def _output_trigger(ev: Event) -> Trigger:
    actor = (ev.actor_start, ev.actor_end) if ev.actor_start is not None else None
    target = (ev.target_start, ev.target_end) if ev.target_start is not None else None
    return Trigger(ev.trigger_start, ev.trigger_end, actor, target, ev.factuality)  # type: ignore[arg-type]


def _is_root(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "ROOT" for t in span)


def _annotated_region(mdoc: MeantimeDoc, doc: Doc) -> tuple[int, int]:
    """MEANTIME annotates only the opening sentences: score the body up to the end of the
    sentence holding the last markable of any kind."""
    markables = [*mdoc.events, *mdoc.entities, *mdoc.timexes, *mdoc.values]
    last = max((m.end for m in markables), default=0)
    span = doc.char_span(max(last - 1, 0), last, alignment_mode="expand") if last else None
    end = span.sent.end_char if span is not None and len(span) else last
    return mdoc.body_start, end


def _verbal(event: Span, event_class: str) -> bool:
    return event.attrs.get("pos") == "VERB" and event_class != "GRAMMATICAL"


def _event_classes(path: Path, limit: int | None) -> dict[tuple[str, str], str]:
    """(doc id, mention id) -> class of the EVENT instance it refers to (not in the reader)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.xml"))
    out: dict[tuple[str, str], str] = {}
    for file in files[:limit]:
        root = ET.parse(file).getroot()
        doc_id = root.get("doc_id", file.stem)
        instance = {e.get("m_id", ""): e.get("class", "") for e in root.iter("EVENT")}
        for rel in root.iter("REFERS_TO"):
            targets = [t.get("m_id", "") for t in rel.findall("target")]
            cls = next((instance[t] for t in targets if t in instance), None)
            if cls is None:
                continue
            for src in rel.findall("source"):
                out[(doc_id, src.get("m_id", ""))] = cls
    return out


def baseline_triggers(doc: Doc) -> list[Trigger]:
    """The naive system: each sentence's root verb, its subject and its object."""
    out = []
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        obj = next((c for c in root.children if c.dep_ == "dobj"), None)
        out.append(Trigger(root.idx, root.idx + len(root), argument_span(subj), argument_span(obj)))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_ROLES = ("Arg0", "Arg1")


@dataclass
class _Scoring:
    """Where participant scores of one system on one document go."""

    args: dict[tuple[str, str], list[int]]  # (system, role) -> [hits, total] on matched triggers
    links: dict[str, PRF]  # role -> end-to-end link counts
    chains: dict[str, list[tuple[int, int]]]  # gold entity instance -> its mention spans


def _chains(mdoc: MeantimeDoc) -> dict[str, list[tuple[int, int]]]:
    """Each gold entity instance with the spans of all its mentions."""
    chains: dict[str, list[tuple[int, int]]] = {}
    for mention in mdoc.entities:
        if mention.instance:
            chains.setdefault(mention.instance, []).append((mention.start, mention.end))
    return chains


def _score_triggers(
    triggers: list[Trigger],
    gold: list[Any],
    prf: PRF,
    scoring: _Scoring | None,
    system: str,
) -> None:
    """One-to-one relaxed matching; participants scored on the matched pairs."""
    used: set[int] = set()
    for trig in triggers:
        match = next(
            (
                i
                for i, g in enumerate(gold)
                if i not in used and _overlaps((trig.start, trig.end), (g.start, g.end))
            ),
            None,
        )
        if match is None:
            prf.fp += 1
            if scoring is not None:
                for role, span in (("Arg0", trig.actor), ("Arg1", trig.target)):
                    scoring.links[role].fp += span is not None
            continue
        used.add(match)
        prf.tp += 1
        if scoring is not None:
            _score_participants(trig, gold[match], scoring, system)
    if scoring is not None:
        for i, event in enumerate(gold):
            for role in _ROLES:
                scoring.links[role].fn += i not in used and bool(event.participants.get(role))
    prf.fn += len(gold) - len(used)


def _score_participants(trig: Trigger, gold: Any, scoring: _Scoring, system: str) -> None:
    args = scoring.args
    gold_class = gold_factuality(gold)
    for role, guess in (
        ("factuality", _FACTUALITY_CLASS[trig.factuality]),
        ("factuality.if_all_happened", "happened"),  # the majority class, same triggers
    ):
        args[(system, role)][1] += 1
        args[(system, role)][0] += guess == gold_class
    for role, span in (("Arg0", trig.actor), ("Arg1", trig.target)):
        spans = gold.participants.get(role)
        link = scoring.links[role]
        if not spans:
            link.fp += span is not None
            continue
        args[(system, role)][1] += 1
        accepted = [(s.start, s.end) for s in spans]
        for s in spans:
            accepted += scoring.chains.get(s.instance, []) if s.instance else []
        hit = span is not None and any(_overlaps(span, a) for a in accepted)
        args[(system, role)][0] += hit
        link.tp += hit
        link.fp += span is not None and not hit
        link.fn += not hit


# newsgraph's factuality values folded onto what MEANTIME marks (polarity, certainty, time).
_FACTUALITY_CLASS = {
    "happened": "happened",
    "planned": "future",
    "promised": "future",
    "hypothetical": "hypothetical",
    "denied": "negated",
    "negated": "negated",
}


def gold_factuality(event: Any) -> str:
    """A MEANTIME event's attributes as happened | future | hypothetical | negated."""
    attrs = event.attrs
    if attrs.get("polarity") == "NEG":
        return "negated"
    if attrs.get("certainty") in ("POSSIBLE", "PROBABLE"):
        return "hypothetical"
    if attrs.get("time") == "FUTURE":
        return "future"
    return "happened"


# ---- PLOVER gold-standard records ----------------------------------------------------------


@dataclass
class GsrRecord:
    """One coded sentence: its text, date, gold type/mode as annotated and the marked spans."""

    id: str
    text: str
    date: str | None
    type: str
    mode: str | None
    evt_spans: list[tuple[int, int]]
    src_spans: list[tuple[int, int]] = field(default_factory=list)
    tar_spans: list[tuple[int, int]] = field(default_factory=list)


def read_gsr(path: Path, limit: int | None = None) -> list[GsrRecord]:
    """The records that code a real event (DOCUMENT and text-less records are skipped)."""
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise NewsgraphError(f"{path}: not a readable PLOVER JSON file ({exc})") from exc
    if not isinstance(raw, list):
        raise NewsgraphError(f"{path}: expected a JSON list of PLOVER records")
    records = [r for rec in raw if (r := _gsr_record(rec)) is not None]
    return records[:limit]


def _gsr_record(rec: dict[str, Any]) -> GsrRecord | None:
    """The record's labels exactly as annotated (a list of modes gives its first)."""
    text, event = rec.get("text"), rec.get("event", "")
    if not text or not event or event == "DOCUMENT":
        return None
    mode = rec.get("mode") or None
    if isinstance(mode, list):
        mode = mode[0] if mode else None
    markup = (rec.get("textInfo") or {}).get("markup", "")
    return GsrRecord(
        id=rec.get("id", ""),
        text=text,
        date=rec.get("date"),
        type=event,
        mode=mode or None,
        evt_spans=_marked_spans(markup, text, "EVT"),
        src_spans=_marked_spans(markup, text, "SRC"),
        tar_spans=_marked_spans(markup, text, "TAR"),
    )


def _evt_spans(markup: str, text: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the '(EVT: ...)' parts of the markup."""
    return _marked_spans(markup, text, "EVT")


def _marked_spans(markup: str, text: str, tag: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the '(TAG: ...)' parts of the markup ('SRC/TAR' has both)."""
    spans, plain, last = [], [], 0
    for m in _MARKUP.finditer(markup):
        plain.append(markup[last : m.start()])
        start = sum(len(p) for p in plain)
        plain.append(m.group(2))
        if tag in m.group(1).split("/"):
            spans.append((start, start + len(m.group(2))))
        last = m.end()
    plain.append(markup[last:])
    if "".join(plain) == text:
        return spans
    # markup and text disagree: find each EVT phrase in the text instead
    found = []
    for m in _MARKUP.finditer(markup):
        if tag in m.group(1).split("/") and (at := text.find(m.group(2))) >= 0:
            found.append((at, at + len(m.group(2))))
    return found


def evaluate_plover(path: Path, settings: Settings, limit: int | None = None) -> Report:
    """Event type, mode and actor accuracy on PLOVER gold-standard records, per half."""
    records = read_gsr(path, limit)
    pipeline = Pipeline(settings)
    lexicon = pipeline.words.get(build_lexicon)
    plover_types = frozenset(pipeline.words.lines(TYPES_FILE))
    hits: dict[tuple[str, str], list[int]] = {}
    for rec in records:
        article = Article(id=rec.id, text=rec.text, published=rec.date)
        doc = _analyse(pipeline, article)
        guesses = {
            "newsgraph": _chosen_event(article, rec.evt_spans, doc),
            "baseline": baseline_coding(doc, lexicon, article),
        }
        for half in (half_of(rec.id), "all"):
            for system, guess in guesses.items():
                for metric, counted, hit in _gsr_scores(rec, guess, article, plover_types):
                    cell = hits.setdefault((f"{half}.{system}", metric), [0, 0])
                    cell[0] += int(hit and counted)
                    cell[1] += int(counted)
    report = Report(task="events (PLOVER GSR)", documents=len(records))
    for half in ("tune", "check", "all"):
        for system in ("baseline", "newsgraph"):
            for metric in _GSR_METRICS:
                right, total = hits.get((f"{half}.{system}", metric), [0, 0])
                report.add(f"{half}.{system}", metric, right / total if total else 0.0)
    counts = {h: sum(half_of(r.id) == h for r in records) for h in ("tune", "check")}
    report.notes += [
        "gold as annotated: type and mode compared as written in the record (the older GSR "
        "labels DEMAND, DISAPPROVE, INVESTIGATE, FIGHT and modes like strike-hun count as "
        "they are; see docs/events.md for where they differ from the manual)",
        f"halves by SHA-1 of the record id (eval/split.py): tune {counts['tune']}, check "
        f"{counts['check']} records",
        "type.accuracy.manual_types: the same, over the records whose gold type is one of the "
        "manual's sixteen (plover_types.txt), a subset fixed by the annotation",
        "newsgraph: the event whose trigger overlaps the EVT markup, else the one nearest the "
        "sentence root; no event counts as wrong",
        "source/target.accuracy: over records with SRC/TAR markup, the chosen event's actor "
        "(target) entity has a mention overlapping a marked span",
        f"baseline: root verb typed by the lexicon, else {BASELINE_FALLBACK_TYPE} (the "
        "manual's most frequent category)",
    ]
    return report


_GSR_METRICS = (
    "type.accuracy",
    "type.accuracy.manual_types",
    "mode.accuracy",
    "source.accuracy",
    "target.accuracy",
    "coverage",
)


def _gsr_scores(
    rec: GsrRecord, guess: _Coding | None, article: Article, plover_types: frozenset[str]
) -> list[tuple[str, bool, bool]]:
    """(metric, whether the record counts for it, whether the guess is right)."""
    kind, mode, actor, target = guess if guess is not None else (None, None, None, None)
    return [
        ("type.accuracy", True, kind == rec.type),
        ("type.accuracy.manual_types", rec.type in plover_types, kind == rec.type),
        ("mode.accuracy", rec.mode is not None, mode == rec.mode),
        ("source.accuracy", bool(rec.src_spans), _marks(article, actor, rec.src_spans)),
        ("target.accuracy", bool(rec.tar_spans), _marks(article, target, rec.tar_spans)),
        ("coverage", True, guess is not None),
    ]


def _marks(article: Article, entity_id: str | None, spans: list[tuple[int, int]]) -> bool:
    entity = article.entity(entity_id)
    if entity is None:
        return False
    return any(_overlaps((m.start, m.end), s) for m in entity.mentions for s in spans)


# (type, mode, actor id, target id) of the event a system codes for a record
_Coding = tuple[str | None, str | None, str | None, str | None]


def _chosen_event(article: Article, evt_spans: list[tuple[int, int]], doc: Doc) -> _Coding | None:
    """The event the record codes: trigger overlapping EVT markup, else nearest the root."""
    events = [ev for ev in article.events if ev.type is not None]
    chosen = next(
        (
            ev
            for span in evt_spans
            for ev in events
            if _overlaps((ev.trigger_start, ev.trigger_end), span)
        ),
        None,
    )
    if chosen is None and events:
        chosen = min(events, key=lambda ev: _depth(doc, ev.trigger_start))
    if chosen is None:
        return None
    return chosen.type, chosen.mode, chosen.actor, chosen.target


def _depth(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return len(list(span.root.ancestors)) if span is not None and len(span) else 99


def baseline_coding(doc: Doc, lexicon: Lexicon, article: Article | None = None) -> _Coding | None:
    """The root verb of the first sentence typed by the lexicon, else the fallback type; its
    subject and object as actor and target."""
    roots: Iterable[Token] = (s.root for s in doc.sents)
    root = next(iter(roots), None)
    if root is None:
        return None
    coding = lexicon.verbs.get(root.lemma_.lower())
    kind, mode = (BASELINE_FALLBACK_TYPE, None) if coding is None else (coding.type, coding.mode)
    trig = baseline_triggers(doc)
    first = next((t for t in trig if t.start == root.idx), None)
    if article is None or first is None:
        return kind, mode, None, None
    return kind, mode, _entity_in(article, first.actor), _entity_in(article, first.target)


def _entity_in(article: Article, span: tuple[int, int] | None) -> str | None:
    entity = article.entity_at(*span) if span is not None else None
    return entity.id if entity is not None else None
