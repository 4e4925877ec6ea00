"""Venue events (the interview, blog post or tweet a quote was given at) and provenance hops.

Input: quote groups of mentions, the resolution and the article relations; output: typed
:class:`~quotegraph.model.VenueEvent` values (one per speaker and venue outlet/type), the venue
of every mention (named by its article = stated, else inherited from its Quote or found in the
sentences before it = inferred) and :class:`~quotegraph.model.Hop` values: a mention is quoted
from the same quote in the article its article derives from, else from its venue.

>>> venue_date("In August 2013, he published a blogpost", "en")
'2013-08'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from quotegraph.link.text import data, fold, sentences, top_items
from quotegraph.model import (
    ArticleRelation,
    Hop,
    QuoteMention,
    Relation,
    VenueEvent,
    VenueType,
)
from quotegraph.resolve.aliases import slug
from quotegraph.shelf import Shelf

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_LABEL = {
    VenueType.OUTLET: "interview with {}",
    VenueType.BLOG: "blog post",
    VenueType.SOCIAL: "post on {}",
    VenueType.STATEMENT: "statement",
    VenueType.SPEECH: "speech",
}


@dataclass(frozen=True)
class MentionVenue:
    """The venue of one mention and whether its article names it (stated) or not."""

    venue_id: str
    stated: bool


def venue_date(text: str, language: str) -> str | None:
    """``YYYY-MM`` or ``YYYY`` of the first year named in ``text`` (month word just before)."""
    match = _YEAR.search(text)
    if not match:
        return None
    months = data("provenance/numbers.yaml")["months"]
    names = {**months.get("en", {}), **months.get(language, {})}
    before = fold(text[max(0, match.start() - 12) : match.start()]).split()
    month = names.get(before[-1].strip(",")) if before else None
    return f"{match.group()}-{month:02d}" if month else match.group()


def _earlier(a: str, b: str) -> bool:
    """Date ``a`` is earlier than ``b``, or the same year told more precisely."""
    return a[:4] < b[:4] or (a[:4] == b[:4] and len(a) > len(b))


@cache
def _phrases() -> tuple[re.Pattern[str], dict[str, VenueType]]:
    """One alternation of every venue phrase, and the venue type of each folded phrase."""
    types: dict[str, VenueType] = {}
    for vtype, by_lang in data("provenance/venues.yaml")["phrases"].items():
        for phrases in by_lang.values():
            for p in phrases:
                types.setdefault(fold(p), VenueType(vtype))
    ordered = sorted(types, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b"), types


def context_venue(
    body: str, mention: QuoteMention, sents: list[tuple[int, str]] | None = None
) -> tuple[VenueType, str] | None:
    """A venue phrase in the sentence of ``mention`` or the two before it (quote text excluded);
    ``sents`` are the sentences of ``body`` when already known."""
    sents = sentences(body) if sents is None else sents
    k = max((i for i, (off, _) in enumerate(sents) if off <= mention.content.start), default=0)
    start = sents[max(0, k - 2)][0] if sents else 0
    window = body[start : mention.content.start]
    folded = fold(window)
    pattern, types = _phrases()
    hits = list(pattern.finditer(folded))
    if not hits:
        return None
    return types[hits[-1].group()], window


def _contexts(
    articles: Shelf, groups: Sequence[Sequence[QuoteMention]]
) -> dict[str, tuple[VenueType, bool, str]]:
    """``mention id -> (venue type, stated, context)`` of each mention with a venue: the one
    its article names (context: the sentence naming it) or a venue phrase found in the
    sentences before it.  One pass over the articles in order, one body at a time."""
    by_article: dict[str, list[QuoteMention]] = {}
    for group in groups:
        for m in group:
            by_article.setdefault(m.article_id, []).append(m)
    out: dict[str, tuple[VenueType, bool, str]] = {}
    for i, meta in enumerate(articles.metas()):
        if meta.id not in by_article:
            continue
        body = articles.body_at(i)
        sents = sentences(body)
        for m in by_article[meta.id]:
            if m.venue:
                where = m.venue_mention.start if m.venue_mention else m.content.start
                own = [s for off, s in sents if off <= where]
                out[m.id] = (m.venue_type or VenueType.OUTLET, True, own[-1] if own else "")
            elif hit := context_venue(body, m, sents):
                out[m.id] = (hit[0], False, hit[1])
    return out


def events(
    articles: Shelf,
    groups: Sequence[Sequence[QuoteMention]],
    speakers: Sequence[str | None],
    venue_outlet_of: dict[str, str],
    names: dict[str, str],
) -> tuple[list[VenueEvent], dict[str, MentionVenue], list[str | None]]:
    """Venue events of each quote group, the venue of every mention, the venue of each quote."""
    found: dict[str, VenueEvent] = {}
    of_mention: dict[str, MentionVenue] = {}
    quote_venue: list[str | None] = []
    contexts = _contexts(articles, groups)
    for group, speaker in zip(groups, speakers, strict=True):
        votes: Counter[str] = Counter()
        for m in group:
            art = articles.meta_of(m.article_id)
            if art is None or m.id not in contexts:
                continue
            vtype, stated, context = contexts[m.id]
            outlet = venue_outlet_of.get(m.id) if stated else None
            date = venue_date(context, art.language)
            vid = slug(f"{speaker or 'unknown'} {vtype.value} {outlet or ''}")
            label = _LABEL[vtype].format(names.get(outlet or "", outlet or "")).strip()
            old = found.get(vid)
            if old is None or (date and (old.date is None or _earlier(date, old.date))):
                found[vid] = VenueEvent(
                    vid, vtype, label.removesuffix(" on"), speaker, outlet, date
                )
            of_mention[m.id] = MentionVenue(vid, stated)
            votes[vid] += 2 if stated else 1
        top = top_items(votes, 1)[0][0] if votes else None
        quote_venue.append(top)
        for m in group:
            if m.id not in of_mention and top:
                of_mention[m.id] = MentionVenue(top, False)
    return list(found.values()), of_mention, quote_venue


def hops(
    articles: Shelf,
    groups: Sequence[Sequence[QuoteMention]],
    of_mention: dict[str, MentionVenue],
    venues: dict[str, VenueEvent],
    rels: Sequence[ArticleRelation],
    publisher_of: dict[str, str],
) -> list[Hop]:
    """One hop per mention: to the same quote in the article it derives from, else its venue."""
    derives = {}  # the best-scoring directed relation of each article (ties: by target id)
    for r in sorted(rels, key=lambda r: (r.score, r.target)):
        if r.directed and r.relation != Relation.CITES and articles.index_of(r.target) is not None:
            derives[r.source] = r
    out = []
    for group in groups:
        by_article: dict[str, QuoteMention] = {}
        for m in group:
            by_article.setdefault(m.article_id, m)
        for m in group:
            cue = m.cue.text if m.cue else None
            rel = derives.get(m.article_id)
            if rel and rel.target in by_article:
                t = articles.meta_of(rel.target)
                assert t is not None  # derives only holds targets on the shelf
                out.append(
                    Hop(
                        m.id,
                        by_article[rel.target].id,
                        cue,
                        publisher_of.get(t.id),
                        t.date,
                        rel.stated,
                        rel.score,
                    )
                )
            elif m.id in of_mention:
                mv = of_mention[m.id]
                v = venues[mv.venue_id]
                out.append(
                    Hop(
                        m.id,
                        v.id,
                        cue,
                        v.outlet_id,
                        v.date,
                        mv.stated,
                        round(m.confidence if mv.stated else m.confidence * 0.8, 3),
                    )
                )
    return out
