"""Phrase indexes: every occurrence of listed (multi-word) phrases in a text, found fast.

Input: the phrases of one list of a language file (cue verbs, roles, source phrases) and a
text.  Output: ``(start, end, phrase)`` hits, in order, never overlapping.  The text's words
are collected once (C speed) and shared by the indexes that scan the same body in turn; only
the phrases whose words occur are then located.

>>> Phrases(["according to", "per"]).find("Per the rules, according to Doe, it ends.")
[(0, 3, 'per'), (15, 27, 'according to')]
"""

from __future__ import annotations

import itertools
import re

_WORD_RE = re.compile(r"\w+(?:[’'\-]\w+)*")
_PART_RE = re.compile(r"[\w’']+")
_JOINERS = frozenset("’'-") | frozenset("_")
_INNER = frozenset("’'_")


_SEEN: list[tuple[str, int, int, str, set[str]]] = []


def _words_of(text: str, start: int, stop: int) -> tuple[str, set[str]]:
    """``text`` lower-cased and the distinct word parts of text[start:stop] (and tokens).

    The last text's result is kept: the cue and role indexes scan the same body in turn.
    """
    seen = _SEEN[0] if _SEEN else None
    if seen is not None and seen[0] is text and seen[1:3] == (start, stop):
        return seen[3], seen[4]
    low = text.lower()
    if len(low) != len(text):  # a case mapping changed lengths: keep those characters
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    # word parts never hold white space: split on it (C speed), then add the parts of the
    # tokens with other characters ("said," "Doe’s").  Those tokens stay in the set: they
    # can equal no probe (a probe holds word characters and apostrophes only) unless they
    # are a part themselves.
    words = set((low if start == 0 and stop == len(low) else low[start:stop]).split())
    words.update(_PART_RE.findall(" ".join(itertools.filterfalse(str.isalnum, words))))
    _SEEN[:] = [(text, start, stop, low, words)]
    return low, words


class Phrases:
    """A set of (multi-word) phrases found by one word scan plus dictionary lookups.

    Much faster than a large regex alternation.  ``find`` returns (start, end, phrase) hits;
    a hyphenated word also matches by its first part ("explique-t-elle" -> "explique").

    >>> Phrases(["point out", "said"]).find("He pointed out, then said-so. They point out")
    [(21, 25, 'said'), (35, 44, 'point out')]
    """

    def __init__(self, phrases: list[str]) -> None:
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            toks = tuple(t.lower() for t in _WORD_RE.findall(phrase))
            if toks:
                self.first.setdefault(toks[0], []).append(toks)
        for cands in self.first.values():
            cands.sort(key=len, reverse=True)
        self._probes: dict[str, list[str]] = {}  # a first word's leading part -> first words
        for word in self.first:
            self._probes.setdefault(_PART_RE.findall(word)[0], []).append(word)
        self._probe_set = frozenset(self._probes)  # (a set meets a set faster than a dict)
        # the later (ASCII) words of each phrase of a first word that opens only longer
        # phrases: a lower-cased text lacking them cannot hold it ("in the words of")
        self._later = {
            word: [tuple(t for t in toks[1:] if t.isascii()) for toks in cands]
            for word, cands in self.first.items()
            if all(len(toks) > 1 for toks in cands)
        }

    def _may_occur(self, word: str, low: str) -> bool:
        """Whether some phrase opening with ``word`` can occur in the lower-cased ``low``."""
        later = self._later.get(word)
        return later is None or any(all(t in low for t in words) for words in later)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Every non-overlapping phrase occurrence in text[start:end], in order.

        Words of the text are collected once (C speed); only the first words that occur
        are then located, so the cost hardly grows with the number of phrases.
        """
        stop = len(text) if end is None else end
        low, present = _words_of(text, start, stop)
        starts: list[tuple[int, int, str]] = []
        find, size, joiners, inner = low.find, len(low), _JOINERS, _INNER
        later = self._later
        for part in present & self._probe_set:  # (hits are sorted below: order is free)
            for word in self._probes[part]:
                if word in later and not self._may_occur(word, low):
                    continue
                n = len(word)
                i = find(word, start, stop)
                while i >= 0:
                    e = i + n
                    before = low[i - 1] if i else " "
                    after = low[e] if e < size else " "
                    if not (
                        before.isalnum() or before in joiners or after.isalnum() or after in inner
                    ):
                        starts.append((i, -e, word))  # a whole word (or a hyphenated one's head)
                    i = find(word, e, stop)
        starts.sort()
        out: list[tuple[int, int, str]] = []
        last = start
        for ws, neg_we, word in starts:
            we = -neg_we
            if ws < last:
                continue
            for toks in self.first[word]:
                if len(toks) == 1:
                    out.append((ws, we, toks[0]))
                    last = we
                    break
                k = we
                while k < stop and low[k].isspace():
                    k += 1
                if not low.startswith(toks[1], k):
                    continue  # cheap check of the second word first
                rest = _WORD_RE.findall(text, we, min(stop, we + 40 * len(toks)))[: len(toks) - 1]
                if [w.lower() for w in rest] == list(toks[1:]):
                    e = text.find(rest[-1], we) + len(rest[-1])
                    out.append((ws, e, " ".join(toks)))
                    last = e
                    break
        return out


def last_lowered(text: str) -> str | None:
    """``text`` lower-cased if it is the text the indexes scanned last (else None)."""
    seen = _SEEN[0] if _SEEN else None
    return seen[3] if seen is not None and seen[0] is text else None
