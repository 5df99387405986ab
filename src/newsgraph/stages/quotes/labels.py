"""Lines opened by a speaker's name and a colon: 'Sanders: Clinton needs to ...' (a headline)
or 'WALLACE: Let's start ...' (a transcript). The name is the speaker, the rest of the line
what was said; only a name the entities stage found as a person or organisation counts, so
'Correction:', 'The Latest:' or 'Source:' stay lines of the page."""

from __future__ import annotations

import re

from newsgraph.model import Article, Quote
from newsgraph.stages.quotes.speakers import SpeakerMention, SpeakerResolver

LABELLED_LINE = re.compile(
    r"^[ \t]*[\"“]?(?P<label>(?:[A-Z][\w.'’-]*[ \t]){0,3}[A-Z][\w.'’-]*):[ \t]+(?P<said>\S[^\n]*)",
    re.MULTILINE,
)
LABEL_TYPES = ("PERSON", "ORG")
MIN_SAID_WORDS = 3


def labelled_lines(article: Article, resolver: SpeakerResolver) -> list[Quote]:
    """A quote for each line that opens with a named speaker and a colon."""
    found = []
    for match in LABELLED_LINE.finditer(article.text):
        start, end = match.span("label")
        entity = article.entity_at(start, end)
        if entity is None or entity.type not in LABEL_TYPES:
            continue
        if not any(m.start == start and m.end == end for m in entity.mentions):
            continue  # the name must be the whole label, not a word of a longer phrase
        said_start, said_end = match.span("said")
        said = article.text[said_start:said_end].rstrip(' \t"”')
        if len(said.split()) < MIN_SAID_WORDS:
            continue
        label = match.group("label")
        mention = SpeakerMention(label, start, end, label.split()[-1].lower())
        quote = Quote(said, said_start, said_start + len(said), "indirect", cue=":")
        quote.cue_start, quote.cue_end = end, end + 1
        quote.speaker_text, quote.speaker_start, quote.speaker_end = label, start, end
        quote.speaker = resolver.resolve(mention)
        quote.cue_kind = "speech"
        found.append(quote)
    return found
