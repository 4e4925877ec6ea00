"""Shared by the robustness tests and the fuzz targets: hostile strings and the invariants.

Input: article bodies, files and extracted mentions.  Output: ``AssertionError`` when an
invariant of the reader or the extractor breaks (see ``check_article``/``check_mentions``).
The strings below are written here, by hand, for these tests (none comes from a real corpus);
``fuzz/seeds.py`` turns them into the fuzzer's seed corpus.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from pathlib import Path

from quotegraph.errors import InputError
from quotegraph.extract import extract_quotes, mention_to_json
from quotegraph.model import Article, QuoteKind, QuoteMention, Span

QUOTE_MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "‹", "›", "„", "‚", "「", "」", "''", "``"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\r", "\t"]
RTL = ["\u200f", "\u202e", "\u202b", "\u202c", "\u2067", "\u2069", "قال", "הוא אמר", "الوزير"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u20dd", "\u0336", "e\u0301", "Zalgo\u0336\u0301"]
JOINERS = ["\u200d", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u034f"]
NAMES = ["Jane Doe", "Ann\u200dLee", "Bo\u200cPark", "Mar\u0301ia Pe\u0301rez", "O'Brien", "عمر"]
CUES = ["said", "told", "added", "wrote", "says", "according to", "tweeted", "déclaré", "kata"]
WORDS = ["the", "minister", "he", "she", "we", "will", "win", "that", "CEO", "The Daily Star"]
PUNCT = [".", ",", ":", ";", "!", "?", "…", "—", "–", "-", "(", ")", " ", " ", "\n", "\n\n"]

# Whole bodies that have each broken something, or nearly, in a quote extractor.
HOSTILE_BODIES = [
    "“We will win,” Jane Doe told The Daily Star. She said that the plan was ready.",
    "He said “yes and “no” and ‘maybe.",
    '"unbalanced straight quote, said Ann Lee.',
    "«Nested „inner ‚deepest‘ inner“ outer», a-t-il déclaré, «suite».",
    "''Doubled apostrophes'', they said, ''and more''.",
    "``TeX style'' quote, she wrote.",
    "「日本語の引用」と彼は言った。『二重』",
    "‹Single guillemets› and »reversed« marks, said O'Brien.",
    "“Open across\n\n“paragraphs and never closed, said Bo\u200cPark.",
    "He said: “" + "very " * 200 + "long”.",
    "“" * 40 + "deep" + "”" * 40,
    "\u202e“reversed text,” said \u202cAnn\u200dLee.",
    "قال الوزير «سنفوز» أمس. “Mixed, ” הוא אמר.",
    "“Cafe\u0301 au lait,” said Mari\u0301a Pe\u0301rez.",
    "Control\x00chars\x07“in\x1bside,” he\x0bsaid\x7f.",
    "’90s rock ’n’ roll wasn’t “dead,” he said.",
    "Jane Doe said that . Jane Doe said that",
    "“”“”‘’‘’«»«»",
    "” closing first “ then opening",
    "\r\n“CRLF quote,”\r\nsaid Jane Doe.\r\n",
    "According to Jane Doe, the minister \u2028 said “line separator”\u2029 here.",
    "Jane Doe tweeted: “@someone #tag https://x.example/“quoted”",
    "He told The Register: ",
    ": “",
    "\ufeff“BOM first,” said she.",
]

# Metadata values that must never make an id or a path escape its directory.
HOSTILE_IDS = [
    "../../etc/x",
    "/abs",
    "a/../../b",
    "nul\x00byte",
    "x" * 5000,
    "..",
    ".",
    "-rf",
    "C:\\Windows\\x",
    "\u202e" + "txt.exe",
    "con",
    "%2e%2e%2fetc",
    "a\nb",
]

_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,100}")


def span_ok(body: str, span: Span | None, name: str) -> None:
    """Assert ``span`` lies inside ``body`` and its text is ``body[start:end]``."""
    if span is None:
        return
    assert 0 <= span.start <= span.end <= len(body), f"{name} {span} outside body"
    assert body[span.start : span.end] == span.text, f"{name} text differs from body slice"


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def check_mentions(article: Article, mentions: Sequence[QuoteMention]) -> None:
    """Assert every invariant of the extractor's output for ``article``."""
    body = article.body
    seen: set[tuple[int, int]] = set()
    previous = -1
    for m in mentions:
        assert isinstance(m, QuoteMention)
        assert m.article_id == article.id
        assert isinstance(m.kind, QuoteKind)
        assert 0.0 <= m.confidence <= 1.0, m.confidence
        assert m.content.end > m.content.start, f"empty content {m.content}"
        for name in ("content", "cue", "speaker_mention", "venue_mention"):
            span_ok(body, getattr(m, name), name)
        key = (m.content.start, m.content.end)
        assert key not in seen, f"content span {key} reported twice"
        seen.add(key)
        assert m.content.start >= previous, "mentions not ordered by content start"
        previous = m.content.start
        if m.cue is not None:
            assert not _overlap(m.cue, m.content), f"cue {m.cue} inside content {m.content}"
        json.dumps(mention_to_json(m), ensure_ascii=False)
    # the parts of one quote (split by a speech tag: same cue) never overlap each other
    by_cue: dict[tuple[int, int], list[Span]] = {}
    for m in mentions:
        if m.cue is not None and m.kind != QuoteKind.INDIRECT:
            by_cue.setdefault((m.cue.start, m.cue.end), []).append(m.content)
    for parts in by_cue.values():
        parts.sort(key=lambda s: s.start)
        for a, b in itertools.pairwise(parts):
            assert not _overlap(a, b), f"parts {a} and {b} of one quote overlap"


