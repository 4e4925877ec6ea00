"""--jobs 2 equals --jobs 1, incremental equals a full build, streamed N-Quads = to_dataset."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from quotegraph.errors import StoreError
from quotegraph.ingest import read_articles
from quotegraph.pipeline import analyse
from quotegraph.rdf import to_dataset
from quotegraph.store import open_store
from quotegraph.store.build import build
from quotegraph.store.cache import CACHE_FILE
from quotegraph.store.nquads import write_nquads

TIMESTAMP = "2026-01-01"

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "articles"


def _dataset(store: Path) -> Dataset:
    return open_store(store).dataset()


def _same(a: Dataset, b: Dataset) -> bool:
    """Same named graphs, each pair isomorphic (rdflib.compare), and non-empty."""
    names_a = {g.identifier for g in a.graphs() if len(g)}
    names_b = {g.identifier for g in b.graphs() if len(g)}
    return (
        names_a == names_b
        and len(names_a) > 2
        and all(isomorphic(a.graph(name), b.graph(name)) for name in names_a)
    )


def test_streamed_nquads_equal_to_dataset() -> None:
    corpus = analyse(read_articles([SEEDS]))
    out = io.BytesIO()
    write_nquads(corpus, out, TIMESTAMP)
    streamed = Dataset()
    streamed.parse(data=out.getvalue().decode("utf-8"), format="nquads")
    expected = to_dataset(corpus, timestamp=TIMESTAMP)
    assert _same(streamed, expected)
    assert len(list(streamed.quads())) == len(list(expected.quads()))


def test_jobs_two_equals_jobs_one(synth_dir: Path, tmp_path: Path) -> None:
    one = build([synth_dir / "articles.jsonl"], tmp_path / "one", timestamp=TIMESTAMP, jobs=1)
    two = build([synth_dir / "articles.jsonl"], tmp_path / "two", timestamp=TIMESTAMP, jobs=2)
    assert one.as_dict() | {"store": ""} == two.as_dict() | {"store": ""}
    assert one.mentions > 0 and one.quotes > 0
    assert _same(_dataset(tmp_path / "one"), _dataset(tmp_path / "two"))


def test_incremental_equals_full_rebuild(synth_dir: Path, tmp_path: Path) -> None:
    old, new = synth_dir / "parts" / "old.jsonl", synth_dir / "new.jsonl"
    build([old], tmp_path / "inc", timestamp=TIMESTAMP)
    first = _dataset(tmp_path / "inc")
    summary = build([new], tmp_path / "inc", timestamp=TIMESTAMP, incremental=True, jobs=2)
    build([old, new], tmp_path / "full", timestamp=TIMESTAMP)
    assert summary.added == 30 and summary.articles == 60
    incremental, full = _dataset(tmp_path / "inc"), _dataset(tmp_path / "full")
    assert not _same(first, full)  # the new half changed the graph
    assert _same(incremental, full)


def test_incremental_skips_stored_articles(synth_dir: Path, tmp_path: Path) -> None:
    old = synth_dir / "parts" / "old.jsonl"
    build([old], tmp_path / "s", timestamp=TIMESTAMP)
    with pytest.raises(Exception, match="already in the store"):
        build([old], tmp_path / "s", timestamp=TIMESTAMP, incremental=True)


@pytest.mark.parametrize("damage", ["missing", "garbage"])
def test_incremental_needs_a_readable_cache(synth_dir: Path, tmp_path: Path, damage: str) -> None:
    build([synth_dir / "parts" / "old.jsonl"], tmp_path / "s", timestamp=TIMESTAMP)
    cache = tmp_path / "s" / CACHE_FILE
    if damage == "missing":
        cache.unlink()
    else:
        cache.write_bytes(b"not gzip")
    with pytest.raises(StoreError, match="cache"):
        build([synth_dir / "new.jsonl"], tmp_path / "s", timestamp=TIMESTAMP, incremental=True)


def test_incremental_needs_a_store(synth_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        build([synth_dir / "new.jsonl"], tmp_path / "none", incremental=True)


@pytest.mark.parametrize(
    ("args", "code", "expect"),
    [
        (["--jobs", "2"], 0, '"articles": 30'),
        (["--jobs", "-1"], 2, ""),  # negative jobs: usage error
        (["--incremental"], 1, "no store"),  # nothing to add to yet
    ],
)
def test_build_command_options(
    synth_dir: Path, tmp_path: Path, args: list[str], code: int, expect: str
) -> None:
    from typer.testing import CliRunner

    from quotegraph.cli import app

    result = CliRunner().invoke(
        app,
        ["build", str(synth_dir / "new.jsonl"), "--store", str(tmp_path / "s"), "--json", *args],
    )
    assert result.exit_code == code, result.output
    assert expect in result.output


def test_build_command_adds_incrementally(synth_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quotegraph.cli import app

    store = str(tmp_path / "s")
    runner = CliRunner()
    first = runner.invoke(app, ["build", str(synth_dir / "parts"), "--store", store, "--json"])
    assert first.exit_code == 0, first.output
    more = [str(synth_dir / "new.jsonl"), "--store", store, "--incremental", "--json"]
    second = runner.invoke(app, ["build", *more])
    assert second.exit_code == 0, second.output
    assert '"added": 30' in second.output and '"articles": 60' in second.output
