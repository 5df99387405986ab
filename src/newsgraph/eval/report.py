"""The result of an evaluation run: named scores plus a table for people."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PRF:
    """Counts behind precision, recall and F1."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores of one evaluation: ``scores`` are flat names -> values (what the gate pins)."""

    task: str
    documents: int
    scores: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # rows for a table: (system, metric, value); the CLI prints them side by side
    rows: list[tuple[str, str, float]] = field(default_factory=list)

    def add(self, system: str, metric: str, value: float) -> None:
        self.rows.append((system, metric, value))
        self.scores[f"{system}.{metric}"] = value

    def add_prf(self, system: str, name: str, prf: PRF) -> None:
        self.add(system, f"{name}.precision", prf.precision)
        self.add(system, f"{name}.recall", prf.recall)
        self.add(system, f"{name}.f1", prf.f1)
