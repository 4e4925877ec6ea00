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
import re
from dataclasses import dataclass, field

from quotegraph.extract.lexicon import UPPER, Lexicon
from quotegraph.extract.marks import Quoted
from quotegraph.extract.namespans import clean, inside, split_roles

_CAP = rf"{UPPER}[\w'’&.\-]*\w|{UPPER}"
_NAME = re.compile(
    rf"(?<![\w@#\-])(?:{_CAP})(?:[ \t]+(?:(?:de|da|di|del|van|von|der|den|la|le|du|bin|al|y|of)"
    rf"[ \t]+)?(?:{_CAP}))*"
)
_APPOSITION = re.compile(r"\s*,\s*((?:[\w'’\-]+\s+){0,6}?)([\w\-]+)\s*[,.]")
_NEXT_WORD = re.compile(r"\s+([\w\-]+)")
_TOKEN = re.compile(r"[\w][\w'’\-.]*\w|\w")

Phrase = tuple[int, int, str]


@dataclass
class Name:
    """One name mention; ``kind`` is person, organization or any (unknown)."""

    start: int
    end: int
    text: str
    kind: str = "any"
    roles: set[str] = field(default_factory=set)
    gender: str = "any"
    strong: bool = False  # typed from evidence (a title, a role), not from its shape


