"""Attribution cues beyond speech verbs: a small learned classifier and each cue's kind.

The classifier is a logistic regression over one token's features (lemma, tags, dependency,
its children and neighbours), trained on PolNeAR train and the tune half of dev by
``scripts/train_attribution_cues.py``; its weights are ``resources/quotes/cue_model.json``
(feature -> weight, summed at run time, no scikit-learn needed). The kind of a cue comes from
WordNet (``resources/quotes/cue_kinds.json``, built by ``scripts/build_cue_lexicons.py``):
speech | thought | evaluation | document (the source is a report, poll, study, ...) | other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.wordlists import WordLists

MODEL_FILE = "quotes/cue_model.json"
KINDS_FILE = "quotes/cue_kinds.json"
CANDIDATE_POS = ("VERB", "NOUN")
CUE_KINDS = ("speech", "thought", "evaluation", "document", "other")


@dataclass(frozen=True)
class CueModel:
    """Weights of the cue classifier and the WordNet kinds of cue lemmas."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    verb_kinds: Mapping[str, str]  # lemma -> speech | thought | evaluation
    document_nouns: frozenset[str]

    def probability(self, tok: Token) -> float:
        """How likely the token is the head of an attribution cue (0 for non-candidates)."""
        if not is_candidate(tok):
            return 0.0
        score = self.bias + sum(self.weights.get(f, 0.0) for f in cue_features(tok, self))
        return 1.0 / (1.0 + math.exp(-score))

    def is_cue(self, tok: Token) -> bool:
        return self.probability(tok) >= self.threshold

    def kind_of(self, lemma: str) -> str | None:
        return self.verb_kinds.get(lemma)


def build_cue_model(words: WordLists) -> CueModel:
    """The shipped weights and kinds; ``words.get(build_cue_model)`` loads them once."""
    model = words.json(MODEL_FILE)
    kinds = words.json(KINDS_FILE)
    return CueModel(
        weights=dict(model["weights"]),
        bias=float(model["bias"]),
        threshold=float(model["threshold"]),
        verb_kinds=dict(kinds["verbs"]),
        document_nouns=frozenset(kinds["document_nouns"]),
    )


def is_candidate(tok: Token) -> bool:
    """Verbs and nouns may head a cue; so does 'according' (to)."""
    return tok.pos_ in CANDIDATE_POS or tok.lower_ == "according"


def cue_features(tok: Token, kinds: CueModel | None = None) -> list[str]:
    """The token's features as strings (one-hot), shared by training and run time."""
    lemma = tok.lemma_.lower()
    deps = sorted({c.dep_ for c in tok.children})
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    features = [
        f"lemma={lemma}",
        f"pos={tok.pos_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"lemma_dep={lemma}|{tok.dep_}",
        f"head_pos={tok.head.pos_}",
        f"before={before}",
        f"after={after}",
        f"before_quote={doc[tok.i - 1].is_quote if tok.i > 0 else False}",
        *(f"child={d}" for d in deps),
        *(f"lemma_child={lemma}|{d}" for d in deps if d in ("ccomp", "xcomp", "dobj", "prep")),
    ]
    if subject is not None:
        features += [f"subj_pos={subject.pos_}", f"subj_ent={subject.ent_type_ or '-'}"]
    if kinds is not None:
        kind = kinds.kind_of(lemma) if tok.pos_ == "VERB" else None
        features.append(f"wn_kind={kind or '-'}|{tok.pos_}")
    return features
