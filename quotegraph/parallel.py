"""The per-article stage (extraction) in a process pool, in input order, with bounded memory.

Input: an iterable of :class:`~quotegraph.model.Article` (read lazily) and a number of jobs;
output: ``(article, mentions)`` pairs in the order the articles came (and, for the build,
the N-Quads of each article's graph, written in the worker too).  With ``jobs == 1``
everything runs in this process.  Otherwise articles travel to worker processes in chunks
of ``chunk`` articles (as plain dicts: :mod:`quotegraph.store.cache`), at most ``2 * jobs``
chunks in flight, so the reader never runs far ahead of the workers.  Resolve and link are
global and run after this stage, in the parent.

>>> from quotegraph.model import Article
>>> [(a.id, len(ms)) for a, ms in extract_all([Article("a", "Ann said “hello there”.", "en")])]
[('a', 1)]
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from quotegraph.extract import extract_quotes
from quotegraph.model import Article, QuoteMention
from quotegraph.store.cache import Record, decode, decode_mentions, encode
from quotegraph.store.nquads import article_quads

CHUNK = 64


def default_jobs() -> int:
    """The CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _extract_chunk(records: list[Record], quads: bool) -> list[tuple[list[Record], bytes]]:
    """Worker: the encoded mentions of each encoded article (and its graph's N-Quads)."""
    out = []
    for record in records:
        article, _ = decode(record)
        mentions = list(extract_quotes(article))
        out.append(
            (
                encode(article, mentions)["mentions"],
                article_quads(article, mentions) if quads else b"",
            )
        )
    return out


def extract_all(
    articles: Iterable[Article],
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    chunk: int = CHUNK,
) -> Iterator[tuple[Article, list[QuoteMention]]]:
    """``(article, mentions)`` for every article, in input order, on ``jobs`` processes."""
    for article, mentions, _ in _run(articles, jobs, progress, chunk, quads=False):
        yield article, mentions


def extract_with_quads(
    articles: Iterable[Article],
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    chunk: int = CHUNK,
    *,
    quads: bool = True,
) -> Iterator[tuple[Article, list[QuoteMention], bytes]]:
    """As :func:`extract_all`, with the N-Quads of each article's graph
    (:func:`quotegraph.store.nquads.article_quads`) written by the same worker (empty
    when ``quads`` is false).

    >>> [(a.id, b"articleBody" in q) for a, _, q in extract_with_quads([Article("a", "Hi.")])]
    [('a', True)]
    """
    return _run(articles, jobs, progress, chunk, quads=quads)


def _run(
    articles: Iterable[Article],
    jobs: int,
    progress: Callable[[Article], None] | None,
    chunk: int,
    *,
    quads: bool,
) -> Iterator[tuple[Article, list[QuoteMention], bytes]]:
    if jobs <= 1:
        for article in articles:
            mentions = list(extract_quotes(article))
            if progress is not None:
                progress(article)
            yield article, mentions, article_quads(article, mentions) if quads else b""
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    source = iter(articles)
    pending: deque[tuple[list[Article], Future[list[tuple[list[Record], bytes]]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(source, chunk))
                if not batch:
                    break
                payload = [encode(a, ()) for a in batch]
                pending.append((batch, pool.submit(_extract_chunk, payload, quads)))
            if not pending:
                return
            batch, future = pending.popleft()
            for article, (result, graph) in zip(batch, future.result(), strict=True):
                mentions = decode_mentions(article.id, result)
                if progress is not None:
                    progress(article)
                yield article, mentions, graph
