"""Stated credit lines: "Sumber: The Daily", "This content was originally published here".

Input: one article; output: the :class:`Credit` lines it carries.  Patterns per language are
data (``quotegraph/data/provenance/credits.yaml``).  A credit that names no outlet takes the
outlet named at the end of a header line ("Title | Section | The Daily").

>>> from quotegraph.model import Article
>>> [c.outlet for c in credits(Article("x", "Text.\\nSumber: Harian Kota"))]
['Harian Kota']
>>> body = "T | Tech | The Daily\\n\\nBody.\\nRead the original story here."
>>> [c.outlet for c in credits(Article("y", body))]
['The Daily']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quotegraph.link.text import data
from quotegraph.model import Article, Relation

_HEADER_LINES = 6


@dataclass(frozen=True)
class Credit:
    """A credit line: the outlet it names (if any), the relation it states, its text."""

    outlet: str | None
    relation: Relation
    evidence: str


@cache
def _patterns() -> list[tuple[re.Pattern[str], Relation]]:
    out = []
    for rules in data("provenance/credits.yaml").values():
        for rule in rules:
            out.append((re.compile(rule["pattern"], re.IGNORECASE), Relation(rule["relation"])))
    return out


def header_outlet(article: Article) -> str | None:
    """The outlet closing a "Title | Section | Outlet" header line, if any."""
    lines = [ln.strip() for ln in article.body.splitlines() if ln.strip()][:_HEADER_LINES]
    for line in lines:
        parts = [p.strip() for p in re.split(r"\s+[|–—]\s+", line)]
        if len(parts) >= 2 and 0 < len(parts[-1].split()) <= 5 and parts[-1][:1].isupper():
            return parts[-1]
    return None


def credits(article: Article) -> list[Credit]:
    """Every stated credit line of ``article`` (last lines first: credits close articles)."""
    found = []
    lines = [ln.strip() for ln in article.body.splitlines() if ln.strip()]
    for line in reversed(lines):
        if len(line) > 160:
            continue
        for pattern, relation in _patterns():
            match = pattern.search(line)
            if not match:
                continue
            outlet = (match.groupdict().get("outlet") or "").strip(" .:") or None
            if outlet and (len(outlet.split()) > 6 or outlet.lower() in {"here", "this"}):
                outlet = None
            outlet = outlet or header_outlet(article)
            found.append(Credit(outlet, relation, line))
            break
    return found