def extract_checked(article: Article) -> list[QuoteMention]:
    """Extract twice, assert determinism and the invariants; return the mentions."""
    first = list(extract_quotes(article))
    second = list(extract_quotes(article))
    assert first == second, "extraction is not deterministic"
    check_mentions(article, first)
    return first


def check_article(article: Article) -> None:
    """Assert the reader's invariants for one article."""
    assert isinstance(article, Article)
    assert _SAFE_ID.fullmatch(article.id), f"unsafe id {article.id!r}"
    assert ".." not in article.id and article.id[0] not in ".-", article.id
    assert isinstance(article.body, str) and article.body.strip(), "empty body accepted"
    article.body.encode("utf-8")  # no lone surrogates: every later stage writes UTF-8
    assert isinstance(article.language, str) and article.language
    for value in (article.title, article.outlet, article.url, article.date, article.source):
        assert value is None or isinstance(value, str)
        if value is not None:
            value.encode("utf-8")
    for key, value in article.extra.items():
        assert isinstance(key, str) and isinstance(value, str)
    assert article.date is None or re.fullmatch(r"\d{4}-\d\d-\d\d", article.date), article.date


def read_checked(path: Path) -> list[Article] | InputError:
    """``read_file`` twice (deterministic), articles checked; InputError returned, not raised.

    Any other exception propagates: that is the bug the tests look for.
    """
    from quotegraph.ingest import read_file

    try:
        first = read_file(path)
    except InputError as error:
        assert str(error).startswith(str(path)), f"error does not name the file: {error}"
        assert "\n" not in str(error), f"error is not one line: {error!r}"
        try:
            read_file(path)
        except InputError as again:
            assert str(again) == str(error), "rejection is not deterministic"
            return error
        raise AssertionError(f"{path} rejected once, accepted the second time") from None
    second = read_file(path)
    assert first == second, "reading is not deterministic"
    for article in first:
        check_article(article)
    return first


def big_paragraph(size: int) -> str:
    """One paragraph of ``size`` characters: every hostile body, line breaks removed, and filler."""
    filler = "the minister spoke about roads, bridges and taxes for a long time and then "
    flat = [re.sub(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", " ", b) for b in HOSTILE_BODIES]
    unit = " ".join(flat) + filler * 20
    body = (unit * (size // len(unit) + 1))[:size]
    assert len(body.splitlines()) == 1
    return body


def seed_strings() -> list[str]:
    """Every hand-written string of this module (the fuzzers' seed corpus)."""
    parts = QUOTE_MARKS + CONTROL + RTL + COMBINING + JOINERS + NAMES + CUES + WORDS
    return HOSTILE_BODIES + HOSTILE_IDS + [" ".join(parts)]
