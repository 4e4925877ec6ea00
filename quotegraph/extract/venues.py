"""Original venues named around an attribution: "told X", "X reported", "in a blog post".

Input: a body, its lexicon, its name index and the region (start, end) of the attribution.
Output: a :class:`Venue` (canonical name, type, mention span) or ``None``.  Named venues
("told The Times") win over generic phrases ("tweeted" -> Twitter, "in a statement").

>>> from quotegraph.extract.lexicon import lexicon
>>> from quotegraph.extract.speakers import Names
>>> body = "“No,” she told The Daily Star on Monday."
>>> v = find_venue(body, lexicon("en"), Names(body, lexicon("en"), []), 4, len(body))
>>> (v.name, v.type, body[v.start:v.end])
('The Daily Star', 'outlet', 'The Daily Star')
>>> body = "In a blog post, he said so."
>>> find_venue(body, lexicon("en"), Names(body, lexicon("en"), []), 0, len(body)).name
'a blog post'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotegraph.extract.lexicon import Lexicon, safe_lower
from quotegraph.extract.speakers import Names


@dataclass(frozen=True)
class Venue:
    """A venue mention: ``body[start:end]`` names it; ``name`` is its canonical form."""

    name: str
    type: str
    start: int
    end: int


def _named(names: Names, pos: int) -> tuple[int, int, str] | None:
    n = names.name_at(pos)
    if n is None:
        return None
    if n.start != pos:
        # "told The X": the name index may have dropped a leading "The"
        if names.body.startswith("The ", pos) and n.start == pos + 4:
            return (pos, n.end, names.body[pos : n.end])
        return None
    return (n.start, n.end, n.text)


def find_venue(body: str, lex: Lexicon, names: Names, start: int, end: int) -> Venue | None:
    """The venue named in body[start:end] (see the module docstring)."""
    start, end = max(0, start), min(len(body), end)
    if end <= start:
        return None
    key = ("venue", start, end)  # the rules ask about the same sentence again and again
    if key in names.cache:
        return names.cache[key]
    venue = names.cache[key] = _find(body, lex, names, start, end)
    return venue


def _find(body: str, lex: Lexicon, names: Names, start: int, end: int) -> Venue | None:
    low = None
    if (
        lex.venue_after_low is not None
        or lex.venue_before_low is not None
        or lex.venue_phrase_low is not None
    ):
        if "safe_lower" not in names.cache:
            names.cache["safe_lower"] = safe_lower(body)
        low = names.cache["safe_lower"]
    if low is not None and lex.venue_after_low is not None:
        after = lex.venue_after_low.finditer(low, start, end)  # same matches, much faster
    else:
        after = lex.venue_after_re.finditer(body, start, end)
    for m in after:
        named = _named(names, m.end())
        if named is not None and named[0] < end:
            phrase = re.sub(r"\s+", " ", body[m.start() : m.end()].strip().lower())
            vtype = next((t for p, t in lex.venue_after if p == phrase), "outlet")
            return Venue(named[2], vtype, named[0], named[1])
    if low is not None and lex.venue_before_low is not None:
        before = lex.venue_before_low.finditer(low, start, end)
    else:
        before = lex.venue_before_re.finditer(body, start, end)
    for m in before:
        n = names.name_at(m.start() - 1)
        if n is not None and n.end == m.start():
            phrase = re.sub(r"\s+", " ", body[m.start() : m.end()].strip().lower())
            vtype = next((t for p, t in lex.venue_before if p == phrase), "outlet")
            text = n.text
            s = n.start
            if body[max(0, s - 4) : s] == "The ":
                s, text = s - 4, "The " + text
            return Venue(text, vtype, s, n.end)
    if low is not None and lex.venue_phrase_low is not None:
        hit = lex.venue_phrase_low.search(low, start, end)  # same matches, much faster
    else:
        hit = lex.venue_phrase_re.search(body, start, end)
    if hit and hit.lastgroup:  # group v<k> (or v<k>_<j>, alternative j): phrase k
        _, name, vtype = lex.venue_phrases[int(hit.lastgroup[1:].split("_")[0])]
        return Venue(name, vtype, hit.start(), hit.end())
    return None
