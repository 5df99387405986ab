"""Reader for PolNeAR (Political News Attribution Relations): brat .ann files plus metadata.tsv.

Each split folder holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``. Most
articles have one annotator; the few annotated by all six (agreement checks) are read once,
from the alphabetically first annotator's file, so every article counts exactly once.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import NewsgraphError

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    """One annotated attribution relation: who (source), through what (cue), said what."""

    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    content_text: str = ""
    cue_text: str = ""


@dataclass
class PolnearDoc:
    """One article with its publication date and gold attributions."""

    name: str
    text: str
    published: str | None
    annotator: str
    attributions: list[GoldAttribution]


def read_split(path: Path, limit: int | None = None) -> list[PolnearDoc]:
    """Every article of a split folder (dev, train), sorted by name, at most ``limit``."""
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise NewsgraphError(
            f"{path} is not a PolNeAR split folder: expected text/ and attributions/ in it"
        )
    dates = read_dates(path.parent / "metadata.tsv")
    docs: list[PolnearDoc] = []
    for text_file in sorted(text_dir.glob("*.txt"))[:limit]:
        name = text_file.stem
        anns = sorted(ann_dir.glob(f"{name}_*.ann"))
        if not anns:
            continue
        ann = anns[0]
        annotator = ann.stem.rsplit("_", 1)[1]
        text = text_file.read_text(encoding="utf-8")
        docs.append(PolnearDoc(name, text, dates.get(name), annotator, read_ann(ann)))
    return docs


def read_dates(metadata: Path) -> dict[str, str]:
    """Publication date by article name; empty when metadata.tsv is missing."""
    if not metadata.exists():
        return {}
    with metadata.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {r["filename"]: r["publication_date"] for r in rows if r.get("publication_date")}


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attribution relations of one brat file (E lines joining Source, Cue and Content)."""
    spans: dict[str, tuple[Spans, str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = (_parse_offsets(parts[1]), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            relations.append(roles)
    found: list[GoldAttribution] = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        cue = spans.get(roles.get("Cue", ""), ([], ""))
        source = spans.get(roles.get("Source", ""), ([], ""))
        found.append(GoldAttribution(content[0], cue[0], source[0], content[1], cue[1]))
    return found


def _parse_offsets(kind_and_offsets: str) -> Spans:
    """ "Content 315 448;463 553" -> [(315, 448), (463, 553)]."""
    _, _, offsets = kind_and_offsets.partition(" ")
    pairs: Spans = []
    for piece in offsets.split(";"):
        numbers = piece.split()
        if len(numbers) == 2 and all(n.isdigit() for n in numbers):
            pairs.append((int(numbers[0]), int(numbers[1])))
    return pairs
