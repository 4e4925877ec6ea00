"""``quotegraph extract``: find the quotes of articles, with speaker, cue and venue."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from quotegraph.cli.app import (
    EXIT_FAIL,
    JsonOption,
    app,
    console,
    err_console,
    errors,
    print_json,
    ticking,
)
from quotegraph.extract import extract_quotes, mention_to_json
from quotegraph.ingest import ReadReport, read_articles

TEXT_CHARS = 70


def _short(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories (recursive).")],
    as_json: bool = JsonOption,
) -> None:
    """Extract every quote of the articles: kind, speaker, cue and original venue.

    With --json, print the gold-format array of mention objects (article, text, start, end,
    kind, speaker, speaker_mention, cue, venue, confidence, rule ...).  Rejected files are
    listed on stderr, one line each; the exit code is then 1.

    Example: quotegraph extract corpus/articles --json
    """
    report = ReadReport()
    with errors():
        articles = ticking(read_articles(paths, report), "extracting")
        rows = [mention_to_json(m) for a in articles for m in extract_quotes(a)]
    if as_json:
        print_json(rows)
    else:
        table = Table()
        for name in ("article", "kind", "speaker", "cue", "venue"):
            table.add_column(name, no_wrap=name in ("kind", "cue"))
        table.add_column("text", ratio=1)
        for row in rows:
            table.add_row(
                _short(row["article"], 24),
                row["kind"],
                _short(row["speaker"], 30),
                _short(row["cue"], 16),
                _short(row["venue"], 30),
                _short(row["text"], TEXT_CHARS),
            )
        console.print(table)
    for error in report.rejected:
        err_console.print(f"rejected: {error}", highlight=False, markup=False, soft_wrap=True)
    if report.rejected:
        raise typer.Exit(EXIT_FAIL)
