"""Evaluation gate for events: check-half (eval/split.py) scores of the 29 check-half MEANTIME
documents (only they are read) and all PLOVER gsr_dev records must not drop below the pins
in tests/baselines/events.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, gate_failures, shared_path
from newsgraph.errors import NewsgraphError
from newsgraph.eval import events
from newsgraph.settings import Settings

BASELINE_FILE = ROOT / "tests" / "baselines" / "events.json"
BASELINE = json.loads(BASELINE_FILE.read_text("utf-8"))


@pytest.mark.shared
@pytest.mark.slow
def test_meantime_scores_hold(settings: Settings, meantime_check_half: Path) -> None:
    report = events.evaluate(meantime_check_half, settings)
    assert not gate_failures(report.scores, BASELINE_FILE, "meantime")
    for metric in ("trigger.all.f1", "Arg0.link.f1", "Arg1.link.f1"):
        assert (
            report.scores[f"check.newsgraph.{metric}"] > report.scores[f"check.baseline.{metric}"]
        )
    # on the baseline's own footing (sentence roots), arguments are at least as good
    for metric in ("Arg0.accuracy", "Arg1.accuracy"):
        roots = report.scores[f"check.newsgraph.roots.{metric}"]
        assert roots >= report.scores[f"check.baseline.{metric}"]


@pytest.mark.shared
@pytest.mark.slow
def test_plover_type_accuracy_holds(settings: Settings) -> None:
    path = shared_path("data", "plover", "gsr_dev.json")
    report = events.evaluate(path, settings, limit=BASELINE["gsr_limit"])
    assert not gate_failures(report.scores, BASELINE_FILE, "gsr")


@pytest.mark.shared
def test_newsgraph_beats_the_baseline_on_plover(settings: Settings) -> None:
    path = shared_path("data", "plover", "gsr_dev.json")
    report = events.evaluate(path, settings, limit=30)
    scores = report.scores
    assert scores["all.newsgraph.type.accuracy"] > scores["all.baseline.type.accuracy"]


def test_gold_labels_are_read_as_annotated() -> None:
    record = {"id": "r", "event": "DEMAND", "mode": "strike-hun", "text": "Unions demanded pay."}
    rec = events._gsr_record(record)
    assert rec is not None and (rec.type, rec.mode) == ("DEMAND", "strike-hun")


def test_gsr_markup_gives_evt_spans_in_the_text() -> None:
    text = "Jordan and Britain have agreed to undertake exercises."
    markup = "(SRC: Jordan) and (SRC: Britain) have (EVT: agreed) to undertake exercises."
    assert events._evt_spans(markup, text) == [(text.index("agreed"), text.index(" to"))]


def test_unknown_path_gives_a_clear_error(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "records.txt"
    bad.write_text("x")
    with pytest.raises(NewsgraphError, match="MEANTIME folder or a PLOVER"):
        events.evaluate(bad, settings)


def _gold_event(arg0: list[object]) -> object:
    from newsgraph.eval.meantime import EventMention

    return EventMention(id="ev", start=40, end=46, text="filed", participants={"Arg0": arg0})


def test_an_argument_coreferent_with_the_gold_one_is_right() -> None:
    from newsgraph.eval.meantime import MeantimeDoc, Span
    from newsgraph.eval.report import PRF

    which = Span(id="m2", start=30, end=35, text="which", instance="GM")
    gm = Span(id="m1", start=0, end=2, text="GM", instance="GM")
    ford = Span(id="m3", start=10, end=14, text="Ford", instance="FORD")
    mdoc = MeantimeDoc("d", "d", "", None, 0, [gm, ford, which], [], [], [])
    chains = events._chains(mdoc)
    assert chains == {"GM": [(0, 2), (30, 35)], "FORD": [(10, 14)]}
    for actor, right in (((0, 2), True), ((10, 14), False), (None, False)):
        args: dict[tuple[str, str], list[int]] = {}
        for role in ("Arg0", "Arg1", "factuality", "factuality.if_all_happened"):
            args[("s", role)] = [0, 0]
        links = {"Arg0": PRF(), "Arg1": PRF()}
        scoring = events._Scoring(args, links, chains)
        trig = events.Trigger(40, 46, actor=actor)
        events._score_participants(trig, _gold_event([which]), scoring, "s")
        assert args[("s", "Arg0")] == [int(right), 1]
        assert (links["Arg0"].tp, links["Arg0"].fp, links["Arg0"].fn) == (
            int(right),
            int(actor is not None and not right),
            int(not right),
        )


def test_unmatched_triggers_and_missed_events_count_against_links() -> None:
    from newsgraph.eval.report import PRF

    args = {("s", r): [0, 0] for r in ("Arg0", "Arg1", "factuality", "factuality.if_all_happened")}
    links = {"Arg0": PRF(), "Arg1": PRF()}
    scoring = events._Scoring(args, links, {})
    stray = events.Trigger(100, 104, actor=(90, 95))
    events._score_triggers([stray], [_gold_event([])], PRF(), scoring, "s")
    assert links["Arg0"].fp == 1
    from newsgraph.eval.meantime import Span

    gold = _gold_event([Span(id="m", start=0, end=2, text="GM")])
    links2 = {"Arg0": PRF(), "Arg1": PRF()}
    events._score_triggers([], [gold], PRF(), events._Scoring(args, links2, {}), "s")
    assert links2["Arg0"].fn == 1
