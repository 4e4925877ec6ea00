"""Tiny hand-made articles and mentions for provenance tests (no extractor involved)."""

from __future__ import annotations

from quotegraph.model import Article, QuoteKind, QuoteMention, Span, VenueType


def mention(
    article: Article,
    text: str,
    speaker: str | None = None,
    kind: QuoteKind = QuoteKind.DIRECT,
    venue: str | None = None,
    venue_type: VenueType | None = None,
    cue: str | None = None,
) -> QuoteMention:
    """The mention of ``text`` in ``article`` (its first occurrence)."""
    start = article.body.index(text)
    cue_span = None
    if cue:
        at = article.body.index(cue)
        cue_span = Span.of(article.body, at, at + len(cue))
    return QuoteMention(
        article.id,
        Span.of(article.body, start, start + len(text)),
        kind,
        cue=cue_span,
        speaker=speaker,
        venue=venue,
        venue_type=venue_type or (VenueType.OUTLET if venue else None),
        confidence=0.9,
        language=article.language,
    )
