"""The build as map and reduce steps, in plain Python, shared by every engine.

Input: paths of article files or folders.  Output: N-Quads lines.  The steps, in order:

1. :func:`list_files` (driver): the files under the paths, in the order ``read_articles``
   reads them.
2. :func:`map_file` (map, one call per file, anywhere): read the file and extract the
   quotes of each article; the result is plain data (:class:`FileResult`), picklable.
3. :func:`collect` (driver): drop repeated article ids (first file wins, as
   ``read_articles`` does), list the rejected files, sort the articles by id as the
   embedded build does.
4. :func:`link_records` (driver): resolve + link over all articles: a whole-corpus step,
   but for the quote candidates, which an engine may compute elsewhere (the Spark engine
   runs them as keyed reduces: :mod:`quotegraph.engines.candidates`).
5. :func:`partition_lines` (map again, per partition): the N-Quads of each article's
   named graph, given the entities (the only cross-article fact an article graph needs).
6. :func:`links_lines` (map, per slice of :func:`link_slices`): the N-Quads of the links
   graph, given which kind of resource each id names (:func:`link_ids`);
   :func:`build_lines` (driver): the small build graph.

Steps 2, 5 and 6 see one file, partition or slice at a time; 3 and 4 need everything.

>>> result = map_file(0, "no/such/file.txt")
>>> result.records, result.errors
((), ((0, 'no/such/file.txt', 'no such file or directory'),))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Dataset

from quotegraph.errors import InputError
from quotegraph.extract import extract_quotes
from quotegraph.ingest.reader import _files, iter_file
from quotegraph.link.quotes import CandidateFinder
from quotegraph.model import Article, Corpus, Entity, QuoteMention
from quotegraph.rdf import write as _w
from quotegraph.rdf.terms import graph_iri
from quotegraph.store.cache import decode, encode

Record = dict[str, Any]  # one article and its mentions, as quotegraph.store.cache encodes them
BATCH = 200  # articles per rdflib Dataset when writing article graphs


@dataclass(frozen=True)
class FileResult:
    """What the map step found in one file: encoded articles and the problems met.

    ``errors`` are ``(articles read before it, source, reason)``: InputError itself does
    not survive pickling, and the position keeps the order ``read_articles`` reports in.
    """

    index: int
    path: str
    records: tuple[Record, ...] = ()
    errors: tuple[tuple[int, str, str], ...] = ()


@dataclass(frozen=True)
class Collected:
    """The driver's view after the map: kept records in id order, what was rejected, and
    ``(file index, position)`` of the records dropped as repeated ids."""

    records: tuple[Record, ...]
    rejected: tuple[InputError, ...]
    dropped: frozenset[tuple[int, int]] = frozenset()


@dataclass(frozen=True)
class EngineSummary:
    """What an engine wrote: counts, the part files and the rejected input."""

    out: str
    engine: str
    articles: int
    mentions: int
    quotes: int
    entities: int
    quads: int
    parts: tuple[str, ...] = ()
    rejected: tuple[InputError, ...] = field(default_factory=tuple)

    @property
    def store(self) -> str:
        """Where the graph went (the name ``BuildSummary`` uses)."""
        return self.out

    @property
    def triples(self) -> int:
        """The quads written (the name ``BuildSummary`` uses)."""
        return self.quads

    def as_dict(self) -> dict[str, object]:
        return {
            "out": self.out,
            "engine": self.engine,
            "articles": self.articles,
            "mentions": self.mentions,
            "quotes": self.quotes,
            "entities": self.entities,
            "quads": self.quads,
            "parts": list(self.parts),
            "rejected": [{"file": e.source, "reason": e.reason} for e in self.rejected],
        }


def list_files(paths: Iterable[str | Path]) -> tuple[list[str], list[InputError]]:
    """The files under ``paths`` (folders walked as ``read_articles`` walks them) and the
    folders that could not be listed."""
    if isinstance(paths, str | Path):
        paths = [paths]
    problems: list[InputError] = []
    return [str(p) for p in _files(paths, problems.append)], problems


def map_file(index: int, path: str) -> FileResult:
    """Map step: the articles of file ``path`` with their extracted mentions, encoded."""
    records: list[Record] = []
    errors: list[tuple[int, str, str]] = []

    def reject(error: InputError) -> None:
        errors.append((len(records), error.source, error.reason))

    try:
        for article in iter_file(Path(path), reject):
            records.append(encode(article, extract_quotes(article)))
    except InputError as error:
        reject(error)
    except Exception as exc:  # a library bug must not stop the other files
        reject(InputError(path, f"unexpected {type(exc).__name__}: {exc}"))
    return FileResult(index, path, tuple(records), tuple(errors))


def collect(results: Iterable[FileResult], listing: Sequence[InputError] = ()) -> Collected:
    """Reduce on the driver: first file wins for a repeated id; records sorted by id."""
    kept: dict[str, Record] = {}
    first_source: dict[str, str] = {}
    rejected: list[InputError] = list(listing)
    dropped: set[tuple[int, int]] = set()
    for result in sorted(results, key=lambda r: r.index):
        errors = list(result.errors)
        for position, record in enumerate(result.records):
            while errors and errors[0][0] <= position:
                rejected.append(InputError(*errors.pop(0)[1:]))
            art = record["article"]
            source = art["source"] or result.path
            if art["id"] in first_source:
                message = f"duplicate article id '{art['id']}' (first read from "
                rejected.append(InputError(source, message + f"{first_source[art['id']]})"))
                dropped.add((result.index, position))
                continue
            first_source[art["id"]] = source
            kept[art["id"]] = record
        rejected.extend(InputError(source, reason) for _, source, reason in errors)
    ordered = tuple(kept[i] for i in sorted(kept))
    return Collected(ordered, tuple(rejected), frozenset(dropped))


def decode_all(records: Iterable[Record]) -> tuple[list[Article], list[QuoteMention]]:
    """Articles and all their mentions, in record order."""
    articles: list[Article] = []
    mentions: list[QuoteMention] = []
    for record in records:
        article, found = decode(record)
        articles.append(article)
        mentions.extend(found)
    return articles, mentions


def link_records(
    records: Sequence[Record],
    entities_file: Path | None = None,
    find_candidates: CandidateFinder | None = None,
) -> Corpus:
    """Resolve + link over every article (driver): the whole-corpus step.

    ``find_candidates`` computes the quote candidates elsewhere (Spark:
    :func:`quotegraph.engines.candidates.spark_finder`); without it this is
    :func:`quotegraph.pipeline.link_extracted`, the embedded build's step.
    """
    from quotegraph.pipeline import link_extracted

    articles, mentions = decode_all(records)
    if find_candidates is None:
        return link_extracted(articles, mentions, entities_file=entities_file)
    from quotegraph.link import link
    from quotegraph.resolve import resolve

    resolution = resolve(articles, mentions, entities_file)
    return link(articles, mentions, resolution, find_candidates=find_candidates)


def _serialise(ds: Dataset) -> Iterator[str]:
    text = ds.serialize(format="nquads")
    yield from (line for line in text.splitlines() if line.strip())


def article_lines(records: Iterable[Record], entities: Sequence[Entity]) -> Iterator[str]:
    """N-Quads lines of the named graph of each article in ``records``.

    An article graph holds what ingest and extract found in it; the only cross-article
    fact it uses is which entity an outlet name stands for, hence ``entities``.
    """
    ids = _w._Ids(Corpus(articles=(), entities=tuple(entities)))
    lookup = ids.outlet_named
    ids.outlet_named = cache(lookup)  # type: ignore[method-assign]
    batch: list[Record] = []
    for record in [*records, None]:
        if record is not None:
            batch.append(record)
        if batch and (record is None or len(batch) >= BATCH):
            ds = Dataset()
            for article, mentions in map(decode, batch):
                g = ds.graph(graph_iri("article", article.id))
                _w._article(g, article)
                _w._publisher(g, article, ids)
                for m in mentions:
                    _w._mention(g, m, article.body)
            yield from _serialise(ds)
            batch = []


def partition_lines(
    results: Iterable[FileResult], entities: Sequence[Entity], dropped: frozenset[tuple[int, int]]
) -> Iterator[str]:
    """Map step over one partition of file results: the N-Quads of their article graphs,
    leaving out the records :func:`collect` dropped."""
    kept = (
        record
        for result in results
        for position, record in enumerate(result.records)
        if (result.index, position) not in dropped
    )
    yield from article_lines(kept, entities)


def link_slices(corpus: Corpus, n: int) -> list[Corpus]:
    """The cross-article records of ``corpus`` (entities, quotes, hops...) cut into ``n``
    slices, without articles or mentions and with plain-dict maps, so they pickle."""
    n = max(1, n)

    def cut(items: Sequence[Any], i: int) -> tuple[Any, ...]:
        return tuple(items[len(items) * i // n : len(items) * (i + 1) // n])

    maps = {
        k: sorted(getattr(corpus, k).items()) for k in ("speaker_of", "quote_of", "publisher_of")
    }
    return [
        Corpus(
            articles=(),
            entities=cut(corpus.entities, i),
            merges=cut(corpus.merges, i),
            quotes=cut(corpus.quotes, i),
            venues=cut(corpus.venues, i),
            variants=cut(corpus.variants, i),
            relations=cut(corpus.relations, i),
            hops=cut(corpus.hops, i),
            speaker_of=dict(cut(maps["speaker_of"], i)),
            quote_of=dict(cut(maps["quote_of"], i)),
            publisher_of=dict(cut(maps["publisher_of"], i)),
        )
        for i in range(n)
    ]


def link_ids(corpus: Corpus) -> Any:
    """Which kind of resource each id of ``corpus`` names (ids only, no text: picklable)."""
    return _w._Ids(corpus)


def links_lines(slices: Iterable[Corpus], ids: Any) -> Iterator[str]:
    """Map step: N-Quads lines of the links graph for each slice of :func:`link_slices`."""
    for part in slices:
        ds = Dataset()
        _w._links(ds.graph(graph_iri("links")), part, ids)
        yield from _serialise(ds)


def build_lines(corpus: Corpus, timestamp: str | None = None) -> list[str]:
    """N-Quads lines of the build graph (the extraction activity and every graph it made)."""
    ds = Dataset()
    ds.graph(graph_iri("links"))
    for article in corpus.articles:
        ds.graph(graph_iri("article", article.id))
    _w._build(ds, corpus, timestamp)
    return list(_serialise(ds))


def global_lines(corpus: Corpus, timestamp: str | None = None) -> list[str]:
    """N-Quads lines of the cross-article graphs, links and build, in one process."""
    return [*links_lines(link_slices(corpus, 1), link_ids(corpus)), *build_lines(corpus, timestamp)]
