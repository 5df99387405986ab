"""Where one NER span holds more than one name, or junk glued to a name, the pieces it holds.

Text dumps run lines together ('Edmund Hillary\\n\\nKevin'), glue brackets to the next word
('University)Matt Allen', '[Ehud] Olmert') and list bylines without commas ('Kevin Scarbinsky
Ray Melick Mike Bolton'). A name never crosses a line break or a bracket, and a run of four or
more words splits where a given name opens a second full name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.stages.entities.names import NameLexicons

_CLOSING = (")", "]")
_OPENING = ("(", "[")
_MIN_NAME = 2  # words of each full name in a run of names


def name_pieces(ent: Span, lex: NameLexicons) -> list[Span]:
    """The names in one NER span: split at line breaks, brackets and a second full name."""
    pieces = []
    split = _split_at_breaks(ent)
    for piece in split:
        if len(split) > 1 and _bracketed_insertion(piece):
            continue  # '[Ehud] Olmert': the editor's insertion, the name is what follows
        if piece.label_ == "PERSON":
            pieces.extend(_split_run_of_names(piece, lex))
        else:
            pieces.append(piece)
    return pieces


def _split_at_breaks(ent: Span) -> list[Span]:
    """Pieces between line breaks and brackets; a word with a bracket glued inside
    ('University)Matt') belongs to neither side."""
    doc, pieces, start = ent.doc, [], ent.start
    for token in ent:
        if _breaks(token):
            if token.i > start:
                pieces.append(Span(doc, start, token.i, label=ent.label_))
            start = token.i + 1
    if ent.end > start:
        pieces.append(Span(doc, start, ent.end, label=ent.label_))
    return pieces if len(pieces) != 1 or len(pieces[0]) != len(ent) else [ent]


def _breaks(token: Token) -> bool:
    if "\n" in token.text or token.text in _CLOSING:
        return True
    inner = token.text[1:-1]
    return any(b in inner for b in _CLOSING) or (token.text in _OPENING and token.i > 0)


def _bracketed_insertion(piece: Span) -> bool:
    """'[Ehud] Olmert': words an editor put in square brackets before the name's rest; a whole
    name in brackets ('Natalie [Appleton]') or parentheses ('(Reuters)') stands on its own."""
    doc = piece.doc
    before = doc[piece.start - 1].text if piece.start > 0 else ""
    after = doc[piece.end].text if piece.end < len(doc) else ""
    return before == "[" and after == "]" and piece.end < len(doc) - 1


def _split_run_of_names(span: Span, lex: NameLexicons) -> list[Span]:
    """'Steve Irwin Paul Watson' -> 'Steve Irwin', 'Paul Watson': a run of words that pairs off
    into given names and surnames, where each surname is no given name ('Martin Luther King'
    stays whole) or is also written alone in the article ('Irwin'). 'William Clay Ford Jr.'
    does not pair off."""
    if len(span) < 2 * _MIN_NAME or len(span) % _MIN_NAME:
        return [span]
    if not all(t.is_alpha and t.text.istitle() for t in span):
        return [span]
    starts = range(span.start, span.end, _MIN_NAME)
    if not all(_opens_name(span.doc[i], lex) for i in starts):
        return [span]
    if not all(_surname(span.doc[i - 1], span, lex) for i in starts[1:]):
        return [span]
    return [Span(span.doc, i, i + _MIN_NAME, label=span.label_) for i in starts]


def _opens_name(word: Token, lex: NameLexicons) -> bool:
    """A given name ('Paul'), not a title ('Rt Rev') or a particle the nickname table also
    lists ('Van')."""
    return (
        lex.is_given_name(word.text)
        and word.lower_ not in lex.name_particles
        and not lex.is_honorific(word)
    )


def _surname(word: Token, span: Span, lex: NameLexicons) -> bool:
    return not lex.is_given_name(word.text) or _written_alone(word, span)


def _written_alone(token: Token, span: Span) -> bool:
    """The word occurs elsewhere in the article outside this span: a surname used on its own."""
    return any(t.text == token.text and not span.start <= t.i < span.end for t in token.doc)
