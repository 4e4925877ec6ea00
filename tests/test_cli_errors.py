"""Errors reach the user as one line; a bug of ours too, with the traceback behind --debug."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from quotegraph import provenance
from quotegraph.cli import app
from quotegraph.errors import StoreError


def _boom(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("something broke")


def _locked(*_args: object, **_kwargs: object) -> None:
    raise StoreError("store is locked by a build (pid 42): /tmp/s")


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (_boom, "internal error: RuntimeError: something broke"),
        (_locked, "error: store is locked by a build (pid 42): /tmp/s"),
    ],
)
def test_failures_are_one_line(
    monkeypatch: pytest.MonkeyPatch, failure: object, expected: str
) -> None:
    monkeypatch.setattr(provenance, "load_corpus", failure)
    result = CliRunner().invoke(app, ["stats", "--store", "/tmp/nowhere"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), result.output
    assert "Traceback" not in result.output


def test_debug_shows_the_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance, "load_corpus", _boom)
    result = CliRunner().invoke(app, ["--debug", "stats", "--store", "/tmp/nowhere"])
    assert result.exit_code != 0
    assert isinstance(result.exception, RuntimeError)


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(app, ["stats", "--no-such-option"])
    assert result.exit_code == 2
