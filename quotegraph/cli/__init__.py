"""Command-line interface: a thin shell over the library (see :mod:`quotegraph.cli.app`).

Each ``*_cmd`` module registers the commands of one area on the shared typer app.
"""

from __future__ import annotations

from quotegraph.cli import (  # noqa: F401  (imported to register their commands)
    eval_cmd,
    extract_cmd,
    graph_cmd,
    ingest_cmd,
    provenance_cmd,
    synth_cmd,
    views_cmd,
)
from quotegraph.cli.app import app


def main() -> None:
    """Entry point of the ``quotegraph`` console script."""
    app()


__all__ = ["app", "main"]
