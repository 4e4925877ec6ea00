"""Corpus -> N-Quads file, article graphs written a batch at a time (no whole-corpus Dataset).

Input: a :class:`~quotegraph.model.Corpus`; output: an N-Quads file holding the same quads
as ``quotegraph.rdf.to_dataset(corpus)`` (isomorphic; the IRIs derive from content only, so
it is the same set of quads), and the SHA-256 of the bytes written, used as the build id.
The statements come from :mod:`quotegraph.rdf.write`, written as N-Quads lines one article
(or ``LINK_BATCH`` links items) at a time instead of into one rdflib Dataset: rdflib holds
~1 KB per triple, so a 100k-article corpus (~19M quads) would not fit in memory.

>>> import io
>>> from quotegraph.model import Article, Corpus
>>> out = io.BytesIO()
>>> len(write_nquads(Corpus(articles=(Article("a1", "Hi.", "en"),)), out))
64
>>> b"articleBody" in out.getvalue()
True
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import BinaryIO

from rdflib import Dataset, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

from quotegraph.model import Corpus, Entity, QuoteMention
from quotegraph.rdf import write as _w
from quotegraph.rdf.terms import graph_iri

LINK_BATCH = 5000


def _ids(corpus: Corpus) -> _w._Ids:
    """rdf.write's id table, with the outlet lookup cached per name (it scans every entity)."""
    ids = _w._Ids(corpus)
    lookup = ids.outlet_named

    @cache
    def outlet_named(name: str) -> Entity | None:
        return lookup(name)

    ids.outlet_named = outlet_named  # type: ignore[method-assign]
    return ids


class _Lines:
    """Stands in for an rdflib Graph in ``rdf.write``: ``add`` keeps the N-Quads line."""

    def __init__(self, graph: URIRef) -> None:
        self.graph = graph.n3()
        self.lines: dict[str, None] = {}

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = triple
        obj = _quoteLiteral(o) if isinstance(o, Literal) else _iri(o)
        self.lines[f"{_iri(s)} {_iri(p)} {obj} {self.graph} .\n"] = None


def _iri(node: Node) -> str:
    """N-Triples form of an IRI.  Ours are minted percent-encoded (``rdf.terms.iri``) or come
    from the vocabulary, so rdflib's per-term validity check is skipped for speed."""
    if type(node) is URIRef:
        return f"<{node}>"
    return node.n3()


def write_nquads(corpus: Corpus, out: BinaryIO, timestamp: str | None = None) -> str:
    """Write the quads of ``corpus`` to ``out``; returns the SHA-256 of the bytes written."""
    digest = hashlib.sha256()

    def emit(data: bytes) -> None:
        digest.update(data)
        out.write(data)

    ids = _ids(corpus)
    by_article: dict[str, list[QuoteMention]] = defaultdict(list)
    for m in corpus.mentions:
        by_article[m.article_id].append(m)
    for article in corpus.articles:
        g = _Lines(graph_iri("article", article.id))
        _w._article(g, article, ids)  # type: ignore[arg-type]
        for m in by_article.get(article.id, ()):
            _w._mention(g, m, article.body)  # type: ignore[arg-type]
        emit("".join(g.lines).encode("utf-8"))
    for part in _link_parts(corpus):
        g = _Lines(graph_iri("links"))
        _w._links(g, part, ids)  # type: ignore[arg-type]
        emit("".join(g.lines).encode("utf-8"))
    ds = Dataset()
    _build(ds, corpus, [a.id for a in corpus.articles], timestamp)
    emit(ds.serialize(format="nquads", encoding="utf-8"))
    return digest.hexdigest()


def _link_parts(corpus: Corpus) -> Iterator[Corpus]:
    """``corpus`` cut into corpora holding ``LINK_BATCH`` links items each (no articles)."""
    empty = Corpus(articles=())
    for name in ("entities", "merges", "quotes", "venues", "variants", "hops", "relations"):
        items = getattr(corpus, name)
        for start in range(0, len(items), LINK_BATCH):
            yield replace(empty, **{name: tuple(items[start : start + LINK_BATCH])})  # type: ignore[arg-type]
    for name in ("speaker_of", "quote_of", "publisher_of"):
        pairs = list(getattr(corpus, name).items())
        for start in range(0, len(pairs), LINK_BATCH):
            yield replace(empty, **{name: dict(pairs[start : start + LINK_BATCH])})  # type: ignore[arg-type]


def _build(ds: Dataset, corpus: Corpus, article_ids: Sequence[str], timestamp: str | None) -> None:
    """The build graph, as ``rdf.write`` writes it for the whole Dataset."""
    graphs = [graph_iri("article", a) for a in article_ids] + [graph_iri("links")]
    _w.write_build(ds, corpus, graphs, timestamp)
