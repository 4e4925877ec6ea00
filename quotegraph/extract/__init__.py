"""Quote extraction and attribution: Article -> QuoteMention stream.

Input: an :class:`~quotegraph.model.Article`.  Output: its quote mentions, ordered by content
start, each with content/cue/speaker/venue spans, a kind, the speaker resolved inside the
article, a confidence and the id of the rule that fired.  The pipeline: quotation marks
(:mod:`.marks`) -> paragraphs/sentences (:mod:`.text`) -> names and speaker phrases
(:mod:`.speakers`, :mod:`.phrases`) -> reported speech and posts (:mod:`.indirect`) -> quote
attribution (:mod:`.attribution`, with clause-level helpers in :mod:`.clauses`).  Language
knowledge comes from ``quotegraph/data/lang/<code>.yaml`` (:mod:`.lexicon`).

>>> from quotegraph.model import Article
>>> body = "“We will win,” Jane Doe told The Daily Star. She said that the plan was ready."
>>> ms = list(extract_quotes(Article("a1", body, "en")))
>>> [(m.kind.value, m.text, m.speaker, m.venue) for m in ms][0]
('direct', 'We will win,', 'Jane Doe', 'The Daily Star')
>>> [(m.kind.value, m.text, m.speaker, m.venue) for m in ms][1]
('indirect', 'the plan was ready', 'Jane Doe', None)
>>> mention_to_json(ms[0])["speaker_mention"]
'Jane Doe'
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quotegraph.extract.attribution import Context, Found, attribute, earlier_venue
from quotegraph.extract.indirect import reported_speech, tweets
from quotegraph.extract.lexicon import lexicon
from quotegraph.extract.marks import scan
from quotegraph.extract.speakers import Names
from quotegraph.extract.text import Layout
from quotegraph.model import Article, QuoteKind, QuoteMention, Span, VenueType

__all__ = ["extract_quotes", "mention_to_json"]


_KINDS = {kind.value: kind for kind in QuoteKind}
_VENUE_TYPES = {vtype.value: vtype for vtype in VenueType}


def _span(body: str, span: tuple[int, int] | None) -> Span | None:
    if span is None or span[0] < 0 or span[1] > len(body) or span[1] <= span[0]:
        return None
    return Span(span[0], span[1], body[span[0] : span[1]])


def _mention(article: Article, f: Found) -> QuoteMention:
    body = article.body
    venue = f.venue
    if venue and f.phrase and venue.start < f.phrase[1] and f.phrase[0] < venue.end:
        venue = None  # "sagte der Sprecher …": the speaker is no venue
    if f.cue is not None and f.cue[0] < f.end and f.start < f.cue[1]:
        f.cue = None  # a cue never lies inside its own quote (last-resort guard)
    return QuoteMention(
        article_id=article.id,
        content=Span(f.start, f.end, body[f.start : f.end]),
        kind=_KINDS.get(f.kind) or QuoteKind(f.kind),
        cue=_span(body, f.cue),
        speaker_mention=_span(body, f.phrase[:2]) if f.phrase else None,
        speaker=f.speaker if f.kind != "scare" else None,
        venue_mention=_span(body, (venue.start, venue.end)) if venue else None,
        venue=venue.name if venue else None,
        venue_type=(_VENUE_TYPES.get(venue.type) or VenueType(venue.type)) if venue else None,
        confidence=round(f.confidence, 2),
        rule=f.rule,
        language=article.language,
    )


def extract_quotes(article: Article) -> Iterator[QuoteMention]:
    """Every quote mention of ``article``, ordered by content start (deterministic)."""
    body = article.body or ""
    if not body.strip():
        return
    lex = lexicon(article.language if article.language not in ("", "und") else "en")
    quoted = scan(body)
    layout = Layout(body, lex)
    ctx = Context.build(body, lex, layout, Names(body, lex, quoted))
    found = reported_speech(ctx, quoted)
    direct = attribute(ctx, quoted, found)
    found.extend(direct)
    found.extend(tweets(ctx, quoted, found))
    for f in found:
        if f.venue is None and f.speaker and f.rule not in ("according-to", "sentence-subject"):
            f.venue = earlier_venue(ctx, min(f.start, f.cue[0] if f.cue else f.start), f.speaker)
    seen: set[tuple[int, int]] = set()
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if (f.start, f.end) in seen or f.end <= f.start:
            continue
        seen.add((f.start, f.end))
        yield _mention(article, f)


def mention_to_json(m: QuoteMention) -> dict[str, Any]:
    """The gold-format §2 object of one mention (with the allowed extra fields)."""

    def part(span: Span | None, name: str) -> dict[str, Any]:
        return {
            f"{name}_start": span.start if span else None,
            f"{name}_end": span.end if span else None,
        }

    return {
        "article": m.article_id,
        "text": m.content.text,
        "start": m.content.start,
        "end": m.content.end,
        "kind": m.kind.value,
        "speaker": m.speaker,
        "speaker_mention": m.speaker_mention.text if m.speaker_mention else None,
        "cue": m.cue.text if m.cue else None,
        "venue": m.venue,
        "confidence": m.confidence,
        "rule": m.rule,
        "venue_type": m.venue_type.value if m.venue_type else None,
        **part(m.cue, "cue"),
        **part(m.speaker_mention, "speaker"),
        **part(m.venue_mention, "venue"),
    }
