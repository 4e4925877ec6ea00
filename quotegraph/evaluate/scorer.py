"""Scoring predicted quote mentions against gold annotations (gold-format §3).

Input: gold articles keyed by id (:func:`~quotegraph.evaluate.gold.load_gold`) and
prediction dicts (gold-format §2, e.g. from ``mention_to_json``).  Output: one
frozen :class:`Scores`; :func:`scores_to_json` gives the ``eval --json`` shape.

Counting rules:

- Predictions are matched to gold quotes of the same article (token-overlap F1
  >= 0.5, greedy best first, one to one; :mod:`~quotegraph.evaluate.matching`).
- A prediction matched to an *optional* gold entry counts neither way; every
  other prediction is in the precision denominator.  Recall is over required
  gold entries.  Predictions for articles without a gold file are ignored
  (counted in ``ignored_predictions``).
- ``by_kind``: recall of kind K is over required gold entries of kind K;
  precision of kind K over predictions whose *predicted* kind is K (a match
  counts whatever the gold kind).  F1 of a kind is the harmonic mean of the two.
- Speaker accuracy: over matched required entries; a gold speaker of ``null``
  is right only when the prediction has no speaker.  Venue accuracy: over
  matched required entries whose gold venue is not ``null``.  Names compare by
  :func:`~quotegraph.evaluate.normalise.normalise_name`.
- Exact-span scores use the same rules with "normalised texts equal" instead of
  the 0.5 overlap threshold.
- An undefined ratio (empty denominator) is ``None`` (JSON ``null``).

>>> from quotegraph.evaluate.gold import GoldArticle, GoldQuote
>>> gold = {"a": GoldArticle("a", (GoldQuote("We will win", "direct", ("Ann Lee",)),))}
>>> s = score(gold, [{"article": "a", "text": "we will win!", "kind": "direct",
...                   "speaker": "Ann Lee"}])
>>> s.quotes.f1, s.exact.f1, s.speaker_acc
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from quotegraph.evaluate.gold import GoldArticle, GoldQuote
from quotegraph.evaluate.matching import match_tokens
from quotegraph.evaluate.normalise import name_matches, tokens


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class PRF:
    """Counts behind P/R: matched and counted predictions, matched and required gold."""

    matched_pred: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def p(self) -> float | None:
        return _ratio(self.matched_pred, self.predicted)

    @property
    def r(self) -> float | None:
        return _ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of p and r.

        With one side undefined it is 0.0 when the other side is 0 (nothing
        predicted, nothing found) and undefined (None) otherwise.
        """
        p, r = self.p, self.r
        if p is None or r is None:
            other = r if p is None else p
            return 0.0 if other == 0.0 else None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.matched_pred + other.matched_pred,
            self.predicted + other.predicted,
            self.matched_gold + other.matched_gold,
            self.gold + other.gold,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "p": self.p,
            "r": self.r,
            "f1": self.f1,
            "tp": self.matched_gold,
            "matched_pred": self.matched_pred,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class Accuracy:
    """``correct`` out of ``total``; ``value`` is None when ``total`` is 0."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True)
class Entry:
    """A missed gold quote, a false positive or a wrong attribution, for error listings."""

    article: str
    text: str
    kind: str
    expected: tuple[str, ...] = ()  # gold speaker names (speaker errors only)
    got: str | None = None  # predicted speaker (speaker errors only)


def _frozen(data: Mapping[str, PRF] | None = None) -> Mapping[str, PRF]:
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class Scores:
    """Everything :func:`score` measures."""

    quotes: PRF
    exact: PRF
    speaker: Accuracy
    venue: Accuracy
    articles: int
    by_kind: Mapping[str, PRF] = field(default_factory=_frozen)
    per_article: Mapping[str, PRF] = field(default_factory=_frozen)
    misses: tuple[Entry, ...] = ()
    false_positives: tuple[Entry, ...] = ()
    speaker_errors: tuple[Entry, ...] = ()
    ignored_predictions: int = 0

    @property
    def exact_f1(self) -> float | None:
        return self.exact.f1

    @property
    def speaker_acc(self) -> float | None:
        return self.speaker.value

    @property
    def venue_acc(self) -> float | None:
        return self.venue.value


@dataclass
class _Tally:
    quotes: PRF = PRF()
    exact: PRF = PRF()
    speaker: Accuracy = Accuracy()
    venue: Accuracy = Accuracy()
    by_kind: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    per_article: dict[str, PRF] = field(default_factory=dict)
    misses: list[Entry] = field(default_factory=list)
    false_positives: list[Entry] = field(default_factory=list)
    speaker_errors: list[Entry] = field(default_factory=list)


def _kind(pred: Mapping[str, Any]) -> str:
    return str(pred.get("kind") or "unknown")


def _count(
    quotes: list[GoldQuote], preds: list[Mapping[str, Any]], exact: bool
) -> tuple[PRF, dict[int, int]]:
    """Match one article; the PRF counts and the map gold index -> prediction index."""
    optional = [q.optional for q in quotes]
    pairs = match_tokens(
        [tokens(q.text) for q in quotes],
        [tokens(str(p["text"])) for p in preds],
        optional=optional,
        exact=exact,
    )
    to_optional = sum(1 for pair in pairs if optional[pair.gold])
    matched = len(pairs) - to_optional
    required = sum(1 for q in quotes if not q.optional)
    counts = PRF(matched, len(preds) - to_optional, matched, required)
    return counts, {pair.gold: pair.pred for pair in pairs}


def _score_article(article: GoldArticle, preds: list[Mapping[str, Any]], tally: _Tally) -> None:
    quotes = list(article.quotes)
    counts, pairs = _count(quotes, preds, exact=False)
    tally.quotes += counts
    tally.per_article[article.id] = counts
    tally.exact += _count(quotes, preds, exact=True)[0]
    matched_preds = set(pairs.values())
    for gi, quote in enumerate(quotes):
        pi = pairs.get(gi)
        if not quote.optional:
            tally.by_kind[quote.kind] += PRF(0, 0, int(pi is not None), 1)
        if pi is None:
            if not quote.optional:
                tally.misses.append(Entry(article.id, quote.text, quote.kind))
            continue
        pred = preds[pi]
        kind = _kind(pred)
        if quote.optional:
            continue
        tally.by_kind[kind] += PRF(1, 1, 0, 0)
        got = pred.get("speaker")
        right = name_matches(got if isinstance(got, str) else None, quote.speaker)
        tally.speaker += Accuracy(int(right), 1)
        if not right:
            tally.speaker_errors.append(
                Entry(article.id, quote.text, quote.kind, quote.speaker, got)
            )
        if quote.venue:
            venue = pred.get("venue")
            ok = isinstance(venue, str) and name_matches(venue, quote.venue)
            tally.venue += Accuracy(int(ok), 1)
    for pi, pred in enumerate(preds):
        if pi not in matched_preds:
            tally.by_kind[_kind(pred)] += PRF(0, 1, 0, 0)
            tally.false_positives.append(Entry(article.id, str(pred["text"]), _kind(pred)))


def score(gold: Mapping[str, GoldArticle], predicted: Iterable[Mapping[str, Any]]) -> Scores:
    """Score ``predicted`` mention dicts against ``gold`` (see the module docstring)."""
    by_article: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    ignored = 0
    for pred in predicted:
        article_id = str(pred.get("article"))
        if article_id in gold:
            by_article[article_id].append(pred)
        else:
            ignored += 1
    tally = _Tally()
    for article_id in sorted(gold):
        _score_article(gold[article_id], by_article.get(article_id, []), tally)
    return Scores(
        quotes=tally.quotes,
        exact=tally.exact,
        speaker=tally.speaker,
        venue=tally.venue,
        articles=len(gold),
        by_kind=_frozen(dict(sorted(tally.by_kind.items()))),
        per_article=_frozen(tally.per_article),
        misses=tuple(tally.misses),
        false_positives=tuple(tally.false_positives),
        speaker_errors=tuple(tally.speaker_errors),
        ignored_predictions=ignored,
    )


def _entry_json(entry: Entry) -> dict[str, Any]:
    out: dict[str, Any] = {"article": entry.article, "kind": entry.kind, "text": entry.text}
    if entry.expected or entry.got is not None:
        out["expected"] = list(entry.expected)
        out["got"] = entry.got
    return out


def scores_to_json(scores: Scores) -> dict[str, Any]:
    """The ``quotegraph eval --json`` object (gold-format §3 keys plus counts and errors)."""
    quotes = scores.quotes.to_json()
    quotes["by_kind"] = {kind: prf.to_json() for kind, prf in scores.by_kind.items()}
    return {
        "quotes": quotes,
        "exact_f1": scores.exact_f1,
        "speaker_acc": scores.speaker_acc,
        "venue_acc": scores.venue_acc,
        "articles": scores.articles,
        "exact": scores.exact.to_json(),
        "speaker": {"correct": scores.speaker.correct, "total": scores.speaker.total},
        "venue": {"correct": scores.venue.correct, "total": scores.venue.total},
        "indirect_recall": scores.by_kind["indirect"].r if "indirect" in scores.by_kind else None,
        "ignored_predictions": scores.ignored_predictions,
        "per_article": {a: prf.to_json() for a, prf in scores.per_article.items()},
        "misses": [_entry_json(e) for e in scores.misses],
        "false_positives": [_entry_json(e) for e in scores.false_positives],
        "speaker_errors": [_entry_json(e) for e in scores.speaker_errors],
    }
