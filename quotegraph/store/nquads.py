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

import contextlib
import hashlib
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache
from queue import Empty, Queue
from typing import BinaryIO

from rdflib import Dataset, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

from quotegraph.model import Article, Corpus, Entity, QuoteMention
from quotegraph.rdf import write as _w
from quotegraph.rdf.terms import graph_iri
from quotegraph.shelf import metas

LINK_BATCH = 5000
PIPE_CHUNK_BYTES = 16_000_000  # N-Quads per bulk load (loader memory grows with it)
PIPE_DEPTH = 1  # chunks written ahead of the loader


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


def article_quads(article: Article, mentions: Iterable[QuoteMention]) -> bytes:
    """The N-Quads of the graph of ``article``: what ingest and extract found in it, which
    needs no other article (so worker processes write it).  The publisher entity, which
    depends on resolve, is left to ``write_nquads(..., article_graphs=False)``."""
    g = _Lines(graph_iri("article", article.id))
    _w._article(g, article)  # type: ignore[arg-type]
    for m in mentions:
        _w._mention(g, m, article.body)  # type: ignore[arg-type]
    return "".join(g.lines).encode("utf-8")


def write_nquads(
    corpus: Corpus, out: BinaryIO, timestamp: str | None = None, *, article_graphs: bool = True
) -> str:
    """Write the quads of ``corpus`` to ``out``; returns the SHA-256 of the bytes written.

    With ``article_graphs=False`` the part :func:`article_quads` writes is left out: only
    each article's publisher, the links graph and the build graph are written.
    """
    digest = hashlib.sha256()

    def emit(data: bytes) -> None:
        digest.update(data)
        out.write(data)

    ids = _ids(corpus)
    by_article: dict[str, list[QuoteMention]] = defaultdict(list)
    if article_graphs:
        for m in corpus.mentions:
            by_article[m.article_id].append(m)
    for article in corpus.articles if article_graphs else metas(corpus.articles):
        g = _Lines(graph_iri("article", article.id))
        _w._publisher(g, article, ids)  # type: ignore[arg-type]
        lines = "".join(g.lines).encode("utf-8")
        emit(article_quads(article, by_article[article.id]) + lines if article_graphs else lines)
    for part in _link_parts(corpus):
        g = _Lines(graph_iri("links"))
        _w._links(g, part, ids)  # type: ignore[arg-type]
        emit("".join(g.lines).encode("utf-8"))
    ds = Dataset()
    _build(ds, corpus, [a.id for a in metas(corpus.articles)], timestamp)
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


class _Chunks:
    """A write-only binary file that hands what is written to a queue in chunks of whole
    writes of about ``size`` bytes (``write_nquads`` writes whole lines at a time)."""

    def __init__(
        self, queue: Queue[bytes | BaseException | None], size: int, stopped: threading.Event
    ) -> None:
        self.queue, self.size, self.stopped = queue, size, stopped
        self.parts: list[bytes] = []
        self.held = 0

    def write(self, data: bytes) -> int:
        if self.stopped.is_set():
            raise RuntimeError("the N-Quads consumer stopped")
        self.parts.append(data)
        self.held += len(data)
        if self.held >= self.size:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.parts:
            self.queue.put(b"".join(self.parts))
            self.parts, self.held = [], 0


def pipelined(
    produce: Callable[[BinaryIO], str], size: int = PIPE_CHUNK_BYTES, *, eager: bool = False
) -> tuple[Iterator[bytes], Callable[[], str]]:
    """Run ``produce(out)`` (e.g. ``write_nquads``) in a thread; return the chunks it writes,
    as an iterator for the consumer, and a function giving its result (it waits for the
    thread to end).

    The Oxigraph loader releases the GIL, so writing the next chunk overlaps with loading the
    last one; at most ``PIPE_DEPTH`` chunks wait in between.  An exception in ``produce`` is
    raised by the iterator.  The thread starts when the first chunk is asked for, or at
    once when ``eager`` (to have chunks ready while the consumer is still busy).

    >>> chunks, result = pipelined(lambda out: out.write(b"a\\n") and "done", size=1)
    >>> list(chunks), result()
    ([b'a\\n'], 'done')
    """
    queue: Queue[bytes | BaseException | None] = Queue(PIPE_DEPTH)
    outcome: list[str] = []
    stopped = threading.Event()

    def run() -> None:
        try:
            out = _Chunks(queue, size, stopped)
            outcome.append(produce(out))  # type: ignore[arg-type]
            out.flush()
            queue.put(None)
        except BaseException as exc:  # handed to the consumer, raised there
            queue.put(exc)

    thread = threading.Thread(target=run, name="quotegraph-nquads", daemon=True)
    if eager:
        thread.start()

    def chunks() -> Iterator[bytes]:
        if not eager:
            thread.start()
        try:
            while (item := queue.get()) is not None:
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:  # the consumer failed or stopped early: unblock and end the producer
            stopped.set()
            while thread.is_alive():
                with contextlib.suppress(Empty):
                    queue.get(timeout=0.05)

    def result() -> str:
        if thread.ident is not None:  # started: wait for it to end
            thread.join()
        if not outcome:
            raise RuntimeError("the N-Quads producer has not finished")
        return outcome[0]

    return chunks(), result
