"""Names in an article and within-article speaker resolution.

Input: an article body, its :class:`~quotegraph.extract.lexicon.Lexicon` and the quoted
stretches (names inside quotes never speak).  Output: a :class:`Names` index that finds the
speaker phrase before or after a cue (:func:`Names.subject_before`, :func:`Names.np_after`) and
resolves a phrase ("he", "the CEO", "the company", "Doe") to the fullest name mention of the
compatible entity ("Jane Doe"), using appositions ("Jane Doe, the firm's CEO,") and
role phrases ("Acme CEO Jane Doe", "Acme's cofounder") found in the text.

>>> from quotegraph.extract.lexicon import lexicon
>>> body = "Acme Corp hired Jane Doe, its chief executive, in May. Doe said no. She left."
>>> names = Names(body, lexicon("en"), [])
>>> cue = body.index("said")
>>> names.subject_before(cue, cue - 5)
(55, 58, 'Doe')
>>> names.resolve((55, 58, 'Doe'), cue)
'Jane Doe'
>>> names.resolve((body.index("She"), body.index("She") + 3, "She"), cue)
'Jane Doe'
>>> names.resolve((cue, cue, "the company"), cue)
'Acme Corp'
>>> names.resolve((cue, cue, "the chief executive"), cue)
'Jane Doe'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from typing import Any

from quotegraph.extract.lexicon import UPPER, Lexicon
from quotegraph.extract.marks import Quoted
from quotegraph.extract.namespans import (
    Name,
    Phrase,
    after_noun,
    name_parts_or_whole,
    noun_heads,
    org_named,
)
from quotegraph.extract.phrases import PhraseFinder

# an initial ("J. Gerald Hebert", "Harry M. Reid") is a name part when a capitalised word
# follows; one that opens a name must not follow a word ("vitamin D. Researchers", "plan B.")
_INITIAL = rf"\.(?=[ \t]+{UPPER}[\w'’\-]*\w)"
_FIRST_INITIAL = rf"(?<!\w[ \t]{UPPER}){_INITIAL}"
_CAP = rf"{UPPER}(?:[\w'’&.\-]*\w|{_INITIAL})?"
# name particles; "der"/"den" only after von/van (German "sagte Jane Doe der Zeitung")
_PARTICLE = r"(?:(?:van|von)(?:[ \t]+(?:der|den))?|de(?:[ \t]+la)?|da|di|del|la|le|du|bin|al|y|of)"
# the upper-case letter comes first so that the regex engine can skip ahead to it
_NAME = re.compile(
    rf"{UPPER}(?<![\w@#\-].)(?:[\w'’&.\-]*\w|{_FIRST_INITIAL})?"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)?(?:{_CAP}))*"
)
_APPOSITION = re.compile(r"\s*,\s*((?:[\w'’\-]+\s+){0,6}?)([\w\-]+)\s*[,.]")
_NEXT_WORD = re.compile(r"\s+([\w\-]+)")
_COMMA_SPACE = re.compile(r",[ \t]+")
_COMMA_TAIL = re.compile(r",[^,;:.!?\"“”]{0,70}$")


class Names(PhraseFinder):
    """Every name mention of a body, typed, with fullest forms and roles."""

    def __init__(self, body: str, lex: Lexicon, quotes: list[Quoted]) -> None:
        self.body, self.lex = body, lex
        quoted_spans = [(q.start, q.end) for q in quotes]
        self.names: list[Name] = []
        self.by_noun: dict[str, list[Name]] = {}
        self._longest: dict[str, str] | None = None
        self._fullest: dict[str, str] = {}
        self._fulls: list[str] = []  # the fullest form of each name (set by _type_names)
        self.cache: dict[object, Any] = {}  # per-article scans other stages keep here
        # a run's parts, or None when the run is one whole name without a role (most runs)
        memo = lex.memo_for("name_parts_or_whole")
        nouns_capitalised = lex.nouns_capitalised
        add = self.names.append
        k, last = 0, len(quoted_spans) - 1  # the last quote opening at or before the name
        for m in _NAME.finditer(body):
            text = m.group()
            parts = memo.get(text, False)
            if parts is False:
                parts = memo[text] = name_parts_or_whole(text, lex)
            base = m.start()
            if parts is None:
                while k < last and quoted_spans[k + 1][0] <= base:
                    k += 1  # (names come in body order)
                if quoted_spans and quoted_spans[k][0] <= base < quoted_spans[k][1]:
                    continue  # a name inside quotes
                if not nouns_capitalised:
                    add(Name(base, m.end(), text))  # the whole run (the common case)
                    continue
                parts = [(0, len(text), "")]
            for s, e, role in parts:
                while k < last and quoted_spans[k + 1][0] <= base + s:
                    k += 1  # (names come in body order)
                if quoted_spans and quoted_spans[k][0] <= base + s < quoted_spans[k][1]:
                    continue  # a name inside quotes
                if not role and s == 0 and e == len(text) and not nouns_capitalised:
                    add(Name(base, base + e, text))  # the whole run (the common case)
                    continue
                span = (base + s, base + e)
                if nouns_capitalised:
                    span = after_noun(body, span, lex)
                name = Name(span[0], span[1], body[span[0] : span[1]])
                if role:
                    name.roles.add(role)
                    name.kind, name.strong = "person", True
                add(name)
        self._starts = [n.start for n in self.names]
        self._move_roles()
        self._type_names()
        self._count: dict[str, int] = Counter(self._fulls)  # mentions of each fullest name

    # -- typing -----------------------------------------------------------------------------
    def _move_roles(self) -> None:
        """ "Governor of Westland, Jane Doe, …": the role belongs to the apposed person."""
        body, names = self.body, self.names
        for n, nxt in itertools.pairwise(names):
            if not n.roles or " " not in nxt.text or body[n.end : nxt.start].strip() != ",":
                continue
            if not body.startswith(",", nxt.end):
                continue
            after = body[nxt.end + 1 : nxt.end + 9].split()
            if after and after[0].lower() in self.lex.conjunctions | {"and", "or"}:
                continue  # a list of people, not an apposition
            nxt.roles |= n.roles
            nxt.kind, nxt.strong = "person", True
            n.roles = set()
            n.kind, n.strong, n.gender = "any", False, "n"

    def _type_names(self) -> None:
        lex, body = self.lex, self.body
        orgs = set(lex.organisations)
        persons: set[str] = set()
        titles, org_nouns = lex.titles, lex.org_nouns
        by_noun = self.by_noun
        apposition, next_word = _APPOSITION.match, _NEXT_WORD.match
        org_typed = lex.memo_for("org_named")
        heads = noun_heads(org_nouns)
        for n in self.names:
            text, start, end = n.text, n.start, n.end
            before = body[start - 12 if start > 12 else 0 : start].rsplit(None, 1)
            prev = before[-1] if before else ""
            named = org_typed.get(text)
            if named is None:
                named = org_typed[text] = org_named(text, lex)
            if named:
                n.kind = "organization"
            elif prev and prev in titles:
                n.kind, n.gender, n.strong = "person", titles[prev], True
            after = body[end : end + 2]
            if n.kind != "person" and after.lstrip()[:1] == ",":
                app = apposition(body, end, end + 80)
                if app and app.group(2).lower() in org_nouns:
                    n.kind = "organization"
                    by_noun.setdefault(app.group(2).lower(), []).append(n)
            prev_low = prev.lower() if prev else ""
            if prev_low and prev_low in org_nouns:
                by_noun.setdefault(prev_low, []).append(n)
                if n.kind == "any":
                    n.kind = "organization"
            head = body[end + 1 : end + 3]  # (a next word that opens no noun is no noun)
            if after[:1].isspace() and (head in heads or head[:1] in heads or head[:1].isspace()):
                nxt_m = next_word(body, end, end + 80)
                if nxt_m is not None:
                    nxt = nxt_m.group(1)
                    if nxt.islower() and nxt.lower() in org_nouns:
                        by_noun.setdefault(nxt.lower(), []).append(n)
                        n.gender = "n"  # a modifier of a noun ("Acme members"): never a person
            if prev_low in ("a", "an") and n.kind == "any":
                n.gender = "n"
        for rs, re_, role in lex.role_index.find(body):
            target = self._role_holder(rs, re_)
            if target is not None and target.kind != "organization":
                target.roles.add(role)
                target.kind, target.strong = "person", True
        for n in self.names:
            if n.kind == "person":
                persons.add(n.text)
            elif n.kind == "organization":
                orgs.add(n.text)
        full_by_text = self._fullest  # (the memo of :meth:`fullest`, filled here at once)
        fullest_of = self._fullest_of
        for text in {n.text for n in self.names}:
            full_by_text[text] = fullest_of(text)
        fulls = self._fulls = [full_by_text[n.text] for n in self.names]
        strong = {full for n, full in zip(self.names, fulls, strict=True) if n.strong}
        for n, full in zip(self.names, fulls, strict=True):  # spread the types over mentions
            if full in strong:
                n.strong, n.kind = True, "person"
            elif n.kind == "any":
                if full in persons:
                    n.kind = "person"
                elif full in orgs:
                    n.kind = "organization"
                elif (
                    len(n.text.split()) in (2, 3)
                    and n.text.istitle()
                    and n.gender != "n"
                    and "The" not in n.text
                ):
                    n.kind = "person"

    def _role_holder(self, start: int, end: int) -> Name | None:
        """The person a role word at body[start:end] belongs to (apposition or pre-name role)."""
        after = self.body[end : end + 4]
        if after[:1] in (" ", "\t") and after[1:2].isupper():
            n = self.name_at(end + 1)
            if n is not None and n.start == end + 1:
                # "chief executive of Acme, Jane Doe": the person follows the company
                m = _COMMA_SPACE.match(self.body[n.end : n.end + 3])
                nxt = self.name_at(n.end + m.end()) if m else None
                if nxt is not None and len(n.text.split()) == 1 and len(nxt.text.split()) > 1:
                    return nxt
                return n
        window = self.body[max(0, start - 90) : start]
        m = _COMMA_TAIL.search(window)
        if m:
            i = bisect.bisect_right(self._starts, max(0, start - 90) + m.start()) - 1
            if i >= 0 and self.names[i].end == max(0, start - 90) + m.start():
                return self.names[i]
        return None

    # -- lookups ----------------------------------------------------------------------------
    def name_at(self, pos: int) -> Name | None:
        """The name mention covering ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.names[i].start <= pos < self.names[i].end:
            return self.names[i]
        return None

    def solid(self, n: Name | None) -> bool:
        """Whether ``n`` is surely a name: typed, several words, or named twice or more.

        (A lone capitalised word opening a sentence, "Cost estimates …", may be no name.)
        """
        if n is None:
            return False
        return n.kind != "any" or " " in n.text or self._count.get(self.fullest(n.text), 0) >= 2

    def names_between(self, start: int, end: int) -> list[Name]:
        """Name mentions starting in [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.names[lo:hi]

    def fullest(self, text: str) -> str:
        """The longest name of the article that ends with (or starts with) ``text``."""
        done = self._fullest.get(text)
        if done is not None:
            return done
        result = self._fullest[text] = self._fullest_of(text)
        return result

    def _fullest_of(self, text: str) -> str:
        text = text.removeprefix("The ").strip()
        if self._longest is None:
            self._longest = self._longer_names()
        best = self._longest.get(text, text)
        return best if len(best) > len(text) else text

    def _longer_names(self) -> dict[str, str]:
        """Each ending and beginning of a multi-word name -> the longest name with it.

        A name's ending ("Doe" of "Jane Doe") wins over its beginning ("Doe" of "Doe
        Industries"); a beginning never extends to an organisation's name.
        """
        longest: dict[str, str] = {}
        starts: dict[str, str] = {}
        suffixes = self.lex.org_suffixes
        for seen in dict.fromkeys(n.text for n in self.names):  # (first-seen order)
            t = seen.removeprefix("The ")
            toks = t.split()
            if len(toks) < 2:
                continue
            size, org = len(t), toks[-1] in suffixes
            for k in range(1, len(toks)):
                key = " ".join(toks[k:])
                if size > len(longest.get(key, "")):
                    longest[key] = t
                if not org:
                    key = " ".join(toks[:k])
                    if size > len(starts.get(key, "")):
                        starts[key] = t
        for key, t in starts.items():
            longest.setdefault(key, t)
        return longest

    def nearest(self, pos: int, kind: str, gender: str = "any", limit: int = 3000) -> Name | None:
        """The nearest name before ``pos`` of a compatible kind (and gender when known).

        Persons typed from evidence (a role, a title) win over persons guessed from the
        shape of their name; among organisations, one named twice or more wins over a
        nearer one named once.
        """
        lo = bisect.bisect_left(self._starts, pos - limit)
        hi = bisect.bisect_left(self._starts, pos)
        first = None  # the nearest compatible name; the loop stops at the first winner
        for i in range(hi - 1, lo - 1, -1):
            n = self.names[i]
            ok = (
                kind == "any"
                or n.kind == kind
                # (German capitalises every noun: an untyped word there is no organisation)
                or (n.kind == "any" and kind == "organization" and not self.lex.nouns_capitalised)
            )
            if kind == "person" and n.gender == "n":
                ok = False
            if not ok or not (
                gender == "any" or n.gender in ("any", gender, "n" if kind != "person" else gender)
            ):
                continue
            if first is None:
                first = n
            # a person typed from evidence / an organisation named twice or more wins
            strong = n.strong if kind == "person" else self._count.get(self.fullest(n.text), 0) > 1
            if strong:
                return n
        return first

    def with_role(self, role: str, pos: int) -> Name | None:
        """The nearest person before ``pos`` known to hold ``role``."""
        i = bisect.bisect_left(self._starts, pos) - 1
        stop = max(-1, i - 400)
        while i > stop:
            if role in self.names[i].roles:
                return self.names[i]
            i -= 1
        for n in self.names[:400]:
            if role in n.roles:
                return n
        return None

    # -- phrases around a cue ---------------------------------------------------------------
    def _name_ending(self, pos: int) -> Name | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.names[i].end == pos:
            return self.names[i]
        return None

    def _group_of(self, phrase: Phrase) -> str | None:
        """X of "(the) members of X" / "supporters of X" (the group's name), else None."""
        s, _, text = phrase
        low = text.lower()
        first = low.split(None, 1)[0] if low.strip() else ""
        skip = len(first) + 1 if first in self.lex.determiners else 0
        for head in self.lex.group_heads:
            if low.startswith(head, skip):
                rest = s + skip + len(head)
                n = self.name_at(rest)
                if n is not None and n.start == rest:
                    return self.fullest(n.text)
        return None

    # -- resolution -------------------------------------------------------------------------
    def resolve(self, phrase: Phrase | None, pos: int) -> str | None:
        """Canonical speaker of ``phrase`` (a name, pronoun or noun phrase) used at ``pos``."""
        if phrase is None:
            return None
        s, _, text = phrase
        lex = self.lex
        low = text.lower()
        if low in lex.pronouns:
            p = lex.pronouns[low]
            if low in ("i", "we", "ich", "je", "yo", "saya", "kami", "kita", "wir", "nous"):
                return None
            n = self.nearest(s, p.type if p.type != "any" else "organization", p.gender)
            if n is None and p.type == "any":
                n = self.nearest(s, "person")
            return self.fullest(n.text) if n else None
        n = self.name_at(s)
        if n is not None and n.end >= s + len(text) - 1:
            return self.fullest(n.text)
        group = self._group_of(phrase)
        if group is not None:
            return group
        words = low.split()
        if len(words) >= 2 and words[-1] in lex.post_determiners:
            words = ["the", *words[:-1]]
            text = " ".join(text.split()[:-1])
            low = text.lower()
        if words and words[0] in lex.determiners:
            role = lex.role_re.search(text)
            capital = [
                w
                for w in text.split()[1:]
                if w[:1].isupper() and w.lower().strip(",.’'s") not in lex.roles
            ]
            if role and not capital:
                holder = self.with_role(role.group().lower(), pos)
                if holder is None and len(words) > 2:
                    return text  # "the spokeswoman of the party": someone not named
                n = holder or self.nearest(s, "person")
                return self.fullest(n.text) if n else None
            if words[-1] in lex.org_nouns and not capital:
                known = [n for n in self.by_noun.get(words[-1], []) if n.start < s]
                n = known[-1] if known else self.nearest(s, "organization")
                return self.fullest(n.text) if n else None
            return text
        return self.fullest(text) if text[:1].isupper() else None
