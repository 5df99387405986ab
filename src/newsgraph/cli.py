"""The command-line shell: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from newsgraph import api
from newsgraph.api import IngestStep, open_store
from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.ingest import Rejected, read_sources
from newsgraph.kb import export as kb_export
from newsgraph.kb import queries
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings
from newsgraph.store import is_url, shown_db
from newsgraph.store.base import (
    EntityProfile,
    EntitySummary,
    EventRecord,
    Overview,
    Page,
    QuoteRecord,
    SearchFacets,
    SearchFilter,
    SearchHit,
    Store,
    TimelineItem,
)
from newsgraph.wordlists import WordLists

VALUE_NAMES = (("int", "N"), ("float", "NUMBER"), ("path", "PATH"))


def _plain_param(param: Any, ctx: Any) -> None:
    """Help without Typer's internal type tags (``<bool>``, ``<list[str]>``): arguments named in
    capitals (``PATHS...``, ``[ENTITY]``), options with a plain value name (TEXT, N, PATH),
    flags with none."""
    if getattr(param, "_plain_help", False):
        return
    setattr(param, "_plain_help", True)  # noqa: B010
    if isinstance(param, TyperArgument):
        name = param.metavar or (param.name or "value").upper()
        param.metavar = name + ("..." if param.nargs != 1 else "")
        usage = param.metavar if param.required else f"[{param.metavar}]"
        setattr(param, "_usage_display_name", lambda: usage)  # noqa: B010
        setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010
    elif isinstance(param, TyperOption) and param.metavar is None:
        kind = param.display_type(ctx).lower()
        names = [value for key, value in VALUE_NAMES if key in kind]
        param.metavar = "" if param.is_flag else (names[0] if names else "TEXT")


class PlainHelpCommand(TyperCommand):
    """A command whose help shows plain value names (see ``_plain_param``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _plain_param(param, ctx)
        return params


class PlainHelpGroup(TyperGroup):
    """A command group whose own options read like its commands' (see ``_plain_param``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _plain_param(param, ctx)
        return params


app = typer.Typer(
    help="newsgraph: turn news articles into a knowledge base of who said and did what.",
    no_args_is_help=True,
    add_completion=False,
    cls=PlainHelpGroup,
)
eval_app = typer.Typer(
    help="Score newsgraph on annotated corpora.", no_args_is_help=True, cls=PlainHelpGroup
)
app.add_typer(eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        out.print(f"newsgraph {package_version('newsgraph')}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """newsgraph: turn news articles into a knowledge base of who said and did what."""


out = Console()
err = Console(stderr=True)

ModelOpt = typer.Option(None, "--model", help="spaCy pipeline to load (default from settings).")
DbOpt = typer.Option(None, "--db", help="Store file (default ./newsgraph.db or $NEWSGRAPH_DB).")
WorkersOpt = typer.Option(1, "--workers", "-w", min=1, help="Processes running the NLP.")
EngineOpt = typer.Option(
    "local",
    "--engine",
    help="local: this machine's processes; ray: Ray Data and an actor pool (newsgraph[ray]).",
)
AddressOpt = typer.Option(
    None, "--address", help="Ray cluster to use (ray://HOST:10001 or auto); default: start one."
)
OutParquetOpt = typer.Option(
    None, "--out-parquet", help="With --engine ray: write Parquet parts here, not to the store."
)
FollowLinksOpt = typer.Option(
    False,
    "--follow-links",
    help="Read symlinks in folders that point outside the folder named (off: each is rejected).",
)


def _settings(model: str | None = None, **kw: object) -> Settings:
    return Settings.from_env(model=model, **kw)


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(code=1)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, .jsonl files, or - for stdin."),
    model: str | None = ModelOpt,
    workers: int = WorkersOpt,
    follow_links: bool = FollowLinksOpt,
) -> None:
    """Print the analysis of each article as JSON Lines, without storing anything."""
    settings = _settings(model, workers=workers)
    try:
        pipeline = Pipeline(settings)
        items = read_sources(paths, settings, follow_links=follow_links)
        articles = (a for a in _report_rejects(items) if a is not None)
        for article in pipeline.run(articles):
            sys.stdout.write(article.to_json() + "\n")
    except NewsgraphError as exc:
        raise _fail(exc) from exc


def _report_rejects(items: Iterable[Article | Rejected]) -> Iterator[Article | None]:
    for item in items:
        if isinstance(item, Rejected):
            err.print(
                f"[yellow]rejected[/yellow] {escape(f'{item.origin}: {item.reason}')}",
                soft_wrap=True,
                highlight=False,
            )
            yield None
        else:
            yield item


def _print_report(report: object) -> None:
    from newsgraph.eval.report import Report

    assert isinstance(report, Report)
    table = Table(title=f"{report.task} — {report.documents} documents")
    systems = list(dict.fromkeys(r[0] for r in report.rows))
    metrics = list(dict.fromkeys(r[1] for r in report.rows))
    table.add_column("metric")
    for s in systems:
        table.add_column(s, justify="right")
    values = {(s, m): v for s, m, v in report.rows}
    for m in metrics:
        table.add_row(m, *(f"{values[(s, m)]:.3f}" if (s, m) in values else "" for s in systems))
    out.print(table)
    for note in report.notes:
        out.print(f"- {note}")


def _run_eval(task: str, path: Path, model: str | None, limit: int | None) -> None:
    """Run one evaluation module's ``evaluate`` and print its report; errors as one line."""
    module = importlib.import_module(f"newsgraph.eval.{task}")
    try:
        _print_report(module.evaluate(path, _settings(model), limit=limit))
    except (NewsgraphError, OSError) as exc:
        raise _fail(exc) from exc


LimitOpt = typer.Option(None, "--limit", help="Score only the first N documents.")


@eval_app.command("entities")
def eval_entities(
    path: Path = typer.Argument(..., help="MEANTIME folder (CAT XML)."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Entity mentions vs MEANTIME: raw spaCy and newsgraph side by side."""
    _run_eval("entities", path, model, limit)


@eval_app.command("quotes")
def eval_quotes(
    path: Path = typer.Argument(..., help="PolNeAR split folder (text/ and attributions/)."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Quotes and speakers vs PolNeAR attributions."""
    _run_eval("quotes", path, model, limit)


@eval_app.command("times")
def eval_times(
    path: Path = typer.Argument(..., help="Folder of TimeML .tml files."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Time expressions vs TimeML TIMEX3: spans, types and values."""
    _run_eval("times", path, model, limit)


@eval_app.command("figures")
def eval_figures(
    path: Path = typer.Argument(..., help="MEANTIME folder (CAT XML)."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Figures vs MEANTIME VALUE markables."""
    _run_eval("figures", path, model, limit)


@eval_app.command("events")
def eval_events(
    path: Path = typer.Argument(..., help="MEANTIME folder, or PLOVER gsr_dev.json."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Events vs MEANTIME (triggers, Arg0/Arg1) or PLOVER records (event type)."""
    _run_eval("events", path, model, limit)


@eval_app.command("kb-b3")
def eval_kb_b3(
    path: Path = typer.Argument(..., help="MEANTIME folder (CAT XML with cross-document ids)."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Cross-document resolution vs MEANTIME instances: B³ per tune/check half, two baselines."""
    _run_eval("kb_b3", path, model, limit)


@eval_app.command("webpages")
def eval_webpages(
    path: Path = typer.Argument(..., help="The webpages set (expected.json and html/)."),
    model: str | None = ModelOpt,
    limit: int | None = LimitOpt,
) -> None:
    """Article extraction on real pages: HTML body, headline, date, language, and the same
    pages flattened to text; trafilatura alone beside newsgraph, tune and check halves."""
    _run_eval("webpages", path, model, limit)


@eval_app.command("kb-purity")
def eval_kb_purity(
    db: Path | None = DbOpt,
    examples: int = typer.Option(10, "--examples", min=0, help="Examples listed per check."),
) -> None:
    """Knowledge-base purity with no gold: conflicting given names, organisation names sharing
    no word, acronyms linked without an expansion."""
    _run_eval("kb_purity", db or _settings().db, None, examples)


# -- the store and the knowledge base -------------------------------------------------------

DATE_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@contextmanager
def _store(db: Path | None, must_exist: bool = True, resolve: bool = True) -> Iterator[Store]:
    """Open the store, turning every newsgraph error inside the block into one clean line."""
    path = db or _settings().db
    try:
        if must_exist and not is_url(path) and not Path(path).exists():
            raise StoreError(f"no store at {path}; run `newsgraph ingest PATH --db {path}` first")
        store = open_store(path, resolve=resolve)
    except NewsgraphError as exc:
        raise _fail(exc) from exc
    try:
        yield store
    except (NewsgraphError, ValueError) as exc:
        raise _fail(exc) from exc
    finally:
        store.close()


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, .jsonl files, or - for stdin."),
    db: Path | None = DbOpt,
    model: str | None = ModelOpt,
    workers: int = WorkersOpt,
    follow_links: bool = FollowLinksOpt,
    min_words: int | None = typer.Option(
        None,
        "--min-words",
        min=1,
        help="Shortest body kept as an article, in words (default 40; lower it for wire briefs).",
    ),
    engine: str = EngineOpt,
    address: str | None = AddressOpt,
    out_parquet: Path | None = OutParquetOpt,
    no_resolve: bool = typer.Option(
        False, "--no-resolve", help="Store only; link entities later with `newsgraph resolve`."
    ),
) -> None:
    """Analyse articles and save them in the store, resolving entities across articles."""
    settings = _settings(model, workers=workers, db=db, min_words=min_words)
    if engine != "ray" and (address or out_parquet):
        raise _fail(NewsgraphError("--address and --out-parquet need --engine ray"))
    if engine == "ray":
        _ingest_on_ray(paths, settings, follow_links, address, out_parquet)
        return
    store_cm = _store(settings.db, must_exist=False, resolve=not no_resolve)
    with store_cm as store, _progress() as progress:
        show = _step_printer(progress, progress.add_task("ingesting", total=None))
        summary = api.ingest(paths, store, settings, on_progress=show, follow_links=follow_links)
    _print_ingest_summary(summary, shown_db(settings.db), resolved=not no_resolve)


@app.command()
def resolve(db: Path | None = DbOpt) -> None:
    """Link the entities of articles stored with `ingest --no-resolve` into the knowledge base."""
    with _store(db) as store:
        done = store.resolve_pending()
        kb = store.overview(top=0).entities
    out.print(f"[bold]{done}[/bold] articles resolved; {kb} entities in the knowledge base")


def _step_printer(progress: Progress, task: TaskID) -> Callable[[IngestStep], None]:
    """Rejections printed as they come, one line each; every step advances the bar."""

    def show(step: IngestStep) -> None:
        if step.outcome == "rejected":
            progress.console.print(
                f"[yellow]rejected[/yellow] {escape(f'{step.origin}: {step.reason}')}",
                soft_wrap=True,
                highlight=False,
            )
        # cut, then escaped: a name is data, never Rich markup (``a[/]b.txt`` would crash)
        description = escape(f"{step.outcome} {step.origin}"[:60])
        progress.update(task, advance=1, description=description)

    return show


def _ingest_on_ray(
    paths: list[str],
    settings: Settings,
    follow_links: bool,
    address: str | None,
    out_parquet: Path | None,
) -> None:
    """``ingest --engine ray``: into the store, or into Parquet parts for ``newsgraph load``."""
    try:
        from newsgraph.engines.ray import RayEngine

        # actors skip inputs the store holds; Parquet output never creates a store
        known = out_parquet is None or Path(settings.db).exists()
        engine = RayEngine(settings, address, settings.workers, str(settings.db) if known else None)
        if out_parquet is not None:
            parts = engine.write_parquet(paths, out_parquet, follow_links)
            out.print(
                f"{parts} Parquet parts written to {escape(str(out_parquet))}; store "
                f"them with `newsgraph load {escape(str(out_parquet))} --db FILE`"
            )
            return
    except NewsgraphError as exc:
        raise _fail(exc) from exc
    with _store(settings.db, must_exist=False) as store, _progress() as progress:
        show = _step_printer(progress, progress.add_task("ingesting on ray", total=None))
        summary = api.ingest(paths, store, settings, show, follow_links, engine=engine)
    _print_ingest_summary(summary, settings.db)


@app.command()
def load(
    folder: Path = typer.Argument(..., help="Folder of Parquet parts from ingest --out-parquet."),
    db: Path | None = DbOpt,
) -> None:
    """Store the articles an `ingest --engine ray --out-parquet DIR` run analysed."""
    settings = _settings(db=db)
    with _store(settings.db, must_exist=False) as store, _progress() as progress:
        show = _step_printer(progress, progress.add_task("loading", total=None))
        summary = api.load(folder, store, settings, on_progress=show)
    _print_ingest_summary(summary, settings.db)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _print_ingest_summary(
    summary: api.IngestSummary, db: Path | str, resolved: bool = True
) -> None:
    out.print(
        f"[bold]{summary.ingested}[/bold] ingested into {escape(str(db))}, "
        f"{summary.duplicates} duplicates skipped, {len(summary.rejected)} rejected",
        soft_wrap=True,
    )
    out.print(
        f"stories: {summary.ingested - summary.syndicated} new, "
        f"{summary.syndicated} syndicated copies linked to an earlier story",
        soft_wrap=True,
    )
    if resolved:
        out.print(
            f"entities: {summary.new_entities} new in the knowledge base, "
            f"{summary.merged_entities} resolved to known ones",
            soft_wrap=True,
        )
    else:
        out.print(
            "entities: not resolved yet; run `newsgraph resolve` to link them", soft_wrap=True
        )
    if summary.warnings:
        out.print(f"{summary.warnings} articles had a stage fail (see `newsgraph show ID`)")
    for item in summary.rejected:
        out.print(f"  rejected {escape(item.origin)}: {escape(item.reason)}", soft_wrap=True)


@app.command()
def show(
    article_id: str = typer.Argument(..., metavar="ARTICLE", help="Article id."),
    text: bool = typer.Option(
        False, "--text", help="Print the body too, each fact in brackets with its kind after it."
    ),
    db: Path | None = DbOpt,
) -> None:
    """Print one stored article with its entities and any quotes, times, figures and events."""
    with _store(db) as store:
        article = queries.get_article(store, article_id)
    _print_article(article)
    if text:
        _print_marked_text(article)


@app.command()
def entities(
    type: str | None = typer.Option(None, "--type", help="PERSON, ORG, GPE, LOC, NORP, ..."),
    search: str | None = typer.Option(None, "--search", help="Words of the name (prefixes)."),
    limit: int = typer.Option(25, "--limit", min=1, help="How many to list."),
    db: Path | None = DbOpt,
) -> None:
    """List knowledge-base entities with titles and article counts, most covered first."""
    with _store(db) as store:
        page = queries.list_entities(store, type=type, search=search, limit=limit)
    _print_entities(page)


@app.command()
def entity(
    name: str = typer.Argument(..., help="KB id or name of the entity."),
    db: Path | None = DbOpt,
) -> None:
    """Show one entity's profile; a name several entities fit lists them (pick one by KB id)."""
    with _store(db) as store:
        found = _one_entity(store, name)
        if found is None:
            return
        profile = queries.entity_profile(store, found.id, words=WordLists())
    _print_profile(profile)


def _one_entity(store: Store, name: str) -> EntitySummary | None:
    """The entity a KB id or name selects; several fits are listed and None returned."""
    try:
        return queries.find_entity(store, name)
    except queries.AmbiguousName:
        _print_candidates(queries.entity_choices(store, name))
        return None


@app.command()
def merge(
    kb_id: str = typer.Argument(..., metavar="KB_ID", help="The KB entity to merge away."),
    into_kb_id: str = typer.Argument(..., metavar="INTO_KB_ID", help="The KB entity to keep."),
    db: Path | None = DbOpt,
) -> None:
    """Merge one KB entity into another: its mentions, quotes and events move to INTO_KB_ID."""
    with _store(db) as store:
        kept = queries.merge_entities(store, kb_id, into_kb_id)
    out.print(
        f"{kb_id} merged into {kept.id} ({escape(kept.name)}, {kept.articles} stories)",
        soft_wrap=True,
    )


@app.command()
def unmerge(
    article_id: str = typer.Argument(..., metavar="ARTICLE", help="Article id."),
    entity_id: str = typer.Argument(..., metavar="ENTITY", help="Entity id within the article."),
    db: Path | None = DbOpt,
) -> None:
    """Split one article's entity out of the KB entity it was merged into."""
    with _store(db) as store:
        new = queries.split_mention(store, article_id, entity_id)
    out.print(f"{article_id}/{entity_id} is now KB entity {new.id}")


OffsetOpt = typer.Option(0, "--offset", min=0, help="Skip this many (the next page).")
FromOpt = typer.Option(None, "--from", help="First date, YYYY[-MM[-DD]].")
ToOpt = typer.Option(None, "--to", help="Last date, YYYY[-MM[-DD]].")


def _check_dates(*values: str | None) -> None:
    for value in values:
        if value and not DATE_SHAPE.match(value):
            raise _fail(ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"))


@app.command()
def search(
    text: str = typer.Argument(..., help="Words to find in titles and bodies."),
    sort: str = typer.Option("relevance", "--sort", help="relevance or date (newest first)."),
    source: str | None = typer.Option(None, "--source", help="Only this outlet."),
    section: str | None = typer.Option(None, "--section", help="Only this section."),
    entity_type: str | None = typer.Option(
        None, "--entity-type", help="Only articles naming a PERSON, ORG, GPE..."
    ),
    event_type: str | None = typer.Option(
        None, "--event-type", help="Only articles with an event of this PLOVER type."
    ),
    date_from: str | None = FromOpt,
    date_to: str | None = ToOpt,
    facets: bool = typer.Option(False, "--facets", help="Also count the hits by facet."),
    limit: int = typer.Option(20, "--limit", min=1, max=100, help="How many hits to show."),
    offset: int = OffsetOpt,
    db: Path | None = DbOpt,
) -> None:
    """Full-text search over the stored articles, best matches (or newest) first."""
    _check_dates(date_from, date_to)
    wanted = SearchFilter(date_from, date_to, source, section, None, entity_type, event_type)
    with _store(db) as store:
        page = queries.search_page(store, text, wanted, sort, offset=offset, limit=limit)
        counted = queries.search_facets(store, text, wanted) if facets else None
    _print_hits(page)
    if counted is not None:
        _print_facets(counted)


@app.command("quotes")
def quotes_command(
    speaker: str | None = typer.Option(None, "--speaker", help="Speaker name or KB id."),
    search: str | None = typer.Option(None, "--search", help="Text inside the quote."),
    limit: int = typer.Option(25, "--limit", min=1, help="How many quotes to show."),
    db: Path | None = DbOpt,
) -> None:
    """List quotes with speaker, outlet and date."""
    with _store(db) as store:
        page = queries.quotes(store, speaker=speaker, text=search, limit=limit)
    _print_quotes(page)


@app.command()
def timeline(
    entity: str | None = typer.Argument(None, help="Entity name or KB id."),
    search: str | None = typer.Option(None, "--search", help="Articles matching this text."),
    date_from: str | None = FromOpt,
    date_to: str | None = ToOpt,
    limit: int = typer.Option(
        queries.TIMELINE_LIMIT, "--limit", min=1, help="Items to show (the total is counted)."
    ),
    offset: int = OffsetOpt,
    db: Path | None = DbOpt,
) -> None:
    """Dated events and quotes in time order, each with its source (copies counted once)."""
    _check_dates(date_from, date_to)
    if not entity and not search:
        raise _fail(ValueError("name an ENTITY or give --search TEXT"))
    with _store(db) as store:
        kb_id = None
        if entity:
            found = _one_entity(store, entity)
            if found is None:
                return
            kb_id = found.id
        page = queries.timeline_page(store, kb_id, search, date_from, date_to, offset, limit)
    _print_timeline(page)


@app.command()
def events(
    type: str | None = typer.Option(None, "--type", help="PLOVER type (AGREE, ASSAULT...)."),
    mode: str | None = typer.Option(None, "--mode", help="PLOVER mode of the type."),
    actor: str | None = typer.Option(None, "--actor", help="Actor KB id or name words."),
    target: str | None = typer.Option(None, "--target", help="Target KB id or name words."),
    place: str | None = typer.Option(None, "--place", help="Place KB id or name words."),
    country: str | None = typer.Option(
        None, "--country", help="Alpha-3 code of the actor, target or place."
    ),
    factuality: str | None = typer.Option(
        None, "--factuality", help="happened, planned, promised, hypothetical, denied..."
    ),
    date_from: str | None = FromOpt,
    date_to: str | None = ToOpt,
    between: list[str] | None = typer.Option(
        None, "--between", help="Two entities (give it twice): every event between them."
    ),
    all_types: bool = typer.Option(
        False, "--all", help="Untyped event mentions too (default: PLOVER-typed only)."
    ),
    by_month: bool = typer.Option(False, "--by-month", help="Counts by type and month instead."),
    limit: int = typer.Option(25, "--limit", min=1, max=200, help="How many events to show."),
    offset: int = OffsetOpt,
    db: Path | None = DbOpt,
) -> None:
    """Events as actor -> type -> target with their sentence, in date order, filtered."""
    _check_dates(date_from, date_to)
    if between and len(between) != 2:
        raise _fail(ValueError("--between takes two entities: --between A --between B"))
    with _store(db) as store:
        if between:
            page = queries.dyad(store, between[0], between[1], not all_types, offset, limit)
            _print_events(page)
            return
        wanted = queries.event_filter(
            store, type=type, mode=mode, actor=actor, target=target, place=place,
            country=country, factuality=factuality, date_from=date_from, date_to=date_to,
            typed_only=not all_types,
        )  # fmt: skip
        if by_month:
            _print_event_chart(queries.event_chart(store, wanted))
            return
        page = queries.find_events(store, wanted, offset=offset, limit=limit)
    _print_events(page)


@app.command()
def export(
    fmt: str = typer.Option(
        "jsonl", "--format", help="jsonl, csv, parquet (tables); graphml, gexf (the graph)."
    ),
    what: str = typer.Option(
        "articles",
        "--what",
        help="articles, entities, mentions, quotes, events, times, figures, or plover "
        "(one row per typed event, POLECAT layout).",
    ),
    out_file: Path | None = typer.Option(
        None, "--out", help="File to write (default stdout; parquet needs a file)."
    ),
    min_weight: int = typer.Option(
        1, "--min-weight", min=1, help="Graph: drop co-occurrence edges of fewer shared stories."
    ),
    types: str | None = typer.Option(
        None, "--types", help="Graph: only entities of these types, e.g. PERSON,ORG."
    ),
    events_only: bool = typer.Option(
        False, "--events-only", help="Graph: only actor -> target event edges."
    ),
    every_event: bool = typer.Option(
        False, "--all", help="Events: every event mention, not only the PLOVER-typed ones."
    ),
    db: Path | None = DbOpt,
) -> None:
    """Export a table (one row per fact, ids to join on) or the entity graph (Gephi)."""
    kinds = frozenset(t.strip().upper() for t in types.split(",") if t.strip()) if types else None
    graph = kb_export.GraphOptions(min_weight, kinds, events_only)
    if fmt == "parquet" and out_file is None:
        raise _fail(ValueError("parquet is binary: give a file with --out FILE"))
    with _store(db) as store:
        if out_file is None:
            count = kb_export.export(store, what, fmt, sys.stdout, graph, every_event)
        else:
            try:
                count = kb_export.export_to_file(store, what, fmt, out_file, graph, every_event)
            except OSError as exc:
                raise _fail(StoreError(f"cannot write {out_file}: {exc.strerror}")) from exc
    graph_format = fmt in kb_export.GRAPH_FORMATS
    err.print(f"exported {count} {'entities as a graph' if graph_format else what + ' rows'}")


@app.command()
def overview(db: Path | None = DbOpt) -> None:
    """Print what the store holds: articles, people with titles, organisations, places."""
    with _store(db) as store:
        summary = queries.overview(store)
    _print_overview(summary)


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
SERVE_WORKERS = 2  # one process per core of a 2-core machine: bench/load.py p95 halves, see docs


@app.command()
def serve(
    db: Path | None = DbOpt,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar="NEWSGRAPH_TOKEN",
        help="Allow writes (ingest, merge, split) to requests sending this Bearer token.",
    ),
    workers: int = typer.Option(
        SERVE_WORKERS,
        "--workers",
        min=1,
        max=32,
        help="Server processes (SQLite WAL lets them share); one per core.",
    ),
) -> None:
    """Serve the HTTP API and the web interface over the store (read-only without --token)."""
    import uvicorn

    from newsgraph.web.app import create_app
    from newsgraph.web.workers import run_workers

    settings = _settings(db=db)
    with _store(settings.db, must_exist=False):
        pass  # fail early, in one line, on a bad or newer store
    token = token or None
    if host not in LOCAL_HOSTS:
        err.print(
            f"[yellow]warning:[/yellow] listening on {escape(host)}: anyone who can reach it "
            "can read the whole store"
            + ("; writes need the token" if token else "; writes are off (no --token)"),
            soft_wrap=True,
        )
    out.print(f"newsgraph UI on http://{host}:{port}/ (store {shown_db(settings.db)})")
    out.print(
        "writes (ingest, merge, split): "
        + ("on for requests with the token" if token else "off; start with --token to allow")
    )
    if workers == 1:
        app = create_app(settings.db, settings, token=token, warm=True)
        uvicorn.run(app, host=host, port=port)
        return
    os.environ["NEWSGRAPH_DB"] = str(settings.db)  # each worker process builds its own app
    os.environ.pop("NEWSGRAPH_TOKEN", None)
    if token:
        os.environ["NEWSGRAPH_TOKEN"] = token
    run_workers(host, port, workers)  # one socket each (SO_REUSEPORT): connections spread


# -- formatting (no logic: turn library records into tables) ---------------------------------


def _join(values: Iterable[str | None], limit: int = 3) -> str:
    items = [v for v in values if v]
    more = f" (+{len(items) - limit})" if len(items) > limit else ""
    return escape(", ".join(items[:limit]) + more)


def _print_article(article: Article) -> None:
    meta = " · ".join(x for x in (article.source, article.published, article.section) if x)
    out.print(f"[bold]{escape(article.title or '(no title)')}[/bold]  [dim]{escape(meta)}[/dim]")
    out.print(
        f"[dim]id {escape(article.id)} · {len(article.text)} characters · "
        f"{escape(article.origin or '')}[/dim]"
    )
    table = Table(title="entities")
    for col in ("name", "type", "country", "titles", "affiliations", "aliases", "mentions", "kb"):
        table.add_column(col)
    for e in article.entities:
        table.add_row(
            escape(e.name), e.type, e.country or "", _join(e.titles), _join(e.affiliations),
            _join(e.aliases), str(len(e.mentions)), e.kb_id or "",
        )  # fmt: skip
    out.print(table)
    names = {e.id: e.name for e in article.entities}
    for q in article.quotes:
        who = names.get(q.speaker or "", q.speaker_text or "?")
        out.print(f"[cyan]quote[/cyan] {escape(who)}: “{escape(q.text)}” ({q.kind})")
    for t in article.times:
        out.print(f"[green]time[/green] {escape(t.text)} = {t.value} ({t.type})")
    for f in article.figures:
        out.print(f"[magenta]figure[/magenta] {escape(f.text)} = {f.value} {f.unit or ''}")
    for ev in article.plover_events():
        actor, target = names.get(ev.actor or "", "?"), names.get(ev.target or "", "?")
        out.print(
            f"[red]event[/red] {ev.type} {escape(actor)} -> {escape(target)} "
            f"“{escape(ev.trigger)}” {ev.time or ''} ({ev.factuality})"
        )
    for w in article.warnings:
        out.print(f"[yellow]warning[/yellow] {escape(w)}")


MARK_STYLES = {"entity": "bold", "time": "green", "figure": "magenta", "event": "red"}


def _print_marked_text(article: Article) -> None:
    """The body with each fact as [words](label), coloured on a terminal; quotes underlined."""
    body = Text()
    offset = 0
    for mark in queries.fact_marks(article):
        body.append(article.text[offset : mark.start])
        body.append(f"[{article.text[mark.start : mark.end]}]", style=MARK_STYLES[mark.kind])
        body.append(f"({mark.label})", style="dim")
        offset = mark.end
    body.append(article.text[offset:])
    out.print()
    out.print(body, soft_wrap=True)


def _entity_table(title: str, items: list[EntitySummary]) -> Table:
    table = Table(title=title)
    for col in ("name", "type", "country", "titles", "articles", "id"):
        table.add_column(col, justify="right" if col == "articles" else "left")
    for e in items:
        table.add_row(
            escape(e.name), e.type, e.country or "", _join(e.titles), str(e.articles), e.id
        )
    return table


def _print_entities(page: Page[EntitySummary]) -> None:
    out.print(_entity_table(f"{page.total} entities", page.items))


def _print_candidates(found: queries.Candidates) -> None:
    """One row per candidate; under each name, its titles, dates and company tell it apart."""
    out.print(f"[bold]{escape(found.heading)}[/bold]; give a KB id to pick one", soft_wrap=True)
    table = Table()
    table.add_column("name")
    for col in ("type", "country", "stories"):
        table.add_column(col, justify="right" if col == "stories" else "left")
    table.add_column("id", no_wrap=True, min_width=15)  # what the reader types next: never cut
    for c in found.items:
        e = c.entity
        who = f"[bold]{escape(c.label)}[/bold]" + (
            f"\n[dim]{escape(c.note)}[/dim]" if c.note else ""
        )
        table.add_row(who, e.type, e.country or "", str(e.articles), e.id)
    out.print(table)
    if found.total > len(found.items):
        out.print(f"(+{found.total - len(found.items)} more with fewer stories)")


def _print_profile(p: EntityProfile) -> None:
    e = p.entity
    out.print(f"[bold]{escape(e.name)}[/bold] {e.type} {e.country or ''}  [dim]{e.id}[/dim]")
    out.print(f"{e.articles} stories, {e.mentions} mentions; aliases: {_join(p.aliases, 10)}")
    out.print(f"affiliations: {_join(p.affiliations, 10)}")
    for role in p.known_roles:
        span = f"{role.start or '…'} – {role.end or '…'}" if role.start or role.end else "undated"
        out.print(
            f"  known actor {escape(role.actor)} (PETRARCH2): {escape(role.description)} "
            f"[{role.code}], {span}; {role.dated_articles} dated stories in range"
        )
    for use in p.titles:
        out.print(f"  title {escape(use.title)}: {use.articles} articles, {use.first} … {use.last}")
    for q in p.quotes_by[:10]:
        out.print(f"  [cyan]said[/cyan] “{escape(q.text)}” ({q.source}, {q.published})")
    for ev in (p.events_as_actor + p.events_as_target)[:10]:
        out.print(f"  [red]event[/red] {ev.date} {ev.type}: {escape(ev.sentence or ev.trigger)}")
    out.print("  appears with: " + _join((f"{c.name} ({c.count})" for c in p.co_occurring), 10))
    table = Table(title="why these mentions are one entity")
    for col in ("article", "entity", "name", "evidence", "score"):
        table.add_column(col)
    for link in p.links[:50]:
        table.add_row(
            link.article_id, link.entity_id, escape(link.name), escape(link.evidence),
            f"{link.score:.2f}",
        )  # fmt: skip
    out.print(table)


def _print_hits(page: Page[SearchHit]) -> None:
    out.print(
        f"{page.total} articles match" + (f"; {_page_line(page, 'hits')}" if page.total else "")
    )
    for hit in page.items:
        a = hit.article
        meta = " · ".join(x for x in (a.source, a.published) if x)
        title = a.title or a.lead or "(no title)"
        out.print(f"[bold]{escape(title)}[/bold] [dim]{a.id} {escape(meta)}[/dim]")
        out.print(f"  {escape(hit.snippet)}")


def _print_quotes(page: Page[QuoteRecord]) -> None:
    table = Table(title=f"{page.total} quotes")
    for col in ("speaker", "quote", "outlet", "date", "article"):
        table.add_column(col)
    for q in page.items:
        table.add_row(
            escape(q.speaker_name or "?"), escape(q.text), escape(q.source or ""),
            q.published or "", q.article_id,
        )  # fmt: skip
    out.print(table)


def _print_timeline(page: Page[TimelineItem]) -> None:
    if not page.total:
        out.print("no dated events or quotes")
        return
    out.print(_page_line(page, "items"))
    for item in page.items:
        outlets = ", ".join(item.outlets) or item.source or ""
        out.print(
            f"[bold]{item.date}[/bold] {item.kind:5} {escape(item.label)}: "
            f"{escape(item.text)} [dim]({escape(outlets)}; {item.article_id})[/dim]"
        )


def _page_line(page: Page[Any], noun: str) -> str:
    """ "items 1-200 of 1,234 (next: --offset 200)"."""
    if not page.items:
        return f"{page.total:,} {noun}; none from {page.offset + 1}"
    last = page.offset + len(page.items)
    line = f"{noun} {page.offset + 1}-{last} of {page.total:,}"
    return line + (f" (next: --offset {last})" if last < page.total else "")


def _print_events(page: Page[EventRecord]) -> None:
    out.print(_page_line(page, "events"))
    for ev in page.items:
        actor = ev.actor_name or "?"
        target = ev.target_name or "?"
        where = f" in {ev.place_name}" if ev.place_name else ""
        out.print(
            f"[bold]{escape(ev.date or 'undated')}[/bold] {escape(actor)} → "
            f"[red]{escape(ev.type or 'untyped')}[/red]"
            f"{escape('/' + ev.mode) if ev.mode else ''} → {escape(target)}{escape(where)} "
            f"[dim]({escape(ev.factuality)}; {escape(ev.article_id)})[/dim]",
            soft_wrap=True,
        )
        out.print(f"  {escape(ev.sentence or ev.trigger)}", soft_wrap=True, highlight=False)


def _print_event_chart(chart: queries.EventChart) -> None:
    table = Table(title="events by month")
    table.add_column("month")
    for kind in chart.series:
        table.add_column(kind, justify="right")
    for i, month in enumerate(chart.months):
        table.add_row(month, *(str(counts[i] or "") for counts in chart.series.values()))
    out.print(table)
    if chart.undated:
        out.print(f"{chart.undated} events without a month (undated, or a year alone)")


def _print_facets(facets: SearchFacets) -> None:
    groups = (
        ("year", facets.years), ("outlet", facets.sources), ("section", facets.sections),
        ("language", facets.languages), ("entity type", facets.entity_types),
        ("event type", facets.event_types),
    )  # fmt: skip
    for name, counts in groups:
        if counts:
            out.print(
                f"{name}: " + ", ".join(f"{escape(c.value)} ({c.count})" for c in counts),
                soft_wrap=True,
            )


def _print_overview(o: Overview) -> None:
    out.print(
        f"[bold]{o.articles}[/bold] articles ({o.stories} stories), {o.entities} entities, "
        f"{o.quotes} quotes, {o.events} events, {o.times} time expressions, {o.figures} figures",
        soft_wrap=True,
    )
    out.print(_entity_table("people", o.people))
    out.print(_entity_table("organisations", o.organisations))
    out.print(_entity_table("places", o.places))


for _typer_app in (app, eval_app):  # every command's help reads the same way
    for _info in _typer_app.registered_commands:
        if _info.cls in (None, TyperCommand):
            _info.cls = PlainHelpCommand


if __name__ == "__main__":
    app()
