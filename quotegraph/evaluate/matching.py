"""One-to-one greedy matching of predicted spans to gold spans (gold-format §3.2).

Input: the token lists of the gold entries and of the predictions of one article.
Output: :class:`Pair` objects, each gold entry and each prediction used at most once.

Every (gold, prediction) pair whose token-overlap F1 reaches the threshold is a
candidate; candidates are taken best score first (ties: required gold before
optional gold, then document order) and a pair is kept when neither side is
taken yet.

>>> gold = [["a", "b", "c"], ["d", "e"]]
>>> pred = [["a", "b"], ["a", "b", "c"]]
>>> [(p.gold, p.pred) for p in match_tokens(gold, pred)]
[(0, 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

THRESHOLD = 0.5


@dataclass(frozen=True, order=True)
class Pair:
    """A matched gold index and prediction index with their overlap score."""

    gold: int
    pred: int
    score: float


def greedy(candidates: Iterable[Pair], optional: Sequence[bool] = ()) -> list[Pair]:
    """Keep candidates best first so that each gold and each prediction is used once.

    ``optional[i]`` is true when gold ``i`` is optional; on equal scores required
    gold entries win.

    >>> greedy([Pair(0, 0, 0.6), Pair(1, 0, 0.9), Pair(1, 1, 0.7)])
    [Pair(gold=1, pred=0, score=0.9)]
    >>> greedy([Pair(0, 0, 0.8), Pair(1, 0, 0.8)], optional=[True, False])
    [Pair(gold=1, pred=0, score=0.8)]
    """

    def key(pair: Pair) -> tuple[float, bool, int, int]:
        is_optional = optional[pair.gold] if pair.gold < len(optional) else False
        return (-pair.score, is_optional, pair.gold, pair.pred)

    used_gold: set[int] = set()
    used_pred: set[int] = set()
    kept = []
    for pair in sorted(candidates, key=key):
        if pair.gold in used_gold or pair.pred in used_pred:
            continue
        used_gold.add(pair.gold)
        used_pred.add(pair.pred)
        kept.append(pair)
    return kept


def candidates(
    gold: Sequence[Sequence[str]],
    pred: Sequence[Sequence[str]],
    *,
    threshold: float = THRESHOLD,
    exact: bool = False,
    allowed: Callable[[int, int], bool] | None = None,
) -> list[Pair]:
    """Every (gold, prediction) pair scoring at least ``threshold``.

    With ``exact`` only identical token lists are candidates (score 1.0).
    ``allowed(g, p)`` can veto a pair (e.g. spans that do not overlap).
    """
    gold_bags = [Counter(g) for g in gold]
    pred_bags = [Counter(p) for p in pred]
    out = []
    for gi, (g, gbag) in enumerate(zip(gold, gold_bags, strict=True)):
        if not g:
            continue
        for pi, (p, pbag) in enumerate(zip(pred, pred_bags, strict=True)):
            if not p or (allowed is not None and not allowed(gi, pi)):
                continue
            if exact:
                if list(g) == list(p):
                    out.append(Pair(gi, pi, 1.0))
                continue
            common = sum((gbag & pbag).values())
            score = 2 * common / (len(g) + len(p))
            if score >= threshold:
                out.append(Pair(gi, pi, score))
    return out


def match_tokens(
    gold: Sequence[Sequence[str]],
    pred: Sequence[Sequence[str]],
    *,
    optional: Sequence[bool] = (),
    threshold: float = THRESHOLD,
    exact: bool = False,
    allowed: Callable[[int, int], bool] | None = None,
) -> list[Pair]:
    """Greedy one-to-one matching of token lists (see the module docstring)."""
    found = candidates(gold, pred, threshold=threshold, exact=exact, allowed=allowed)
    return sorted(greedy(found, optional))
