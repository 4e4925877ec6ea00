"""who-said over a store through the index and the candidates' subgraph = over the whole graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.provenance import load_corpus, project, who_said
from quotegraph.rdf import from_dataset
from quotegraph.store import QueryResult, open_store
from quotegraph.store.build import build
from quotegraph.store.subgraph import subgraph, who_said_in, who_said_store

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "articles"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sub") / "store"
    build([SEEDS], path, timestamp="2026-01-01")
    return path


@pytest.mark.parametrize(
    "text",
    [
        "armchair analysis by kids",
        "“ARMCHAIR ANALYSIS – by kids”",
        "website adalah pidato",  # Indonesian rendering of an English quote
        "a website is speech",
        "Anonymous",
        "the weather in Lisbon is lovely this spring",  # negative: nothing
    ],
)
def test_indexed_who_said_equals_full(store: Path, text: str) -> None:
    full = who_said(project(load_corpus(str(store))), text)
    assert who_said_store(store, text) == full


def test_subgraph_holds_only_the_candidates(store: Path) -> None:
    corpus = load_corpus(str(store))
    quote = who_said(project(corpus), "armchair analysis by kids")[0]["quote"]
    part = from_dataset(subgraph(open_store(store), [quote]))
    assert [q.id for q in part.quotes] == [quote]
    assert len(part.articles) < len(corpus.articles)
    assert {m for q in part.quotes for m in q.mention_ids} <= {m.id for m in part.mentions}


class _Server:
    """A store that is not embedded (as a SPARQL server is): no index, queries only."""

    def __init__(self, path: Path) -> None:
        self.inner = open_store(path)

    def query(self, sparql: str) -> QueryResult:
        return self.inner.query(sparql)


@pytest.mark.parametrize(
    ("text", "found"),
    [("armchair analysis by kids", True), ("ARMCHAIR analysis", True), ("zebra crossing", False)],
)
def test_server_store_falls_back_to_sparql(store: Path, text: str, found: bool) -> None:
    got = who_said_in(_Server(store), text)  # type: ignore[arg-type]
    assert bool(got) == found
    if found:
        assert got[0]["quote"] == who_said(project(load_corpus(str(store))), text)[0]["quote"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["armchair analysis by kids"], 0),
        (["“ARMCHAIR analysis”", "--limit", "1"], 0),
        (["zebra crossing at dawn"], 1),  # negative: nothing found, exit 1
    ],
)
def test_who_said_command_uses_the_store(store: Path, args: list[str], code: int) -> None:
    from typer.testing import CliRunner

    from quotegraph.cli import app

    result = CliRunner().invoke(app, ["who-said", *args, "--store", str(store), "--json"])
    assert result.exit_code == code, result.output
    if code == 0:
        full = who_said(project(load_corpus(str(store))), args[0])
        assert f'"quote": "{full[0]["quote"]}"' in result.output
