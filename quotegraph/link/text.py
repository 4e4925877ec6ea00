"""Text normalisation shared by linking and provenance: tokens, shingles, anchors, figures.

Input: raw strings (quotes, sentences, article bodies); output: normalised tokens and sets.
Quote-mark, apostrophe, dash, ellipsis and case variants normalise to the same tokens.

>>> tokens("“I’d say this was a guess – it’s hard”")
['i’d', 'say', 'this', 'was', 'a', 'guess', 'it’s', 'hard']
>>> tokens("''I'd say'' Nato") == tokens("“I’d Say” NATO")
True
>>> stem("determinations")
'determ'
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml

K = TypeVar("K", str, int)

_APOS = str.maketrans({"'": "’", "`": "’", "´": "’", "‘": "’", "ʼ": "’"})
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:[’\-][^\W_]+)*", re.UNICODE)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NUMBER = re.compile(r"\d[\d.,]*")
_ANCHOR = re.compile(r"[@#][\w]+|https?://\S+|\b\d[\d.,]*\b")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’»]?\s+(?=[\"“‘«A-Z0-9À-Ý])|\n+")


@cache
def data(name: str) -> Any:
    """The parsed YAML data file ``quotegraph/data/<name>``."""
    text = resources.files("quotegraph").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def fold(text: str) -> str:
    """NFKC, casefold, diacritics dropped, apostrophes unified: ``"Matthäus"`` -> ``"matthaus"``."""
    text = text.replace("''", '"')
    if text.isascii():
        return text.casefold().translate(_APOS)
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFKC", text).casefold().translate(_APOS)


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` after :func:`fold`; punctuation, marks and dashes dropped."""
    return _WORD.findall(fold(text))


def stem(token: str) -> str:
    """A crude language-neutral stem: the first six letters (enough to align word forms)."""
    return token[:6]


def shingles(toks: list[str], k: int = 3) -> set[str]:
    """Word k-grams of ``toks`` (the tokens themselves when there are fewer than ``k``)."""
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


@cache
def stopwords(language: str) -> frozenset[str]:
    """Function words of ``language`` (empty for unknown languages)."""
    words: dict[str, list[str]] = data("provenance/stopwords.yaml")
    return frozenset(fold(w) for w in words.get(language, []))


def content_stems(toks: Iterable[str], language: str) -> set[str]:
    """Stems of the tokens of ``toks`` that are not stopwords of ``language``."""
    stop = stopwords(language) | stopwords("en")
    return {stem(t) for t in toks if t not in stop and len(t) > 1}


def anchors(text: str) -> set[str]:
    """Strings that survive translation: numbers, @handles, #hashtags, URLs, capitalised names."""
    found = {fold(a).rstrip(".,") for a in _ANCHOR.findall(text)}
    found |= {fold(n) for n in re.findall(r"\b[A-Z][\w]*[A-Z][\w]*\b|\b[A-Z]{2,}\b", text)}
    return found


def figures(text: str, language: str) -> list[tuple[int, int]]:
    """``(value, token index)`` of every figure in ``text``: digits and number words."""
    words: dict[str, int] = {
        fold(k): v for k, v in data("provenance/numbers.yaml").get(language, {}).items()
    }
    words.update({fold(k): v for k, v in data("provenance/numbers.yaml")["en"].items()})
    out = []
    for i, tok in enumerate(tokens(text)):
        if _NUMBER.fullmatch(tok) and len(tok) < 12:
            digits = tok.replace(",", "").replace(".", "")
            out.append((int(digits), i))
        elif tok in words:
            out.append((words[tok], i))
    return out


def sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pairs of ``text``, split on final punctuation and newlines."""
    out, start = [], 0
    for match in _SENTENCE.finditer(text):
        piece = text[start : match.start() + 1]
        if piece.strip():
            out.append((start, piece))
        start = match.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def top_items(counts: Counter[K], n: int) -> list[tuple[K, int]]:
    """The ``n`` most common items, ties broken by the item itself, not by insertion order
    (which follows set iteration and so the process hash seed).

    >>> top_items(Counter({"b": 2, "a": 2, "c": 1}), 2)
    [('a', 2), ('b', 2)]
    """
    if len(counts) <= n or n <= 0:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    cut = heapq.nlargest(n, counts.values())[-1]  # the n-th highest count
    above = sorted(((k, v) for k, v in counts.items() if v > cut), key=lambda kv: (-kv[1], kv[0]))
    tied = sorted(k for k, v in counts.items() if v == cut)[: n - len(above)]
    return above + [(k, cut) for k in tied]
