"""The resolver: which KB entity each stored article entity is, decided above the store.

It reads candidates through the store's ``KBTables`` (``store/kb_tables.py``) and writes
links; the decisions themselves are ``kb/resolve.py``'s. Linking an article (``add``) gives
each entity its cluster key at once; the blocks it changed are settled later, once per batch
(``settle``): short keys join longer ones, bare surnames are linked by context, KB names and
counts are recomputed. Settling only reads the final state of each block, so the same articles
in any order give the same KB. Copies of one wire story are filed under one story here too
(``syndicate``, MinHash in ``kb/syndication.py``); the store only keeps the signatures.

The store calls it inline as it saves (the default), or ``newsgraph resolve`` runs it as a
pass over the articles stored with resolution deferred (``resolve_pending``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsgraph.errors import NotFound
from newsgraph.kb import resolve, syndication
from newsgraph.kb.names import PersonName
from newsgraph.model import Article, Entity
from newsgraph.store.kb_tables import KBTables
from newsgraph.wordlists import WordLists

SPLIT_EVIDENCE = "split by hand"
PENDING_BATCH = 500  # deferred articles linked per read in the resolver pass


class Resolver:
    """Resolution over a store's ``KBTables``; the store holds lock and transaction."""

    def __init__(self, words: WordLists | None = None) -> None:
        self.kw = (words or WordLists()).get(resolve.build_kb_words)
        self._copies = syndication.CopyIndex()
        self._copies_seen = 0  # the last signature row the copy index has read

    def search_words(self, text: str) -> list[str]:
        """The words of a name search, folded as the KB's search keys are."""
        return resolve.search_words(text, self.kw.names)

    def forget(self) -> None:
        """Drop what was read from the store (after a rolled-back transaction)."""
        self._copies = syndication.CopyIndex()
        self._copies_seen = 0

    # -- one stored article ------------------------------------------------------------------
    def syndicate(self, t: KBTables, article: Article) -> str | None:
        """File a newly stored article under the story of its closest earlier copy, if any;
        returns that copy's id. Every signature stored, by this process or another, counts."""
        signature = syndication.signature(article.text)
        if signature is None:
            return None
        for seq, article_id, blob in t.signatures_after(self._copies_seen):
            self._copies.add(article_id, syndication.from_bytes(blob))
            self._copies_seen = seq
        copy = self._copies.best_copy(signature)
        t.add_signature(article.id, syndication.to_bytes(signature))
        if copy is None:
            return None
        t.join_story(article.id, t.story_of(copy[0]))
        return copy[0]

    def add(self, t: KBTables, article: Article) -> tuple[int, int]:
        """Link each entity of a newly stored article; returns (new KB entities, joined)."""
        members = [(e, resolve.member_of(e, self.kw)) for e in article.entities]
        roots = t.roots_of([m.key for _, m in members if m.key])
        merges = t.merge_targets()
        splits = {
            s[len(article.id) + 1 :]: resolve.kb_id_of_key(f"split:{s}")
            for s in t.split_subjects(article.id)
        }
        links, members_rows, blocks, keys, created = [], [], [], [], []
        for entity, member in members:
            kb_id, evidence, score, status = _link_of(article.id, entity.id, member, roots)
            kb_id = _follow(kb_id, merges)
            if entity.id in splits:
                kb_id, evidence, score, status = splits[entity.id], SPLIT_EVIDENCE, 1.0, "resolved"
            created.append((kb_id, member.display, entity.type, entity.country, status))
            entity.kb_id = kb_id
            links.append((article.id, entity.id, kb_id, evidence, score, len(entity.mentions)))
            members_rows.append(_member_row(article.id, entity.id, member))
            blocks += [(b, article.id, entity.id) for b in member.blocks]
            keys += [(article.id, entity.id, k) for k in self._search_keys(member)]
        new = t.create_entities(created)
        t.add_members(members_rows)
        t.add_blocks(blocks)
        t.add_search_keys(keys)
        t.add_links(links)  # after members and keys: the aggregates read them
        t.touch({link[2] for link in links})
        return new, len(created) - new

    def _search_keys(self, member: resolve.Member) -> set[str]:
        keys = resolve.search_keys(member.display, self.kw.names)
        if member.key and member.key.startswith("PLACE:c:"):
            keys.add(f"c:{member.key[len('PLACE:c:') :]}")
        return keys

    def resolve_pending(self, t: KBTables) -> int:
        """Link the articles stored with resolution deferred, oldest first; returns how many.
        The caller settles afterwards (or lets the next read settle)."""
        done = 0
        while batch := t.pending(PENDING_BATCH):
            for article in batch:
                self.syndicate(t, article)
                self.add(t, article)
                t.mark_resolved(article.id)
            done += len(batch)
        return done

    # -- settling ----------------------------------------------------------------------------
    def settle(self, t: KBTables) -> int:
        """Settle every dirty block and refresh every touched KB entity; returns how many
        article entities changed KB entity."""
        blocks = t.dirty_blocks()
        moved = 0
        for block in blocks:
            moved += self._settle_keys(t, block)
        for block in blocks:
            moved += self._settle_surnames(t, block)
        t.clear_dirty()
        self._refresh_touched(t)
        return moved

    def _settle_keys(self, t: KBTables, block: str) -> int:
        """Recompute which key of the block joins which, and move the links that changed."""
        people: dict[str, PersonName] = {}
        for given, middles, surname, display in sorted(t.block_people(block)):
            person = PersonName(given, middles, surname, display)  # the same display any order
            people.setdefault(person.key, person)
        mapping = resolve.roots(people.values(), self.kw.names)
        merges = t.merge_targets()
        moved = 0
        for key, root in mapping.items():
            full_key, full_root = f"PERSON:{key}", f"PERSON:{root}"
            if root == key:
                t.set_root(full_key, None)
                evidence = None
            else:
                t.set_root(full_key, full_root)
                evidence = resolve.short_form_evidence(people[key], people[root].display)
            target = _follow(resolve.kb_id_of_key(full_root), merges)
            moved += self._move_key(t, full_key, target, evidence)
        return moved

    def _move_key(self, t: KBTables, key: str, target: str, evidence: str | None) -> int:
        """Link every member of ``key`` that is not split by hand to ``target``."""
        moved = 0
        for row in t.key_links(key, target, evidence or "", SPLIT_EVIDENCE):
            article_id, entity_id, current, had, own, score, display, etype, country = row
            wanted = evidence or own
            if current == target and had == wanted:
                continue
            wanted_score = resolve.SCORE_SHORT_FORM if evidence else score
            t.create_entity(target, display, etype, country)
            t.relink(article_id, entity_id, target, wanted, wanted_score)
            if current != target:
                moved += 1
                t.touch([current, target])
        return moved

    def _settle_surnames(self, t: KBTables, block: str) -> int:
        """Link each bare surname of the block to the one KB person its context fits, if any."""
        members = t.block_surnames(block)
        if not members:
            return 0
        candidates = [self._candidate(t, root) for root in t.block_roots(block)]
        merges = t.merge_targets()
        moved = 0
        for article_id, entity_id, current, evidence in members:
            if evidence == SPLIT_EVIDENCE:
                continue
            entity = _entity(t, article_id, entity_id)
            context = resolve.context_of(entity, t.neighbour_keys(article_id, entity_id))
            found = resolve.fits(context, candidates)
            if found is None:
                target = _follow(resolve.unresolved_kb_id(article_id, entity_id), merges)
                why, score, status = "bare surname; no single KB person fits", 0.0, "unresolved"
            else:
                target, why, score, status = (
                    _follow(found[0].kb_id, merges), found[1], resolve.SCORE_CONTEXT, "resolved"
                )  # fmt: skip
            if target == current and why == evidence:
                continue
            t.create_entity(target, entity.name, "PERSON", entity.country, status)
            t.relink(article_id, entity_id, target, why, score)
            if target != current:
                moved += 1
                t.touch([current, target])
        return moved

    def _candidate(self, t: KBTables, root: str) -> resolve.Candidate:
        """A KB person a bare surname may name, with what its full-name mentions say (bare
        surnames never count as evidence)."""
        keys = [root, *t.keys_of_root(root)]
        names = Counter(t.name_counts(keys))
        cand = resolve.Candidate(
            resolve.kb_id_of_key(root), resolve.best_name(dict(names), "PERSON", self.kw.names)
        )
        for kind, value in t.member_facts(keys):
            (cand.titles if kind == "title" else cand.affiliations).add(resolve.normalise(value))
        cand.countries = t.member_countries(keys)
        cand.neighbour_keys = t.member_neighbour_keys(keys)
        return cand

    # -- KB entities: names, facts, counts ---------------------------------------------------
    def _refresh_touched(self, t: KBTables) -> None:
        for kb_id in t.take_touched():
            self._refresh(t, kb_id)

    def _refresh(self, t: KBTables, kb_id: str) -> None:
        """Recompute a KB entity's name, type, country and status from its aggregates, or
        delete it when nothing links to it any more."""
        group = t.linked_group(kb_id)
        if group is None:
            t.delete_entity(kb_id)
            return
        stats: dict[str, dict[str, int]] = {"name": {}, "type": {}, "country": {}, "sure": {}}
        for kind, value, n in t.stats(kb_id):
            stats[kind][value] = n
        types = {k: n for k, n in stats["type"].items() if resolve.group_of(k) == group}
        fallback = "GPE" if group == "PLACE" else group
        etype = min(types, key=lambda k: (-types[k], k)) if types else fallback  # ties: by name
        countries = stats["country"]
        country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
        name = resolve.best_name(stats["name"], group, self.kw.names)
        status = "resolved" if stats["sure"] else "unresolved"
        t.update_entity(kb_id, name, etype, country, status)

    # -- corrections -------------------------------------------------------------------------
    def merge(self, t: KBTables, kb_id: str, into_kb_id: str, evidence: str) -> None:
        """Join ``kb_id`` to ``into_kb_id`` now and in every later ingest."""
        for k in (kb_id, into_kb_id):
            if not t.entity_exists(k):
                raise NotFound(f"no entity {k!r} in the knowledge base")
        if kb_id == into_kb_id:
            return
        t.add_constraint("merge", kb_id, into_kb_id)
        for article_id, entity_id, score in t.links_to(kb_id):
            t.relink(article_id, entity_id, into_kb_id, f"{evidence} (was {kb_id})", score)
        t.touch([kb_id, into_kb_id])
        self._refresh_touched(t)

    def split(self, t: KBTables, article_id: str, entity_id: str) -> str:
        """Keep one article entity on its own, now and after every later settle."""
        current = t.link_of(article_id, entity_id)
        if current is None:
            raise NotFound(f"no entity {entity_id!r} in article {article_id!r}")
        new_kb = resolve.kb_id_of_key(f"split:{article_id}/{entity_id}")  # as ``add`` gives
        name, etype, country = t.entity(article_id, entity_id)
        t.add_constraint("split", f"{article_id}/{entity_id}")
        t.create_entity(new_kb, name, etype, country)
        t.relink(article_id, entity_id, new_kb, SPLIT_EVIDENCE, 1.0)
        t.touch([current, new_kb])
        self._refresh_touched(t)
        return new_kb

    # -- rebuilding --------------------------------------------------------------------------
    def rebuild_all(self, t: KBTables, articles: Iterable[Article]) -> None:
        """Resolve every stored article again from scratch (after a resolution upgrade)."""
        t.clear()
        for article in articles:
            self.add(t, article)
        self.settle(t)


