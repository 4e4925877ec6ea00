"""Inputs shared by the engine tests: the seeds, a synthetic stream and bad files, and the
embedded build of the same input (the reference every engine must match)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from quotegraph.engines.layout import load_parts, part_files
from quotegraph.engines.steps import EngineSummary
from quotegraph.rdf.formats import isomorphic_datasets
from quotegraph.store import open_store
from quotegraph.store.build import BuildSummary, build
from quotegraph.synth import write_corpus

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "articles"
STAMP = "2026-01-01T00:00:00Z"
MIXED = "\n".join(
    [
        '{"id": "mixed-1", "language": "en", "text": "Ann Lee said “we will win” today."}',
        "{not json",
        '{"id": "mixed-1", "language": "en", "text": "A second record with the same id."}',
    ]
)


@dataclass(frozen=True)
class Reference:
    paths: tuple[str, ...]
    summary: BuildSummary
    dataset: Dataset


def make_inputs(root: Path) -> tuple[str, ...]:
    """Seeds, 24 synthetic articles in two formats, a repeated id, a bad line, a .pdf."""
    extra = root / "extra"
    extra.mkdir(parents=True)
    synth = write_corpus(root / "synth-jsonl", 12, seed=3, fmt="jsonl")
    shutil.copy(synth.out_dir / "articles.jsonl", extra / "a-synth.jsonl")
    write_corpus(root / "synth-txt", 12, seed=4, fmt="txt")
    shutil.copytree(root / "synth-txt" / "articles", extra / "txt")
    shutil.copy(SEEDS / "000_39306b42e49d5551.txt", extra / "b-copy.txt")
    (extra / "c-mixed.jsonl").write_text(MIXED, encoding="utf-8")
    (extra / "d-notes.pdf").write_bytes(b"%PDF-1.4")
    return (str(SEEDS), str(extra))


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    root = tmp_path_factory.mktemp("engines")
    paths = make_inputs(root / "in")
    summary = build(paths, root / "store", timestamp=STAMP)
    return Reference(paths, summary, open_store(root / "store").dataset())


def check_same_build(summary: EngineSummary, reference: Reference) -> None:
    """``summary``'s parts hold the reference build: same counts, same rejected input,
    isomorphic graphs, and each article graph in exactly one article part file."""
    ref = reference.summary
    assert (summary.articles, summary.mentions, summary.quotes, summary.entities) == (
        ref.articles,
        ref.mentions,
        ref.quotes,
        ref.entities,
    )
    assert summary.quads == ref.triples
    assert [(e.source, e.reason) for e in summary.rejected] == [
        (e.source, e.reason) for e in ref.rejected
    ]
    parts = load_parts(summary.out)
    assert isomorphic_datasets(parts, reference.dataset)
    assert isomorphic(_union(parts), _union(reference.dataset))
    homes: dict[str, set[str]] = {}
    for file in part_files(summary.out):
        for line in file.read_text("utf-8").splitlines():
            homes.setdefault(line.rsplit(" ", 2)[-2], set()).add(f"{file.parent.name}/{file.name}")
    articles = {g: files for g, files in homes.items() if "/graph/article/" in g}
    assert len(articles) == ref.articles
    assert all(
        len(files) == 1 and files.pop().startswith("articles/") for files in articles.values()
    )


def _union(ds: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@pytest.fixture
def same_build(reference: Reference) -> Callable[[EngineSummary], None]:
    """Check an engine's summary and parts against the embedded build of the same input."""
    return lambda summary: check_same_build(summary, reference)


def _need(ok: bool, what: str) -> None:
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what}; CI=true, so the Spark test must run (see scripts/ensure-java.sh)")
    pytest.skip(f"{what}: the Spark engine test needs it")


def need_spark() -> None:
    """Skip without pyspark or Java, except under CI=true, where that is a failure."""
    _need(
        importlib.util.find_spec("pyspark") is not None,
        "pyspark is not installed (pip install 'quotegraph[spark]')",
    )
    _need(shutil.which("java") is not None or "JAVA_HOME" in os.environ, "java is not on PATH")
