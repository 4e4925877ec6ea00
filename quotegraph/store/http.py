"""Any SPARQL 1.1 server as the store, over the SPARQL 1.1 Protocol.

Input: an ``http(s)://`` URL: either the query endpoint itself (ending in
``/query`` or ``/sparql``) or a base URL under which ``/query`` and ``/update``
live (Oxigraph's layout).  ``replace`` sends ONE SPARQL Update request
(``DROP ALL`` then ``INSERT DATA`` per named graph), which servers such as
Oxigraph, Fuseki and GraphDB run as one transaction, so a failure leaves the
previous state.  Queries see the union of all named graphs as their default
graph, through the standard ``default-graph-uri`` protocol parameters.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from quotegraph.errors import QueryError, StoreError
from quotegraph.model import Corpus
from quotegraph.rdf import from_dataset
from quotegraph.store.results import QueryResult, term_from_json

TIMEOUT_S = 120
_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"


def endpoints(url: str) -> tuple[str, str]:
    """``(query, update)`` endpoint URLs for a store URL.

    >>> endpoints("http://127.0.0.1:7878")
    ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update')
    >>> endpoints("https://host/ds/sparql")
    ('https://host/ds/sparql', 'https://host/ds/update')
    """
    base = url.rstrip("/")
    for suffix in ("/query", "/sparql"):
        if base.endswith(suffix):
            return base, base[: -len(suffix)] + "/update"
    return base + "/query", base + "/update"


class HttpStore:
    """A remote SPARQL 1.1 store."""

    def __init__(self, url: str) -> None:
        self.location = url
        self.query_url, self.update_url = endpoints(url)

    def _post(self, url: str, form: list[tuple[str, str]], accept: str) -> tuple[str, bytes]:
        body = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(
            url,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:500]
            raise QueryError(f"{url} refused the request ({exc.code}): {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL server {url}: {exc}") from exc

    def replace(self, dataset: Dataset) -> int:
        """Replace everything on the server by ``dataset`` in one update request."""
        parts = ["DROP ALL ;", "INSERT DATA {"]
        count = 0
        for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
            if len(graph) == 0 or not isinstance(graph.identifier, URIRef):
                continue
            try:
                triples = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
            except Exception as exc:  # rdflib raises bare Exception for unserialisable terms
                raise StoreError(f"cannot serialise graph {graph.identifier}: {exc}") from exc
            if graph.identifier == DATASET_DEFAULT_GRAPH_ID:
                parts.append(triples)
            else:
                parts.append(f"GRAPH <{graph.identifier}> {{\n{triples}}}")
            count += len(graph)
        parts.append("}")
        self._post(self.update_url, [("update", "\n".join(parts))], "*/*")
        return count

    def _graphs(self) -> list[str]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return sorted(str(row[0]) for row in rows.rows if row[0] is not None)

    def _select(self, sparql: str, union: bool = True) -> QueryResult:
        form = [("query", sparql)]
        if union:
            graphs = self._graphs()
            form += [("default-graph-uri", g) for g in graphs]
            form += [("named-graph-uri", g) for g in graphs]
        kind, data = self._post(self.query_url, form, f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9")
        if "json" in kind:
            return _parse_json(json.loads(data.decode("utf-8")))
        graph = Graph()
        graph.parse(data=data.decode("utf-8"), format="nt")
        return QueryResult(graph=graph)

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all named graphs."""
        return self._select(sparql, union=True)

    def dataset(self) -> Dataset:
        """Every quad of every named graph on the server."""
        result = self._select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        ds = Dataset(default_union=True)
        for g, s, p, o in result.rows:
            ds.graph(URIRef(str(g))).add((s, p, o))  # type: ignore[arg-type]
        return ds

    def load_corpus(self) -> Corpus:
        """The corpus the store holds."""
        return from_dataset(self.dataset())

    def __len__(self) -> int:
        result = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", False)
        return int(str(result.rows[0][0])) if result.rows else 0


def _parse_json(data: dict[str, Any]) -> QueryResult:
    if "boolean" in data:
        return QueryResult(boolean=bool(data["boolean"]))
    names = tuple(data["head"].get("vars", []))
    rows = tuple(
        tuple(term_from_json(b[v]) if v in b else None for v in names)
        for b in data["results"]["bindings"]
    )
    return QueryResult(names, rows)
