"""Evaluation: score extraction against gold files (gold-format §3) and against PolNeAR.

Input: gold JSON files or PolNeAR BRAT files, plus predictions (or the extractor).
Output: frozen :class:`Scores` / JSON-ready dicts.

>>> from quotegraph.evaluate import GoldArticle, GoldQuote, score
>>> gold = {"a": GoldArticle("a", (GoldQuote("It is over", "direct", ("Bo",)),))}
>>> score(gold, [{"article": "a", "text": "It is over", "speaker": "Bo"}]).quotes.f1
1.0
"""

from __future__ import annotations

from quotegraph.evaluate.gold import GoldArticle, GoldQuote, load_gold, load_predictions
from quotegraph.evaluate.normalise import normalise, normalise_name, token_f1, tokens
from quotegraph.evaluate.polnear import PolnearDoc, read_polnear, score_polnear
from quotegraph.evaluate.run import GoldRun, evaluate_gold, predict
from quotegraph.evaluate.scorer import PRF, Accuracy, Entry, Scores, score, scores_to_json

__all__ = [
    "PRF",
    "Accuracy",
    "Entry",
    "GoldArticle",
    "GoldQuote",
    "GoldRun",
    "PolnearDoc",
    "Scores",
    "evaluate_gold",
    "load_gold",
    "load_predictions",
    "normalise",
    "normalise_name",
    "predict",
    "read_polnear",
    "score",
    "score_polnear",
    "scores_to_json",
    "token_f1",
    "tokens",
]
