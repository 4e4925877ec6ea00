"""Articles and their extracted mentions as JSON: for worker processes and the build cache.

Input: :class:`~quotegraph.model.Article` and :class:`~quotegraph.model.QuoteMention`
objects; output: plain dicts (picklable, JSON-able) and back, exactly.  The build keeps one
JSON line per article (the article and its mentions) in ``CACHE_FILE`` inside the store
directory, each line a gzip member its worker compressed (:func:`cache_member`), so
``build --incremental`` can add articles without extracting the old ones again.
The cache records the quotegraph version; a cache from another version is not used.

>>> from quotegraph.model import Article, QuoteKind, QuoteMention, Span
>>> a = Article("a", "He said “hi”.", "en", extra={"k": "v"})
>>> m = QuoteMention("a", Span.of(a.body, 9, 11), QuoteKind.DIRECT, speaker="He")
>>> decode(encode(a, [m])) == (a, [m])
True
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from quotegraph import __version__
from quotegraph.errors import StoreError
from quotegraph.model import Article, QuoteKind, QuoteMention, Span, VenueType

CACHE_FILE = "quotegraph-extract.jsonl.gz"

Record = dict[str, Any]


def _span(span: Span | None) -> list[Any] | None:
    return None if span is None else [span.start, span.end, span.text]


def _unspan(raw: list[Any] | None, share: bool = False) -> Span | None:
    """The span of ``raw``; with ``share`` its text is interned (cue words, names)."""
    if raw is None:
        return None
    text = str(raw[2])
    return Span(int(raw[0]), int(raw[1]), sys.intern(text) if share else text)


def _share(text: str | None) -> str | None:
    """One str object for each of the few values a field repeats across mentions
    (names, rule ids, language codes): a decoded build holds a million mentions."""
    return None if text is None else sys.intern(str(text))


def encode(article: Article, mentions: Iterable[QuoteMention]) -> Record:
    """One article and its mentions as a JSON-able dict."""
    art = {
        "id": article.id,
        "body": article.body,
        "language": article.language,
        "outlet": article.outlet,
        "url": article.url,
        "date": article.date,
        "title": article.title,
        "source": article.source,
        "extra": dict(article.extra),
    }
    ments = [
        {
            "content": _span(m.content),
            "kind": m.kind.value,
            "cue": _span(m.cue),
            "speaker_mention": _span(m.speaker_mention),
            "speaker": m.speaker,
            "venue_mention": _span(m.venue_mention),
            "venue": m.venue,
            "venue_type": None if m.venue_type is None else m.venue_type.value,
            "confidence": m.confidence,
            "rule": m.rule,
            "language": m.language,
        }
        for m in mentions
    ]
    return {"article": art, "mentions": ments}


def decode(record: Record) -> tuple[Article, list[QuoteMention]]:
    """The inverse of :func:`encode`."""
    raw = record["article"]
    article = Article(**{**raw, "extra": raw.get("extra") or {}})
    return article, decode_mentions(article.id, record["mentions"])


def decode_mentions(article_id: str, raw: list[Record]) -> list[QuoteMention]:
    """The mentions of article ``article_id`` from their encoded form."""
    mentions = []
    for m in raw:
        content = _unspan(m["content"])
        assert content is not None
        mentions.append(
            QuoteMention(
                article_id,
                content,
                QuoteKind(m["kind"]),
                cue=_unspan(m["cue"], share=True),
                speaker_mention=_unspan(m["speaker_mention"], share=True),
                speaker=_share(m["speaker"]),
                venue_mention=_unspan(m["venue_mention"], share=True),
                venue=_share(m["venue"]),
                venue_type=None if m["venue_type"] is None else VenueType(m["venue_type"]),
                confidence=float(m["confidence"]),
                rule=sys.intern(m["rule"]),
                language=sys.intern(m["language"]),
            )
        )
    return mentions


def cache_header() -> bytes:
    """The first gzip member of a cache: the quotegraph version that wrote it."""
    return gzip.compress((json.dumps({"quotegraph": __version__}) + "\n").encode(), 1)


def cache_member(record: Record) -> bytes:
    """``record`` as one gzip member of a cache (members concatenate into a gzip file, so
    the build's workers compress the records of their articles themselves)."""
    line = json.dumps(record, ensure_ascii=False) + "\n"
    return gzip.compress(line.encode("utf-8"), 1)


def read_cache(folder: Path) -> Iterator[Record]:
    """The records of ``folder/CACHE_FILE``; StoreError when it is missing, bad or stale."""
    path = folder / CACHE_FILE
    if not path.is_file():
        raise StoreError(f"{folder} has no extraction cache: build it fully once first")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            header = json.loads(next(lines, "{}"))
            if header.get("quotegraph") != __version__:
                raise StoreError(
                    f"{path} was written by quotegraph {header.get('quotegraph')}, "
                    f"not {__version__}: build fully once"
                )
            for line in lines:
                yield json.loads(line)
    except (OSError, EOFError, ValueError) as exc:
        raise StoreError(f"{path}: unreadable extraction cache ({exc})") from exc
