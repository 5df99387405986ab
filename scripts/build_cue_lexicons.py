"""Build the attribution-cue word lists from WordNet 3.0 (Debian: apt-get install wordnet-base).

Two files, both derived from WordNet's lexicographer files and hyponym links only:

- ``resources/eval/speech_cue_verbs.txt``: verbs whose most frequent sense (the first in
  ``index.verb``) is in ``verb.communication``. The quote evaluation's "speech only" view keeps a
  PolNeAR gold relation when its annotated cue holds such a verb: a fixed, published list,
  independent of the quotes stage's own lexicon.
- ``resources/quotes/cue_kinds.json``: what kind of attribution a cue lemma makes, for the
  quotes stage's ``cue_kind``: 'speech' (first sense in verb.communication), 'evaluation'
  (a hyponym of the first senses of criticize, praise, condemn, accuse, blame, denounce,
  or the second sense of attack, 'attack in speech or writing'), 'thought' (first sense in
  verb.cognition or verb.emotion); and the nouns that make a source a document
  (first sense in noun.communication, or a hyponym of inquiry/research, survey or poll).

Usage: python scripts/build_cue_lexicons.py [/usr/share/wordnet]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "resources"
VERB_COMMUNICATION, VERB_COGNITION, VERB_EMOTION = 32, 31, 37
NOUN_COMMUNICATION = 10
EVALUATION_ROOTS = [
    ("criticize", 0),
    ("praise", 0),
    ("condemn", 0),
    ("accuse", 0),
    ("accuse", 1),
    ("blame", 0),
    ("blame", 1),
    ("denounce", 0),
    ("attack", 1),
]  # (lemma, sense index): the senses meaning a judgement expressed in words
DOCUMENT_ROOTS = [("inquiry", 0), ("research", 0), ("survey", 0), ("poll", 0)]

Synsets = dict[str, tuple[int, list[str], list[tuple[str, str]]]]


def load(wordnet: Path, pos: str) -> tuple[Synsets, dict[str, list[str]]]:
    """Synsets (offset -> lexfile, words, pointers) and lemma -> synset offsets, by frequency."""
    synsets: Synsets = {}
    for line in (wordnet / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.partition("|")[0].split()
        n_words = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(n_words)]
        k = 4 + 2 * n_words
        pointers = [(fields[k + 1 + 4 * i], fields[k + 2 + 4 * i]) for i in range(int(fields[k]))]
        synsets[fields[0]] = (int(fields[1]), words, pointers)
    index: dict[str, list[str]] = {}
    for line in (wordnet / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        index[fields[0]] = fields[-int(fields[2]) :]
    return synsets, index


def hyponyms(
    synsets: Synsets, index: dict[str, list[str]], roots: list[tuple[str, int]]
) -> set[str]:
    """The root senses and every synset below them (hyponym '~' links)."""
    todo = [index[lemma][sense] for lemma, sense in roots]
    seen: set[str] = set()
    while todo:
        offset = todo.pop()
        if offset in seen:
            continue
        seen.add(offset)
        todo += [target for symbol, target in synsets[offset][2] if symbol == "~"]
    return seen


def first_lexfile(synsets: Synsets, index: dict[str, list[str]], lemma: str) -> int:
    return synsets[index[lemma][0]][0]


def main(wordnet: Path) -> None:
    verbs, verb_index = load(wordnet, "verb")
    nouns, noun_index = load(wordnet, "noun")
    single = sorted(lemma for lemma in verb_index if "_" not in lemma)
    speech = [v for v in single if first_lexfile(verbs, verb_index, v) == VERB_COMMUNICATION]
    evaluation = hyponyms(verbs, verb_index, EVALUATION_ROOTS)
    kinds: dict[str, str] = {}
    for lemma in single:
        lexfile = first_lexfile(verbs, verb_index, lemma)
        if verb_index[lemma][0] in evaluation:
            kinds[lemma] = "evaluation"
        elif lexfile == VERB_COMMUNICATION:
            kinds[lemma] = "speech"
        elif lexfile in (VERB_COGNITION, VERB_EMOTION):
            kinds[lemma] = "thought"
    documents = hyponyms(nouns, noun_index, DOCUMENT_ROOTS)
    document_nouns = sorted(
        n
        for n in noun_index
        if "_" not in n
        and (nouns[noun_index[n][0]][0] == NOUN_COMMUNICATION or noun_index[n][0] in documents)
    )
    header = "# " + __doc__.splitlines()[0] + "\n# WordNet 3.0 (c) Princeton University.\n"
    (ROOT / "eval" / "speech_cue_verbs.txt").write_text(
        header + "# Verbs whose first sense is verb.communication.\n" + "\n".join(speech) + "\n",
        encoding="utf-8",
    )
    about = __doc__.strip().splitlines()[0] + " WordNet 3.0 (c) Princeton University."
    data = {"_about": about, "verbs": kinds, "document_nouns": document_nouns}
    (ROOT / "quotes" / "cue_kinds.json").write_text(
        json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(speech)} speech verbs, {len(kinds)} cue kinds, {len(document_nouns)} nouns")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"))
