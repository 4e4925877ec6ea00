"""Name-mention helpers: trimming a capitalised run to a name, splitting off role words.

Input: a body and offsets of a capitalised token run.  Output: cleaned (start, end) spans,
and the :class:`Name` record (one name mention) and ``Phrase`` span type shared by the
speaker modules.

>>> from quotegraph.extract.lexicon import lexicon
>>> body = "Acme CEO Jane Doe’s plan"
>>> [(body[s:e], r) for s, e, r in split_roles(body, 0, 17, lexicon("en"))]
[('Acme', ''), ('Jane Doe', 'ceo')]
>>> s, e = clean(body, 9, 19, lexicon("en"))
>>> body[s:e]
'Jane Doe'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

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
