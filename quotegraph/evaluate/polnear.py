"""Reading PolNeAR (BRAT standoff) and scoring our extractor against its attributions.

Input: a PolNeAR compartment directory with ``text/<stem>.txt`` and
``attributions/<stem>_<annotator>.ann``.  Output: :class:`PolnearDoc` objects
(:func:`read_polnear`) and a JSON-ready dict of scores (:func:`score_polnear`).

Reading: ``T`` lines give Source/Cue/Content spans (``start end[;start end...]``,
discontinuous spans kept as several :class:`~quotegraph.model.Span`); ``E`` lines
tie them into attributions (roles ``Content``, ``Content2``... are joined, Source
may be missing).  Other lines (notes, Discard/Discuss spans, text continuation
lines) are ignored.  An article annotated by several annotators is scored
against the first ``.ann`` file in alphabetical order; the others are listed in
``PolnearDoc.annotators``.  Texts without an ``.ann`` file are skipped.

Scoring, per subset (``all``, ``quote_bearing``, ``speech_verb``; see
:mod:`~quotegraph.evaluate.subsets`):

- Grouping first: PolNeAR annotates “A,” he said. “B.” as ONE attribution with a
  discontinuous Content, while the extractor emits one mention per part.  Our mentions
  that share the same cue span (the same attribution) become one prediction whose
  content is the union of their spans; mentions without a cue stay alone.  No other
  leniency is applied.
- ``overlap`` (the headline, also reported as ``content``): a prediction matches a gold
  Content when their character spans overlap; one to one, best overlap first (ranked by
  the Dice coefficient of the character sets).  This is the lenient "overlap" match of
  BBC Citron and the SFU Gender Gap Tracker.
- ``token``: stricter; the spans overlap *and* their token-overlap F1 is >= 0.5.
- ``exact``: character-overlapping spans whose normalised texts are equal.
- Gold attributions outside the subset act like optional gold entries: finding
  them is neither required nor a false positive.  In ``quote_bearing`` only
  predictions with a part of kind direct/partial/tweet/unmarked are counted.
- Mentions of kind ``scare`` are left out: they claim no attribution, and
  PolNeAR annotates attributions only.
- ``fragments``: unmatched predictions overlapping a gold Content that another
  prediction matched (under the token rule); false positives, counted to explain
  part of the precision loss.
- ``source_acc``: among gold attributions with a Source matched under the headline
  rule, the share whose predicted ``speaker_mention`` span overlaps the Source span,
  or whose predicted ``speaker`` or speaker mention equals the Source text after
  name normalisation (``source_token_acc``: the same over token-rule matches).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotegraph.errors import InputError
from quotegraph.evaluate.matching import Pair, greedy, match_tokens
from quotegraph.evaluate.normalise import name_matches, tokens
from quotegraph.evaluate.scorer import PRF, Accuracy
from quotegraph.evaluate.subsets import is_quote_bearing, is_speech_cue
from quotegraph.model import Article, QuoteKind, QuoteMention, Span

Extractor = Callable[[Article], Iterable[QuoteMention]]

QUOTE_BEARING_KINDS = frozenset(
    {QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.TWEET, QuoteKind.UNMARKED}
)
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True)
class Attribution:
    """One PolNeAR attribution: Content, Cue and (maybe) Source, each a list of spans."""

    id: str
    content: tuple[Span, ...]
    cue: tuple[Span, ...] = ()
    source: tuple[Span, ...] = ()

    @property
    def content_text(self) -> str:
        return " ".join(s.text for s in self.content)

    @property
    def cue_text(self) -> str:
        return " ".join(s.text for s in self.cue)

    @property
    def source_text(self) -> str:
        return " ".join(s.text for s in self.source)


@dataclass(frozen=True)
class PolnearDoc:
    """One PolNeAR article with the attributions of one annotator."""

    id: str
    text: str
    annotator: str
    attributions: tuple[Attribution, ...]
    annotators: tuple[str, ...] = ()

    def article(self) -> Article:
        """The text as an English :class:`~quotegraph.model.Article` with id = file stem."""
        return Article(id=self.id, body=self.text, language="en")


def parse_ann(text: str, ann: str, where: str = "<ann>") -> tuple[Attribution, ...]:
    r"""The attributions of one ``.ann`` file over ``text``.

    >>> text = "Ann said: it rains, and it pours."
    >>> ann = ("T1\tSource 0 3\tAnn\nT2\tCue 4 8\tsaid\n"
    ...        "T3\tContent 10 18;24 32\tit rains it pours\n"
    ...        "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n")
    >>> a = parse_ann(text, ann)[0]
    >>> a.content_text, a.source_text
    ('it rains it pours', 'Ann')
    """
    spans: dict[str, tuple[Span, ...]] = {}
    attributions = []
    for number, line in enumerate(ann.splitlines(), 1):
        if m := _T_LINE.match(line):
            segments = []
            for part in m.group(3).split(";"):
                start, end = (int(x) for x in part.split())
                if not 0 <= start <= end <= len(text):
                    raise InputError(where, f"line {number}: span {start}-{end} outside the text")
                segments.append(Span.of(text, start, end))
            spans[m.group(1)] = tuple(segments)
        elif m := _E_LINE.match(line):
            roles: dict[str, list[Span]] = {"Content": [], "Cue": [], "Source": []}
            for arg in m.group(2).split():
                role, _, ref = arg.partition(":")
                base = role.rstrip("0123456789")
                if base in roles and ref in spans:
                    roles[base].extend(spans[ref])
            if roles["Content"]:
                attributions.append(
                    Attribution(
                        m.group(1),
                        tuple(roles["Content"]),
                        tuple(roles["Cue"]),
                        tuple(roles["Source"]),
                    )
                )
    return tuple(attributions)


def read_polnear(directory: str | Path) -> Iterator[PolnearDoc]:
    """Every annotated article of a PolNeAR compartment, sorted by file stem."""
    root = Path(directory)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(root), "expected text/ and attributions/ sub-directories")
    by_stem: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem, sep, _annotator = ann.stem.rpartition("_")
        if not sep:
            raise InputError(str(ann), "name is not <text stem>_<annotator>.ann")
        by_stem.setdefault(stem, []).append(ann)
    for stem, anns in sorted(by_stem.items()):
        txt = text_dir / f"{stem}.txt"
        try:
            # newline="" keeps \r\n intact: BRAT offsets count every character
            with txt.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
            with anns[0].open(encoding="utf-8", newline="") as handle:
                raw = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(txt), f"cannot read ({exc})") from exc
        yield PolnearDoc(
            id=stem,
            text=text,
            annotator=anns[0].stem.rpartition("_")[2],
            attributions=parse_ann(text, raw, str(anns[0])),
            annotators=tuple(a.stem.rpartition("_")[2] for a in anns),
        )


@dataclass(frozen=True)
class Prediction:
    """Our mentions of one attribution (same cue span), content = the union of their spans."""

    content: tuple[Span, ...]
    kinds: frozenset[QuoteKind]
    speaker_mention: Span | None = None
    speaker: str | None = None

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.content)

    @property
    def size(self) -> int:
        return sum(len(s) for s in self.content)


def group_mentions(body: str, mentions: Iterable[QuoteMention]) -> list[Prediction]:
    """Predictions from ``mentions``: those sharing a cue span are one attribution.

    >>> body = "“Yes,” she said. “No.”"
    >>> cue = Span.of(body, 11, 15)
    >>> ms = [QuoteMention("a", Span.of(body, 1, 5), QuoteKind.DIRECT, cue=cue),
    ...       QuoteMention("a", Span.of(body, 18, 21), QuoteKind.DIRECT, cue=cue)]
    >>> [p.text for p in group_mentions(body, ms)]
    ['Yes, No.']
    """
    groups: dict[object, list[QuoteMention]] = {}
    for i, m in enumerate(mentions):
        key: object = (m.cue.start, m.cue.end) if m.cue is not None else i
        groups.setdefault(key, []).append(m)
    out = []
    for members in groups.values():
        merged: list[list[int]] = []
        for s, e in sorted((m.content.start, m.content.end) for m in members):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        said = next((m for m in members if m.speaker_mention is not None), None)
        named = said or next((m for m in members if m.speaker), members[0])
        out.append(
            Prediction(
                tuple(Span.of(body, s, e) for s, e in merged),
                frozenset(m.kind for m in members),
                said.speaker_mention if said else None,
                named.speaker,
            )
        )
    out.sort(key=lambda p: p.content[0].start)
    return out


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(s.end, t.end) - max(s.start, t.start)) for s in a for t in b)


@dataclass
class _Subset:
    overlap: PRF = field(default_factory=PRF)
    token: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    source: Accuracy = field(default_factory=Accuracy)
    source_token: Accuracy = field(default_factory=Accuracy)
    fragments: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.overlap.gold,
            "predicted": self.overlap.predicted,
            "content": self.overlap.to_json(),
            "overlap": self.overlap.to_json(),
            "token": self.token.to_json(),
            "exact": self.exact.to_json(),
            "token_f1": self.token.f1,
            "exact_f1": self.exact.f1,
            "source_acc": self.source.value,
            "source": {"correct": self.source.correct, "total": self.source.total},
            "source_token_acc": self.source_token.value,
            "fragments": self.fragments,
        }


def _counts(pairs: list[Pair], optional: list[bool], n_pred: int) -> PRF:
    to_optional = sum(1 for p in pairs if optional[p.gold])
    matched = len(pairs) - to_optional
    return PRF(matched, n_pred - to_optional, matched, optional.count(False))


def _source_ok(attribution: Attribution, pred: Prediction) -> bool:
    named = attribution.source_text
    said = pred.speaker_mention
    if said is not None and (
        _overlap(attribution.source, (said,)) or name_matches(said.text, (named,))
    ):
        return True
    return name_matches(pred.speaker, (named,)) if pred.speaker else False


def _sources(
    pairs: list[Pair], gold: list[Attribution], in_subset: list[bool], preds: list[Prediction]
) -> Accuracy:
    acc = Accuracy()
    for pair in pairs:
        attribution = gold[pair.gold]
        if in_subset[pair.gold] and attribution.source:
            acc += Accuracy(int(_source_ok(attribution, preds[pair.pred])), 1)
    return acc


def _score_subset(
    gold: list[Attribution], in_subset: list[bool], preds: list[Prediction], out: _Subset
) -> None:
    optional = [not flag for flag in in_subset]
    n = len(preds)
    gtok = [tokens(a.content_text) for a in gold]
    ptok = [tokens(p.text) for p in preds]
    ov = [[_overlap(a.content, p.content) for p in preds] for a in gold]

    def allowed(g: int, p: int) -> bool:
        return ov[g][p] > 0

    pairs = match_tokens(gtok, ptok, optional=optional, allowed=allowed)
    out.token += _counts(pairs, optional, n)
    exact = match_tokens(gtok, ptok, optional=optional, exact=True, allowed=allowed)
    out.exact += _counts(exact, optional, n)
    size = [sum(len(s) for s in a.content) for a in gold]
    lenient = [
        Pair(g, p, 2 * ov[g][p] / (size[g] + pred.size))
        for g in range(len(gold))
        for p, pred in enumerate(preds)
        if ov[g][p]
    ]
    headline = greedy(lenient, optional)
    out.overlap += _counts(headline, optional, n)
    matched_gold = {pair.gold for pair in pairs if in_subset[pair.gold]}
    matched_pred = {pair.pred for pair in pairs}
    out.fragments += sum(
        1 for p in range(n) if p not in matched_pred and any(ov[g][p] for g in matched_gold)
    )
    out.source += _sources(headline, gold, in_subset, preds)
    out.source_token += _sources(pairs, gold, in_subset, preds)


def score_polnear(docs: Iterable[PolnearDoc], extractor: Extractor | None = None) -> dict[str, Any]:
    """Run ``extractor`` (default: ours) on every doc and score it (module docstring)."""
    if extractor is None:
        from quotegraph.extract import extract_quotes

        extractor = extract_quotes
    subsets = {"all": _Subset(), "quote_bearing": _Subset(), "speech_verb": _Subset()}
    n_docs = multi = n_gold = 0
    for doc in docs:
        n_docs += 1
        multi += len(doc.annotators) > 1
        gold = list(doc.attributions)
        n_gold += len(gold)
        mentions = [m for m in extractor(doc.article()) if m.kind != QuoteKind.SCARE]
        preds = group_mentions(doc.text, mentions)
        quoted = [p for p in preds if p.kinds & QUOTE_BEARING_KINDS]
        _score_subset(gold, [True] * len(gold), preds, subsets["all"])
        qb = [is_quote_bearing(a.content_text) for a in gold]
        _score_subset(gold, qb, quoted, subsets["quote_bearing"])
        sv = [is_speech_cue(a.cue_text) for a in gold]
        _score_subset(gold, sv, preds, subsets["speech_verb"])
    return {
        "documents": n_docs,
        "attributions": n_gold,
        "multi_annotator_documents": multi,
        "annotator": "first .ann file per article in alphabetical order",
        "match": "headline (content/overlap): character spans overlap, one to one, best "
        "overlap first; token: overlap and token-F1 >= 0.5; exact: equal texts. Our mentions "
        "sharing a cue span are first grouped into one prediction (union of their spans), as "
        "PolNeAR annotates one attribution per cue",
        "subsets": {name: s.to_json() for name, s in subsets.items()},
    }
