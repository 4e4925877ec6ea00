"""Stores: embedded Oxigraph on disk (swap, lock, recovery) and a real SPARQL server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from quotegraph.errors import QueryError, StoreError
from quotegraph.model import Corpus
from quotegraph.rdf import to_dataset
from quotegraph.rdf.formats import isomorphic_datasets
from quotegraph.store import GraphStore, open_store
from quotegraph.store.embedded import lock
from quotegraph.vocab import SDO

from .test_rdf import normalised

QUOTES = f"SELECT ?t WHERE {{ ?q a <{SDO.Quotation}> ; <{SDO.text}> ?t }}"


def _broken(corpus: Corpus) -> Dataset:
    """A dataset the store must refuse (a literal as a subject)."""
    ds = to_dataset(corpus)
    ds.graph(URIRef("https://example.org/g")).add(
        (
            Literal("a literal subject"),
            URIRef("https://example.org/p"),
            URIRef("https://example.org/o"),
        )
    )
    return ds


def _check_round_trip(store: GraphStore, corpus: Corpus) -> None:
    ds = to_dataset(corpus)
    assert store.replace(ds) == len(list(ds.quads((None, None, None, None))))
    assert isomorphic_datasets(store.dataset(), ds)
    assert normalised(store.load_corpus()) == normalised(corpus)
    texts = [row["t"] for row in store.query(QUOTES).plain()]
    assert texts == ["We never sell data, full stop."]
    assert store.query(f"ASK {{ ?s a <{SDO.NewsArticle}> }}").boolean is True


def _check_failure_keeps_state(store: GraphStore, corpus: Corpus) -> None:
    store.replace(to_dataset(corpus))
    with pytest.raises((StoreError, QueryError)):
        store.replace(_broken(corpus))
    assert isomorphic_datasets(store.dataset(), to_dataset(corpus))


# -- embedded -----------------------------------------------------------------


def test_embedded_round_trip(tmp_path: Path, corpus: Corpus) -> None:
    _check_round_trip(open_store(tmp_path / "store"), corpus)


def test_embedded_failure_keeps_previous_state(tmp_path: Path, corpus: Corpus) -> None:
    _check_failure_keeps_state(open_store(tmp_path / "store"), corpus)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `quotegraph build` first"):
        open_store(tmp_path / "nothing").query("ASK {}")


def test_malformed_query_is_a_query_error(tmp_path: Path, corpus: Corpus) -> None:
    store = open_store(tmp_path / "store")
    store.replace(to_dataset(corpus))
    with pytest.raises(QueryError, match="malformed SPARQL"):
        store.query("SELECT * WHERE {")


def test_lock_held_by_a_live_build(tmp_path: Path, corpus: Corpus) -> None:
    store = open_store(tmp_path / "store")
    store.replace(to_dataset(corpus))
    with lock(tmp_path / "store"):
        with pytest.raises(StoreError, match=rf"store is locked by a build \(pid {os.getpid()}\)"):
            store.replace(to_dataset(corpus))
        # readers still work while a build holds the lock
        assert len(store.query(QUOTES).rows) == 1
    store.replace(to_dataset(corpus))  # released


def test_stale_lock_is_taken_over(tmp_path: Path, corpus: Corpus) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    (tmp_path / ".store.lock").write_text(dead.stdout.strip())
    store = open_store(tmp_path / "store")
    assert store.replace(to_dataset(corpus)) > 0
    assert not (tmp_path / ".store.lock").exists()


def test_recovers_from_a_build_killed_mid_swap(tmp_path: Path, corpus: Corpus) -> None:
    open_store(tmp_path / "store").replace(to_dataset(corpus))
    # killed between the two renames: the old store is aside, no store in place
    os.rename(tmp_path / "store", tmp_path / ".store.old")
    (tmp_path / ".store.new").mkdir()
    store = open_store(tmp_path / "store")
    assert isomorphic_datasets(store.dataset(), to_dataset(corpus))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_reader_opened_before_a_swap_keeps_working(tmp_path: Path, corpus: Corpus) -> None:
    import pyoxigraph

    store = open_store(tmp_path / "store")
    store.replace(to_dataset(corpus))
    reader = pyoxigraph.Store.read_only(str(tmp_path / "store"))
    before = len(reader)
    store.replace(to_dataset(Corpus(articles=corpus.articles[:1])))
    assert len(reader) == before
    assert len(store) < before


# -- a real SPARQL 1.1 server on loopback ----------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _oxigraph() -> str | None:
    local = Path(sys.executable).with_name("oxigraph")
    return str(local) if local.exists() else shutil.which("oxigraph")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the oxigraph server (PyPI package `oxigraph`) is not installed")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("the oxigraph server exited at start")
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.server
def test_http_round_trip(server: str, corpus: Corpus) -> None:
    _check_round_trip(open_store(server), corpus)


@pytest.mark.server
def test_http_failure_keeps_previous_state(server: str, corpus: Corpus) -> None:
    _check_failure_keeps_state(open_store(server), corpus)


@pytest.mark.server
def test_http_query_endpoint_url_works_too(server: str, corpus: Corpus) -> None:
    open_store(server).replace(to_dataset(corpus))
    assert len(open_store(server + "/query").query(QUOTES).rows) == 1


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot reach"):
        open_store(f"http://127.0.0.1:{_free_port()}").query("ASK {}")
