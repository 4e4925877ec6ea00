"""Paragraphs, sentences and words of an article body, found in one linear pass each.

Input: a body string (and its :class:`~quotegraph.extract.lexicon.Lexicon`).  Output: lists of
``(start, end)`` offsets.  Sentence boundaries come from one precompiled regex plus the
language's abbreviation list (fast enough for thousands of articles a second; pysbd is far
slower and not needed for the coarse boundaries attribution uses).

>>> paragraphs("A b.\\n\\nC d.\\n")
[(0, 4), (6, 10)]
>>> from quotegraph.extract.lexicon import lexicon
>>> body = "Mr. Smith said so. Then he left."
>>> [body[s:e] for s, e in sentences(body, 0, len(body), lexicon("en"))]
['Mr. Smith said so.', 'Then he left.']
"""

from __future__ import annotations

import bisect
import re

from quotegraph.extract.lexicon import UPPER, Lexicon

_PARA = re.compile(r"[^\n\r\u2028\u2029]+")
_BOUNDARY = re.compile(
    r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s+(?:[\"“‘«„(\[¿¡'\-–—]\s?)?(?:" + UPPER + r"|\d|[#@]))"
)
_WORD = re.compile(r"[\w][\w'’\-.]*\w|\w")


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``body`` as (start, end), trailing/leading blanks trimmed."""
    out = []
    for m in _PARA.finditer(body):
        s, e = m.start(), m.end()
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentences(body: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentences of ``body[start:end]`` (one paragraph) as (start, end) offsets."""
    out = []
    s = start
    for m in _BOUNDARY.finditer(body, start, end):
        e = m.end()
        dot = m.start()
        if e - dot == 1 and body[dot] == ".":
            # the word before the dot (nothing when white space precedes it)
            head = body[s:dot] if dot > s and not body[dot - 1].isspace() else ""
            word = head.rsplit(None, 1)[-1].lower().lstrip("(\"'“‘") if head else ""
            if word in lex.abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        out.append((s, e))
        s = e
        while s < end and body[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


class Layout:
    """Paragraph and sentence boundaries of one body, with fast position lookups."""

    def __init__(self, body: str, lex: Lexicon) -> None:
        self.body = body
        self.paras = paragraphs(body)
        self._para_starts = [s for s, _ in self.paras]
        self.sents: list[tuple[int, int]] = []
        for s, e in self.paras:
            self.sents.extend(sentences(body, s, e, lex))
        self._sent_starts = [s for s, _ in self.sents]

    def para_index(self, pos: int) -> int:
        """Index of the paragraph containing (or preceding) ``pos``; -1 before the first."""
        return bisect.bisect_right(self._para_starts, pos) - 1

    def sent_index(self, pos: int) -> int:
        """Index of the sentence containing (or preceding) ``pos``."""
        return bisect.bisect_right(self._sent_starts, pos) - 1

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos`` (or an empty span at ``pos``)."""
        i = self.sent_index(pos)
        if 0 <= i < len(self.sents) and self.sents[i][0] <= pos <= self.sents[i][1]:
            return self.sents[i]
        return (pos, pos)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The paragraph containing ``pos`` (or an empty span at ``pos``)."""
        i = self.para_index(pos)
        if 0 <= i < len(self.paras) and self.paras[i][0] <= pos <= self.paras[i][1]:
            return self.paras[i]
        return (pos, pos)


def words(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Word tokens of ``text`` as (start, end, word), offsets shifted by ``offset``.

    >>> [w for _, _, w in words("He told The Times: fine.")]
    ['He', 'told', 'The', 'Times', 'fine']
    """
    return [(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]
