"""Score quote linking against the truth of a synthetic stream (B-cubed precision/recall).

Input: a linked :class:`~quotegraph.model.Corpus` and the records of a ``truth.jsonl`` written
by :mod:`quotegraph.synth`; output: :class:`LinkScores`.  Each system mention is matched to
the truth mention of the same article it overlaps most; only quoted truth mentions count
(``indirect`` paraphrases and ``scare`` quotes are not Quotes to link).  B-cubed compares,
for every matched mention, the Quote the linker put it in with the utterance it came from:
precision is the share of its Quote that is the same utterance, recall the share of that
utterance's mentions that are in its Quote (Bagga and Baldwin's measure for coreference).

>>> from quotegraph.model import Article, Corpus, Quote, QuoteKind, QuoteMention, Span
>>> a = Article("a", "“One two three” and “four five six”", "en")
>>> ms = (QuoteMention("a", Span.of(a.body, 1, 14), QuoteKind.DIRECT),
...       QuoteMention("a", Span.of(a.body, 21, 34), QuoteKind.DIRECT))
>>> merged = Corpus((a,), ms, quote_of={ms[0].id: "q", ms[1].id: "q"})
>>> truth = [{"article": "a", "mentions": [
...     {"start": 1, "end": 14, "kind": "direct", "quote_id": "u1"},
...     {"start": 21, "end": 34, "kind": "direct", "quote_id": "u2"}]}]
>>> s = score_links(merged, truth)
>>> (s.precision, s.recall)
(0.5, 1.0)
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotegraph.model import Corpus

UNLINKED_KINDS = frozenset({"indirect", "scare"})


@dataclass(frozen=True)
class LinkScores:
    precision: float
    recall: float
    matched: int  # system mentions matched to a quoted truth mention
    mentions: int  # system mentions in a Quote
    quotes: int  # Quotes holding a matched mention
    utterances: int  # truth utterances with a matched mention

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched": self.matched,
            "mentions": self.mentions,
            "quotes": self.quotes,
            "utterances": self.utterances,
        }


def read_truth(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a synthetic ``truth.jsonl``."""
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _spans(truth: Iterable[dict[str, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for record in truth:
        for m in record.get("mentions", ()):
            if m.get("kind") not in UNLINKED_KINDS:
                out[record["article"]].append((m["start"], m["end"], m["quote_id"]))
    return out


def score_links(corpus: Corpus, truth: Iterable[dict[str, Any]]) -> LinkScores:
    """B-cubed precision and recall of ``corpus.quote_of`` against the truth utterances."""
    spans = _spans(truth)
    system: dict[str, str] = {}
    gold: dict[str, str] = {}
    for m in corpus.mentions:
        quote = corpus.quote_of.get(m.id)
        if quote is None:
            continue
        best: tuple[int, str] | None = None
        for start, end, utterance in spans.get(m.article_id, ()):
            overlap = min(end, m.content.end) - max(start, m.content.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, utterance)
        if best is not None:
            system[m.id], gold[m.id] = quote, best[1]
    quote_size = Counter(system.values())
    utterance_size = Counter(gold.values())
    both = Counter((system[mid], gold[mid]) for mid in system)
    precision = recall = 0.0
    for (quote, utterance), same in both.items():  # every mention of the cell scores alike
        precision += same * same / quote_size[quote]
        recall += same * same / utterance_size[utterance]
    n = len(system)
    return LinkScores(
        precision / n if n else 0.0,
        recall / n if n else 0.0,
        n,
        len(corpus.quote_of),
        len(quote_size),
        len(utterance_size),
    )
