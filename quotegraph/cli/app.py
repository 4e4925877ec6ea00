"""The typer application and what every command shares: errors, JSON output, the store option.

Commands live in sibling modules (one per area) and register themselves on :data:`app`.
A command parses its arguments, calls one library function and formats the result.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from quotegraph.errors import NotFoundError, QuotegraphError

app = typer.Typer(
    name="quotegraph",
    help=(
        "Turn news articles into a quote-provenance knowledge graph: who said this, "
        "where first, and who copied whom."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

console = Console()
err_console = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2

_state: dict[str, Any] = {"debug": False}

DEFAULT_STORE = Path("corpus/.quotegraph/store")

StoreOption = typer.Option(
    None,
    "--store",
    help="Store: a directory for the embedded Oxigraph store, or an http(s):// SPARQL 1.1 "
    "endpoint. Default: $QUOTEGRAPH_STORE or corpus/.quotegraph/store.",
    envvar="QUOTEGRAPH_STORE",
)
JsonOption = typer.Option(False, "--json", help="Print the result as JSON data.")


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
) -> None:
    """Turn news articles into a quote-provenance knowledge graph."""
    _state["debug"] = debug


def fail(message: str, code: int = EXIT_FAIL) -> NoReturn:
    """Print one readable error line and exit with ``code``."""
    err_console.print(f"[red]error:[/red] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


@contextmanager
def errors() -> Iterator[None]:
    """Turn library errors into one-line messages and exit codes (traceback with --debug)."""
    try:
        yield
    except NotFoundError as exc:
        if _state["debug"]:
            raise
        err_console.print(f"nothing found: {exc}", highlight=False, markup=False)
        raise typer.Exit(EXIT_FAIL) from None
    except QuotegraphError as exc:
        if _state["debug"]:
            raise
        err_console.print(f"error: {exc}", highlight=False, markup=False)
        raise typer.Exit(EXIT_FAIL) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # a bug of ours: still one line, traceback with --debug
        if _state["debug"]:
            raise
        err_console.print(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback "
            "and please report it)",
            highlight=False,
            markup=False,
        )
        raise typer.Exit(EXIT_FAIL) from None


def print_json(data: Any) -> None:
    """Write ``data`` as indented JSON to stdout (no rich markup)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def resolve_store(store: str | None) -> str:
    """The store location a command should use."""
    return store or str(DEFAULT_STORE)


Command = Callable[..., Any]

T = TypeVar("T")


def ticking(items: Iterable[T], description: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items`` while a transient progress line counts them on stderr (terminals only:
    piped or captured output stays clean)."""
    if not err_console.is_terminal:
        yield from items
        return
    columns = (SpinnerColumn(), TextColumn(description), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)
