"""A small synthetic corpus split in two halves (old and new) for the scale tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotegraph.synth import write_corpus

N = 60
TIMESTAMP = "2026-01-01"


@pytest.fixture(scope="session")
def synth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``N`` synthetic articles as one JSONL file, plus ``old.jsonl`` / ``new.jsonl`` halves."""
    out = tmp_path_factory.mktemp("synth")
    write_corpus(out, N, seed=7, fmt="jsonl")
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == N
    (out / "parts").mkdir()
    (out / "parts" / "old.jsonl").write_text("\n".join(lines[::2]) + "\n", encoding="utf-8")
    (out / "new.jsonl").write_text("\n".join(lines[1::2]) + "\n", encoding="utf-8")
    assert all(json.loads(line)["id"] for line in lines)
    return out
