"""The library API the CLI and the web app call; nothing here prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

from newsgraph.engines import Known, Outcome
from newsgraph.engines.local import LocalEngine
from newsgraph.errors import NewsgraphError, RejectedInput
from newsgraph.ingest import Rejected, article_from_text, read_sources
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.store.base import SaveResult, Store


def extract(source: str | Path | Article, settings: Settings | None = None) -> Article:
    """Analyse one article given as a file path, raw text or an ``Article``."""
    settings = settings or Settings()
    if isinstance(source, Article):
        article = source
    elif isinstance(source, Path) or (isinstance(source, str) and _looks_like_path(source)):
        first = next(iter(read_sources([str(source)], settings)), None)
        if first is None:
            raise RejectedInput("no article found", str(source))
        if isinstance(first, Rejected):
            raise RejectedInput(first.reason, first.origin)
        article = first
    else:
        article = article_from_text(source, settings)
    return Pipeline(settings).analyse(article)


def open_store(
    path: str | Path | None = None, settings: Settings | None = None, resolve: bool = True
) -> Store:
    """Open (creating if needed) the store at ``path`` (a file or a ``postgresql://`` URL) or
    the settings' default; it resolves entities as it saves unless ``resolve`` is False (then
    ``newsgraph resolve`` links them later)."""
    from newsgraph.kb.resolver import Resolver
    from newsgraph.store import open_store as _open

    settings = settings or Settings()
    return _open(path or settings.db, Resolver() if resolve else None)


@dataclass
class IngestStep:
    """What happened to one input, reported to ``on_progress`` as the batch goes on."""

    outcome: str  # ingested | duplicate | rejected
    origin: str
    article_id: str | None = None
    reason: str | None = None


@dataclass
class IngestSummary:
    """What one ingest run did."""

    ingested: int = 0
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    syndicated: int = 0  # articles linked to an earlier copy of the same story
    new_entities: int = 0  # how many KB entities the batch added, once settled
    merged_entities: int = 0  # the batch's article entities that joined an existing KB entity
    warnings: int = 0  # articles where a stage failed (kept, with a note)


SETTLE_EVERY = 2000  # a long batch settles the KB as it goes, so readers see it grow
SAVE_CHUNK = Settings.save_chunk  # default articles per transaction: one commit and FTS flush


class Engine(Protocol):
    """An engine that reads and analyses inputs elsewhere (``engines.ray.RayEngine``)."""

    def run(self, paths: Iterable[str], follow_links: bool = False) -> Iterator[Outcome]: ...


def ingest(
    paths: Iterable[str],
    store: Store,
    settings: Settings,
    on_progress: Callable[[IngestStep], None] | None = None,
    follow_links: bool = False,
    engine: Engine | None = None,
) -> IngestSummary:
    """Read, analyse and store articles from files, folders, .jsonl files or ``-``.

    Without ``engine``, this process reads and its worker processes analyse (the local
    engine); with one, the engine reads and analyses and this process stores what it sends.
    """
    if engine is not None:
        return store_outcomes(engine.run(paths, follow_links), store, settings, on_progress)
    items = read_sources(paths, settings, follow_links=follow_links)
    return ingest_items(items, store, settings, on_progress)


def load(
    folder: Path,
    store: Store,
    settings: Settings,
    on_progress: Callable[[IngestStep], None] | None = None,
) -> IngestSummary:
    """Store the analysed articles (and report the rejections) that ``ingest --engine ray
    --out-parquet`` wrote under ``folder``."""
    from newsgraph.engines.parquet import read_outcomes

    return store_outcomes(read_outcomes(folder), store, settings, on_progress)


def store_outcomes(
    outcomes: Iterable[Outcome],
    store: Store,
    settings: Settings,
    on_progress: Callable[[IngestStep], None] | None = None,
) -> IngestSummary:
    """Store an engine's analysed articles; its rejections and known inputs are counted."""
    return _store_batch(
        lambda summary, report: _articles_of(outcomes, summary, report),
        store,
        settings,
        on_progress,
    )


def ingest_items(
    items: Iterable[Article | Rejected],
    store: Store,
    settings: Settings,
    on_progress: Callable[[IngestStep], None] | None = None,
) -> IngestSummary:
    """Analyse and store articles; rejects and duplicates are counted, never raised."""
    return _store_batch(
        lambda summary, report: LocalEngine(settings).analyse(
            _new_articles(items, store, summary, report)
        ),
        store,
        settings,
        on_progress,
    )


