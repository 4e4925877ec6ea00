"""Name-mention helpers: trimming a capitalised run to a name, splitting off role words.

Input: a body and offsets of a capitalised token run.  Output: cleaned (start, end) spans
(:func:`name_parts` gives them for a run's text alone, so they can be kept per run), and the
:class:`Name` record (one name mention) and ``Phrase`` span type shared by the speaker
modules.

>>> from quotegraph.extract.lexicon import lexicon
>>> body = "Acme CEO Jane Doe’s plan"
>>> [(body[s:e], r) for s, e, r in split_roles(body, 0, 17, lexicon("en"))]
[('Acme', ''), ('Jane Doe', 'ceo')]
>>> s, e = clean(body, 9, 19, lexicon("en"))
>>> body[s:e]
'Jane Doe'
>>> name_parts("Acme CEO Jane Doe", lexicon("en"))
[(0, 4, ''), (9, 17, 'ceo')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from quotegraph.extract.lexicon import Lexicon

Phrase = tuple[int, int, str]


@dataclass(slots=True)
class Name:
    """One name mention; ``kind`` is person, organization or any (unknown)."""

    start: int
    end: int
    text: str
    kind: str = "any"
    roles: set[str] = field(default_factory=set)
    gender: str = "any"
    strong: bool = False  # typed from evidence (a title, a role), not from its shape


_POSS = re.compile(r"[’']s?$")
_HYPHEN_TAIL = re.compile(r"-[^\W\d_]*[a-z]")
_NONSPACE = re.compile(r"\S+")
_PLAIN_WORD = re.compile(r"[^\W\d_][^\W_]*")  # no hyphen, dot or apostrophe


def clean(body: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """Trim possessives, lower-case hyphen tails and sentence-initial function words."""
    text = body[start:end]
    if (
        "-" not in text
        and not text.endswith((".", "'", "’", "'s", "’s"))
        and text.split(None, 1)[0] not in lex.not_names
        and text.rsplit(None, 1)[-1] not in lex.not_names
    ):
        return start, end  # nothing to trim (the common case)
    cut = _HYPHEN_TAIL.search(text)
    if cut and text[: cut.start()].strip():
        tail = text[cut.start() + 1 :]
        if tail[:1].islower():
            end = start + cut.start()
            text = body[start:end]
    poss = _POSS.search(text)
    if poss and len(text) > 2:
        end -= len(poss.group())
    while text.endswith("."):
        end -= 1
        text = body[start:end]
    toks = body[start:end].split()
    while toks and toks[0] in lex.not_names and (toks[0] != "The" or len(toks) == 1):
        start = body.index(toks[0], start) + len(toks[0])
        while start < end and body[start] in " \t":
            start += 1
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in lex.not_names:  # "MSNBC Monday"
        end = start + len(body[start:end].rstrip()[: -len(toks[-1])].rstrip())
        toks = toks[:-1]
    if not toks or end <= start:
        return None
    return start, end


def split_roles(body: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Split "Acme CEO Jane Doe" into ("Acme", "") and ("Jane Doe", "ceo")."""
    text = body[start:end]
    if " " not in text and "\t" not in text:
        return [] if text.lower() in lex.roles else [(start, end, "")]
    if lex.roles.isdisjoint(map(str.lower, text.split())):
        return [(start, end, "")]  # no role word (the common case)
    out: list[tuple[int, int, str]] = []
    s, role = start, ""
    for t in _NONSPACE.finditer(text):
        if t.group().lower() in lex.roles and t.group()[:1].isupper():
            ts = start + t.start()
            if ts > s:
                out.append((s, start + len(text[: t.start()].rstrip()), role))
            s, role = start + t.end() + 1, t.group().lower()
    if s < end:
        out.append((s, end, role))
    return [(a, b, r) for a, b, r in out if b > a]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def name_parts(run: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The names in a capitalised run as (start, end, role) offsets into ``run``.

    A plain word is its own name (unless it is a role or never a name); a longer run is split
    at role words and trimmed (:func:`split_roles`, :func:`clean`).  The answer depends on
    the run alone, so the name index keeps it per lexicon.
    """
    if _PLAIN_WORD.fullmatch(run):  # one plain word: nothing to split or trim
        if run in lex.not_names or run.lower() in lex.roles:
            return []
        return [(0, len(run), "")]
    parts = []
    for s, e, role in split_roles(run, 0, len(run), lex):
        span = clean(run, s, e, lex)
        if span is not None:
            parts.append((span[0], span[1], role))
    return parts


def name_parts_or_whole(run: str, lex: Lexicon) -> list[tuple[int, int, str]] | None:
    """:func:`name_parts` of ``run``, or None when that is the whole run without a role.

    >>> from quotegraph.extract.lexicon import lexicon
    >>> name_parts_or_whole("Jane Doe", lexicon("en")) is None
    True
    """
    parts = name_parts(run, lex)
    return None if parts == [(0, len(run), "")] else parts


def org_named(text: str, lex: Lexicon) -> bool:
    """Whether a name says it is an organisation ("Acme Inc", a listed organisation)."""
    return (
        text.split()[-1] in lex.org_suffixes
        or text in lex.organisations
        or text.removeprefix("The ") in lex.organisations
    )


def after_noun(body: str, span: tuple[int, int], lex: Lexicon) -> tuple[int, int]:
    """German "der Sprecher Peter Wolf": after a determiner the first word is a noun."""
    s, e = span
    words = body[s:e].split()
    prev = body[max(0, s - 8) : s].split()
    if len(words) >= 3 and prev and prev[-1].lower() in lex.determiners:
        return s + len(words[0]) + 1, e
    return span


@cache
def noun_heads(nouns: frozenset[str]) -> frozenset[str]:
    """The first two letters of each noun (the whole noun when it has one letter).

    A word can be one of ``nouns`` only if it opens with one of these: the name index skips
    its next-word lookup otherwise.

    >>> sorted(noun_heads(frozenset({"party", "firm", "x"})))
    ['fi', 'pa', 'x']
    """
    return frozenset(noun[:2] for noun in nouns)
