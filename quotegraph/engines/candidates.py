"""Quote candidates as keyed reduces: :func:`quotegraph.link.quotes.candidates` on Spark.

Input: the token lists of the linkable mentions of each language, as ``group`` builds them;
output: for each language, the same ``(shorter, longer) -> containment`` dict, in the same
order, as :func:`~quotegraph.link.quotes.candidates` gives on that language's list.

``candidates`` visits mentions longest first and lets mention ``i`` see the mentions
visited before it.  The visiting order is the sort key ``(-len(tokens), index)`` (the
*rank*), so "before" needs no shared state and the steps below are keyed reduces over
records ``(language, index, tokens)``:

1. :func:`postings` (flatMap): ``((language, shingle), rank)`` for every shingle;
2. :func:`earliest` (reduce by shingle, bounded): the ``MAX_POSTINGS + 1`` lowest ranks,
   the only ones for which the shingle is informative (at most ``MAX_POSTINGS`` earlier);
3. :func:`informative_postings` (flatMap): each cut posting, keyed by the buckets of the
   mentions that see it; :func:`count_shared` (reduce per bucket): per mention ``i``, the
   informative shingles each earlier mention shares with it;
4. :func:`shortlist` (group by ``i``): the ``SHORTLIST`` best ``j``, keyed by ``j`` to
   join their tokens;
5. :func:`exact` (after joining both token lists): ``|S_i & S_j|`` on all shingles;
6. :func:`twins` (group by token text): an earlier mention with the same text scores all;
7. :func:`best` (group by ``i``): the ``top`` containers, ``score = shared / |S_i|``.

:func:`find_local` chains the same step functions in plain Python (the reference the
tests hold against ``candidates``); :func:`find_spark` runs them as RDD operations, and
:func:`spark_finder` hands that to :func:`quotegraph.link.link` as ``find_candidates``.
Every constant is read on the driver and passed to the steps, so the executors use the
driver's values.

>>> lists = {"en": [["a", "b", "c", "d"], ["b", "c", "d"], ["x", "y", "z"]]}
>>> find_local(lists)
{'en': {(1, 0): 1.0}}
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from quotegraph.link import quotes as _quotes
from quotegraph.link.quotes import CandidateFinder, Candidates
from quotegraph.link.text import shingles, top_items

Mention = tuple[str, int, list[str]]  # (language, index in that language's list, tokens)
Rank = tuple[int, int]  # (-len(tokens), index): the order ``candidates`` visits mentions
Key = tuple[str, int]  # (language, index)
Scored = tuple[int, int, int, int]  # (container j, shared shingles, |S_i|, len(tokens_i))
Posting = tuple[str, tuple[int, ...], tuple[int, ...]]  # (language, indexes, positions seeing)
Ordered = tuple[Rank, int, int, int, float]  # (rank_i, -shared, j, i, score): output order

T = TypeVar("T", bound=Hashable)
V = TypeVar("V")


def mention_records(lists: Mapping[str, Sequence[list[str]]], k: int = 3) -> list[Mention]:
    """The records of the mentions that have shingles (at least ``k`` tokens); the others
    take no part in ``candidates``, neither as shorter nor as longer mention."""
    return [
        (lang, i, list(t))
        for lang, toks in lists.items()
        for i, t in enumerate(toks)
        if len(t) >= k
    ]


def rank(mention: Mention) -> Rank:
    """Where ``candidates`` visits ``mention``: longest first, then by index (stable sort)."""
    return (-len(mention[2]), mention[1])


def postings(mention: Mention, k: int = 3) -> Iterator[tuple[tuple[str, str], Rank]]:
    """Step 1 (flatMap): ``((language, shingle), rank)`` for each shingle of ``mention``."""
    lang, _, toks = mention
    r = rank(mention)
    for gram in shingles(toks, k):
        yield (lang, gram), r


def earliest(ranks: Iterable[Rank], cap: int) -> list[Rank]:
    """Step 2, the reference: the ``cap`` lowest ranks sharing a shingle, in rank order.

    The ``cap``-th mention to meet a shingle sees ``cap - 1`` earlier ones; any later one
    sees more than ``MAX_POSTINGS`` when ``cap = MAX_POSTINGS + 1``, so the rest is dropped.

    >>> earliest([(-3, 2), (-5, 0), (-3, 1)], 2)
    [(-5, 0), (-3, 1)]
    """
    return heapq.nsmallest(cap, ranks)


def _add_rank(cap: int) -> Callable[[list[Rank], Rank], list[Rank]]:
    """Step 2 on Spark, within a partition: keep at most ``2 * cap`` ranks, then trim."""

    def add(kept: list[Rank], r: Rank) -> list[Rank]:
        kept.append(r)
        return earliest(kept, cap) if len(kept) > 2 * cap else kept

    return add


def _merge_ranks(cap: int) -> Callable[[list[Rank], list[Rank]], list[Rank]]:
    return lambda a, b: earliest(a + b, cap)


def informative_postings(
    key: tuple[str, str], ranks: Iterable[Rank], cap: int, buckets: int = 1
) -> Iterator[tuple[int, Posting]]:
    """Step 3 (flatMap): the posting of a shingle, cut to its ``cap`` first mentions, once
    per bucket of the mentions ``i`` that see it (``i % buckets``), with the positions of
    those mentions in it: mention ``i`` at position ``q`` meets ``posting[:q]``, at most
    ``cap - 1 = MAX_POSTINGS`` earlier mentions.  A posting travels at most ``buckets``
    times, not once per pair (a common shingle has ``cap**2 / 2`` of them).

    >>> list(informative_postings(("en", "a b c"), [(-4, 2), (-3, 0), (-3, 1)], 2))
    [(0, ('en', (2, 0), (1,)))]
    """
    lang = key[0]
    posting = tuple(j for _, j in sorted(ranks)[:cap])
    seen_by: dict[int, list[int]] = defaultdict(list)
    for q in range(1, len(posting)):
        seen_by[posting[q] % buckets].append(q)
    for bucket, positions in seen_by.items():
        yield bucket, (lang, posting, tuple(positions))


def count_shared(postings: Iterable[Posting]) -> Iterator[tuple[Key, Counter[int]]]:
    """Step 3, the reduce (per bucket): for each mention ``i``, how many informative
    shingles each earlier mention shares with it.

    >>> dict(count_shared([("en", (2, 0, 1), (1, 2)), ("en", (2, 1), (1,))]))
    {('en', 0): Counter({2: 1}), ('en', 1): Counter({2: 2, 0: 1})}
    """
    counts: dict[Key, Counter[int]] = defaultdict(Counter)
    for lang, posting, positions in postings:
        for q in positions:
            counts[lang, posting[q]].update(posting[:q])
    yield from counts.items()


def shortlist(key: Key, counts: Counter[int], n: int) -> Iterator[tuple[Key, int]]:
    """Step 4 (per ``i``, after summing its step-3 lists): the ``n`` earlier mentions
    sharing most informative shingles with ``i`` (ties by index), as ``((language, j), i)``
    to join ``j``'s tokens."""
    lang, i = key
    for j, _ in top_items(counts, n):
        yield (lang, j), i