def _store_batch(
    analysed_of: Callable[[IngestSummary, Callable[[IngestStep], None]], Iterable[Article]],
    store: Store,
    settings: Settings,
    on_progress: Callable[[IngestStep], None] | None,
) -> IngestSummary:
    """One batch, however its articles are analysed: ``analysed_of(summary, report)`` yields
    them (counting what it skips), they are saved, and the KB settled and counted."""
    summary = IngestSummary()
    report = on_progress or (lambda step: None)
    kb_before = store.overview(top=0).entities
    _save_analysed(analysed_of(summary, report), store, settings, summary, report)
    return _settled(store, summary, kb_before)


def _save_analysed(
    analysed: Iterable[Article],
    store: Store,
    settings: Settings,
    summary: IngestSummary,
    report: Callable[[IngestStep], None],
) -> None:
    """Save in chunks of ``settings.save_chunk``, settling the KB every ``SETTLE_EVERY``."""
    for chunk in _chunks(analysed, settings.save_chunk):
        for article, result in zip(chunk, _save_chunk(store, chunk), strict=True):
            _count(article, result, summary, report)
        if summary.ingested // SETTLE_EVERY > (summary.ingested - len(chunk)) // SETTLE_EVERY:
            store.settle()


def _settled(store: Store, summary: IngestSummary, kb_before: int) -> IngestSummary:
    """Settle the KB and split the batch's entities into new and merged ones."""
    store.settle()
    linked = summary.merged_entities  # every stored article entity, counted as it was saved
    summary.new_entities = store.overview(top=0).entities - kb_before
    summary.merged_entities = max(0, linked - summary.new_entities)
    return summary


def _articles_of(
    outcomes: Iterable[Outcome], summary: IngestSummary, report: Callable[[IngestStep], None]
) -> Iterator[Article]:
    """The analysed articles among an engine's outcomes; the others reported as they pass."""
    for outcome in outcomes:
        if isinstance(outcome, Rejected):
            _reject(outcome, summary, report)
        elif isinstance(outcome, Known):
            summary.duplicates += 1
            report(IngestStep("duplicate", outcome.origin, outcome.article_id))
        else:
            yield outcome


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, max(1, size))):
        yield chunk


def _save_chunk(store: Store, chunk: list[Article]) -> list[SaveResult | Exception]:
    """Save a chunk in one transaction; if that fails as a whole, one by one."""
    try:
        return list(store.save_many(chunk))
    except Exception:  # one broken document never stops the batch
        return [_save_alone(store, article) for article in chunk]


def _save_alone(store: Store, article: Article) -> SaveResult | Exception:
    try:
        return store.save(article)
    except Exception as exc:
        return exc


def _count(
    article: Article,
    result: SaveResult | Exception,
    summary: IngestSummary,
    report: Callable[[IngestStep], None],
) -> None:
    """Add one save's outcome to the summary and report it."""
    if isinstance(result, NewsgraphError):
        _reject(Rejected(article.origin or article.id, str(result)), summary, report)
        return
    if isinstance(result, Exception):
        reason = f"could not be stored ({type(result).__name__}: {result})"
        _reject(Rejected(article.origin or article.id, reason), summary, report)
        return
    if result.duplicate:  # a copy inside this very batch
        summary.duplicates += 1
        report(IngestStep("duplicate", article.origin or article.id, result.article_id))
        return
    summary.ingested += 1
    summary.syndicated += result.syndicated_with is not None
    summary.merged_entities += len(article.entities)  # all linked; split up after settling
    summary.warnings += bool(article.warnings)
    report(IngestStep("ingested", article.origin or article.id, article.id))


def _new_articles(
    items: Iterable[Article | Rejected],
    store: Store,
    summary: IngestSummary,
    report: Callable[[IngestStep], None],
) -> Iterator[Article]:
    """Articles not stored yet: skips rejects and known hashes before the costly NLP."""
    for item in items:
        if isinstance(item, Rejected):
            _reject(item, summary, report)
        elif item.content_hash and store.has_hash(item.content_hash):
            summary.duplicates += 1
            report(IngestStep("duplicate", item.origin or item.id, item.id))
        else:
            yield item


def _reject(item: Rejected, summary: IngestSummary, report: Callable[[IngestStep], None]) -> None:
    summary.rejected.append(item)
    report(IngestStep("rejected", item.origin, reason=item.reason))


def _looks_like_path(text: str) -> bool:
    """A one-line string naming an existing file; text the OS cannot take as a name is text."""
    if "\n" in text or len(text) >= 4096:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # a name part over NAME_MAX, or a NUL byte
        return False
