"""The overlapped build: article graphs from the workers, loaded in the background while
resolve and link run (store.loader, store.build)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from quotegraph.errors import StoreError
from quotegraph.ingest import read_articles
from quotegraph.pipeline import analyse
from quotegraph.rdf import to_dataset
from quotegraph.store import EmbeddedStore
from quotegraph.store.build import build
from quotegraph.store.loader import BUILD_FILE, file_chunks

TIMESTAMP = "2026-01-01"
QUAD = b"<http://ex.org/s> <http://ex.org/p> <http://ex.org/o%d> <http://ex.org/g> .\n"


def _graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def test_the_built_store_equals_the_dataset_of_the_corpus(synth_dir: Path, tmp_path: Path) -> None:
    source = synth_dir / "articles.jsonl"
    build([source], tmp_path / "store", timestamp=TIMESTAMP, jobs=2)
    stored = _graphs(EmbeddedStore(tmp_path / "store").dataset())
    expected = _graphs(to_dataset(analyse(read_articles([source])), timestamp=TIMESTAMP))
    assert stored.keys() == expected.keys() and len(stored) > 3
    different = [name for name in stored if not isomorphic(stored[name], expected[name])]
    assert different == []


def test_the_build_id_does_not_depend_on_the_order_of_the_input(
    synth_dir: Path, tmp_path: Path
) -> None:
    halves = [synth_dir / "parts" / "old.jsonl", synth_dir / "new.jsonl"]
    build(halves, tmp_path / "a", timestamp=TIMESTAMP, jobs=2)
    build(halves[::-1], tmp_path / "b", timestamp=TIMESTAMP, jobs=1)
    first = EmbeddedStore(tmp_path / "a").build_id()
    assert first is not None and first == EmbeddedStore(tmp_path / "b").build_id()
    build(halves[:1], tmp_path / "c", timestamp=TIMESTAMP)
    assert EmbeddedStore(tmp_path / "c").build_id() != first


def test_no_spool_file_is_left_next_to_the_store(synth_dir: Path, tmp_path: Path) -> None:
    build([synth_dir / "articles.jsonl"], tmp_path / "store", timestamp=TIMESTAMP)
    assert sorted(p.name for p in tmp_path.iterdir() if "spool" in p.name) == []


def test_a_bad_chunk_fails_with_the_store_named_and_keeps_the_old_store(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    assert store.replace_nquads(QUAD % 1, "first") == 1
    with pytest.raises(StoreError, match=r"store: could not build"):
        store.replace_nquads([QUAD % 2, b"<http://ex.org/s> not n-quads\n"], "second")
    assert store.build_id() == "first" and len(store) == 1
    assert not any(p.name.endswith(".new") for p in tmp_path.iterdir())


def test_an_error_while_loading_in_the_background_keeps_the_old_store(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.replace_nquads(QUAD % 1, "first")

    def endless() -> object:
        n = 0
        while True:
            n += 1
            yield QUAD % n

    with pytest.raises(ZeroDivisionError), store.rebuilding() as fresh:
        fresh.feed(endless())  # type: ignore[arg-type]
        _ = 1 / 0  # the caller fails (say, in link) while the loader is busy
    assert store.build_id() == "first" and len(store) == 1
    assert not any(p.name.endswith(".new") for p in tmp_path.iterdir())


def test_a_rebuild_left_unfinished_is_not_swapped_in(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.replace_nquads(QUAD % 1, "first")
    with pytest.raises(StoreError, match="not finished"), store.rebuilding() as fresh:
        fresh.feed([QUAD % 2])
    assert store.build_id() == "first"
    assert (store.path / BUILD_FILE).read_text(encoding="utf-8") == "first"


def test_file_chunks_end_at_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "quads.nq"
    path.write_bytes(b"".join(QUAD % i for i in range(50)))
    with path.open("rb") as source:
        chunks = list(file_chunks(source, size=100))
    assert len(chunks) > 10 and all(c.endswith(b" .\n") for c in chunks)
    assert b"".join(chunks) == path.read_bytes()