def exact(
    key: Key, joined: tuple[tuple[int, list[str]], list[str]], k: int = 3
) -> Iterator[tuple[Key, Scored]]:
    """Step 5 (after the joins): ``((language, i), (j, |S_i & S_j|, |S_i|, len(tokens_i)))``
    from ``((j, tokens_j), tokens_i)``."""
    (j, toks_j), toks_i = joined
    grams = shingles(toks_i, k)
    yield key, (j, len(grams & shingles(toks_j, k)), len(grams), len(toks_i))


def twin_key(mention: Mention, k: int = 3) -> tuple[tuple[str, str], tuple[int, int, int]]:
    """Step 6, the map: ``((language, token text), (index, |S|, len(tokens)))``."""
    lang, i, toks = mention
    return (lang, " ".join(toks)), (i, len(shingles(toks, k)), len(toks))


def twins(
    key: tuple[str, str], members: Iterable[tuple[int, int, int]]
) -> Iterator[tuple[Key, Scored]]:
    """Step 6 (per token text): every mention but the first (same length, so the lowest
    index) scores the first on all its shingles.

    >>> list(twins(("en", "a b c"), [(4, 1, 3), (2, 1, 3)]))
    [(('en', 4), (2, 1, 1, 3))]
    """
    lang = key[0]
    ordered = sorted(members)
    first = ordered[0][0]
    for i, n_grams, n_toks in ordered[1:]:
        yield (lang, i), (first, n_grams, n_grams, n_toks)


