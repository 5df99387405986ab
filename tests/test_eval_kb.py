"""Knowledge-base measurements: the purity check sees forced bad merges, B³ has known values."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from newsgraph.api import open_store
from newsgraph.eval import kb_b3, kb_purity
from newsgraph.eval.kb_b3 import b_cubed
from newsgraph.eval.meantime import read_meantime
from newsgraph.eval.split import half_of, split_halves
from newsgraph.kb.names import build_name_words
from newsgraph.model import Article, Entity, Mention
from newsgraph.settings import Settings
from newsgraph.store.base import Store
from newsgraph.wordlists import WordLists
from test_kb_resolve import kb_of, one_entity_article, save_all


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "kb.db"


@pytest.fixture
def store(db: Path) -> Store:
    return open_store(db)


def purity(db: Path) -> dict[str, float]:
    return kb_purity.evaluate(db, Settings()).scores


def two_stories(store: Store, name: str, etype: str, prefix: str) -> None:
    """One entity named in two articles (two stories)."""
    save_all(
        store,
        one_entity_article(f"{prefix}1", name, etype),
        one_entity_article(f"{prefix}2", name, etype),
    )


def test_purity_is_clean_when_names_resolve_apart(store: Store, db: Path) -> None:
    two_stories(store, "Barack Obama", "PERSON", "a")
    two_stories(store, "Michelle Obama", "PERSON", "b")
    store.close()
    scores = purity(db)
    assert (scores["people.multi_story"], scores["people.conflicting_given_names"]) == (2, 0)


def test_purity_reports_a_forced_merge_of_two_people(store: Store, db: Path) -> None:
    two_stories(store, "Barack Obama", "PERSON", "a")
    two_stories(store, "Michelle Obama", "PERSON", "b")
    store.merge(kb_of(store, "b1") or "", kb_of(store, "a1") or "")
    store.close()
    scores = purity(db)
    assert scores["people.conflicting_given_names"] == 1
    assert scores["people.conflict_share"] == 1.0


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("george", "g", True),
        ("william", "bill", True),
        ("hillary", "bill", False),
        ("barack", "michelle", False),
        ("g", "j", False),
    ],
)
def test_given_names_agree_allows_initials_and_nicknames(a: str, b: str, agree: bool) -> None:
    nw = build_name_words(WordLists())
    assert kb_purity.given_names_agree(a, b, nw) is agree


def test_purity_reports_organisations_sharing_no_word(store: Store, db: Path) -> None:
    two_stories(store, "Associated Press", "ORG", "a")
    two_stories(store, "Globe and Mail", "ORG", "b")
    store.merge(kb_of(store, "b1") or "", kb_of(store, "a1") or "")
    store.close()
    assert purity(db)["orgs.names_sharing_no_word"] == 1


def test_purity_reports_an_acronym_linked_without_expansion(store: Store, db: Path) -> None:
    two_stories(store, "Quarkwell Holdings", "ORG", "a")
    save_all(store, one_entity_article("c", "QXH", "ORG"))
    store.merge(kb_of(store, "c") or "", kb_of(store, "a1") or "")
    store.close()
    scores = purity(db)
    assert (scores["acronyms.linked_to_full_name"], scores["acronyms.without_expansion"]) == (1, 1)


def test_b_cubed_of_a_perfect_clustering_is_one() -> None:
    gold = {1: "a", 2: "a", 3: "b"}
    assert b_cubed(gold, {1: "x", 2: "x", 3: "y"}).f1 == 1.0


def test_b_cubed_of_a_merge_of_everything() -> None:
    # precision: items 1, 2 see 2/3, item 3 sees 1/3 -> 5/9; recall 1
    score = b_cubed({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "x"})
    assert (score.precision, score.recall) == (pytest.approx(5 / 9), 1.0)


def test_b_cubed_of_all_singletons() -> None:
    # recall: items 1, 2 see 1/2, item 3 sees 1/1 -> 2/3; precision 1
    score = b_cubed({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "y", 3: "z"})
    assert (score.precision, score.recall) == (1.0, pytest.approx(2 / 3))


def test_unfound_mentions_count_as_singletons() -> None:
    matches = kb_b3.Matches(
        gold={("d", "1"): "a", ("d", "2"): "a"}, found={"newsgraph": {("d", "1"): "x"}}
    )
    on_found, on_all = matches.scores("newsgraph")
    assert (on_found.f1, on_all.recall) == (1.0, 0.5)


def test_gold_mention_matches_the_best_overlapping_system_mention() -> None:
    gold = [kb_b3.GoldMention(("d", "1"), 0, 14, "i1"), kb_b3.GoldMention(("d", "2"), 0, 30, "i2")]
    entity = Entity("e1", "General Motors", "ORG", [Mention(0, 14, "General Motors")])
    found = kb_b3.match_mentions(gold, Article(id="d", text="x", entities=[entity]))
    assert list(found) == [gold[0]]


def test_halves_are_fixed_by_name() -> None:
    halves = split_halves(["a", "b", "c", "d"], str)
    assert sorted(halves["tune"] + halves["check"]) == ["a", "b", "c", "d"]
    assert all(half_of(n) == "tune" for n in halves["tune"])


def test_meantime_mentions_carry_corpus_wide_instance_ids() -> None:
    docs = read_meantime(shared_path("data", "meantime", "corpus_gm"), limit=1)
    ids = {s.instance_id for s in docs[0].entities if s.text == "General Motors"}
    assert len(ids) == 1 and next(iter(ids)).startswith("ORG")