class Names:
    """Every name mention of a body, typed, with fullest forms and roles."""

    def __init__(self, body: str, lex: Lexicon, quotes: list[Quoted]) -> None:
        self.body, self.lex = body, lex
        quoted_spans = [(q.start, q.end) for q in quotes]
        self.names: list[Name] = []
        self.by_noun: dict[str, list[Name]] = {}
        self._longest: dict[str, str] | None = None
        for m in _NAME.finditer(body):
            for s, e, role in split_roles(body, m.start(), m.end(), lex):
                span = clean(body, s, e, lex)
                if span is None or inside(quoted_spans, span[0]):
                    continue
                name = Name(span[0], span[1], body[span[0] : span[1]])
                if role:
                    name.roles.add(role)
                    name.kind, name.strong = "person", True
                self.names.append(name)
        self._starts = [n.start for n in self.names]
        self._type_names()
        self._count: dict[str, int] = {}
        for n in self.names:
            key = self.fullest(n.text)
            self._count[key] = self._count.get(key, 0) + 1

    # -- typing -----------------------------------------------------------------------------
    def _type_names(self) -> None:
        lex, body = self.lex, self.body
        orgs = set(lex.organisations)
        persons: set[str] = set()
        for n in self.names:
            last = n.text.split()[-1]
            before = body[max(0, n.start - 12) : n.start].split()
            if last in lex.org_suffixes or n.text in orgs or n.text.removeprefix("The ") in orgs:
                n.kind = "organization"
            elif before and before[-1] in lex.titles:
                n.kind, n.gender, n.strong = "person", lex.titles[before[-1]], True
            after = body[n.end : n.end + 80]
            app = _APPOSITION.match(after) if after[:2].lstrip().startswith(",") else None
            if app and app.group(2).lower() in lex.org_nouns and n.kind != "person":
                n.kind = "organization"
                self.by_noun.setdefault(app.group(2).lower(), []).append(n)
            if before and before[-1].lower() in lex.org_nouns:
                self.by_noun.setdefault(before[-1].lower(), []).append(n)
                if n.kind == "any":
                    n.kind = "organization"
            nxt_m = _NEXT_WORD.match(after)
            nxt = nxt_m.group(1) if nxt_m else ""
            if nxt.lower() in lex.org_nouns and nxt.islower():
                self.by_noun.setdefault(nxt.lower(), []).append(n)
                n.gender = "n"  # a modifier of a noun ("Acme members"): never a person
            if before and before[-1].lower() in ("a", "an") and n.kind == "any":
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
        for n in self.names:  # spread the types over every mention of the same name
            if n.kind == "any":
                full = self.fullest(n.text)
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
        strong = {self.fullest(n.text) for n in self.names if n.strong}
        for n in self.names:
            if self.fullest(n.text) in strong:
                n.strong, n.kind = True, "person"

    def _role_holder(self, start: int, end: int) -> Name | None:
        """The person a role word at body[start:end] belongs to (apposition or pre-name role)."""
        after = self.body[end : end + 4]
        if after[:1] in (" ", "\t") and after[1:2].isupper():
            n = self.name_at(end + 1)
            if n is not None and n.start == end + 1:
                # "chief executive of Acme, Jane Doe": the person follows the company
                m = re.match(r",[ \t]+", self.body[n.end : n.end + 3])
                nxt = self.name_at(n.end + m.end()) if m else None
                if nxt is not None and len(n.text.split()) == 1 and len(nxt.text.split()) > 1:
                    return nxt
                return n
        window = self.body[max(0, start - 90) : start]
        m = re.search(r",[^,;:.!?\"“”]{0,70}$", window)
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

    def names_between(self, start: int, end: int) -> list[Name]:
        """Name mentions starting in [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.names[lo:hi]

    def fullest(self, text: str) -> str:
        """The longest name of the article that ends with (or starts with) ``text``."""
        text = text.removeprefix("The ").strip()
        if self._longest is None:
            self._longest = {}
            for n in self.names:
                t = n.text.removeprefix("The ")
                toks = t.split()
                for k in range(1, len(toks)):
                    for key in (" ".join(toks[k:]), " ".join(toks[:k])):
                        if len(t) > len(self._longest.get(key, "")):
                            self._longest[key] = t
        best = self._longest.get(text, text)
        return best if len(best) > len(text) else text

    def nearest(self, pos: int, kind: str, gender: str = "any", limit: int = 3000) -> Name | None:
        """The nearest name before ``pos`` of a compatible kind (and gender when known).

        Persons typed from evidence (a role, a title) win over persons guessed from the
        shape of their name; among organisations, one named twice or more wins over a
        nearer one named once.
        """
        lo = bisect.bisect_left(self._starts, pos - limit)
        hi = bisect.bisect_left(self._starts, pos)
        cands = []
        for i in range(hi - 1, lo - 1, -1):
            n = self.names[i]
            ok = kind == "any" or n.kind == kind or (n.kind == "any" and kind == "organization")
            if kind == "person" and n.gender == "n":
                ok = False
            if ok and (
                gender == "any" or n.gender in ("any", gender, "n" if kind != "person" else gender)
            ):
                cands.append(n)
        if not cands:
            return None
        if kind == "person":
            return next((n for n in cands if n.strong), cands[0])
        for n in cands:
            if self._count.get(self.fullest(n.text), 0) >= 2:
                return n
        return cands[0]

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
    def subject_before(self, cue_start: int, limit: int) -> Phrase | None:
        """The speaker phrase ending just before a cue at ``cue_start`` (not before ``limit``)."""
        body, lex = self.body, self.lex
        limit = max(limit, cue_start - 300)
        toks = [
            (m.start() + limit, m.end() + limit, m.group())
            for m in _TOKEN.finditer(body[limit:cue_start])
        ]
        while toks and toks[-1][2].lower() in lex.auxiliaries:
            toks.pop()
        if not toks:
            return None
        s, e, w = toks[-1]
        if w.lower() in lex.conjunctions:
            return None  # "Doe slammed it and accused …": the subject opens the sentence
        gap = re.sub(r"[\w'’\-]+", " ", body[e:cue_start])  # only auxiliaries were there
        if w.lower() in lex.pronouns and not re.search(r"[.;:!?\"“”]", gap):
            return (s, e, w)
        if w.lower() in lex.relatives and len(toks) >= 2:  # "Acme, which has argued"
            n = self._name_ending(len(body[:s].rstrip(" \t,")))
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
        app = re.search(r",\s*([^,;:!?\"“”]{1,80}?)\s*,?\s*$", head)
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
        n = self.name_at(s)
        if n is not None and n.end >= e - 2 and gap.strip() in ("", ","):
            return (n.start, n.end, n.text)
        if gap.strip():
            return None
        if w.lower() in lex.post_determiners and len(toks) >= 2:  # "perusahaan itu"
            return (toks[-2][0], e, body[toks[-2][0] : e])
        # a descriptive noun phrase: the CEO, an Anonymous-affiliated account, the company's...
        for j in range(len(toks) - 1, max(-1, len(toks) - 7), -1):
            word = toks[j][2]
            if re.search(r"[.;:!?\"“”]", body[toks[j][1] : toks[-1][0]]):
                break
            if word.lower() in lex.determiners and j < len(toks) - 1:
                return (toks[j][0], e, body[toks[j][0] : e])
        if w[:1].isupper() and w not in lex.not_names:
            return (s, e, w)
        return None

    def _name_ending(self, pos: int) -> Name | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.names[i].end == pos:
            return self.names[i]
        return None

    def np_after(self, pos: int, end: int) -> Phrase | None:
        """The speaker phrase right after an inverted cue ("said Jane Doe", "sagte er")."""
        body, lex = self.body, self.lex
        tag = re.match(r"-(?:t-)?(\w+)", body[pos:end])  # dit-il, a-t-elle
        if tag and tag.group(1).lower() in lex.pronouns:
            return (pos + tag.start(1), pos + tag.end(1), tag.group(1))
        m = re.match(r"[^\S\n]+", body[pos:end])
        s = pos + (m.end() if m else 0)
        toks = [(t.start() + s, t.end() + s, t.group()) for t in _TOKEN.finditer(body[s:end])]
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
            if j and re.search(r"[,.;:!?]", body[toks[j - 1][1] : ts]):
                break
            n = self.name_at(ts)
            if j and n is not None and n.start == ts:  # said election lawyer Jane Doe
                return (n.start, n.end, n.text)
            if tw[:1].isupper() and j:
                break
            if w.lower() in lex.determiners and (
                tw.lower() in lex.roles or tw.lower() in lex.org_nouns
            ):
                return (s, te, body[s:te])
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
