"""`quotegraph read`: table, JSON, rejected lines on stderr, summary and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app

BODY = "The spokesperson said the company would not comment on the report.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(f"---\nid: art-a\noutlet: Daily\ndate: 2020-02-03\n---\n{BODY}")
    (tmp_path / "b.md").write_text(f"Title: Bee\n\n{BODY}")
    return tmp_path


def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 keeps stderr apart already
        return CliRunner()


def test_read_table_and_summary(corpus: Path) -> None:
    result = runner().invoke(app, ["read", str(corpus)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.stderr
    assert "art-a" in result.stdout and "Daily" in result.stdout and "Bee" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "2 read, 0 rejected"


def test_read_json_without_and_with_bodies(corpus: Path) -> None:
    result = runner().invoke(app, ["read", str(corpus / "a.txt"), "--json"])
    assert result.exit_code == 0
    [row] = json.loads(result.stdout)
    assert (row["id"], row["date"], row["outlet"], row["chars"]) == (
        "art-a",
        "2020-02-03",
        "Daily",
        len(BODY),
    )
    assert "body" not in row
    result = runner().invoke(app, ["read", str(corpus / "a.txt"), "--json", "--bodies"])
    assert json.loads(result.stdout)[0]["body"] == BODY


def test_read_rejects_listed_exit_1_after_everything(corpus: Path) -> None:
    (corpus / "z.pdf").write_bytes(b"%PDF")
    result = runner().invoke(app, ["read", str(corpus / "missing.txt"), str(corpus), "--json"])
    assert result.exit_code == 1
    assert [row["id"] for row in json.loads(result.stdout)] == ["art-a", "b"]
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "2 read, 2 rejected"
    assert any("missing.txt: no such file" in line for line in lines)
    assert any("z.pdf: unsupported file type" in line for line in lines)


def test_read_nothing_found_exit_1(tmp_path: Path) -> None:
    result = runner().invoke(app, ["read", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("0 read, 0 rejected")


def test_read_without_paths_is_usage_error() -> None:
    assert runner().invoke(app, ["read"]).exit_code == 2
