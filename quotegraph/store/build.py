"""Build a store from article files: ingest -> extract (in a pool) -> resolve/link -> RDF -> store.

Input: paths of article files or folders, and a store location.  Output: a
:class:`BuildSummary` (counts and the rejected files).  The store is replaced as one
transaction, after every readable file has been analysed; unreadable files are skipped and
listed.  Articles are analysed in id order, so the result does not depend on file order.

For the embedded store the new directory also receives, before the swap, the text index
(:mod:`quotegraph.store.index`) and the extraction cache (:mod:`quotegraph.store.cache`):
``incremental=True`` then adds new articles to a store without extracting the old ones
again (resolve and link run over old + new, so the result equals a full rebuild).

The embedded build overlaps its stages: the extraction workers also write each article's
graph as N-Quads (:func:`quotegraph.store.nquads.article_quads`), spooled to a temporary
file next to the store; a background thread bulk-loads them into the fresh store while
resolve and link run, then loads the links graph while a second thread writes it.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from quotegraph.errors import InputError, NotFoundError, StoreError
from quotegraph.ingest import ReadReport, read_articles
from quotegraph.model import Article, Corpus, QuoteMention
from quotegraph.parallel import StoreParts, extract_for_store, store_parts
from quotegraph.rdf import to_dataset
from quotegraph.shelf import Shelf
from quotegraph.store import EmbeddedStore, open_store
from quotegraph.store.cache import CACHE_FILE, cache_header, decode, read_cache
from quotegraph.store.index import rows_of, write_index
from quotegraph.store.loader import file_chunks
from quotegraph.store.nquads import pipelined, write_nquads


@dataclass(frozen=True)
class BuildSummary:
    store: str
    articles: int
    mentions: int
    quotes: int
    entities: int
    triples: int
    rejected: tuple[InputError, ...] = field(default_factory=tuple)
    added: int | None = None  # articles new to the store (incremental builds)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "store": self.store,
            "articles": self.articles,
            "mentions": self.mentions,
            "quotes": self.quotes,
            "entities": self.entities,
            "triples": self.triples,
            "rejected": [{"file": e.source, "reason": e.reason} for e in self.rejected],
        }
        if self.added is not None:
            out["added"] = self.added
        return out


Extracted = dict[str, list[QuoteMention]]  # the mentions of each article on the shelf


def _old(target: EmbeddedStore, shelf: Shelf) -> Extracted:
    """The store's articles (put on ``shelf``) and mentions, from its extraction cache."""
    out: Extracted = {}
    for record in read_cache(target.path):
        article, mentions = decode(record)
        shelf.add(article)
        out[article.id] = mentions
    return out


def build(
    paths: Iterable[str | Path],
    store: str | Path,
    *,
    progress: Callable[[Article], None] | None = None,
    timestamp: str | None = None,
    jobs: int = 1,
    incremental: bool = False,
    entities_file: Path | None = None,
) -> BuildSummary:
    """Analyse the articles under ``paths`` and replace the store at ``store`` with them.

    ``jobs`` worker processes extract quotes (1 = in this process); ``incremental`` keeps
    the articles already in the (embedded) store and adds the new ones.
    """
    paths = list(paths)
    target = open_store(store)
    if not isinstance(target, EmbeddedStore):
        if incremental:
            raise StoreError("--incremental needs an embedded store (a directory)")
        shelf = Shelf()
        extracted, report = _extract(paths, shelf, {}, jobs, progress, None)
        corpus = _link(shelf, extracted, entities_file)
        triples = target.replace(to_dataset(corpus, timestamp=timestamp))
        return _summary(store, corpus, report, triples, None)
    target.check_unlocked()
    if incremental and not target.path.is_dir():
        raise StoreError(f"no store at {target.path} to add to: build it first")
    spool_dir = target.path.parent
    spool_dir.mkdir(parents=True, exist_ok=True)
    with (
        Shelf.on_disk(spool_dir) as shelf,  # the bodies wait on disk for resolve and link
        tempfile.TemporaryFile(prefix=f".{target.path.name}.spool-", dir=spool_dir) as spool,
    ):
        old = _old(target, shelf) if incremental else {}
        with target.rebuilding() as fresh:
            with (fresh.folder / CACHE_FILE).open("wb") as cache:
                parts = _Parts(spool, cache)
                for article in shelf:  # the store's articles, when adding to it
                    parts.add(article.id, store_parts(article, old[article.id]))
                extracted, report = _extract(paths, shelf, old, jobs, progress, parts)
            spool.seek(0)
            fresh.feed(file_chunks(spool))  # loads while resolve and link run here
            corpus = _link(shelf, extracted, entities_file)
            links, links_id = pipelined(
                lambda out: write_nquads(corpus, out, timestamp, article_graphs=False),
                eager=True,
            )
            fresh.feed(links)

            def build_id() -> str:  # once the links graph is written
                return parts.build_id(links_id())

            index = _Side(lambda: write_index(fresh.folder, rows_of(corpus), build_id))
            try:
                triples = fresh.finish(build_id, lambda _: index.result())
            finally:
                index.thread.join()
    added = len(extracted) - len(old) if incremental else None
    return _summary(store, corpus, report, triples, added)


