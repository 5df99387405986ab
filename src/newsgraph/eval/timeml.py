"""Reader for TimeML (.tml) files: the <TEXT> body with tags stripped and TIMEX3 offsets.

TimeBank and AQUAINT mark the document creation time as a TIMEX3 with
``functionInDocument="CREATION_TIME"`` inside <DCT>; its value is the reference date that
relative expressions in the body are resolved against.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import NewsgraphError


@dataclass
class Timex:
    """One gold TIMEX3: character offsets into ``TimemlDoc.text`` plus type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimemlDoc:
    id: str
    text: str
    dct: str | None  # YYYY-MM-DD
    timexes: list[Timex] = field(default_factory=list)


def read_timeml(path: Path, limit: int | None = None) -> list[TimemlDoc]:
    """All .tml documents under ``path`` (a folder searched recursively, or one file)."""
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    if not files:
        raise NewsgraphError(f"no TimeML .tml files under {path}; point at a TimeBank folder")
    return [read_document(f) for f in files[:limit]]


def read_document(path: Path) -> TimemlDoc:
    """One .tml file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise NewsgraphError(f"{path}: not valid TimeML XML ({exc})") from exc
    body = root.find("TEXT")
    if body is None:
        raise NewsgraphError(f"{path}: no <TEXT> element; is this a TimeML file?")
    parts: list[str] = []
    timexes: list[Timex] = []
    _walk(body, parts, timexes, [0])
    return TimemlDoc(id=path.stem, text="".join(parts), dct=_dct(root), timexes=timexes)


def _walk(el: ET.Element, parts: list[str], timexes: list[Timex], pos: list[int]) -> None:
    """Append the text under ``el`` and record every TIMEX3 it contains."""
    start = pos[0]
    _emit(el.text, parts, pos)
    for child in el:
        _walk(child, parts, timexes, pos)
        _emit(child.tail, parts, pos)
    if el.tag == "TIMEX3":
        text = "".join(parts)[start : pos[0]]
        timexes.append(Timex(start, pos[0], text, el.get("type", ""), el.get("value", "")))


def _emit(text: str | None, parts: list[str], pos: list[int]) -> None:
    if text:
        parts.append(text)
        pos[0] += len(text)


def _dct(root: ET.Element) -> str | None:
    """The creation time's date part (YYYY-MM-DD), if the document has one."""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            value = timex.get("value", "")
            return value[:10] if len(value) >= 10 else None
    return None
