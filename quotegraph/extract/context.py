"""What every attribution rule works on, and what it produces.

Input: one article body with its lexicon, layout and name index.  Output: a :class:`Context`
(with every reporting verb of the body found once, so rules look cues up by position) and
:class:`Found`, the record a rule returns before it becomes a ``QuoteMention``.

>>> from quotegraph.extract.lexicon import lexicon
>>> from quotegraph.extract.speakers import Names
>>> from quotegraph.extract.text import Layout
>>> body = "She said it and he told us."
>>> lex = lexicon("en")
>>> ctx = Context.build(body, lex, Layout(body, lex), Names(body, lex, []))
>>> [(body[s:e], lemma) for s, e, lemma in ctx.cues(0, len(body))]
[('said', 'say'), ('told', 'tell')]
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from quotegraph.extract.lexicon import Lexicon
from quotegraph.extract.namespans import Phrase
from quotegraph.extract.speakers import Names
from quotegraph.extract.text import Layout
from quotegraph.extract.venues import Venue


@dataclass
class Context:
    """Everything the attribution rules need about one article."""

    body: str
    lex: Lexicon
    layout: Layout
    names: Names
    cue_hits: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, lemma)

    @classmethod
    def build(cls, body: str, lex: Lexicon, layout: Layout, names: Names) -> Context:
        """A context with every reporting-verb occurrence of ``body`` found once."""
        hits = [
            (s, e, lex.cue_lemma.get(p, p))
            for s, e, p in lex.cue_index.find(body)
            if not (body[s].isupper() and names.name_at(s) is not None)  # "United States"
        ]
        return cls(body, lex, layout, names, hits)

    def __post_init__(self) -> None:
        self._cue_ends = [e for _, e, _ in self.cue_hits]  # increasing: the hits never overlap

    def has_cue(self, start: int, end: int) -> bool:
        """Whether body[start:end] holds a reporting verb (``bool(self.cues(start, end))``)."""
        i = bisect.bisect_left(self.cue_hits, (start, -1, ""))
        return i < len(self._cue_ends) and self._cue_ends[i] <= end

    def cues(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Reporting-verb tokens in body[start:end] as (start, end, lemma)."""
        i = bisect.bisect_left(self.cue_hits, (start, -1, ""))
        return self.cue_hits[i : bisect.bisect_right(self._cue_ends, end, i)]


@dataclass
class Found:
    """One attributed quote before it becomes a QuoteMention."""

    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    speaker: str | None = None
    phrase: Phrase | None = None
    venue: Venue | None = None
