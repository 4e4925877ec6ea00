"""Article <- article relations: stated credit lines and inferred text reuse or translation.

Input: articles, their mentions and the resolution (outlet entities); output:
:class:`~quotegraph.model.ArticleRelation` values.  Same-language reuse is found passim-style:
word 5-gram shingles of the bodies with quoted text masked (shared quotes are not reuse),
candidate pairs from an inverted index.  Cross-language translation is found by aligning
sentences through the lexicon and anchors.  Direction comes from dates, else from stated
credits (the article whose credit says it reproduces an outlet is the original-language one),
else the relation is left undirected and says so.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from quotegraph.link.credits import credits
from quotegraph.link.text import sentences, shingles, tokens, top_items
from quotegraph.link.translate import PIVOT, has_lexicon, pivot_stems
from quotegraph.model import Article, ArticleRelation, QuoteMention, Relation
from quotegraph.resolve.aliases import key
from quotegraph.shelf import Shelf, shelve

if TYPE_CHECKING:
    from quotegraph.resolve import Resolution

REPUBLICATION_MIN = 0.6  # shingle containment of a near-copy
REWRITE_MIN = 0.15  # shingle containment of an uncredited rewrite
MIN_SHARED = 8  # shared shingles below this are coincidence
ALIGN_MIN = 0.45  # cross-language sentence match score
TRANSLATION_MIN = 0.5  # share of sentences aligned for a translation
_QUOTED = re.compile(r"[“«\"„][^”»\"“]{0,600}[”»\"]|''.{0,600}?''", re.S)


def _masked(body_text: str, ments: Sequence[QuoteMention]) -> str:
    body = list(body_text)
    for m in ments:
        body[m.content.start : m.content.end] = " " * (m.content.end - m.content.start)
    text = "".join(body)
    return _QUOTED.sub(lambda mt: " " * len(mt.group()), text)


def _outlet_ids(resolution: Resolution) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in resolution.entities:
        for name in (e.name, *e.aliases):
            out.setdefault(key(name), e.id)
    return out


def stated(articles: Iterable[Article], resolution: Resolution) -> list[ArticleRelation]:
    """Relations the articles state in credit lines, to the credited outlet entity."""
    ids, out = _outlet_ids(resolution), []
    for art in articles:
        for credit in credits(art):
            target = ids.get(key(credit.outlet)) if credit.outlet else None
            if target and target != resolution.publisher_of.get(art.id):
                out.append(ArticleRelation(art.id, target, credit.relation, True, credit.evidence))
    return out


def _reuse(
    articles: Shelf, by_article: dict[str, list[QuoteMention]]
) -> Iterator[tuple[int, int, float, int]]:
    """``(a, b, containment, shared)`` of the same-language article pairs (``a < b``) sharing
    ``MIN_SHARED`` or more word 5-grams outside quotes, in order.

    Two passes over the bodies: the first builds the inverted index of every article's
    shingles, the second counts, article by article, the shingles it shares with later
    articles.  So no table of every pair of articles sharing a single shingle is held.
    """

    def grams(i: int) -> set[str]:
        ments = by_article.get(articles.meta(i).id, [])
        return shingles(tokens(_masked(articles.body_at(i), ments)), 5)

    sizes: list[int] = []  # shingles per article (the sets themselves are not kept)
    index: dict[str, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        found = grams(i)
        sizes.append(len(found))
        for g in found:
            index[g].append(i)  # ascending: articles are indexed in order
    for a in range(len(articles)):
        shared: Counter[int] = Counter()
        for g in grams(a):
            posting = index[g]
            if 1 < len(posting) <= 50:
                shared.update(posting[bisect_right(posting, a) :])
        language = articles.meta(a).language
        for b in sorted(shared):
            n = shared[b]
            if n >= MIN_SHARED and articles.meta(b).language == language:
                yield a, b, n / max(1, min(sizes[a], sizes[b])), n


def _alignment(src: Article, dst: Article) -> tuple[float, list[tuple[int, int]]]:
    """Share of ``src`` sentences with a lexicon match in ``dst``, and the aligned pairs."""
    s_sents = [pivot_stems(tokens(s), src.language) for _, s in sentences(src.body)]
    d_sents = [
        set().union(*pivot_stems(tokens(s), dst.language) or [set()])
        for _, s in sentences(dst.body)
    ]
    pairs, usable = [], 0
    for i, opts in enumerate(s_sents):
        if len(opts) < 4:
            continue
        usable += 1
        scores = [sum(1 for o in opts if o & d) / len(opts) for d in d_sents]
        if scores and max(scores) >= ALIGN_MIN:
            pairs.append((i, scores.index(max(scores))))
    return (len(pairs) / usable if usable else 0.0), pairs


_ANCHOR = re.compile(r"\b\d{2,}\b|\b[A-Z]\w+[A-Z]\w*\b")


def _translations(articles: Shelf) -> list[tuple[int, int, float, str]]:
    """``(foreign, pivot, score, evidence)`` for the best pivot-language match of each article.

    Candidates share at least three anchors (numbers, CamelCase names) through an inverted
    index; the five with most shared anchors are aligned sentence by sentence.
    """
    metas = articles.metas()
    foreign = [i for i, a in enumerate(metas) if a.language != PIVOT and has_lexicon(a.language)]
    if not foreign:
        return []
    index: dict[str, list[int]] = defaultdict(list)
    for j, a in enumerate(metas):
        if a.language == PIVOT:
            for anchor in set(_ANCHOR.findall(articles.body_at(j))):
                index[anchor].append(j)
    out = []
    for i in foreign:
        art = articles[i]
        shared: Counter[int] = Counter()
        for anchor in set(_ANCHOR.findall(art.body)):
            if len(index.get(anchor, ())) <= 200:
                shared.update(index.get(anchor, ()))
        best = None
        for j, n in top_items(shared, 5):
            if n < 3:
                break
            share, pairs = _alignment(art, articles[j])
            ordered = sum(1 for p, q in itertools.pairwise(pairs) if q[1] >= p[1])
            if share >= TRANSLATION_MIN and (best is None or share > best[2]):
                ev = (
                    f"{len(pairs)} sentences aligned through the {art.language}-{PIVOT} "
                    f"lexicon ({share:.0%}), {ordered + 1} in the same order, {n} shared anchors"
                )
                best = (i, j, share, ev)
        if best:
            out.append(best)
    return out


def _direct(
    src: Article, dst: Article, credited: dict[str, set[str]], reproduces: dict[str, set[str]]
) -> tuple[bool, bool, str]:
    """``(directed, swap, why)``: is ``src`` derived from ``dst`` (or the reverse)?

    ``credited`` and ``reproduces`` map an article id to the outlets its stated credit lines
    name (any relation / republication, plus its own publisher for ``reproduces``).
    """
    if src.date and dst.date and src.date != dst.date:
        return True, src.date < dst.date, "direction from dates"
    none: set[str] = set()
    if credited.get(src.id, none) & reproduces.get(dst.id, none):
        return (
            True,
            False,
            f"direction from stated credit: {dst.id} reproduces what {src.id} credits",
        )
    if credited.get(dst.id, none) & reproduces.get(src.id, none):
        return (
            True,
            True,
            f"direction from stated credit: {src.id} reproduces what {dst.id} credits",
        )
    return False, False, "undirected: no dates and no stated credit tell which came first"


def _credit_index(
    rels: list[ArticleRelation], publisher_of: dict[str, str]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """What each article credits, and what it reproduces, from stated relations only."""
    credited: dict[str, set[str]] = defaultdict(set)
    reproduces: dict[str, set[str]] = defaultdict(set)
    for r in rels:
        credited[r.source].add(r.target)
        if r.relation == Relation.REPUBLICATION:
            reproduces[r.source].add(r.target)
    for article_id, outlet in publisher_of.items():
        reproduces[article_id].add(outlet)
    return credited, reproduces


def relations(
    articles: Iterable[Article], mentions: Sequence[QuoteMention], resolution: Resolution
) -> list[ArticleRelation]:
    """Stated and inferred relations between ``articles`` (and to credited outlets)."""
    articles = shelve(articles)
    rels = stated(articles, resolution)
    publisher_of = dict(resolution.publisher_of)
    by_article: dict[str, list[QuoteMention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article_id].append(m)
    inferred = []
    for a, b, score, n in _reuse(articles, by_article):
        kind = Relation.REPUBLICATION if score >= REPUBLICATION_MIN else Relation.REWRITE
        if score >= REWRITE_MIN:
            inferred.append((a, b, kind, score, f"{n} shared 5-word shingles outside quotes"))
    for i, j, score, ev in _translations(articles):
        inferred.append((i, j, Relation.TRANSLATION, score, ev))
    credited, reproduces = _credit_index(rels, publisher_of)
    for a, b, kind, score, ev in inferred:
        src, dst = articles.meta(a), articles.meta(b)
        directed, swap, why = _direct(src, dst, credited, reproduces)
        if swap:
            src, dst = dst, src
        rels.append(
            ArticleRelation(src.id, dst.id, kind, False, f"{ev}; {why}", round(score, 3), directed)
        )
    return _upgrade(rels)


def _upgrade(rels: list[ArticleRelation]) -> list[ArticleRelation]:
    """A credit line of an article that is a translation states a translation, not a citation."""
    translated = {r.source for r in rels if r.relation == Relation.TRANSLATION and r.directed}
    return [
        ArticleRelation(r.source, r.target, Relation.TRANSLATION, r.stated, r.evidence, r.score)
        if r.stated and r.relation == Relation.CITES and r.source in translated
        else r
        for r in rels
    ]
