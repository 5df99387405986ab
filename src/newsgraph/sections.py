"""Long bodies cut into sections that are parsed one at a time, and their facts put back together.

spaCy's peak memory grows with the length of the text it parses (about 3.3 MB per 1,000
characters with the default model), so a body longer than ``Settings.max_chars`` is analysed
section by section: memory stays flat whatever the length. Every offset a stage finds in a
section is shifted into the article's coordinates, and entities found in several sections
under one name become one entity.
"""

from __future__ import annotations

from newsgraph.model import Article, Entity

# Where a section may end, best first: a paragraph break, a line break, a sentence end, a space.
CUT_MARKS = ("\n\n", "\n", ". ", " ")


def section_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` spans covering ``text``, each at most ``limit`` characters,
    cut at the best boundary in the second half of each window."""
    limit = max(1, limit)
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, stop: int) -> int:
    """The end of a section starting at ``start``: just after the best mark before ``stop``."""
    floor = start + (stop - start) // 2  # never a section less than half full
    for mark in CUT_MARKS:
        at = text.rfind(mark, floor, stop)
        if at >= 0 and at + len(mark) <= stop:
            return at + len(mark)
    return stop


def section_of(article: Article, start: int, end: int) -> Article:
    """An article holding one section of ``article``'s body, with its metadata and no facts."""
    return article.without_facts(article.text[start:end])


def shift(part: Article, offset: int) -> None:
    """Move every offset of a section's facts by ``offset`` characters (in place)."""
    for entity in part.entities:
        for m in entity.mentions:
            _move(m, offset, "start", "end")
    for q in part.quotes:
        _move(q, offset, "start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")
    for fact in [*part.times, *part.figures]:
        _move(fact, offset, "start", "end")
    for ev in part.events:
        _move(ev, offset, "trigger_start", "trigger_end", "sentence_start", "sentence_end")
        _move(ev, offset, "actor_start", "actor_end", "target_start", "target_end")
    if part.dateline is not None:
        _move(part.dateline, offset, "start", "end")


def _move(fact: object, offset: int, *names: str) -> None:
    for name in names:
        value = getattr(fact, name)
        if value is not None:
            setattr(fact, name, value + offset)


def merge_into(article: Article, parts: list[Article]) -> None:
    """Put the (already shifted) facts of every section onto ``article``: entities of one name
    become one, ids are renumbered in text order and every reference follows them."""
    if parts:
        article.dateline = parts[0].dateline  # only the body's opening can hold a dateline
    merged: dict[str, Entity] = {}
    for n, part in enumerate(parts):
        renamed = {e.id: _absorb(merged, e, f"s{n}") for e in part.entities}
        for q in part.quotes:
            q.speaker = renamed.get(q.speaker) if q.speaker else None
        for ev in part.events:
            ev.actor, ev.target, ev.place = (
                renamed.get(ref) if ref else None for ref in (ev.actor, ev.target, ev.place)
            )
        article.warnings.extend(part.warnings)
        article.quotes.extend(part.quotes)
        article.times.extend(part.times)
        article.figures.extend(part.figures)
        article.events.extend(part.events)
    article.entities = list(merged.values())
    _renumber(article)


def _absorb(merged: dict[str, Entity], entity: Entity, prefix: str) -> str:
    """Add one section's entity to the merged ones; returns the merged entity's interim id."""
    key = entity.name.casefold()
    same = merged.get(key)
    if same is None:
        entity.id = f"{prefix}{entity.id}"  # unique until _renumber gives final ids
        merged[key] = entity
        return entity.id
    same.mentions.extend(entity.mentions)
    for mine, theirs in (
        (same.titles, entity.titles),
        (same.affiliations, entity.affiliations),
        (same.aliases, entity.aliases),
    ):
        mine.extend(x for x in theirs if x not in mine)
    same.country = same.country or entity.country
    return same.id


def _renumber(article: Article) -> None:
    """Final ids e1.. and v1.. in order of first mention, as a single parse would give."""
    article.entities.sort(key=_first_mention)
    final = {e.id: f"e{n}" for n, e in enumerate(article.entities, start=1)}
    for e in article.entities:
        e.id = final[e.id]
    for q in article.quotes:
        q.speaker = final.get(q.speaker) if q.speaker else None
    for n, ev in enumerate(article.events, start=1):
        ev.id = f"v{n}"
        ev.actor, ev.target, ev.place = (
            final.get(ref) if ref else None for ref in (ev.actor, ev.target, ev.place)
        )


def _first_mention(entity: Entity) -> int:
    return min((m.start for m in entity.mentions), default=0)
