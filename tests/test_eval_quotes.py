"""Evaluation gate: check-half (eval/split.py) quote scores of all of PolNeAR dev must not drop
below the pins in tests/baselines/quotes.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import gate_failures, shared_path
from newsgraph.eval.quotes import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "quotes.json"


@pytest.mark.shared
@pytest.mark.slow
def test_quote_scores_do_not_drop(settings: Settings) -> None:
    pinned = json.loads(BASELINE.read_text(encoding="utf-8"))
    dev = shared_path("data", "polnear", "dev")
    report = evaluate(dev, settings, limit=pinned["limit"])
    assert not gate_failures(report.scores, BASELINE, "scores")


def test_brat_relations_join_source_cue_and_split_content(tmp_path: Path) -> None:
    from newsgraph.eval.polnear import read_ann

    ann = tmp_path / "a_x1.ann"
    ann.write_text(
        "T1\tContent 0 10;20 30\t“One,” “two.”\nT2\tCue 11 15\tsaid\nT3\tSource 16 19\tLee\n"
        "T4\tAttribution 11 15\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n",
        encoding="utf-8",
    )
    (relation,) = read_ann(ann)
    assert relation.content == [(0, 10), (20, 30)]
    assert (relation.cue, relation.source) == ([(11, 15)], [(16, 19)])


def test_a_split_folder_without_attributions_is_a_clear_error(tmp_path: Path) -> None:
    from newsgraph.errors import NewsgraphError
    from newsgraph.eval.polnear import read_split

    (tmp_path / "text").mkdir()
    with pytest.raises(NewsgraphError, match="expected text/ and attributions/"):
        read_split(tmp_path)


def test_match_needs_the_ratio_on_both_sides() -> None:
    from newsgraph.eval.quotes import Item, _match

    gold = [Item(frozenset(range(10)), True)]
    assert _match(gold, [Item(frozenset(range(4)), True)], 0.3) == [(0, 0)]
    assert _match(gold, [Item(frozenset(range(4)), True)], 0.8) == []
    assert _match(gold, [Item(frozenset(range(40)), True)], 0.3) == []


def test_speech_view_gold_comes_from_the_fixed_wordnet_list() -> None:
    from newsgraph.eval.quotes import speech_cue_verbs

    verbs = speech_cue_verbs()
    assert {"say", "tell", "announce"} <= verbs
    assert not {"believe", "think", "fear"} & verbs  # verb.cognition / verb.emotion
