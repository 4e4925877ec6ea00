"""Writing a corpus: article files the ingester reads back, truth and gold files, the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import quotegraph.cli.synth_cmd  # noqa: F401  (registers the command)
from quotegraph.cli.app import app
from quotegraph.errors import InputError
from quotegraph.synth import generate, write_corpus

GOLD_KINDS = {"direct", "partial", "indirect", "unmarked", "tweet", "translated", "scare"}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.parametrize("fmt", ["txt", "jsonl"])
def test_truth_file_matches_the_articles(tmp_path: Path, fmt: str) -> None:
    summary = write_corpus(tmp_path, 60, seed=2, fmt=fmt)
    truth = _read_jsonl(tmp_path / "truth.jsonl")
    assert summary.articles == len(truth) == 60
    assert summary.mentions == sum(len(t["mentions"]) for t in truth)
    if fmt == "txt":
        bodies = {
            p.stem: p.read_text("utf-8").split("\n---\n", 1)[1]
            for p in (tmp_path / "articles").glob("*.txt")
        }
    else:
        bodies = {r["id"]: r["body"] for r in _read_jsonl(tmp_path / "articles.jsonl")}
    assert len(bodies) == 60
    for record in truth:
        body = bodies[str(record["article"])]
        for m in record["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"]


def test_files_are_the_generated_stream(tmp_path: Path) -> None:
    write_corpus(tmp_path, 30, seed=5, fmt="jsonl")
    records = _read_jsonl(tmp_path / "articles.jsonl")
    assert [r["body"] for r in records] == [a.article.body for a in generate(30, seed=5)]


def test_ingest_reads_the_articles_back(tmp_path: Path) -> None:
    ingest = pytest.importorskip("quotegraph.ingest")
    write_corpus(tmp_path, 40, seed=1, fmt="txt")
    expected = {a.article.id: a.article for a in generate(40, seed=1)}
    report = ingest.ReadReport()
    read = {a.id: a for a in ingest.read_articles([tmp_path / "articles"], report)}
    assert not report.rejected
    assert set(read) == set(expected)
    for aid, article in read.items():
        want = expected[aid]
        assert (article.body, article.language, article.date, article.outlet, article.title) == (
            want.body,
            want.language,
            want.date,
            want.outlet,
            want.title,
        )


def test_gold_files_follow_the_gold_format(tmp_path: Path) -> None:
    write_corpus(tmp_path, 80, seed=0, gold=True)
    files = sorted((tmp_path / "gold").glob("*.json"))
    assert len(files) == 80
    kinds, relations = set(), set()
    for path in files:
        gold = json.loads(path.read_text("utf-8"))
        assert gold["article"] == path.stem
        body = (tmp_path / "articles" / f"{path.stem}.txt").read_text("utf-8")
        for quote in gold["quotes"]:
            assert quote["text"] in body
            assert quote["kind"] in GOLD_KINDS
            assert quote["optional"] == (quote["kind"] == "scare")
            kinds.add(quote["kind"])
        relations |= {d["relation"] for d in gold["derived_from"]}
    assert {"direct", "indirect", "translated", "scare"} <= kinds
    assert {"cites", "republication", "translation"} <= relations


@pytest.mark.parametrize(
    ("fmt", "out"),
    [("xml", "ok"), ("txt", "file")],
)
def test_bad_format_or_folder_raises(tmp_path: Path, fmt: str, out: str) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError):
        write_corpus(tmp_path / out / "sub", 3, fmt=fmt)


def test_cli_writes_and_reports(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["synth", str(tmp_path), "-n", "25", "--gold", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 25
    assert len(list((tmp_path / "gold").glob("*.json"))) == 25


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--format", "xml"], 2), (["--languages", "en,xx"], 1), (["-n", "-3"], 2)],
)
def test_cli_rejects_bad_options(tmp_path: Path, args: list[str], code: int) -> None:
    result = CliRunner().invoke(app, ["synth", str(tmp_path), *args])
    assert result.exit_code == code
