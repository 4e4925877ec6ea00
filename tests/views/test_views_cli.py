"""The `view` and `serve` commands, run as a user would run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from quotegraph.cli import app

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "corpus" / "articles"


@pytest.mark.parametrize(
    ("focus", "code"),
    [(None, 0), ("Prince", 0), ("no such thing anywhere zzz", 1)],
)
def test_view_writes_a_page(tmp_path: Path, focus: str | None, code: int) -> None:
    out = tmp_path / "sub" / "graph.html"
    args = ["view", "-o", str(out), "--corpus", str(ARTICLES)]
    if focus:
        args += ["--focus", focus]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    if code == 0:
        assert result.stdout.strip() == str(out.resolve())
        page = out.read_text(encoding="utf-8")
        assert 'id="qg-data"' in page and "<script src" not in page
    else:
        assert not out.exists()


@pytest.mark.server
def test_serve_answers_until_stopped(tmp_path: Path) -> None:
    store = ox.Store(str(tmp_path / "store"))
    store.add(
        ox.Quad(
            ox.NamedNode("http://e/a"),
            ox.NamedNode("http://e/b"),
            ox.Literal("c"),
            ox.NamedNode("http://e/g"),
        )
    )
    store.flush()
    del store
    cmd = [
        sys.executable,
        "-m",
        "quotegraph",
        "serve",
        "--store",
        str(tmp_path / "store"),
        "--port",
        "0",
        "--timeout",
        "5",
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, text=True, cwd=tmp_path, env={**os.environ, "COLUMNS": "200"}
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/sparql", line)
        assert match, line
        query = urllib.parse.urlencode({"query": "SELECT ?o WHERE { ?s ?p ?o }"})
        with urllib.request.urlopen(f"{match.group(0)}?{query}", timeout=30) as resp:
            data = json.loads(resp.read())
        assert [b["o"]["value"] for b in data["results"]["bindings"]] == ["c"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_refuses_a_remote_store() -> None:
    result = CliRunner().invoke(app, ["serve", "--store", "https://example.org/sparql"])
    assert result.exit_code == 1
    assert "serve needs a store folder" in " ".join(result.output.split())
