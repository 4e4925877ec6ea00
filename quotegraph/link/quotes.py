"""Mentions -> Quotes: one utterance across its variants, fragments and translations.

Input: mentions (and the article relations, to trust aligned translations more); output:
quote groups and a MemeTracker-style variant graph (a shorter or translated mention points
to the longer mention that contains it).  Candidates come from an inverted index of word
3-gram shingles (same language) and of translated content stems (other languages): no
all-pairs comparison.  The index counts shared shingles, which is the containment score.

>>> candidates([["a", "b", "c", "d"], ["b", "c", "d"], ["x", "y", "z"]])
{(1, 0): 1.0}
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from sys import intern

from quotegraph.link.text import shingles, tokens, top_items
from quotegraph.link.translate import PIVOT, has_lexicon, pivot_stems
from quotegraph.model import QuoteKind, QuoteMention, VariantEdge, VariantRelation

MIN_CONTAINMENT = 0.5  # share of a mention's shingles found in the longer one
MIN_TRANSLATION = 0.55  # share of content words with a translation in the other mention
MIN_TRANSLATION_ALIGNED = 0.4  # the same, between articles known to be translations
MAX_POSTINGS = 500  # shingles shared by more mentions than this are not informative
SHORTLIST = 10  # candidate containers of a mention scored on all their shingles
LONG_QUOTE = 15  # words: a passage this long, found almost whole (SAME_PASSAGE) elsewhere,
SAME_PASSAGE = 0.9  # is the same utterance even when the speakers disagree
SPLIT_GAP = 90  # characters between the two parts of a quote split by its attribution

Candidates = dict[tuple[int, int], float]
# token lists per language -> what :func:`candidates` gives for each (in the same order):
# how another engine (quotegraph.engines.candidates, on Spark) stands in for it
CandidateFinder = Callable[[Mapping[str, Sequence[list[str]]]], Mapping[str, Candidates]]


def candidates(
    token_lists: Sequence[list[str]], k: int = 3, top: int = 3
) -> dict[tuple[int, int], float]:
    """``(shorter, longer) -> containment`` for mentions sharing shingles (inverted index).

    Mentions are visited longest first; each is compared only with the longer mentions that
    share one of its informative shingles (in at most ``MAX_POSTINGS`` mentions so far) or
    all of its words, and keeps its ``top`` best containers.  The ``SHORTLIST`` longer
    mentions sharing most informative shingles are scored on all shingles, so a quote whose
    words are common in the corpus ("we are listening") still finds its exact reprints.
    """
    order = sorted(range(len(token_lists)), key=lambda i: -len(token_lists[i]))
    index: dict[str, list[int]] = defaultdict(list)
    first_with_text: dict[str, int] = {}

    @lru_cache(maxsize=1 << 14)  # popular containers are shortlisted again and again
    def grams_of(j: int) -> set[str]:
        return shingles(token_lists[j], k)

    out: dict[tuple[int, int], float] = {}
    for i in order:
        grams = shingles(token_lists[i], k) if len(token_lists[i]) >= k else set()
        if not grams:
            continue
        postings = (p for gram in grams if (p := index.get(gram)) and len(p) <= MAX_POSTINGS)
        counts: Counter[int] = Counter(itertools.chain.from_iterable(postings))
        scored = Counter({j: len(grams & grams_of(j)) for j, _ in top_items(counts, SHORTLIST)})
        text = " ".join(token_lists[i])
        if (twin := first_with_text.get(text)) is not None:
            scored[twin] = len(grams)
        for j, shared in top_items(scored, top):
            if shared:
                out[(i, j)] = shared / len(grams)
        first_with_text.setdefault(text, i)
        for gram in grams:
            index[gram].append(i)
    return out


def relation(short: list[str], long: list[str]) -> VariantRelation:
    """How ``short`` varies ``long``: same, truncation (a contiguous part), extension
    (``long`` inserts words into it) or substitution."""
    if short == long:
        return VariantRelation.SAME
    s, lg = " ".join(short), " ".join(long)
    if f" {s} " in f" {lg} ":
        return VariantRelation.TRUNCATION
    it = iter(long)
    if all(tok in it for tok in short):
        return VariantRelation.EXTENSION
    return VariantRelation.SUBSTITUTION


class _Union:
    """Union-find over mention indexes that keeps, per group, its speaker of each kind.

    Two groups whose known speakers of the same kind (two people, two organisations)
    differ are not :meth:`compatible`: "We are looking into it." said by two companies is
    two quotes.  A person and an organisation are compatible (a spokesperson speaks for it).
    """

    def __init__(self, n: int, speakers: Sequence[tuple[str, str] | None] = ()) -> None:
        self.parent = list(range(n))
        self.who: dict[int, dict[str, str]] = {
            i: {label[0]: label[1]} for i, label in enumerate(speakers) if label
        }

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        wa, wb = self.who.get(self.find(a), {}), self.who.get(self.find(b), {})
        return all(wb.get(kind, sid) == sid for kind, sid in wa.items())

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[ra] = rb
        if ra in self.who:
            self.who[rb] = {**self.who.pop(ra), **self.who.get(rb, {})}


def _split_parts(ments: Sequence[QuoteMention], body_of: Callable[[str], str], uf: _Union) -> None:
    """Join the two parts of a quote split by its attribution ("“A,” he said. “B.”");
    ``body_of`` gives the body of an article id (read once per article)."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(ments):
        by_article[m.article_id].append(i)
    for article_id, idx in by_article.items():
        idx.sort(key=lambda i: ments[i].content.start)
        body = body_of(article_id)
        for a, b in itertools.pairwise(idx):
            first, second = ments[a], ments[b]
            gap = body[first.content.end : second.content.start]
            ends_open = not first.text.rstrip().endswith((".", "!", "?", "…"))
            same = first.speaker == second.speaker or not (first.speaker and second.speaker)
            marked = {first.kind, second.kind} <= {QuoteKind.DIRECT, QuoteKind.PARTIAL}
            if len(gap) <= SPLIT_GAP and "\n" not in gap.strip() and ends_open and same and marked:
                uf.join(a, b)


