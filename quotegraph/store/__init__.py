"""Where the graph lives: embedded Oxigraph on disk, or any SPARQL 1.1 server.

Input: a location (a directory, or an ``http(s)://`` URL).  Output: a
:class:`GraphStore` with ``replace(dataset)``, ``query(sparql)``, ``dataset()``
and ``load_corpus()``.  See ``embedded`` and ``http`` for how each keeps
``replace`` transactional.

>>> import tempfile
>>> store = open_store(tempfile.mkdtemp() + "/store")
>>> type(store).__name__
'EmbeddedStore'
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from rdflib import Dataset

from quotegraph.model import Corpus
from quotegraph.store.embedded import EmbeddedStore
from quotegraph.store.http import HttpStore
from quotegraph.store.results import QueryResult

__all__ = ["EmbeddedStore", "GraphStore", "HttpStore", "QueryResult", "open_store"]


class GraphStore(Protocol):
    """What every store offers."""

    location: str

    def replace(self, dataset: Dataset) -> int: ...

    def query(self, sparql: str) -> QueryResult: ...

    def dataset(self) -> Dataset: ...

    def load_corpus(self) -> Corpus: ...

    def __len__(self) -> int: ...


def open_store(location: str | Path) -> GraphStore:
    """The store at ``location``: ``http(s)://`` => SPARQL server, else a directory."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        return HttpStore(text)
    return EmbeddedStore(Path(text))
