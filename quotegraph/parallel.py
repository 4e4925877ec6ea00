"""The per-article stage (extraction) in a process pool, in input order, with bounded memory.

Input: an iterable of :class:`~quotegraph.model.Article` (read lazily) and a number of jobs;
output: ``(article, mentions)`` pairs in the order the articles came (and, for the build,
the N-Quads of each article's graph and its cache record, written in the worker too).
With ``jobs == 1`` everything runs in this process.  Otherwise articles travel to worker
processes in chunks of ``chunk`` articles (as plain dicts: :mod:`quotegraph.store.cache`),
at most ``2 * jobs`` chunks in flight, so the reader never runs far ahead of the workers.
Resolve and link are global and run after this stage, in the parent.

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
from quotegraph.store.cache import Record, cache_member, decode, decode_mentions, encode
from quotegraph.store.nquads import article_quads

CHUNK = 64


def default_jobs() -> int:
    """The CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: what a worker writes for the store besides the mentions: the N-Quads of the article's
#: graph (:func:`quotegraph.store.nquads.article_quads`) and its extraction-cache record
#: (:func:`quotegraph.store.cache.cache_member`); empty unless asked for
StoreParts = tuple[bytes, bytes]
NO_PARTS: StoreParts = (b"", b"")


def store_parts(article: Article, mentions: list[QuoteMention]) -> StoreParts:
    """The graph N-Quads and the cache record of ``article`` with its ``mentions``."""
    return article_quads(article, mentions), cache_member(encode(article, mentions))


def _extract_chunk(records: list[Record], parts: bool) -> list[tuple[list[Record], StoreParts]]:
    """Worker: the encoded mentions of each encoded article (and its store parts)."""
    out = []
    for record in records:
        article, _ = decode(record)
        mentions = list(extract_quotes(article))
        extra = store_parts(article, mentions) if parts else NO_PARTS
        out.append((encode(article, mentions)["mentions"], extra))
    return out


def extract_all(
    articles: Iterable[Article],
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    chunk: int = CHUNK,
) -> Iterator[tuple[Article, list[QuoteMention]]]:
    """``(article, mentions)`` for every article, in input order, on ``jobs`` processes."""
    for article, mentions, _ in _run(articles, jobs, progress, chunk, parts=False):
        yield article, mentions


def extract_for_store(
    articles: Iterable[Article],
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    chunk: int = CHUNK,
    *,
    parts: bool = True,
) -> Iterator[tuple[Article, list[QuoteMention], StoreParts]]:
    """As :func:`extract_all`, with the :func:`store_parts` of each article written by the
    same worker (empty when ``parts`` is false).

    >>> [(a.id, b"articleBody" in p[0]) for a, _, p in extract_for_store([Article("a", "Hi.")])]
    [('a', True)]
    """
    return _run(articles, jobs, progress, chunk, parts=parts)


def _run(
    articles: Iterable[Article],
    jobs: int,
    progress: Callable[[Article], None] | None,
    chunk: int,
    *,
    parts: bool,
) -> Iterator[tuple[Article, list[QuoteMention], StoreParts]]:
    if jobs <= 1:
        for article in articles:
            mentions = list(extract_quotes(article))
            if progress is not None:
                progress(article)
            yield article, mentions, store_parts(article, mentions) if parts else NO_PARTS
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    source = iter(articles)
    pending: deque[tuple[list[Article], Future[list[tuple[list[Record], StoreParts]]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(source, chunk))
                if not batch:
                    break
                payload = [encode(a, ()) for a in batch]
                pending.append((batch, pool.submit(_extract_chunk, payload, parts)))
            if not pending:
                return
            batch, future = pending.popleft()
            for article, (result, extra) in zip(batch, future.result(), strict=True):
                mentions = decode_mentions(article.id, result)
                if progress is not None:
                    progress(article)
                yield article, mentions, extra
