"""Linking scored against the synthetic truth: the measure itself, and the linker on a stream."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quotegraph.evaluate.linking import read_truth, score_links
from quotegraph.ingest import read_articles
from quotegraph.model import Corpus
from quotegraph.pipeline import analyse
from quotegraph.synth import write_corpus


@pytest.fixture(scope="module")
def stream(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, list[dict[str, object]]]:
    out = tmp_path_factory.mktemp("synth") / "s"
    write_corpus(out, 300, seed=11, fmt="jsonl")
    corpus = analyse(sorted(read_articles([out / "articles.jsonl"]), key=lambda a: a.id))
    return corpus, list(read_truth(Path(out / "truth.jsonl")))


def test_one_quote_for_everything_has_full_recall_and_poor_precision(
    stream: tuple[Corpus, list[dict[str, object]]],
) -> None:
    corpus, truth = stream
    lumped = replace(corpus, quote_of={mid: "all" for mid in corpus.quote_of})
    scores = score_links(lumped, truth)
    assert scores.recall == 1.0
    assert scores.precision < 0.05
    assert scores.quotes == 1


def test_one_quote_per_mention_has_full_precision_and_poor_recall(
    stream: tuple[Corpus, list[dict[str, object]]],
) -> None:
    corpus, truth = stream
    split = replace(corpus, quote_of={mid: mid for mid in corpus.quote_of})
    scores = score_links(split, truth)
    assert scores.precision == 1.0
    assert scores.recall < 0.6


def test_the_linker_beats_both_extremes(stream: tuple[Corpus, list[dict[str, object]]]) -> None:
    corpus, truth = stream
    scores = score_links(corpus, truth)
    split = score_links(replace(corpus, quote_of={m: m for m in corpus.quote_of}), truth)
    assert scores.matched > 0.6 * len(corpus.quote_of)
    assert scores.precision > 0.7, scores.as_dict()  # 0.81 when written
    assert scores.recall > split.recall + 0.2, scores.as_dict()  # 0.61 against 0.31
