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

- ``content``: a prediction matches a gold Content when their character spans
  overlap and their token-overlap F1 is >= 0.5; one to one, best first.
- ``overlap``: lenient Citron-style variant, any character overlap (ranked by
  the Dice coefficient of the character sets).
- ``exact``: character-overlapping spans whose normalised texts are equal.
- Gold attributions outside the subset act like optional gold entries: finding
  them is neither required nor a false positive.  In ``quote_bearing`` only
  predictions of kind direct/partial/tweet/unmarked are counted.
- Mentions of kind ``scare`` are left out: they claim no attribution, and
  PolNeAR annotates attributions only.
- ``fragments``: unmatched predictions overlapping a gold Content that another
  prediction matched (typically one part of a quote split by its attribution,
  which PolNeAR annotates as one discontinuous Content); they are false
  positives, counted here to explain part of the precision loss.
- ``source_acc``: among matched (``content``) gold attributions with a Source,
  the share whose predicted ``speaker_mention`` span overlaps the Source span,
  or whose predicted ``speaker`` or speaker mention equals the Source text after
  name normalisation.
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


def _overlap(a: Sequence[Span], b: Span) -> int:
    return sum(max(0, min(s.end, b.end) - max(s.start, b.start)) for s in a)


@dataclass
class _Subset:
    content: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    source: Accuracy = field(default_factory=Accuracy)
    fragments: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.content.gold,
            "predicted": self.content.predicted,
            "content": self.content.to_json(),
            "overlap": self.overlap.to_json(),
            "exact": self.exact.to_json(),
            "exact_f1": self.exact.f1,
            "source_acc": self.source.value,
            "source": {"correct": self.source.correct, "total": self.source.total},
            "fragments": self.fragments,
        }


def _counts(pairs: list[Pair], optional: list[bool], n_pred: int) -> PRF:
    to_optional = sum(1 for p in pairs if optional[p.gold])
    matched = len(pairs) - to_optional
    return PRF(matched, n_pred - to_optional, matched, optional.count(False))


def _source_ok(attribution: Attribution, mention: QuoteMention) -> bool:
    named = attribution.source_text
    said = mention.speaker_mention
    if said is not None and (
        _overlap(attribution.source, said) or name_matches(said.text, (named,))
    ):
        return True
    return name_matches(mention.speaker, (named,)) if mention.speaker else False


def _score_subset(
    gold: list[Attribution], in_subset: list[bool], mentions: list[QuoteMention], out: _Subset
) -> None:
    optional = [not flag for flag in in_subset]
    n = len(mentions)
    gtok = [tokens(a.content_text) for a in gold]
    ptok = [tokens(m.content.text) for m in mentions]
    ov = [[_overlap(a.content, m.content) for m in mentions] for a in gold]

    def allowed(g: int, p: int) -> bool:
        return ov[g][p] > 0

    pairs = match_tokens(gtok, ptok, optional=optional, allowed=allowed)
    out.content += _counts(pairs, optional, n)
    exact = match_tokens(gtok, ptok, optional=optional, exact=True, allowed=allowed)
    out.exact += _counts(exact, optional, n)
    size = [sum(len(s) for s in a.content) for a in gold]
    lenient = [
        Pair(g, p, 2 * ov[g][p] / (size[g] + len(m.content)))
        for g in range(len(gold))
        for p, m in enumerate(mentions)
        if ov[g][p]
    ]
    out.overlap += _counts(greedy(lenient, optional), optional, n)
    matched_gold = {pair.gold for pair in pairs if in_subset[pair.gold]}
    matched_pred = {pair.pred for pair in pairs}
    out.fragments += sum(
        1 for p in range(n) if p not in matched_pred and any(ov[g][p] for g in matched_gold)
    )
    for pair in pairs:
        attribution = gold[pair.gold]
        if in_subset[pair.gold] and attribution.source:
            out.source += Accuracy(int(_source_ok(attribution, mentions[pair.pred])), 1)


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
        quoted = [m for m in mentions if m.kind in QUOTE_BEARING_KINDS]
        _score_subset(gold, [True] * len(gold), mentions, subsets["all"])
        qb = [is_quote_bearing(a.content_text) for a in gold]
        _score_subset(gold, qb, quoted, subsets["quote_bearing"])
        sv = [is_speech_cue(a.cue_text) for a in gold]
        _score_subset(gold, sv, mentions, subsets["speech_verb"])
    return {
        "documents": n_docs,
        "attributions": n_gold,
        "multi_annotator_documents": multi,
        "annotator": "first .ann file per article in alphabetical order",
        "match": "content: token-overlap F1 >= 0.5 between character-overlapping spans, "
        "one to one, best first",
        "subsets": {name: s.to_json() for name, s in subsets.items()},
    }