def _link_of(
    article_id: str, entity_id: str, member: resolve.Member, roots: dict[str, str]
) -> tuple[str, str, float, str]:
    if member.key is None:  # settled later (a bare surname) or kept alone
        return (
            resolve.unresolved_kb_id(article_id, entity_id),
            member.evidence,
            0.0,
            "unresolved",
        )
    root = roots.get(member.key, member.key)
    evidence = member.evidence if root == member.key else "short form (settling)"
    return resolve.kb_id_of_key(root), evidence, member.score, "resolved"


def _entity(t: KBTables, article_id: str, entity_id: str) -> Entity:
    name, etype, country = t.entity(article_id, entity_id)
    entity = Entity(entity_id, name, etype, [], country=country)
    for kind, value in t.entity_facts(article_id, entity_id):
        {"title": entity.titles, "affiliation": entity.affiliations}.get(kind, []).append(value)
    return entity


def _follow(kb_id: str, merges: dict[str, str]) -> str:
    """Where merge constraints send a KB id (a chain ends at its last target)."""
    seen = {kb_id}
    while kb_id in merges and merges[kb_id] not in seen:
        kb_id = merges[kb_id]
        seen.add(kb_id)
    return kb_id


def _member_row(article_id: str, entity_id: str, member: resolve.Member) -> tuple[object, ...]:
    person = member.person
    return (
        article_id, entity_id, member.group, member.kind, member.key, member.display,
        member.evidence, member.score,
        person.given if person else None, person.middles if person else None,
        person.surname if person else None,
    )  # fmt: skip
