"""`quotegraph build --engine local|spark --out DIR`: N-Quads parts from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotegraph.cli import app

from .conftest import SEEDS

SEED = str(SEEDS / "000_39306b42e49d5551.txt")


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["build", SEED, *args])
    return result.exit_code, result.output


def test_local_engine_writes_parts(tmp_path: Path) -> None:
    code, output = _build("--out", str(tmp_path / "nq"), "--partitions", "2", "--json")
    assert code == 0, output
    summary = json.loads(output)
    assert (summary["engine"], summary["articles"]) == ("local", 1)
    assert sorted(Path(p).name for p in summary["parts"]) == [
        "part-00000.nq",
        "part-00000.nq",
        "part-00001.nq",
    ]
    lines = sum(len(Path(p).read_text("utf-8").splitlines()) for p in summary["parts"])
    assert lines == summary["quads"] > 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--engine", "spark"], 2, "give --out"),
        (["--engine", "flink", "--out", "x"], 2, "--engine must be one of"),
        (["--incremental", "--out", "x"], 2, "--incremental"),
        (["--out", "{existing}"], 1, "not empty"),
    ],
)
def test_bad_engine_arguments(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    args = [a.replace("{existing}", str(tmp_path)) for a in args]
    got, output = _build(*args)
    assert got == code, output
    assert message in output
