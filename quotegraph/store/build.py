"""Build a store from article files: ingest -> analyse -> RDF -> store.

Input: paths of article files or folders, and a store location.  Output: a
:class:`BuildSummary` (counts and the rejected files).  The store is replaced
as one transaction, after every readable file has been analysed; unreadable
files are skipped and listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quotegraph.errors import InputError, NotFoundError
from quotegraph.ingest import ReadReport, read_articles
from quotegraph.model import Article, Corpus
from quotegraph.rdf import to_dataset
from quotegraph.store import EmbeddedStore, open_store


@dataclass(frozen=True)
class BuildSummary:
    store: str
    articles: int
    mentions: int
    quotes: int
    entities: int
    triples: int
    rejected: tuple[InputError, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, object]:
        return {
            "store": self.store,
            "articles": self.articles,
            "mentions": self.mentions,
            "quotes": self.quotes,
            "entities": self.entities,
            "triples": self.triples,
            "rejected": [{"file": e.source, "reason": e.reason} for e in self.rejected],
        }


def build(
    paths: Iterable[str | Path],
    store: str | Path,
    *,
    progress: Callable[[Article], None] | None = None,
    timestamp: str | None = None,
) -> BuildSummary:
    """Analyse the articles under ``paths`` and replace the store at ``store`` with them."""
    target = open_store(store)
    if isinstance(target, EmbeddedStore):
        target.check_unlocked()
    report = ReadReport()
    corpus = _analyse(read_articles(paths, report), progress)
    if not corpus.articles:
        if report.rejected:
            reasons = "; ".join(str(e) for e in report.rejected[:3])
            raise InputError(", ".join(map(str, paths)), f"no readable article ({reasons})")
        raise NotFoundError(f"no article files under {', '.join(map(str, paths))}")
    triples = target.replace(to_dataset(corpus, timestamp=timestamp))
    return BuildSummary(
        store=str(store),
        articles=len(corpus.articles),
        mentions=len(corpus.mentions),
        quotes=len(corpus.quotes),
        entities=len(corpus.entities),
        triples=triples,
        rejected=tuple(report.rejected),
    )


def _analyse(articles: Iterable[Article], progress: Callable[[Article], None] | None) -> Corpus:
    from quotegraph.pipeline import analyse

    return analyse(articles, progress=progress)
