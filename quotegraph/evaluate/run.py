"""Running an evaluation end to end: gold directory (+ articles or saved predictions) -> Scores.

Input: a gold directory, and either the articles directory (extraction runs on
the articles that have a gold file) or a ``quotegraph extract --json`` file.
Output: :class:`~quotegraph.evaluate.scorer.Scores` and the list of gold ids that
had no article.  This is the one library call behind ``quotegraph eval --gold``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotegraph.errors import InputError
from quotegraph.evaluate.gold import load_gold, load_predictions
from quotegraph.evaluate.scorer import Scores, score
from quotegraph.model import Article, QuoteMention

Extractor = Callable[[Article], Iterable[QuoteMention]]


@dataclass(frozen=True)
class GoldRun:
    """The scores of one run and what could not be scored."""

    scores: Scores
    missing_articles: tuple[str, ...] = ()
    rejected_files: tuple[str, ...] = ()


def predict(articles: Iterable[Article], extractor: Extractor | None = None) -> Iterator[dict]:
    """Gold-format §2 dicts of every mention ``extractor`` finds (default: ours)."""
    from quotegraph.extract import extract_quotes, mention_to_json

    run = extractor or extract_quotes
    for article in articles:
        for mention in run(article):
            yield mention_to_json(mention)


def _gold_articles(
    articles_dir: Path, wanted: set[str]
) -> tuple[list[Article], tuple[str, ...], tuple[str, ...]]:
    from quotegraph.ingest import ReadReport, read_articles

    if not articles_dir.is_dir():
        raise InputError(str(articles_dir), "articles directory not found")
    report = ReadReport()
    articles = [a for a in read_articles([articles_dir], report) if a.id in wanted]
    found = {a.id for a in articles}
    missing = tuple(sorted(wanted - found))
    rejected = tuple(str(err) for err in report.rejected)
    return articles, missing, rejected


def evaluate_gold(
    gold_dir: str | Path,
    *,
    articles_dir: str | Path | None = None,
    predictions: str | Path | None = None,
    extractor: Extractor | None = None,
) -> GoldRun:
    """Score extraction (or saved ``predictions``) against the gold files of ``gold_dir``.

    ``articles_dir`` defaults to ``gold_dir/../articles``; it is not read when
    ``predictions`` is given.  Gold articles without an article file stay in the
    score (their quotes count as missed) and are listed in ``missing_articles``.
    """
    gold = load_gold(gold_dir)
    if predictions is not None:
        preds: list[dict[str, Any]] = load_predictions(predictions)
        return GoldRun(score(gold, preds))
    folder = Path(articles_dir) if articles_dir else Path(gold_dir).resolve().parent / "articles"
    articles, missing, rejected = _gold_articles(folder, set(gold))
    return GoldRun(score(gold, predict(articles, extractor)), missing, rejected)