def group(
    ments: Sequence[QuoteMention],
    languages: Sequence[str],
    body_of: Callable[[str], str],
    aligned: set[tuple[str, str]],
    speakers: Sequence[tuple[str, str] | None] = (),
    find: CandidateFinder | None = None,
) -> tuple[list[list[int]], list[VariantEdge]]:
    """Group mention indexes into quotes (scare quotes are left out of every group);
    ``body_of`` gives the body of an article id; ``aligned`` holds article pairs known
    translations; ``speakers`` the ``(kind, entity id)`` of each mention's resolved
    speaker, if any.  A mention shorter than ``LONG_QUOTE`` words joins no group whose
    speaker of its kind is someone else.

    ``find`` computes the :func:`candidates` of each language's token lists elsewhere (on
    Spark executors); by default they are computed here, one language at a time."""
    # one str per distinct word: the token lists of every mention live as long as the groups
    toks = [[intern(t) for t in tokens(m.text)] for m in ments]
    uf = _Union(len(ments), speakers)
    edges: list[VariantEdge] = []
    linkable = [i for i, m in enumerate(ments) if m.kind != QuoteKind.SCARE]
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i in linkable:
        by_lang[languages[i]].append(i)
    best: dict[int, tuple[int, float]] = {}
    found = find({lang: [toks[i] for i in idx] for lang, idx in by_lang.items()}) if find else {}
    for lang, idx in by_lang.items():
        pairs = found[lang] if find else candidates([toks[i] for i in idx])
        for (a, b), score in pairs.items():
            i, j = idx[a], idx[b]
            if score >= MIN_CONTAINMENT and len(toks[i]) >= 3 and _may_join(uf, toks, i, j, score):
                uf.join(i, j)
                if i not in best or score > best[i][1]:
                    best[i] = (j, score)
    for i, (j, score) in best.items():
        edges.append(VariantEdge(ments[i].id, ments[j].id, relation(toks[i], toks[j]), score))
    _split_parts(ments, body_of, uf)
    edges += _translations(ments, languages, toks, aligned, uf, linkable)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in linkable:  # scare quotes stay mentions (facts about the article), never Quotes
        groups[uf.find(i)].append(i)
    return list(groups.values()), edges


def _may_join(uf: _Union, toks: list[list[str]], i: int, j: int, score: float) -> bool:
    """Mention ``i`` may join ``j``'s group: no speaker conflict, or ``i`` is a long passage
    found almost whole in ``j`` (a misattribution, not a stock phrase)."""
    return uf.compatible(i, j) or (len(toks[i]) >= LONG_QUOTE and score >= SAME_PASSAGE)


def _translations(
    ments: Sequence[QuoteMention],
    languages: Sequence[str],
    toks: list[list[str]],
    aligned: set[tuple[str, str]],
    uf: _Union,
    linkable: list[int],
) -> list[VariantEdge]:
    """Link mentions in other languages to pivot-language mentions through the lexicon."""
    pivot = [i for i in linkable if languages[i] == PIVOT]
    foreign = [i for i in linkable if languages[i] != PIVOT and has_lexicon(languages[i])]
    if not pivot or not foreign:
        return []
    index: dict[str, list[int]] = defaultdict(list)
    for i in pivot:
        for stem_ in set().union(*pivot_stems(toks[i], PIVOT) or [set()]):
            index[stem_].append(i)
    edges = []
    for i in foreign:
        options = pivot_stems(toks[i], languages[i])
        if len(options) < 3:
            continue
        counts: Counter[int] = Counter()
        for opts in options:
            hits: set[int] = set()
            for s in opts:
                posting = index.get(s, [])
                if len(posting) <= MAX_POSTINGS:
                    hits.update(posting)
            counts.update(hits)
        for j, shared in top_items(counts, 3):
            score = shared / len(options)
            pair = (ments[i].article_id, ments[j].article_id)
            floor = MIN_TRANSLATION_ALIGNED if pair in aligned else MIN_TRANSLATION
            if score >= floor and shared >= 3 and _may_join(uf, toks, i, j, score):
                uf.join(i, j)
                edges.append(
                    VariantEdge(ments[i].id, ments[j].id, VariantRelation.TRANSLATION, score)
                )
                break
    return edges
