"""``quotegraph read``: read article files and show what was understood of them."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from quotegraph.cli.app import EXIT_FAIL, JsonOption, app, console, err_console, print_json
from quotegraph.ingest import ReadReport, article_to_json, read_articles

TITLE_CHARS = 60

PathsArgument = typer.Argument(..., help="Article files or directories (read recursively).")
BodiesOption = typer.Option(False, "--bodies", help="With --json: include the article bodies.")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@app.command("read")
def read_command(
    paths: list[Path] = PathsArgument,
    as_json: bool = JsonOption,
    bodies: bool = BodiesOption,
) -> None:
    """Read articles (.txt/.md, .html, .json/.jsonl, .warc[.gz]) and list their metadata.

    Rejected files go to stderr, one line each, then a summary "N read, M rejected".

    Exit code 1 when anything was rejected or nothing was read.

    Example: quotegraph read corpus/articles
    """
    report = ReadReport()
    rows = [article_to_json(a, body=bodies) for a in read_articles(paths, report)]
    if as_json:
        print_json(rows)
    else:
        table = Table()
        for name in ("id", "language", "outlet", "date"):
            table.add_column(name, no_wrap=name != "outlet")
        table.add_column("title", ratio=1)
        table.add_column("chars", justify="right", no_wrap=True)
        for row in rows:
            table.add_row(
                row["id"],
                row["language"],
                row["outlet"] or "",
                row["date"] or "",
                _short(row["title"] or "", TITLE_CHARS),
                str(row["chars"]),
            )
        console.print(table)
    for error in report.rejected:
        err_console.print(f"rejected: {error}", highlight=False, markup=False, soft_wrap=True)
    err_console.print(report.summary, highlight=False, markup=False)
    if report.rejected or not report.read:
        raise typer.Exit(EXIT_FAIL)
