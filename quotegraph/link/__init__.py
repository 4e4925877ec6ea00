"""Link mentions across articles: Quotes, variants, venue events, article relations, hops.

Input: articles, their mentions and a :class:`~quotegraph.resolve.Resolution`; output: a
filled :class:`~quotegraph.model.Corpus`.  See :mod:`quotegraph.link.quotes` (mentions ->
quotes, variant graph), :mod:`quotegraph.link.relations` (article <- article) and
:mod:`quotegraph.link.venues` (venue events, inheritance, hops).

>>> from quotegraph.model import Article, QuoteMention, QuoteKind, Span
>>> from quotegraph.resolve import resolve
>>> a = Article("a", "He said “the tide is turning and rules nothing” today.", "en")
>>> b = Article("b", "“The tide is turning”, he said.", "en")
>>> ms = [QuoteMention("a", Span.of(a.body, 9, 46), QuoteKind.DIRECT, speaker="Ann Lee"),
...       QuoteMention("b", Span.of(b.body, 1, 20), QuoteKind.DIRECT, speaker="Ann Lee")]
>>> corpus = link([a, b], ms, resolve([a, b], ms))
>>> len(corpus.quotes), corpus.quotes[0].text, corpus.variants[0].relation.value
(1, 'the tide is turning and rules nothing', 'truncation')
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from quotegraph.link import quotes as _quotes
from quotegraph.link import relations as _relations
from quotegraph.link import venues as _venues
from quotegraph.link.text import tokens
from quotegraph.link.translate import PIVOT
from quotegraph.model import Article, Corpus, EntityType, Quote, QuoteMention, Relation
from quotegraph.shelf import Shelf, shelve

if TYPE_CHECKING:
    from quotegraph.resolve import Resolution

__all__ = ["link"]

# speakers of the same kind who differ make two quotes of the same short text
_SPEAKER_KIND = {
    EntityType.PERSON: "person",
    EntityType.ORGANIZATION: "organisation",
    EntityType.OUTLET: "organisation",
    EntityType.ACCOUNT: "account",
    EntityType.PLATFORM: "account",
}


def _language(m: QuoteMention, articles: Shelf) -> str:
    if m.language and m.language != "und":
        return m.language
    art = articles.meta_of(m.article_id)
    return art.language if art else "und"


def _quote_id(text: str) -> str:
    return "q-" + hashlib.sha1(" ".join(tokens(text)).encode()).hexdigest()[:12]


def link(
    articles: Iterable[Article],
    mentions: Iterable[QuoteMention],
    resolution: Resolution,
    *,
    find_candidates: _quotes.CandidateFinder | None = None,
) -> Corpus:
    """Group ``mentions`` into Quotes and derive venues, variants, relations and hops.

    ``articles`` may be a :class:`~quotegraph.shelf.Shelf` whose bodies are on disk: link
    reads each body in passes over the articles and keeps none (the corpus it returns then
    holds that shelf).

    ``find_candidates`` computes the quote candidates elsewhere (see
    :func:`quotegraph.link.quotes.group`); by default they are computed in this process.
    """
    arts = shelve(articles)
    ments = list(mentions)
    langs = [_language(m, arts) for m in ments]
    rels = _relations.relations(arts, ments, resolution)
    aligned = {(r.source, r.target) for r in rels if r.relation == Relation.TRANSLATION}
    aligned |= {(t, s) for s, t in aligned}
    kinds = {e.id: _SPEAKER_KIND.get(e.type, "other") for e in resolution.entities}
    labels = [
        (kinds.get(sp, "other"), sp) if (sp := resolution.speaker_of.get(m.id)) else None
        for m in ments
    ]
    index_groups, variants = _quotes.group(
        ments, langs, arts.body, aligned, labels, find_candidates
    )
    index_groups.sort(key=lambda g: min(ments[i].id for i in g))
    groups = [[ments[i] for i in g] for g in index_groups]
    speakers: list[str | None] = []
    canon: list[tuple[str, str]] = []
    for g in index_groups:
        votes: dict[str, float] = {}
        for i in g:
            if sp := resolution.speaker_of.get(ments[i].id):
                votes[sp] = votes.get(sp, 0.0) + ments[i].confidence
        speakers.append(max(votes, key=lambda s: (votes[s], s)) if votes else None)
        lang_votes = Counter(langs[i] for i in g)
        lang = max(lang_votes, key=lambda x: (lang_votes[x], x == PIVOT))
        longest = max((i for i in g if langs[i] == lang), key=lambda i: len(ments[i].text))
        canon.append((ments[longest].text, lang))
    names = {e.id: e.name for e in resolution.entities}
    venue_list, of_mention, quote_venue = _venues.events(
        arts, groups, speakers, dict(resolution.venue_outlet_of), names
    )
    quotes: list[Quote] = []
    quote_of: dict[str, str] = {}
    quote_ids: set[str] = set()
    for group_, sp, (text, lang), vid in zip(groups, speakers, canon, quote_venue, strict=True):
        qid = base = _quote_id(text)
        n = 2
        while qid in quote_ids:
            qid, n = f"{base}-{n}", n + 1
        quote_ids.add(qid)
        quotes.append(Quote(qid, text, tuple(m.id for m in group_), sp, vid, lang))
        quote_of.update({m.id: qid for m in group_})
    venues = {v.id: v for v in venue_list}
    hops = _venues.hops(arts, groups, of_mention, venues, rels, dict(resolution.publisher_of))
    return Corpus(
        articles=tuple(arts) if arts.in_memory else arts,
        mentions=tuple(ments),
        entities=resolution.entities,
        merges=resolution.merges,
        quotes=tuple(quotes),
        venues=tuple(venue_list),
        variants=tuple(variants),
        relations=tuple(rels),
        hops=tuple(hops),
        speaker_of=dict(resolution.speaker_of),
        quote_of=quote_of,
        publisher_of=dict(resolution.publisher_of),
    )
