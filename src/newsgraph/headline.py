"""The headline analysed by the same stages as the body, its facts folded into the article.

The title is parsed as a document of its own (a headline is no sentence of the body: it has
its own capitalisation and syntax), the stages run on an article whose text is the title, and
every fact found there joins the real article with ``field="title"`` and offsets into
``Article.title``. A title entity naming a body entity ('Ruto' over a body about 'President
William Ruto') becomes one more mention of it; body entity ids do not change, entities only
the title names get the next ids.
"""

from __future__ import annotations

import re

from newsgraph.model import Article, Entity, Event, Figure, Mention, Quote, TimeExpr
from newsgraph.stages.entities.links import same_entities
from newsgraph.stages.entities.names import build_name_lexicons
from newsgraph.wordlists import WordLists

TITLE = "title"


def title_article(article: Article) -> Article | None:
    """An article whose body is ``article``'s title (same metadata, no facts); None without
    a title worth analysing."""
    if not article.title or not article.title.strip():
        return None
    return article.without_facts(article.title, title=None)


def fold_title(article: Article, part: Article, words: WordLists) -> None:
    """Put the facts the stages found in the title (``part``) onto ``article`` (in place)."""
    _mark_title(part)
    renamed = _merge_entities(article, part.entities, words)
    for q in part.quotes:
        q.speaker = renamed.get(q.speaker) if q.speaker else None
    for n, ev in enumerate(part.events, start=len(article.events) + 1):
        ev.id = f"v{n}"
        ev.actor, ev.target, ev.place = (
            renamed.get(ref) if ref else None for ref in (ev.actor, ev.target, ev.place)
        )
    _missed_in_title(article)
    for q in part.quotes:
        if q.speaker is None and q.speaker_start is not None and q.speaker_end is not None:
            found = article.entity_at(q.speaker_start, q.speaker_end, TITLE)
            q.speaker = found.id if found is not None else None
    article.quotes = part.quotes + article.quotes
    article.times = part.times + article.times
    article.figures = part.figures + article.figures
    article.events += part.events
    article.warnings += [f"title: {w}" for w in part.warnings]


def _missed_in_title(article: Article) -> None:
    """Names of the body that NER missed in the title (headline capitalisation misleads it):
    each whole-word occurrence not inside a title mention becomes one, as the entities stage
    does for later mentions of a known name."""
    title = article.title or ""
    taken = [(m.start, m.end) for e in article.entities for m in e.mentions if m.field == TITLE]
    for entity in article.entities:
        names = {m.text for m in entity.mentions if m.field != TITLE and _name_like(m.text)}
        for name in sorted(names, key=len, reverse=True):
            for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", title):
                if not any(s < hit.end() and hit.start() < e for s, e in taken):
                    entity.mentions.insert(0, Mention(hit.start(), hit.end(), name, TITLE))
                    taken.append(hit.span())
        entity.mentions.sort(key=lambda m: (m.field != TITLE, m.start))


def _name_like(text: str) -> bool:
    """A capitalised name of two letters or more ('Ruto', 'EADS'), not 'A' or 'he'."""
    return len(text) >= 2 and text[0].isupper()


def _mark_title(part: Article) -> None:
    facts: list[Mention | Quote | TimeExpr | Figure | Event] = [
        *(m for e in part.entities for m in e.mentions),
        *part.quotes,
        *part.times,
        *part.figures,
        *part.events,
    ]
    for fact in facts:
        fact.field = TITLE


def _merge_entities(article: Article, found: list[Entity], words: WordLists) -> dict[str, str]:
    """Title entities into the article's: one more mention of the body entity they name, or a
    new entity after the body's. Returns title id -> article id."""
    same = same_entities(
        [_names(e) for e in found], [_names(e) for e in article.entities],
        words.get(build_name_lexicons),
    )  # fmt: skip
    renamed: dict[str, str] = {}
    next_id = 1 + max((int(e.id[1:]) for e in article.entities if e.id[1:].isdigit()), default=0)
    body_names = _body_names(article)
    for entity in found:
        target = article.entity(same.get(entity.id))
        if target is None and _holds_body_names(entity, body_names):
            continue  # 'Lomé as Benin': NER ran two names together; each is found on its own
        if target is None:
            renamed[entity.id] = entity.id = f"e{next_id}"
            next_id += 1
            article.entities.append(entity)
            continue
        renamed[entity.id] = target.id
        target.mentions[:0] = entity.mentions  # the title is read first
        for mine, theirs in (
            (target.titles, entity.titles),
            (target.affiliations, entity.affiliations),
            (target.aliases, entity.aliases),
        ):
            mine.extend(x for x in theirs if x not in mine and x != target.name)
        target.country = target.country or entity.country
    return renamed


def _body_names(article: Article) -> re.Pattern[str] | None:
    """One pattern matching any body mention's text as whole words (None without names)."""
    names = {m.text for e in article.entities for m in e.mentions if _name_like(m.text)}
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _holds_body_names(entity: Entity, body_names: re.Pattern[str] | None) -> bool:
    """A title name that is no body name yet holds one: a headline's capitals misled NER. A
    model's name holds its maker's ('Boeing 737s') and stays."""
    if entity.type == "PRODUCT":
        return False
    return body_names is not None and all(body_names.search(m.text) for m in entity.mentions)


def _names(entity: Entity) -> tuple[str, list[str], str]:
    return entity.id, [entity.name, *(m.text for m in entity.mentions)], entity.type
