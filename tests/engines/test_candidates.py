"""Quote candidates as keyed reduces give what ``candidates`` gives, pair for pair and in
the same order: the plain-Python chain of the steps, then the same steps on Spark."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from quotegraph.engines import candidates as cand
from quotegraph.engines import steps
from quotegraph.link import _language, link
from quotegraph.link import quotes as _quotes
from quotegraph.link.quotes import Candidates, candidates
from quotegraph.model import Article, QuoteMention
from quotegraph.resolve import resolve
from quotegraph.shelf import shelve
from quotegraph.synth import write_corpus

from .conftest import need_spark

Lists = dict[str, list[list[str]]]


@dataclass(frozen=True)
class Stream:
    articles: list[Article]
    mentions: list[QuoteMention]
    lists: Lists  # token lists per language, exactly as quotes.group builds them


@pytest.fixture(scope="session")
def stream(tmp_path_factory: pytest.TempPathFactory) -> Stream:
    """300 synthetic articles, extracted; the lists are captured from ``group`` itself."""
    out = write_corpus(tmp_path_factory.mktemp("cand"), 300, seed=11, fmt="jsonl").out_dir
    result = steps.map_file(0, str(out / "articles.jsonl"))
    articles, mentions = steps.decode_all(steps.collect([result]).records)
    by_id = shelve(articles)
    seen: Lists = {}

    def capture(lists: Mapping[str, Sequence[list[str]]]) -> dict[str, Candidates]:
        seen.update({lang: list(toks) for lang, toks in lists.items()})
        return {lang: {} for lang in lists}

    langs = [_language(m, by_id) for m in mentions]
    _quotes.group(mentions, langs, lambda _: "", set(), find=capture)
    return Stream(articles, mentions, seen)


def _sequential(lists: Lists) -> dict[str, list[tuple[tuple[int, int], float]]]:
    return {lang: list(candidates(toks).items()) for lang, toks in lists.items()}


def _ordered(found: Mapping[str, Candidates]) -> dict[str, list[tuple[tuple[int, int], float]]]:
    return {lang: list(pairs.items()) for lang, pairs in found.items()}


A, B, C, D = "alpha", "beta", "gamma", "delta"
CASES = [
    # (token lists, what candidates() gives)
    ([[A, B, C, D], [B, C, D], ["x", "y", "z"]], {(1, 0): 1.0}),
    ([[A, B, C], [A, B, C], [A, B, C]], {(1, 0): 1.0, (2, 0): 1.0, (2, 1): 1.0}),  # twins
    ([[A, B], [A, B]], {}),  # under three words: no shingles, no candidates
    ([], {}),
    ([[A, B, C, D], [D, C, B, A]], {}),  # same words, no shared 3-gram
    ([[B, C, D], [A, B, C, D, "e"]], {(0, 1): 1.0}),  # the longer one is visited first
]


@pytest.mark.parametrize(("lists", "expected"), CASES)
def test_small_cases(lists: list[list[str]], expected: Candidates) -> None:
    assert candidates(lists) == expected
    assert _ordered(cand.find_local({"en": lists})) == {"en": list(expected.items())}


def test_the_stream_has_work_to_do(stream: Stream) -> None:
    assert len(stream.lists) >= 3
    assert sum(len(c) for c in _sequential(stream.lists).values()) > 1000


@pytest.mark.parametrize("max_postings", [None, 2, 0])
def test_steps_in_python_match_candidates(
    stream: Stream, monkeypatch: pytest.MonkeyPatch, max_postings: int | None
) -> None:
    if max_postings is not None:  # low: the informative-shingle rule decides the shortlist
        monkeypatch.setattr(_quotes, "MAX_POSTINGS", max_postings)
    assert _ordered(cand.find_local(stream.lists)) == _sequential(stream.lists)


def test_a_low_max_postings_changes_the_result(
    stream: Stream, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _sequential(stream.lists)
    monkeypatch.setattr(_quotes, "MAX_POSTINGS", 2)
    assert _sequential(stream.lists) != before  # so the cases above test the rule


def test_earliest_keeps_the_lowest_ranks_in_any_merge_order() -> None:
    ranks = [(-5, i) for i in range(9)] + [(-7, 20), (-3, 1)]
    add, merge = cand._add_rank(3), cand._merge_ranks(3)
    left: list[tuple[int, int]] = [ranks[0]]
    for r in ranks[1:6]:
        left = add(left, r)
    right = [ranks[6]]
    for r in ranks[7:]:
        right = add(right, r)
    assert sorted(merge(right, left)) == cand.earliest(ranks, 3) == [(-7, 20), (-5, 0), (-5, 1)]


def test_link_with_found_candidates_is_the_same_corpus(stream: Stream) -> None:
    resolution = resolve(stream.articles, stream.mentions)
    plain = link(stream.articles, stream.mentions, resolution)
    found = link(stream.articles, stream.mentions, resolution, find_candidates=cand.find_local)
    assert found == plain
    assert len(plain.variants) > 0


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    need_spark()
    from quotegraph.engines.spark import _session, spark_conf

    session, started = _session(spark_conf("local[2]"))
    yield session.sparkContext
    if started:
        session.stop()


@pytest.mark.slow
@pytest.mark.parametrize("max_postings", [None, 2])
def test_steps_on_spark_match_candidates(
    spark: Any, stream: Stream, monkeypatch: pytest.MonkeyPatch, max_postings: int | None
) -> None:
    if max_postings is not None:  # read on the driver, passed to the executors
        monkeypatch.setattr(_quotes, "MAX_POSTINGS", max_postings)
    found = cand.find_spark(spark, stream.lists, partitions=3)
    assert _ordered(found) == _sequential(stream.lists)


@pytest.mark.slow
def test_spark_with_nothing_to_compare(spark: Any) -> None:
    assert cand.find_spark(spark, {"en": [["a", "b"]], "de": []}) == {"en": {}, "de": {}}
