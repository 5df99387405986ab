"""Evaluation gate: quote scores on the check half (eval/split.py) of PolNeAR dev (every
check-half article; only they are read) must not drop below the pins in
tests/baselines/quotes.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import check_half_subset, gate_failures, shared_path
from newsgraph.eval.quotes import evaluate
from newsgraph.settings import Settings

BASELINE = Path(__file__).parent / "baselines" / "quotes.json"


def polnear_check_half(dest: Path) -> Path:
    """The check half of PolNeAR dev (half_of the article name, eval/split.py) as a split folder
    of links, with the metadata.tsv beside it that eval/polnear.py reads dates from."""
    root = shared_path("data", "polnear")
    files = [*(root / "dev" / "text").glob("*.txt"), *(root / "dev" / "attributions").glob("*")]
    # an article's name is its text file's stem; its .ann files add "_<annotator>"
    check_half_subset(
        dest, root, files, lambda f: f.stem if f.suffix == ".txt" else f.stem.rsplit("_", 1)[0]
    )
    if (root / "metadata.tsv").exists():
        (dest / "metadata.tsv").symlink_to((root / "metadata.tsv").resolve())
    return dest / "dev"


@pytest.mark.shared
@pytest.mark.slow
def test_quote_scores_do_not_drop(settings: Settings, tmp_path: Path) -> None:
    report = evaluate(polnear_check_half(tmp_path), settings)
    assert report.scores["tune.documents"] == 0  # only check-half articles were read
    assert report.scores["check.documents"] == json.loads(BASELINE.read_text())["documents"]
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
