"""Build a store from article files: ingest -> extract (in a pool) -> resolve/link -> RDF -> store.

Input: paths of article files or folders, and a store location.  Output: a
:class:`BuildSummary` (counts and the rejected files).  The store is replaced as one
transaction, after every readable file has been analysed; unreadable files are skipped and
listed.  Articles are analysed in id order, so the result does not depend on file order.

For the embedded store the new directory also receives, before the swap, the text index
(:mod:`quotegraph.store.index`) and the extraction cache (:mod:`quotegraph.store.cache`):
``incremental=True`` then adds new articles to a store without extracting the old ones
again (resolve and link run over old + new, so the result equals a full rebuild).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quotegraph.errors import InputError, NotFoundError, StoreError
from quotegraph.ingest import ReadReport, read_articles
from quotegraph.model import Article, Corpus, QuoteMention
from quotegraph.parallel import extract_all
from quotegraph.rdf import to_dataset
from quotegraph.store import EmbeddedStore, open_store
from quotegraph.store.cache import decode, encode, read_cache, write_cache
from quotegraph.store.index import rows_of, write_index
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


Extracted = dict[str, tuple[Article, list[QuoteMention]]]


def _old(target: EmbeddedStore) -> Extracted:
    """Articles and mentions of the store, from its extraction cache."""
    if not target.path.is_dir():
        raise StoreError(f"no store at {target.path} to add to: build it first")
    out: Extracted = {}
    for record in read_cache(target.path):
        article, mentions = decode(record)
        out[article.id] = (article, mentions)
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
    embedded = isinstance(target, EmbeddedStore)
    if isinstance(target, EmbeddedStore):
        target.check_unlocked()
    elif incremental:
        raise StoreError("--incremental needs an embedded store (a directory)")
    extracted: Extracted = _old(target) if isinstance(target, EmbeddedStore) and incremental else {}
    before = len(extracted)
    report = ReadReport()
    for article, mentions in extract_all(read_articles(paths, report), jobs, progress):
        if article.id in extracted:
            report.rejected.append(
                InputError(
                    article.source or "?", f"article id '{article.id}' is already in the store"
                )
            )
            continue
        extracted[article.id] = (article, mentions)
    if len(extracted) == before:
        if report.rejected:
            reasons = "; ".join(str(e) for e in report.rejected[:3])
            raise InputError(", ".join(map(str, paths)), f"no readable new article ({reasons})")
        raise NotFoundError(f"no article files under {', '.join(map(str, paths))}")
    order = sorted(extracted)
    articles = [extracted[i][0] for i in order]
    mentions = [m for i in order for m in extracted[i][1]]
    corpus = _link(articles, mentions, entities_file)
    if isinstance(target, EmbeddedStore):
        triples = _store_embedded(target, corpus, extracted, order, timestamp)
    else:
        triples = target.replace(to_dataset(corpus, timestamp=timestamp))
    return BuildSummary(
        store=str(store),
        articles=len(corpus.articles),
        mentions=len(corpus.mentions),
        quotes=len(corpus.quotes),
        entities=len(corpus.entities),
        triples=triples,
        rejected=tuple(report.rejected),
        added=len(extracted) - before if incremental and embedded else None,
    )


def _store_embedded(
    target: EmbeddedStore, corpus: Corpus, extracted: Extracted, order: list[str], stamp: str | None
) -> int:
    """Write the N-Quads in a thread while the store loads them, then the index and the
    cache, all swapped in at once (no scratch file: loading overlaps with writing)."""
    chunks, build_id = pipelined(lambda out: write_nquads(corpus, out, stamp))

    def extras(folder: Path) -> None:
        write_index(folder, rows_of(corpus), build_id())
        write_cache(folder, (encode(*extracted[i]) for i in order))

    return target.replace_nquads(chunks, build_id, extras)


def _link(
    articles: list[Article], mentions: list[QuoteMention], entities_file: Path | None
) -> Corpus:
    from quotegraph.pipeline import link_extracted

    return link_extracted(articles, mentions, entities_file=entities_file)
