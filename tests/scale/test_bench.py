"""The benchmark runner's --quick mode runs end to end on tiny synthetic corpora (no timings)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
SECTIONS = [
    "## Extraction, synthetic text",
    "## Full build",
    "## Linking against the synthetic truth",
    "## Store load",
    "## who-said latency",
    "## trace latency",
    "## HTML view generation",
]


@pytest.mark.slow
def test_quick_run_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [
            sys.executable,
            str(RUNNER),
            "--quick",
            "--workdir",
            str(tmp_path / "w"),
            "--out",
            str(out),
            "--no-external",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# Benchmark results")
    assert "cores" in report and "GB RAM" in report and "Python" in report
    for section in SECTIONS:
        assert section in report
    assert "| 100 |" in report  # the 100-article build row
    assert "/50 |" in report  # who-said: found/queries


def test_runner_rejects_quick_with_full(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(RUNNER), "--quick", "--full", "--out", str(tmp_path / "x.md")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "not allowed" in done.stderr
    assert not (tmp_path / "x.md").exists()
