"""``quotegraph eval``: score extraction against gold files or against PolNeAR."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from quotegraph.cli.app import (
    EXIT_USAGE,
    JsonOption,
    app,
    console,
    errors,
    fail,
    print_json,
    ticking,
)
from quotegraph.evaluate.run import GoldRun, evaluate_gold
from quotegraph.evaluate.scorer import PRF, Entry, scores_to_json


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def _cells(prf: PRF | dict[str, Any]) -> list[str]:
    data = prf.to_json() if isinstance(prf, PRF) else prf
    rates = [_pct(data[k]) for k in ("p", "r", "f1")]
    return [*rates, str(data["tp"]), str(data["predicted"]), str(data["gold"])]


def _prf_table(title: str, *extra: str) -> Table:
    table = Table(title=title)
    table.add_column("")
    for column in ("P %", "R %", "F1 %", "tp", "pred", "gold", *extra):
        table.add_column(column, justify="right")
    return table


def _entries(title: str, entries: tuple[Entry, ...]) -> None:
    console.print(f"[bold]{title}[/bold] ({len(entries)})")
    for e in entries:
        extra = f"  expected {list(e.expected)}, got {e.got!r}" if e.expected or e.got else ""
        console.print(f"  {e.article} [{e.kind}] {e.text[:100]!r}{extra}", markup=False)


def _show_gold(run: GoldRun, verbose: bool) -> None:
    s = run.scores
    table = _prf_table(f"Quotes over {s.articles} gold articles")
    table.add_row("all quotes", *_cells(s.quotes))
    for kind, prf in s.by_kind.items():
        table.add_row(f"  {kind}", *_cells(prf))
    table.add_row("exact span", *_cells(s.exact))
    console.print(table)
    console.print(
        f"speaker accuracy {_pct(s.speaker_acc)} % ({s.speaker.correct}/{s.speaker.total})   "
        f"venue accuracy {_pct(s.venue_acc)} % ({s.venue.correct}/{s.venue.total})"
    )
    if run.missing_articles:
        console.print(f"[yellow]no article file for:[/yellow] {', '.join(run.missing_articles)}")
    for rejected in run.rejected_files:
        console.print(f"[yellow]unreadable article file:[/yellow] {rejected}")
    if s.ignored_predictions:
        console.print(f"{s.ignored_predictions} predictions for articles without gold ignored")
    if verbose:
        _entries("Missed gold quotes", s.misses)
        _entries("False positives", s.false_positives)
        _entries("Wrong speakers", s.speaker_errors)


def _show_polnear(result: dict[str, Any]) -> None:
    title = f"PolNeAR: {result['documents']} articles, {result['attributions']} attributions"
    table = _prf_table(title, "exact F1", "source %")
    for name, sub in result["subsets"].items():
        extra = [_pct(sub["exact_f1"]), _pct(sub["source_acc"])]
        table.add_row(name.replace("_", "-"), *_cells(sub["content"]), *extra)
        table.add_row("  token rule", *_cells(sub["token"]), "", "")
    console.print(table)
    console.print(
        f"match: {result['match']}; {result['multi_annotator_documents']} articles with "
        f"several annotators, scored against the {result['annotator']}"
    )


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Directory of gold files (<article id>.json).")
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option("--articles", help="Articles directory (default: GOLD/../articles)."),
    ] = None,
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help="Score this `quotegraph extract --json` file."),
    ] = None,
    polnear: Annotated[
        Path | None,
        typer.Option("--polnear", help="Score against PolNeAR (DIR/text, DIR/attributions)."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List misses, false positives, speakers.")
    ] = False,
    as_json: bool = JsonOption,
) -> None:
    """Score quote extraction: precision, recall, F1 per kind, speaker and venue accuracy.

    With --gold, extraction runs over the articles that have a gold file,
    or a saved --predictions file is scored.
    With --polnear, extraction runs over PolNeAR texts and is scored on all,
    quote-bearing and speech-verb attributions.

    Example: quotegraph eval --gold corpus/gold --verbose
    """
    if (gold is None) == (polnear is None):
        fail("give exactly one of --gold DIR or --polnear DIR", EXIT_USAGE)
    with errors():
        if polnear is not None:
            from quotegraph.evaluate.polnear import read_polnear, score_polnear

            result = score_polnear(ticking(read_polnear(polnear), "scoring PolNeAR"))
            print_json(result) if as_json else _show_polnear(result)
            return
        assert gold is not None
        run = evaluate_gold(gold, articles_dir=articles, predictions=predictions)
    if as_json:
        data = scores_to_json(run.scores)
        data["missing_articles"] = list(run.missing_articles)
        data["rejected_files"] = list(run.rejected_files)
        print_json(data)
    else:
        _show_gold(run, verbose)
