"""who-said over a store without loading it: candidate quotes, then just their subgraph.

Input: a store location and the words of a quote.  Output: the matches of
:func:`quotegraph.provenance.who_said` (:func:`who_said_store`), or the projected graph to
ask it (:func:`candidate_graph`), computed over the subgraph of the candidate quotes only:
the quotes, their mentions, the named graphs of the articles printing them (and of the
articles those derive from), and the entities and venues they name.  Candidates come from
the text index of an embedded store (:mod:`quotegraph.store.index`), or for a SPARQL server
from a ``CONTAINS`` query on the rarest words of the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, URIRef

from quotegraph.link.text import stopwords, tokens
from quotegraph.link.translate import PIVOT
from quotegraph.rdf import from_dataset
from quotegraph.rdf.terms import graph_iri, id_of, iri
from quotegraph.store import EmbeddedStore, GraphStore, open_store
from quotegraph.store.index import search
from quotegraph.vocab import ID, QG, SDO

EXPAND = 3  # rounds of following links-graph objects to entities, venues and articles


def _values(nodes: Iterable[URIRef]) -> str:
    return " ".join(n.n3() for n in sorted(set(nodes)))


def candidates(store: GraphStore, text: str, limit: int) -> list[str]:
    """Quote ids that may match ``text``: from the index, or from SPARQL for a server."""
    if isinstance(store, EmbeddedStore):
        return [hit.quote for hit in search(store.path, text, limit=max(limit, 20))]
    words = sorted(
        (w for w in tokens(text) if w not in stopwords(PIVOT)), key=lambda w: (-len(w), w)
    )[:3]
    if not words:
        return []
    tests = " && ".join(f'CONTAINS(LCASE(STR(?text)), "{w}")' for w in words if '"' not in w)
    rows = store.query(
        f"SELECT DISTINCT ?q WHERE {{ ?q {QG.hasMention.n3()} ?m . "
        f"?m {SDO.text.n3()} ?text . FILTER({tests}) }} LIMIT 200"
    ).rows
    return [id_of(q)[1] for (q,) in rows if q is not None]


def _links(store: GraphStore, roots: set[URIRef]) -> list[tuple[Any, ...]]:
    """Triples of the links graph about ``roots`` and their sub-nodes (qualified relations)."""
    links = graph_iri("links").n3()
    return list(
        store.query(
            f"SELECT ?s ?p ?o WHERE {{ VALUES ?r {{ {_values(roots)} }} GRAPH {links} {{"
            f" {{ ?r ?p ?o BIND(?r AS ?s) }} UNION"
            f" {{ ?r ?p0 ?s . ?s ?p ?o FILTER(STRSTARTS(STR(?s), CONCAT(STR(?r), '/'))) }} }} }}"
        ).rows
    )


def subgraph(store: GraphStore, quote_ids: Iterable[str]) -> Dataset:
    """The quads describing ``quote_ids``: enough for :func:`quotegraph.provenance.project`."""
    ds = Dataset(default_union=True)
    quotes = {iri("quote", q) for q in quote_ids}
    if not quotes:
        return ds
    links = ds.graph(graph_iri("links"))
    rows = store.query(
        f"SELECT ?m WHERE {{ VALUES ?q {{ {_values(quotes)} }} ?q {QG.hasMention.n3()} ?m }}"
    ).rows
    mentions = {m for (m,) in rows if isinstance(m, URIRef)}
    articles = {iri("article", id_of(m)[1].rsplit(":", 1)[0]) for m in mentions}
    roots, seen = quotes | mentions | articles, set[URIRef]()
    for _ in range(EXPAND):
        todo = roots - seen
        if not todo:
            break
        seen |= todo
        found: set[URIRef] = set()
        for s, p, o in _links(store, todo):
            links.add((s, p, o))
            if isinstance(o, URIRef) and str(o).startswith(str(ID)):
                kind, rest = str(o)[len(str(ID)) :].split("/", 1) if "/" in str(o) else ("", "")
                if kind in {"entity", "venue", "article"} and "/" not in rest:
                    found.add(o)
        articles |= {n for n in found if id_of(n)[0] == "article"}
        roots |= found
    graphs = [graph_iri("article", id_of(a)[1]) for a in articles]
    for s, p, o, g in store.query(
        f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?g {{ {_values(graphs)} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    ).rows:
        if s is not None and p is not None and o is not None and isinstance(g, URIRef):
            ds.graph(g).add((s, p, o))
    return ds


def candidate_graph(location: str | Path, text: str, limit: int = 10) -> nx.MultiDiGraph:
    """The provenance projection of the quotes that may match ``text`` (empty if none)."""
    from quotegraph.provenance import project

    store = open_store(location)
    found = candidates(store, text, limit)
    return project(from_dataset(subgraph(store, found)))


def who_said_store(location: str | Path, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """:func:`quotegraph.provenance.who_said` over the store at ``location``, loading only
    the subgraph of the candidate quotes."""
    return who_said_in(open_store(location), text, limit)


def who_said_in(store: GraphStore, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """:func:`who_said_store` for an open store."""
    from quotegraph.provenance import project, who_said

    found = candidates(store, text, limit)
    if not found:
        return []
    return who_said(project(from_dataset(subgraph(store, found))), text, limit)