def best(key: Key, scored: Iterable[Scored], top: int) -> Iterator[tuple[str, Ordered]]:
    """Step 7 (per ``i``): its ``top`` containers by (-shared, index), each as
    ``(language, (rank_i, -shared, j, i, shared / |S_i|))``, sortable into the output order.

    >>> list(best(("en", 1), [(0, 2, 2, 4), (3, 1, 2, 4)], 1))
    [('en', ((-4, 1), -2, 0, 1, 1.0))]
    """
    lang, i = key
    shared: Counter[int] = Counter()
    n_grams = n_toks = 0  # the same in every value: |S_i| and len(tokens_i)
    for j, count, n_grams_i, n_toks_i in scored:
        shared[j] = max(shared[j], count)  # a twin's score equals its exact score
        n_grams, n_toks = n_grams_i, n_toks_i
    for j, count in top_items(shared, top):
        if count:
            yield lang, ((-n_toks, i), -count, j, i, count / n_grams)


def assemble(
    languages: Iterable[str], rows: Iterable[tuple[str, Ordered]]
) -> dict[str, Candidates]:
    """The driver's last step: per language, the pairs in the order ``candidates`` makes
    them (``i`` in visiting order, then its containers best first)."""
    per_lang: dict[str, list[Ordered]] = {lang: [] for lang in languages}
    for lang, row in rows:
        per_lang.setdefault(lang, []).append(row)
    return {
        lang: {(i, j): score for _, _, j, i, score in sorted(found)}
        for lang, found in per_lang.items()
    }


def _group(pairs: Iterable[tuple[T, V]]) -> dict[T, list[V]]:
    grouped: dict[T, list[V]] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


def find_local(
    lists: Mapping[str, Sequence[list[str]]], k: int = 3, top: int = 3
) -> dict[str, Candidates]:
    """The steps chained in plain Python (groups and joins as dicts): the reference."""
    cap, n = _quotes.MAX_POSTINGS + 1, _quotes.SHORTLIST
    mentions = mention_records(lists, k)
    toks = {(lang, i): t for lang, i, t in mentions}
    by_gram = _group(p for m in mentions for p in postings(m, k))
    cut = {key: earliest(ranks, cap) for key, ranks in by_gram.items()}
    seen = [p for key, ranks in cut.items() for _, p in informative_postings(key, ranks, cap)]
    listed = [s for key, counts in count_shared(seen) for s in shortlist(key, counts, n)]
    scored = [
        s
        for (lang, j), i in listed
        for s in exact((lang, i), ((j, toks[lang, j]), toks[lang, i]), k)
    ]
    same = _group(twin_key(m, k) for m in mentions)
    scored += [s for key, members in same.items() for s in twins(key, members)]
    rows = [r for key, values in _group(scored).items() for r in best(key, values, top)]
    return assemble(lists, rows)


def find_spark(
    sc: Any,
    lists: Mapping[str, Sequence[list[str]]],
    partitions: int | None = None,
    k: int = 3,
    top: int = 3,
) -> dict[str, Candidates]:
    """The steps as RDD operations on the SparkContext ``sc``; only the token lists go to
    the executors and only the chosen pairs come back."""
    cap, n = _quotes.MAX_POSTINGS + 1, _quotes.SHORTLIST
    mentions = mention_records(lists, k)
    if not mentions:
        return assemble(lists, [])
    buckets = max(1, partitions or sc.defaultParallelism)
    rdd = sc.parallelize(mentions, buckets)
    toks = rdd.map(lambda m: ((m[0], m[1]), m[2]))
    listed = (
        rdd.flatMap(lambda m: postings(m, k))
        .combineByKey(lambda r: [r], _add_rank(cap), _merge_ranks(cap))
        .flatMap(lambda kv: informative_postings(kv[0], kv[1], cap, buckets))
        .groupByKey(buckets, lambda bucket: bucket)
        .flatMap(lambda kv: count_shared(kv[1]))
        .flatMap(lambda kv: shortlist(kv[0], kv[1], n))
    )
    scored = (
        listed.join(toks)  # ((lang, j), (i, tokens_j))
        .map(lambda kv: ((kv[0][0], kv[1][0]), (kv[0][1], kv[1][1])))
        .join(toks)  # ((lang, i), ((j, tokens_j), tokens_i))
        .flatMap(lambda kv: exact(kv[0], kv[1], k))
    )
    same = rdd.map(lambda m: twin_key(m, k)).groupByKey().flatMap(lambda kv: twins(kv[0], kv[1]))
    rows = scored.union(same).groupByKey().flatMap(lambda kv: best(kv[0], kv[1], top)).collect()
    return assemble(lists, rows)


def spark_finder(sc: Any, partitions: int | None = None) -> CandidateFinder:
    """``find_candidates`` for :func:`quotegraph.link.link` that runs on ``sc``."""
    return lambda lists: find_spark(sc, lists, partitions)
