"""The graph commands: build, validate, sparql, export, load."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from quotegraph.cli import app
from quotegraph.model import Corpus
from quotegraph.rdf import to_dataset
from quotegraph.rdf.formats import isomorphic_datasets, parse
from quotegraph.rdf.validate import union_graph
from quotegraph.store import open_store
from quotegraph.store.named import named_queries

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def store(tmp_path: Path, corpus: Corpus) -> str:
    location = str(tmp_path / "store")
    open_store(location).replace(to_dataset(corpus))
    return location


# -- build and validate ---------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("built") / "store")
    code, out = run("build", str(ROOT / "corpus" / "articles"), "--store", location)
    assert code == 0, out
    return location


def test_build_corpus_summary(built: str) -> None:
    assert len(open_store(built)) > 100
    code, out = run("validate", "--store", built)
    assert code == 0, out
    assert "conforms to ontology/shapes.ttl" in out


def test_build_twice_is_isomorphic(built: str, tmp_path: Path) -> None:
    again = str(tmp_path / "again")
    code, _ = run("build", str(ROOT / "corpus" / "articles"), "--store", again)
    assert code == 0
    assert isomorphic_datasets(open_store(built).dataset(), open_store(again).dataset())


def test_build_lists_rejected_files_and_stores_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "corpus" / "articles", folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    location = str(tmp_path / "store")
    code, out = run("build", str(folder), "--store", location, "--json")
    assert code == 1
    assert "rejected: " in out and "broken.txt" in out
    assert len(open_store(location)) > 100


def test_validate_reports_a_broken_file(tmp_path: Path, corpus: Corpus) -> None:
    broken = dataclasses.replace(
        corpus,
        articles=(dataclasses.replace(corpus.articles[0], body="short"), *corpus.articles[1:]),
    )
    path = tmp_path / "broken.trig"
    path.write_text(to_dataset(broken).serialize(format="trig"), encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 1
    assert "outside the article body" in out
    assert "does not conform" in out


# -- sparql -----------------------------------------------------------------------


def test_who_said(store: str) -> None:
    code, out = run(
        "sparql", "who-said", "--param", "text=NEVER SELL", "-f", "json", "--store", store
    )
    assert code == 0, out
    rows = json.loads(out)["results"]["bindings"]
    assert {r["speaker"]["value"] for r in rows} == {"Ada Byron"}
    assert {r["article"]["value"] for r in rows} == {"a1", "a2"}


def test_parameters_are_literals_not_code(store: str) -> None:
    evil = 'x")) } } DROP ALL ; SELECT * WHERE { ?s ?p ?o FILTER(("'
    code, out = run("sparql", "who-said", "-p", f"text={evil}", "-f", "csv", "--store", store)
    assert code == 1  # nothing matches; the store is intact
    assert out.splitlines()[0] == "speaker,quoted,article,kind,cue"
    assert len(open_store(store)) > 100


def test_missing_parameter_is_explained(store: str) -> None:
    code, out = run("sparql", "who-said", "--store", store)
    assert code == 1
    assert "--param text=" in out


def test_register_prince_uses_only_prov_and_schema(
    store: str, tmp_path: Path, corpus: Corpus
) -> None:
    text = named_queries()["register-prince"].text
    prefixes = {line.split()[1] for line in text.splitlines() if line.startswith("PREFIX")}
    assert prefixes == {"prov:", "schema:"}
    code, _ = run("sparql", "register-prince", "--store", store)
    assert code == 1  # nobody called Matthew Prince in the hand-made corpus
    renamed = {"ada-byron": "Matthew Prince", "daily-bugle": "The Register"}
    entities = tuple(
        dataclasses.replace(e, name=renamed.get(e.id, e.name)) for e in corpus.entities
    )
    other = str(tmp_path / "prince")
    open_store(other).replace(to_dataset(dataclasses.replace(corpus, entities=entities)))
    code, out = run("sparql", "register-prince", "-f", "csv", "--store", other)
    assert code == 0, out
    assert sorted({row["article"] for row in csv.DictReader(io.StringIO(out))}) == [
        "a1",
        "a2",
        "a3",
    ]


@pytest.mark.parametrize(
    ("name", "params", "column", "expected"),
    [
        ("quotes-by-speaker", ["speaker=byron"], "articles", {"3"}),
        ("quotes-by-speaker", ["speaker=nobody"], "articles", set()),
        ("mentions-of-quote", ["text=full stop"], "article", {"a1", "a2", "a3"}),
        ("first-appearance", ["text=full stop"], "venue", {"interview with The Daily Bugle"}),
        ("outlets-citing-venue", ["venue=bugle"], "article", {"a1", "a2", "a3"}),
        ("translations", [], "original", {"a1"}),
        ("derivations", [], "relation", {"translation", "rewrite", "cites"}),
    ],
)
def test_named_queries(
    store: str, name: str, params: list[str], column: str, expected: set[str]
) -> None:
    args = ["sparql", name, "-f", "csv", "--store", store]
    for p in params:
        args += ["--param", p]
    code, out = run(*args)
    assert code == (0 if expected else 1), out
    assert {row[column] for row in csv.DictReader(io.StringIO(out))} == expected


def test_every_named_query_says_what_it_answers() -> None:
    queries = named_queries()
    assert len(queries) >= 8
    for named in queries.values():
        assert named.text.startswith("# "), named.name
        assert "Params:" in named.description, named.name
        for param in named.params:
            assert param in named.description, (named.name, param)


def test_tsv_and_table(store: str) -> None:
    code, out = run("sparql", "translations", "-f", "tsv", "--store", store)
    assert code == 0
    assert out.splitlines()[0].startswith("?translation\t")
    code, out = run("sparql", "translations", "--store", store)
    assert code == 0 and "a3" in out


def test_unknown_format_is_a_usage_error(store: str) -> None:
    assert run("sparql", "translations", "-f", "xml", "--store", store)[0] == 2
    assert run("export", "-f", "xml", "--store", store)[0] == 2


# -- export and load --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_export_load_round_trip(store: str, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"out.{ {'trig': 'trig', 'nquads': 'nq', 'jsonld': 'jsonld'}[fmt] }"
    assert run("export", "-f", fmt, "-o", str(path), "--store", store)[0] == 0
    again = str(tmp_path / "again")
    code, out = run("load", str(path), "--store", again)
    assert code == 0, out
    assert isomorphic_datasets(open_store(store).dataset(), open_store(again).dataset())


def test_turtle_export_is_the_union_graph(store: str, tmp_path: Path) -> None:
    path = tmp_path / "out.ttl"
    assert run("export", "-f", "turtle", "-o", str(path), "--store", store)[0] == 0
    exported = Graph().parse(path, format="turtle")
    assert isomorphic(exported, union_graph(open_store(store).dataset()))
    assert len(parse(path)) == len(exported)


def test_load_rejects_an_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("nothing")
    code, out = run("load", str(path), "--store", str(tmp_path / "s"))
    assert code == 1
    assert "unknown RDF file suffix" in out
