"""CLI commands of one area; they register on :data:`quotegraph.cli.app.app`."""

from __future__ import annotations

from quotegraph.cli.app import app  # noqa: F401