class _Side:
    """``work`` on a thread of its own (the text index, written while the store loads)."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.error: BaseException | None = None

        def run() -> None:
            try:
                work()
            except BaseException as exc:  # raised in the caller by result()
                self.error = exc

        self.thread = threading.Thread(target=run, name="quotegraph-side", daemon=True)
        self.thread.start()

    def result(self) -> None:
        """Wait for the work; raise what it raised."""
        self.thread.join()
        if self.error is not None:
            raise self.error


class _Parts:
    """Where the store parts of each article go: the graph's N-Quads to a spool file for
    the loader (with a digest per article: the build id digests them in article id order,
    so it does not depend on the order the files were read in), the cache record to the
    extraction cache."""

    def __init__(self, spool: BinaryIO, cache: BinaryIO) -> None:
        self.spool, self.cache = spool, cache
        self.digests: dict[str, str] = {}
        cache.write(cache_header())

    def add(self, article_id: str, parts: StoreParts) -> None:
        quads, cached = parts
        self.spool.write(quads)
        self.cache.write(cached)
        self.digests[article_id] = hashlib.sha256(quads).hexdigest()

    def build_id(self, links_id: str) -> str:
        digest = hashlib.sha256()
        for article_id in sorted(self.digests):
            digest.update(f"{article_id} {self.digests[article_id]}\n".encode())
        digest.update(links_id.encode())
        return digest.hexdigest()


def _extract(
    paths: list[str | Path],
    shelf: Shelf,
    old: Extracted,
    jobs: int,
    progress: Callable[[Article], None] | None,
    parts: _Parts | None,
) -> tuple[Extracted, ReadReport]:
    """``old`` plus the mentions of the articles read from ``paths``, which go on ``shelf``
    (a repeated id is rejected); with ``parts``, each new article's store parts go there."""
    extracted = dict(old)
    report = ReadReport()
    for article, mentions, extra in extract_for_store(
        read_articles(paths, report), jobs, progress, parts=parts is not None
    ):
        if article.id in extracted:
            report.rejected.append(
                InputError(
                    article.source or "?", f"article id '{article.id}' is already in the store"
                )
            )
            continue
        shelf.add(article)
        extracted[article.id] = mentions
        if parts is not None:
            parts.add(article.id, extra)
    if len(extracted) == len(old):
        if report.rejected:
            reasons = "; ".join(str(e) for e in report.rejected[:3])
            raise InputError(", ".join(map(str, paths)), f"no readable new article ({reasons})")
        raise NotFoundError(f"no article files under {', '.join(map(str, paths))}")
    return extracted, report


def _summary(
    store: str | Path, corpus: Corpus, report: ReadReport, triples: int, added: int | None
) -> BuildSummary:
    return BuildSummary(
        store=str(store),
        articles=len(corpus.articles),
        mentions=len(corpus.mentions),
        quotes=len(corpus.quotes),
        entities=len(corpus.entities),
        triples=triples,
        rejected=tuple(report.rejected),
        added=added,
    )


def _link(shelf: Shelf, extracted: Extracted, entities_file: Path | None) -> Corpus:
    """Resolve and link the articles in id order (their mentions article by article)."""
    from quotegraph.pipeline import link_extracted

    shelf.sort()
    mentions = [m for article in shelf.metas() for m in extracted[article.id]]
    return link_extracted(shelf, mentions, entities_file=entities_file)
