"""Speaker phrases around a cue: the subject before it, the noun phrase after it.

Input: a body with its name index (the :class:`PhraseFinder` methods run on
:class:`~quotegraph.extract.speakers.Names`).  Output: ``Phrase`` spans (start, end, text):
a name, a pronoun or a descriptive noun phrase ("the company's chief executive").

>>> from quotegraph.extract.lexicon import lexicon
>>> from quotegraph.extract.speakers import Names
>>> body = "“No,” said Jane Doe. Doe, speaking on Radio X, called it “a farce.”"
>>> names = Names(body, lexicon("en"), [])
>>> names.np_after(body.index("said") + 4, len(body))
(11, 19, 'Jane Doe')
>>> names.subject_before(body.index("called"), body.index("Doe,"))
(21, 24, 'Doe')
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from quotegraph.extract.lexicon import Lexicon
from quotegraph.extract.namespans import Name, Phrase

__all__ = ["PhraseFinder"]

_CLAUSE_END = re.compile(r"[.;:!?\"“”]\s")
_WORDS = re.compile(r"[\w'’\-]+")
_STOP = re.compile(r"[.;:!?\"“”]")
_NP_STOP = re.compile(r"[.;:!?\"“”]")
_PAREN_TAIL = re.compile(r"\s*\([^()]{1,30}\)\s*$")
_APPOSITION_TAIL = re.compile(r",\s*([^,;:!?\"“”]{1,80}?)\s*,?\s*$")
_CLAUSE_NP = re.compile(r"(?:[.;:!?\"“”]\s+|\n)\s*((\w+)(?:\s+[\w'’\-]+){0,3})\s*$")
_TOKEN = re.compile(r"[\w][\w'’\-.]*\w|\w")
_TAG_AFTER = re.compile(r"-(?:t-)?(\w+)")
_INLINE_SPACE = re.compile(r"[^\S\n]+")
_CLAUSE_PUNCT = re.compile(r"[,.;:!?]")
_NP_CLOSE = re.compile(r"[ \t]*[.,;]")


def _last_tokens(body: str, lo: int, hi: int, auxiliaries: frozenset[str]) -> list[Phrase]:
    """The last few tokens of body[lo:hi] as (start, end, text), trailing auxiliaries dropped.

    :func:`PhraseFinder._subject_before` looks at the last six tokens at most and asks only
    whether there are two or more, so only the last seven are converted.
    """
    ms = list(_TOKEN.finditer(body, lo, hi))
    k = len(ms)
    while k and ms[k - 1].group().lower() in auxiliaries:
        k -= 1
    return [(m.start(), m.end(), m.group()) for m in ms[k - 7 if k > 7 else 0 : k]]


def _apposition_tail(head: str) -> re.Match[str] | None:
    """The ", role phrase[,]" closing ``head``: it opens at one of the last two commas."""
    last = head.rfind(",")
    if last < 0:
        return None
    prev = head.rfind(",", 0, last)
    return _APPOSITION_TAIL.search(head, prev if prev >= 0 else last)


class PhraseFinder:
    """Phrase lookups shared by the name index (which supplies the name lookups)."""

    body: str
    lex: Lexicon
    cache: dict[object, Any]  # per-article results, keyed by lookup and position

    def name_at(self, pos: int) -> Name | None:
        raise NotImplementedError

    def names_between(self, start: int, end: int) -> list[Name]:
        raise NotImplementedError

    def _name_ending(self, pos: int) -> Name | None:
        raise NotImplementedError

    def subject_before(self, cue_start: int, limit: int) -> Phrase | None:
        """The speaker phrase ending just before a cue at ``cue_start`` (not before ``limit``).

        Several rules ask about the same cue: the answer is computed once per article.
        """
        key = ("subject", cue_start, limit)
        if key not in self.cache:
            self.cache[key] = self._subject_before(cue_start, limit)
        phrase: Phrase | None = self.cache[key]
        return phrase

    def _subject_before(self, cue_start: int, limit: int) -> Phrase | None:
        body, lex = self.body, self.lex
        limit = max(limit, cue_start - 300)
        lo = max(limit, cue_start - 90)  # the phrase lies in the last few words
        toks = _last_tokens(body, lo, cue_start, lex.auxiliaries)
        if not toks:
            return None
        s, e, w = toks[-1]
        w_low = w.lower()
        between = body[e:cue_start]
        if w.endswith(("'s", "’s")) and not between.strip():
            return None  # "Doe's claim": a possessive makes the cue a noun
        if w_low in lex.conjunctions:
            return None  # "Doe slammed it and accused …": the subject opens the sentence
        # only auxiliaries were there (white space alone has no word to blank out)
        gap = _WORDS.sub(" ", between) if between and not between.isspace() else between
        if w_low in lex.pronouns and not _STOP.search(gap):
            return (s, e, w)
        if w_low in lex.relatives and len(toks) >= 2:  # "Acme, which has argued"
            k = s
            while k > 0 and body[k - 1] in " \t,":
                k -= 1
            n = self._name_ending(k)
            if n is not None and body[n.end : s].strip() in (",", ""):
                return (n.start, n.end, n.text)
        if "," in gap and gap.strip() not in (",",):
            return None
        cue = _TOKEN.match(body, cue_start)
        if cue and "," in gap and cue.group().lower().endswith(lex.participles):
            return None  # "…, saying": the subject opens the sentence, not this clause
        n = self.name_at(s)
        if n is not None and n.end >= e - 2 and not gap.strip():
            if lex.nouns_capitalised and len(toks) >= 2 and n.start == s:
                # German "der Sprecher des Ministeriums": a noun phrase, not a name
                first = None
                for j in range(len(toks) - 2, max(-1, len(toks) - 6), -1):
                    if re.search(r"[.;:!?,\"“”„]", body[toks[j][1] : toks[j + 1][0]]):
                        break
                    if toks[j][2].lower() in lex.determiners:
                        first = j
                if first is not None:
                    return (toks[first][0], e, body[toks[first][0] : e])
            return (n.start, n.end, n.text)
        # apposition: NAME, role phrase[,] CUE
        head = body[limit:cue_start]
        app = _apposition_tail(head)
        app_words = app.group(1).split() if app else []
        closed = bool(app) and head.rstrip().endswith(",")
        if (
            app
            and app_words
            and (closed or app_words[0].lower() not in lex.determiners)
            and (lex.role_re.search(app.group(1)) or app_words[0].lower() in lex.determiners)
        ):
            n = self._name_ending(limit + app.start())
            if n is not None and n.kind != "organization":
                return (n.start, n.end, n.text)
        if (
            closed
            and app_words
            and (
                app_words[0].lower().endswith(lex.participles)
                or app_words[0].lower() in lex.relatives
            )
        ):
            # Doe, speaking on Radio X, called … / Doe (D-Ore.), who backs Roe, said …
            pos = limit + app.start() if app else 0
            base = max(0, pos - 80)
            before = _PAREN_TAIL.sub("", body[base:pos])
            n = self._name_ending(base + len(before))
            if n is not None:
                return (n.start, n.end, n.text)
            lead = "\n" if base == 0 else ""  # the body's start opens a clause too
            np = _CLAUSE_NP.search(lead + before)  # "The lawmaker, who represents X, said"
            if np and np.group(2).lower() in lex.determiners:
                s0 = base + np.start(1) - len(lead)
                return (s0, s0 + len(np.group(1)), np.group(1))
        n = self.name_at(s)
        if n is not None and n.end >= e - 2 and gap.strip() in ("", ","):
            if gap.strip() and body[max(0, n.start - 8) : n.start].rstrip().endswith(","):
                # Doe, at a rally in Springfield, Ohio, said: the clause's first name
                head_name = self._clause_head(n.start, limit)
                if head_name is not None:
                    return (head_name.start, head_name.end, head_name.text)
            return (n.start, n.end, n.text)
        if gap.strip():
            return None
        if w_low in lex.post_determiners and len(toks) >= 2:  # "perusahaan itu"
            return (toks[-2][0], e, body[toks[-2][0] : e])
        # a descriptive noun phrase: the CEO, an Anonymous-affiliated account, the company's...
        for j in range(len(toks) - 1, max(-1, len(toks) - 7), -1):
            word = toks[j][2]
            if _NP_STOP.search(body, toks[j][1], toks[-1][0]) or (
                word.lower() in lex.cue_lemma and j < len(toks) - 1
            ):
                break  # a noun phrase crosses no comma and no other cue
            if word.lower() in lex.determiners and j < len(toks) - 1:
                return (toks[j][0], e, body[toks[j][0] : e])
        if w[:1].isupper() and w not in lex.not_names:
            return (s, e, w)
        return None

    def _clause_head(self, pos: int, limit: int) -> Name | None:
        """The first name of the clause before ``pos`` when a comma follows it ("Doe, …")."""
        lo = max(limit, pos - 200)
        for m in _CLAUSE_END.finditer(self.body, lo, pos):
            lo = m.end()
        for n in self.names_between(lo, pos):
            if self.body.startswith(",", n.end) and n.kind != "organization":
                return n
        return None

    def np_after(self, pos: int, end: int) -> Phrase | None:
        """The speaker phrase right after an inverted cue ("said Jane Doe", "sagte er")."""
        body, lex = self.body, self.lex
        tag = _TAG_AFTER.match(body[pos:end])  # dit-il, a-t-elle
        if tag and tag.group(1).lower() in lex.pronouns:
            return (pos + tag.start(1), pos + tag.end(1), tag.group(1))
        m = _INLINE_SPACE.match(body[pos:end])
        s = pos + (m.end() if m else 0)
        heads = itertools.islice(_TOKEN.finditer(body[s:end]), 6)  # (only these are looked at)
        toks = [(t.start() + s, t.end() + s, t.group()) for t in heads]
        if not toks or toks[0][0] != s:
            return None
        w = toks[0][2]
        if w.lower() in lex.pronouns:
            return toks[0]
        if w in lex.titles or w + "." in lex.titles:  # said Mr. Schmidt
            n = self.name_at(toks[1][0]) if len(toks) > 1 else None
            if n is not None and n.start == toks[1][0]:
                return (s, n.end, body[s : n.end])
        n = self.name_at(s)
        if n is not None and n.start == s:
            return (n.start, n.end, n.text)
        for j, (ts, te, tw) in enumerate(toks[:6]):
            if j and _CLAUSE_PUNCT.search(body[toks[j - 1][1] : ts]):
                break
            if j and tw.lower() in lex.relatives:
                # "said one source who knew Jane Doe": the phrase ends before the relative
                before = toks[j - 1][2].lower()
                if j > 1 and w.lower() in lex.determiners and before not in lex.prepositions:
                    return (s, toks[j - 1][1], body[s : toks[j - 1][1]])
                break
            if j == 0 and tw.lower() in lex.prepositions:
                return None  # "a déclaré à The Times": the addressee, not the speaker
            n = self.name_at(ts)
            if j and n is not None and n.start == ts:  # said election lawyer Jane Doe
                return (n.start, n.end, n.text)
            if tw[:1].isupper() and j:
                if lex.nouns_capitalised and j == 1 and w.lower() in lex.determiners:
                    continue  # German "sagte der Sprecher Peter Wolf": a noun, then the name
                break
            if w.lower() in lex.determiners and (
                tw.lower() in lex.roles or tw.lower() in lex.org_nouns
            ):
                return (s, te, body[s:te])
            if j and w.lower() in lex.determiners and _NP_CLOSE.match(body[te : te + 3]):
                if tw.lower() in lex.time_words:
                    return None  # "dijo el lunes": a time, not a speaker
                return (s, te, body[s:te])  # said the 46-year-old.
        return None
