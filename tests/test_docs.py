"""Docs that cannot drift: every CLI command has help with an example and is in the README."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from quotegraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, str]:
    click_group = typer.main.get_command(app)
    commands = getattr(click_group, "commands", {})
    return {name: (cmd.help or "") for name, cmd in commands.items()}


COMMANDS = sorted(_commands())


def test_there_are_commands() -> None:
    assert len(COMMANDS) >= 1


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_example(name: str) -> None:
    help_text = _commands()[name]
    assert help_text.strip(), f"`quotegraph {name}` has no help text"
    assert "Example" in help_text, f"`quotegraph {name}` help has no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name: str) -> None:
    assert re.search(rf"quotegraph {re.escape(name)}\b", README), (
        f"`quotegraph {name}` is not documented in README.md"
    )


def test_python_dash_m_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "quotegraph", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    for name in COMMANDS:
        assert name in out.stdout


def test_readme_names_the_two_commands() -> None:
    assert "make demo" in README
    assert "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_readme_library_snippet_prints_what_it_says(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    block = README.split("## As a library", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    expected = [ln[2:] for ln in block.splitlines() if ln.startswith("# ")]
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed == expected
