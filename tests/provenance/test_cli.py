"""The provenance commands, run on a tiny corpus folder with --corpus (no store)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("quotegraph.pipeline")

from quotegraph.cli import app

ARTICLE = """---
id: {id}
language: en
date: {date}
---
Intro line for the story.

“We will never sell user data, whatever the price,” Dana Whitfield told The Guardian.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for i, date in enumerate(["2024-01-01", "2024-01-05"]):
        (tmp_path / f"art{i}.txt").write_text(ARTICLE.format(id=f"art{i}", date=date), "utf-8")
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["who-said", "never sell user data"], 0, "Dana Whitfield"),
        (["who-said", "bananas grow on trees in the south"], 1, "nothing found"),
        (["trace", "art1"], 0, "art1"),
        (["trace", "no-such-thing-at-all"], 1, "nothing found"),
        (["speakers"], 0, "Dana Whitfield"),
        (["outlets"], 0, "The Guardian"),
        (["stats"], 0, "quotes"),
        (["quotes", "--speaker", "Whitfield"], 0, "never sell user data"),
        (["quotes", "--speaker", "Nobody Here"], 1, "nothing found"),
        (["conflicts"], 1, "nothing found"),
    ],
)
def test_commands(corpus: Path, args: list[str], code: int, needle: str) -> None:
    result = _run(*args, "--corpus", str(corpus))
    assert result.exit_code == code, result.output
    assert needle in result.output


def test_who_said_json(corpus: Path) -> None:
    result = _run("who-said", "never sell user data", "--json", "--corpus", str(corpus))
    data = json.loads(result.stdout)
    assert data[0]["speaker"]["name"] == "Dana Whitfield"
    assert sorted(a["article"] for a in data[0]["articles"]) == ["art0", "art1"]


def test_every_command_has_an_example() -> None:
    for name in ["who-said", "trace", "conflicts", "quotes", "speakers", "outlets", "stats"]:
        result = _run(name, "--help")
        assert result.exit_code == 0 and "Example:" in result.output
