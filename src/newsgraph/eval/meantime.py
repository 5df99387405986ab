"""Reader for MEANTIME (NewsReader) CAT XML: text rebuilt from tokens, markables as offsets.

The text is detokenised (no space before closing punctuation, none after opening brackets) so
that spaCy sees ordinary prose; every markable is mapped to character offsets into that text.
Sentence 0 is the headline and sentence 1 the date line in Wikinews articles; both are kept as
their own paragraphs so that offsets stay consistent with the annotation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import NewsgraphError

_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "n't",
    "'",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "''",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "US$", "#"}


@dataclass
class Span:
    """A markable: character offsets into ``MeantimeDoc.text`` plus its annotation."""

    id: str
    start: int
    end: int
    text: str
    type: str = ""  # entity type (PER, ORG, LOC, PRO, FIN, MIX), TIMEX3 type or VALUE type
    syntactic_type: str = ""  # NAM, NOM, PRO, PRE.NAM, APP, ... for entity mentions
    value: str = ""  # TIMEX3 value
    instance: str = ""  # for entity mentions: the entity instance it REFERS_TO (coreference)
    instance_id: str = ""  # that instance's corpus-wide id (cross-document), '' when unannotated
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class EventMention(Span):
    """An event mention with its participants by PropBank role (Arg0, Arg1, Argm-LOC...)."""

    participants: dict[str, list[Span]] = field(default_factory=dict)


@dataclass
class MeantimeDoc:
    id: str
    name: str
    text: str
    dct: str | None  # the document creation time, YYYY-MM-DD
    body_start: int  # offset where the body starts (after headline and date line)
    entities: list[Span]
    events: list[EventMention]
    timexes: list[Span]
    values: list[Span]


def read_meantime(path: Path, limit: int | None = None) -> list[MeantimeDoc]:
    """All documents under ``path`` (a folder searched recursively, or one .xml file)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.xml"))
    if not files:
        raise NewsgraphError(f"no MEANTIME .xml files under {path}; point at a corpus folder")
    return [read_document(f) for f in files[:limit]]


def read_document(path: Path) -> MeantimeDoc:
    """One CAT XML file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise NewsgraphError(f"{path}: not valid CAT XML ({exc})") from exc
    text, offsets, body_start = _detokenise(root)
    markables = root.find("Markables")
    by_id: dict[str, ET.Element] = {}
    if markables is not None:
        by_id = {m.get("m_id", ""): m for m in markables}
    spans = {mid: _span(el, offsets, text) for mid, el in by_id.items()}
    refers = _relations(root, "REFERS_TO")
    entity_type = {src: by_id[tgt].get("ent_type", "") for src, tgt, _ in refers if tgt in by_id}
    instance = {src: tgt for src, tgt, _ in refers if tgt in by_id}
    instance_id = {src: by_id[tgt].get("instance_id", "") for src, tgt, _ in refers if tgt in by_id}

    entities, timexes, values, events = [], [], [], {}
    for mid, el in by_id.items():
        span = spans[mid]
        if span is None:
            continue
        if el.tag == "ENTITY_MENTION":
            span.type = entity_type.get(mid, "")
            span.syntactic_type = el.get("syntactic_type", "")
            span.instance = instance.get(mid, "")
            span.instance_id = instance_id.get(mid, "")
            entities.append(span)
        elif el.tag == "TIMEX3":
            span.type, span.value = el.get("type", ""), el.get("value", "")
            timexes.append(span)
        elif el.tag == "VALUE":
            span.type = el.get("type", "")
            values.append(span)
        elif el.tag == "EVENT_MENTION":
            events[mid] = EventMention(**vars(span))
    for src, tgt, role in _relations(root, "HAS_PARTICIPANT"):
        target = spans.get(tgt)
        if src in events and target is not None:
            events[src].participants.setdefault(role, []).append(target)
    dct = next(
        (t.value for t in timexes if t.attrs.get("functionInDocument") == "CREATION_TIME"), None
    )
    return MeantimeDoc(
        id=root.get("doc_id", path.stem),
        name=root.get("doc_name", path.stem),
        text=text,
        dct=dct,
        body_start=body_start,
        entities=sorted(entities, key=lambda s: (s.start, s.end)),
        events=sorted(events.values(), key=lambda s: (s.start, s.end)),
        timexes=sorted(timexes, key=lambda s: (s.start, s.end)),
        values=sorted(values, key=lambda s: (s.start, s.end)),
    )


def _detokenise(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]], int]:
    """Text from tokens, token id -> (start, end), and where sentence 2 (the body) starts."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, prev_sentence, prev_token, body_start = 0, None, "", 0
    for tok in root.iter("token"):
        word, sentence = tok.text or "", tok.get("sentence")
        if prev_sentence is None:
            sep = ""
        elif sentence != prev_sentence:
            sep = "\n\n" if prev_sentence in ("0", "1") else " "
        elif word in _NO_SPACE_BEFORE or prev_token in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        pos += len(sep)
        if sentence == "2" and prev_sentence != "2":
            body_start = pos
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sentence, prev_token = sentence, word
    return "".join(parts), offsets, body_start


def _span(el: ET.Element, offsets: dict[str, tuple[int, int]], text: str) -> Span | None:
    anchors = [
        offsets[a.get("t_id", "")]
        for a in el.findall("token_anchor")
        if a.get("t_id", "") in offsets
    ]
    if not anchors:
        return None
    start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
    attrs = {k: v for k, v in el.attrib.items() if k != "m_id"}
    return Span(id=el.get("m_id", ""), start=start, end=end, text=text[start:end], attrs=attrs)


def _relations(root: ET.Element, tag: str) -> list[tuple[str, str, str]]:
    """(source m_id, target m_id, sem_role) for each relation of this kind."""
    out = []
    for rel in root.iter(tag):
        targets = [t.get("m_id", "") for t in rel.findall("target")]
        role = rel.get("sem_role", "")
        out += [(s.get("m_id", ""), t, role) for s in rel.findall("source") for t in targets]
    return out
