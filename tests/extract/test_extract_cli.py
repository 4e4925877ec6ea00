"""The ``quotegraph extract`` command: JSON array, table, rejected files."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotegraph.cli import app

ARTICLE = "---\nid: a1\nlanguage: en\n---\n“We will win,” Jane Doe told The Daily Star.\n"


def test_extract_json_is_the_gold_format_array(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["article"], r["text"], r["speaker"], r["venue"]) for r in rows] == [
        ("a1", "We will win,", "Jane Doe", "The Daily Star")
    ]


def test_extract_table_and_rejected_file(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "Jane Doe" in result.stdout
