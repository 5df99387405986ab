"""PETRARCH2's CAMEO verb patterns matched on the parse (stages/events/cameo.py)."""

from __future__ import annotations

from conftest import load_script, shared_path
from newsgraph.pipeline import Pipeline
from newsgraph.stages.events.cameo import CAMEO_FILE, match_verb, parse_cameo_verbs
from newsgraph.stages.events.predicate import Coding
from newsgraph.wordlists import WordLists

PATTERNS = "\n".join(
    [
        "V\timpose\timpose\t---\tblock",
        "P\timpose\tsanctions\ton:$\tprep:on\t163",
        "V\tpraise\tpraise\t051\tblock",
        "C\t163\tSANCTION\t",
        "C\t051\tSUPPORT\t",
    ]
)


def _verb(pipeline: Pipeline, text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in pipeline.nlp(text) if t.text == word)


def test_a_pattern_gives_the_plover_type_and_its_marked_target(pipeline: Pipeline) -> None:
    verb = _verb(pipeline, "Brazil imposed sanctions on Venezuela.", "imposed")
    match = match_verb(verb, parse_cameo_verbs(PATTERNS))
    assert match is not None and match.coding == Coding("SANCTION")
    assert match.target is not None and match.target.text == "Venezuela"
    assert match.obj is not None and match.obj.text == "sanctions"


def test_a_verb_alone_with_only_its_blocks_code_is_no_event(pipeline: Pipeline) -> None:
    verb = _verb(pipeline, "Brazil praised Venezuela.", "praised")
    assert match_verb(verb, parse_cameo_verbs(PATTERNS)) is None


def test_the_packaged_patterns_load(pipeline: Pipeline) -> None:
    cameo = parse_cameo_verbs(WordLists().text(CAMEO_FILE))
    assert len(cameo.blocks) > 1000 and len(cameo.plover) > 100
    verb = _verb(pipeline, "Brazil imposed sanctions on Venezuela.", "imposed")
    match = match_verb(verb, cameo)
    # CAMEO 163 'impose embargo, boycott, or sanctions' is COERCE restrict in the 2021 table
    assert match is not None and match.coding == Coding("COERCE", "restrict")


def test_the_packaged_patterns_are_what_the_script_builds() -> None:
    module = load_script("build_cameo_verbs")
    rows = module.build(
        shared_path("data", "petrarch2", "CAMEO.2.0.txt"),
        shared_path("data", "plover", "CAMEO2PLOVER-2021.txt"),
    )
    packaged = WordLists().text(CAMEO_FILE)
    assert packaged == module.NOTICE + "\n".join(rows) + "\n"


def test_a_pattern_written_for_one_verb_of_a_block_skips_its_synonyms(pipeline: Pipeline) -> None:
    patterns = "\n".join(
        [
            "V\toversee\tconduct\t---\tblock",
            "V\toversee\tlead\t---\tblock",
            "P\toversee\toperation\t\t\t190\tconduct",
            "C\t190\tASSAULT\t",
        ]
    )
    cameo = parse_cameo_verbs(patterns)
    conduct = _verb(pipeline, "Kenya conducted the operation.", "conducted")
    lead = _verb(pipeline, "Kenya led the operation.", "led")
    assert (match := match_verb(conduct, cameo)) is not None and match.code == "190"
    assert match_verb(lead, cameo) is None
