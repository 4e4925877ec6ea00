"""``quotegraph synth``: write a synthetic news corpus with the truth about every quote."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from quotegraph.cli.app import EXIT_USAGE, JsonOption, app, err_console, errors, fail, print_json
from quotegraph.synth import write_corpus
from quotegraph.synth.lexicon import LANGUAGES

OutArgument = typer.Argument(..., help="Output folder (created if missing).")
CountOption = typer.Option(1000, "-n", "--articles", min=0, help="Number of articles.")
SeedOption = typer.Option(0, "--seed", help="Random seed: the same seed gives the same corpus.")
FormatOption = typer.Option(
    "txt", "--format", help="txt: one front-matter file per article; jsonl: one file."
)
GoldOption = typer.Option(False, "--gold", help="Also write gold/<id>.json for quotegraph eval.")
LanguagesOption = typer.Option(
    ",".join(LANGUAGES), "--languages", help="Comma-separated languages to publish in."
)


@app.command("synth")
def synth_command(
    out_dir: Path = OutArgument,
    n: int = CountOption,
    seed: int = SeedOption,
    fmt: str = FormatOption,
    gold: bool = GoldOption,
    languages: str = LanguagesOption,
    as_json: bool = JsonOption,
) -> None:
    """Generate a reproducible synthetic news stream and the truth it was built from.

    Writes OUT_DIR/articles/*.txt (or OUT_DIR/articles.jsonl), OUT_DIR/truth.jsonl (every quote
    mention with offsets, speaker, venue, utterance and variant; every republication,
    translation and citation) and, with --gold, OUT_DIR/gold/*.json.

    Example: quotegraph synth out/synth -n 1000 --seed 0 --gold
    """
    if fmt not in ("txt", "jsonl"):
        fail(f"--format must be txt or jsonl, not {fmt!r}", EXIT_USAGE)
    langs = tuple(part.strip() for part in languages.split(",") if part.strip())
    columns = (TextColumn("synth"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with errors(), Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("synth", total=n)
        summary = write_corpus(
            out_dir, n, seed, fmt, gold, langs, lambda k: bar.update(task, completed=k)
        )
    if as_json:
        print_json(
            {
                "out_dir": str(summary.out_dir),
                "articles": summary.articles,
                "mentions": summary.mentions,
                "relations": summary.relations,
                "bytes": summary.bytes,
                "files": [str(f) for f in summary.files],
            }
        )
        return
    err_console.print(
        f"wrote {summary.articles} articles ({summary.bytes / 1e6:.1f} MB of text), "
        f"{summary.mentions} quote mentions, {summary.relations} article relations",
        highlight=False,
    )
    for path in summary.files:
        typer.echo(str(path))
