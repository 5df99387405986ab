"""The command-line shell: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.errors import NewsgraphError
from newsgraph.ingest import Rejected, read_sources
from newsgraph.model import Article
from newsgraph.pipeline import Pipeline
from newsgraph.settings import Settings

app = typer.Typer(
    help="newsgraph: turn news articles into a knowledge base of who said and did what.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Score newsgraph on annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True)

ModelOpt = typer.Option(None, "--model", help="spaCy pipeline to load (default from settings).")
WorkersOpt = typer.Option(1, "--workers", "-w", min=1, help="Processes running the NLP.")


def _settings(model: str | None = None, **kw: object) -> Settings:
    return Settings.from_env(model=model, **kw)


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}")
    return typer.Exit(code=1)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, .jsonl files, or - for stdin."),
    model: str | None = ModelOpt,
    workers: int = WorkersOpt,
) -> None:
    """Print the analysis of each article as JSON Lines, without storing anything."""
    settings = _settings(model, workers=workers)
    try:
        pipeline = Pipeline(settings)
        articles = (a for a in _report_rejects(read_sources(paths, settings)) if a is not None)
        for article in pipeline.run(articles):
            sys.stdout.write(article.to_json() + "\n")
    except NewsgraphError as exc:
        raise _fail(exc) from exc


def _report_rejects(items: Iterable[Article | Rejected]) -> Iterator[Article | None]:
    for item in items:
        if isinstance(item, Rejected):
            err.print(f"[yellow]rejected[/yellow] {item.origin}: {item.reason}")
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


LimitOpt = typer.Option(None, "--limit", help="Score only the first N documents.")


@eval_app.command("entities")
def eval_entities(
    path: Path = typer.Argument(..., help="MEANTIME folder (CAT XML)."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Entity mentions vs MEANTIME: raw spaCy and newsgraph side by side."""
    from newsgraph.eval import entities as task

    _print_report(task.evaluate(path, _settings(model), limit=limit))


@eval_app.command("quotes")
def eval_quotes(
    path: Path = typer.Argument(..., help="PolNeAR split folder (text/ and attributions/)."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Quotes and speakers vs PolNeAR attributions."""
    from newsgraph.eval import quotes as task

    _print_report(task.evaluate(path, _settings(model), limit=limit))


@eval_app.command("times")
def eval_times(
    path: Path = typer.Argument(..., help="Folder of TimeML .tml files."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Time expressions vs TimeML TIMEX3: spans, types and values."""
    from newsgraph.eval import times as task

    _print_report(task.evaluate(path, _settings(model), limit=limit))


@eval_app.command("figures")
def eval_figures(
    path: Path = typer.Argument(..., help="MEANTIME folder (CAT XML)."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Figures vs MEANTIME VALUE markables."""
    from newsgraph.eval import figures as task

    _print_report(task.evaluate(path, _settings(model), limit=limit))


@eval_app.command("events")
def eval_events(
    path: Path = typer.Argument(..., help="MEANTIME folder, or PLOVER gsr_dev.json."),
    limit: int | None = LimitOpt,
    model: str | None = ModelOpt,
) -> None:
    """Events vs MEANTIME (triggers, Arg0/Arg1) or PLOVER records (event type)."""
    from newsgraph.eval import events as task

    _print_report(task.evaluate(path, _settings(model), limit=limit))


if __name__ == "__main__":
    app()
