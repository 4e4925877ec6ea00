"""The per-article stage (extraction) in a process pool, in input order, with bounded memory.

Input: an iterable of :class:`~quotegraph.model.Article` (read lazily) and a number of jobs;
output: ``(article, mentions)`` pairs in the order the articles came.  With ``jobs == 1``
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

CHUNK = 64


def default_jobs() -> int:
    """The CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _extract_chunk(records: list[Record]) -> list[list[Record]]:
    """Worker: the encoded mentions of each encoded article."""
    out = []
    for record in records:
        article, _ = decode(record)
        out.append(encode(article, extract_quotes(article))["mentions"])
    return out


def extract_all(
    articles: Iterable[Article],
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    chunk: int = CHUNK,
) -> Iterator[tuple[Article, list[QuoteMention]]]:
    """``(article, mentions)`` for every article, in input order, on ``jobs`` processes."""
    if jobs <= 1:
        for article in articles:
            mentions = list(extract_quotes(article))
            if progress is not None:
                progress(article)
            yield article, mentions
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    source = iter(articles)
    pending: deque[tuple[list[Article], Future[list[list[Record]]]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        while True:
            while len(pending) < 2 * jobs:
                batch = list(islice(source, chunk))
                if not batch:
                    break
                payload = [encode(a, ()) for a in batch]
                pending.append((batch, pool.submit(_extract_chunk, payload)))
            if not pending:
                return
            batch, future = pending.popleft()
            for article, result in zip(batch, future.result(), strict=True):
                mentions = decode_mentions(article.id, result)
                if progress is not None:
                    progress(article)
                yield article, mentions
