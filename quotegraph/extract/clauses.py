"""Clause-level helpers of attribution: subjects, main clauses, tags, partial quotes, venues.

Input: a :class:`~quotegraph.extract.context.Context` and positions in its body.  Output:
speaker phrases (:func:`sentence_subject`), cue orderings (:func:`main_first`) and
:class:`~quotegraph.extract.context.Found` records for the special cases the main rules of
:mod:`~quotegraph.extract.attribution` delegate here: "according to X, “…”", long tail
appositions, speech tags inside quote marks, and partial quotes inside reported speech.

>>> from quotegraph.extract.lexicon import lexicon
>>> from quotegraph.extract.speakers import Names
>>> from quotegraph.extract.text import Layout
>>> body = "On Monday, Jane Doe spoke at length, saying “it was fine.”"
>>> lex = lexicon("en")
>>> ctx = Context.build(body, lex, Layout(body, lex), Names(body, lex, []))
>>> sentence_subject(ctx, 0, body.index("saying"))
(11, 19, 'Jane Doe')
>>> clause_joined(ctx, body.index("saying"))
True
"""

from __future__ import annotations

import bisect
import re

from quotegraph.extract.context import Context, Found
from quotegraph.extract.marks import Quoted
from quotegraph.extract.namespans import Phrase
from quotegraph.extract.venues import Venue, find_venue

__all__ = [
    "according_head",
    "clause_joined",
    "document_owner",
    "dropped_subject",
    "earlier_venue",
    "headline_colon",
    "inherit",
    "inherit_applies",
    "inner_tag",
    "main_first",
    "sentence_subject",
    "tail_apposition",
]

_WORD = re.compile(r"[\w][\w'’\-]*\w|\w")
_CLAUSE_BREAK = re.compile(r";|\.\s|,\s+(\w+)")
_DATELINE = re.compile(r"[A-Z][\w .,’'\-]{0,40}\([\w .,]{1,30}\)\s*[–—\-]+\s*")
_BREAKS_SENTENCE = re.compile(r"[;:!?\"“”«»]|\.\s+[A-Z]")
_INITIAL_COMMA = re.compile(r"[A-Z]\.,")
_INNER_TAG = re.compile(r",\s+([^,\"“”«»]{2,50}?),\s+")
_TAG_PRONOUN = re.compile(r"-t-(\w+)|-(\w+)$")


def tail_apposition(
    ctx: Context, q: Quoted, first: int, cue: tuple[int, int, str], end: int
) -> Found | None:
    """“…,” Jane Doe, 30, a lawyer at Doe & Roe in Springfield, said: a long apposition."""
    body = ctx.body
    n = ctx.names.name_at(first)
    cs, ce, lemma = cue
    if n is None or n.start != first or not body.startswith(",", n.end) or not ctx.names.solid(n):
        return None
    between = body[n.end : cs]
    words = between.split()
    while words and words[-1].lower() in ctx.lex.auxiliaries:  # French "…, a déclaré"
        between = between.rstrip()[: -len(words.pop())]
    if not between.rstrip().endswith(",") or len(_WORD.findall(between)) > 30:
        return None
    if _BREAKS_SENTENCE.search(between) and not _INITIAL_COMMA.search(between):
        return None
    said = (n.start, n.end, n.text)
    venue = find_venue(body, ctx.lex, ctx.names, n.end + len(between.rstrip()), end)
    speaker = ctx.names.resolve(said, cs)
    return Found(
        q.start, q.end, "direct", "tail-apposition", 0.8, (cs, ce), lemma, speaker, said, venue
    )


def according_head(ctx: Context, q: Quoted, ss: int) -> Found | None:
    """According to Jane Doe, “…”: the source phrase right before the quote."""
    body = ctx.body
    m = ctx.lex.source_before_re.search(body, ss, q.open_at)
    if m is None:
        return None
    src = body[m.end() : q.open_at].strip()
    if not src.endswith(",") or len(_WORD.findall(src)) > 8 or ctx.cues(m.end(), q.open_at):
        return None
    start = body.index(src, m.end())
    said = (start, start + len(src) - 1, src[:-1].rstrip())
    speaker = ctx.names.resolve(said, m.start()) or said[2]
    venue = find_venue(body, ctx.lex, ctx.names, ss, q.open_at)
    return Found(
        q.start,
        q.end,
        "direct",
        "according-head",
        0.75,
        (m.start(), m.end()),
        "according to",
        speaker,
        said,
        venue,
    )


def main_first(
    ctx: Context, cues: list[tuple[int, int, str]], until: int
) -> list[tuple[int, int, str]]:
    """Cues of a head, the main clause's first: "Doe said Roe thinks “…”" is Doe's.

    Only the cues after the last clause break (";", ", but", ", while") are kept in that
    order; the cues before it come after them, nearest first.
    """
    cut = 0
    for k in range(len(cues)):
        gap_end = cues[k + 1][0] if k + 1 < len(cues) else until
        for m in _CLAUSE_BREAK.finditer(ctx.body, cues[k][1], gap_end):
            if m.group(1) is None or m.group(1).lower() in ctx.lex.conjunctions:
                cut = k + 1
    if cues and cut == 0:  # "Despite what he wrote, Doe said …": skip the opening clause
        ss = ctx.layout.sentence_at(cues[0][0])[0]
        first = _WORD.match(ctx.body, ss)
        comma = ctx.body.find(",", ss, until)
        lex = ctx.lex
        if first and comma > 0 and first.group().lower() in lex.prepositions | lex.conjunctions:
            cut = sum(1 for c in cues if c[1] <= comma)
    return cues[cut:] + list(reversed(cues[:cut]))


def clause_joined(ctx: Context, cs: int) -> bool:
    """Whether the cue at ``cs`` follows a comma or a conjunction (its subject is earlier)."""
    before = ctx.body[max(0, cs - 12) : cs].rstrip()
    last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
    return before.endswith(",") or last in ctx.lex.conjunctions


def sentence_subject(ctx: Context, ss: int, cs: int) -> Phrase | None:
    """The subject opening the sentence at ``ss`` (a pronoun or a name in its first words)."""
    body, lex = ctx.body, ctx.lex
    dateline = _DATELINE.match(body, ss, cs)
    if dateline:  # WASHINGTON (AP) — Doe said …
        ss = dateline.end()
    intro = _WORD.match(body, ss, cs)
    comma = body.find(",", ss, min(cs, ss + 80))
    if (
        intro
        and comma > 0
        and (
            intro.group().lower() in lex.prepositions
            or (intro.group() in lex.not_names and comma == intro.end())  # However, …
        )
    ):
        ss = comma + 1  # On Monday, Doe … / Like Roe, Doe …
        while ss < cs and body[ss].isspace():
            ss += 1
    words = [(m.start(), m.group()) for m in _WORD.finditer(body, ss, min(cs, ss + 80))][:6]
    if words and words[0][1].lower() in lex.conjunctions:
        words = words[1:]  # And she is sure …
    if not words:
        return None
    if words[0][1].lower() in lex.pronouns:
        p0, w = words[0]
        return (p0, p0 + len(w), w)
    for n in ctx.names.names_between(ss, min(cs, ss + 60)):
        return (n.start, n.end, n.text)
    return None


def inner_tag(ctx: Context, f: Found, q: Quoted) -> list[Found]:
    """Split « A, a-t-il dit, B » into two attributed parts when a tag sits inside."""
    body = ctx.body
    for m in _INNER_TAG.finditer(body[q.start : q.end]):
        s0, e0 = q.start + m.start(1), q.start + m.end(1)
        cues = ctx.cues(s0, e0)
        if not cues or len(_WORD.findall(m.group(1))) > 6:
            continue
        cs, ce, lemma = cues[0]
        if len(_WORD.findall(body[s0:cs])) > 3 or len(_WORD.findall(body[ce:e0])) > 3:
            continue  # a tag is the cue and its speaker, nothing more
        phrase = ctx.names.np_after(ce, e0) or ctx.names.subject_before(cs, s0)
        if phrase is None:
            tag = _TAG_PRONOUN.search(body[s0:cs].strip())
            if not tag:
                continue
            w = tag.group(1) or tag.group(2)
            if w.lower() not in ctx.lex.pronouns:
                continue
            p0 = body.index(w, s0)
            phrase = (p0, p0 + len(w), w)
        speaker = ctx.names.resolve(phrase, cs)
        if speaker is None:
            continue  # "…, I say, …" inside a quote is the quote's own words
        left_end, right_start = q.start + m.start(), q.start + m.end()
        return [
            Found(
                f.start,
                left_end + 1,
                "direct",
                "inner-tag",
                0.85,
                (cs, ce),
                lemma,
                speaker,
                phrase,
                f.venue,
            ),
            Found(
                right_start,
                f.end,
                "direct",
                "inner-tag",
                0.85,
                (cs, ce),
                lemma,
                speaker,
                phrase,
                f.venue,
            ),
        ]
    return [f]


def _enclosing(reported: list[tuple[int, int, int]], q: Quoted) -> int:
    """Index in ``reported`` (start, end, k) of the span holding quote ``q``, else -1."""
    i = bisect.bisect_right(reported, (q.open_at, 1 << 62, 0)) - 1
    while i >= 0 and reported[i][1] < q.close_at - 1:
        i -= 1
    return i if i >= 0 and reported[i][0] <= q.open_at else -1


def inherit_applies(q: Quoted, reported: list[tuple[int, int, int]]) -> bool:
    """Whether quote ``q`` lies inside reported speech (see :func:`inherit`)."""
    return _enclosing(reported, q) >= 0


def inherit(
    ctx: Context, f: Found, q: Quoted, reported: list[tuple[int, int, int]], prior: list[Found]
) -> Found:
    """A partial quote inside reported speech belongs to that speech's attribution.

    “Doe said the plan was “a disaster” for the town”: the partial quote takes the cue and
    speaker of "Doe said …" unless a later cue of its own clause has a named subject
    ("…, and Roe called it “a joke”").
    """
    i = _enclosing(reported, q)
    if i < 0:
        return f
    r = prior[reported[i][2]]
    assert r.cue is not None
    if r.cue[0] < q.close_at and q.open_at < r.cue[1]:
        return f  # (odd marks) the reported cue would sit inside the quote
    if f.cue is not None and f.cue[0] > r.cue[1] and f.phrase is not None:
        own = ctx.names.name_at(f.phrase[0])
        if (own is not None or f.phrase[2].lower() in ctx.lex.pronouns) and f.speaker not in (
            None,
            r.speaker,
        ):
            return f
    return Found(
        f.start,
        f.end,
        "partial",
        "reported-partial",
        0.75,
        r.cue,
        r.cue_lemma,
        r.speaker,
        r.phrase,
        f.venue or r.venue,
    )


def earlier_venue(ctx: Context, pos: int, speaker: str | None = None) -> Venue | None:
    """A blog post / statement / speech named in the sentence before ``pos``.

    With ``speaker``, only when that sentence names the same speaker.
    """
    j = ctx.layout.sent_index(pos)
    here = ctx.layout.sentence_at(pos)[0]
    while j >= 0 and ctx.layout.sents[j][0] >= here and j > 0:
        j -= 1
    if j < 0:
        return None
    ss, se = ctx.layout.sents[j]
    if se > pos or se - ss > 600:
        return None
    if speaker and not any(
        ctx.names.fullest(n.text) == speaker for n in ctx.names.names_between(ss, se)
    ):
        return None
    venue = find_venue(ctx.body, ctx.lex, ctx.names, ss, se)
    return venue if venue is not None and venue.type != "outlet" else None


def headline_colon(ctx: Context, q: Quoted) -> Found | None:
    """A headline that names its speaker before a colon: "Doe: Plan Is ‘Reckless’".

    Only short paragraphs (headlines, decks) whose text before the colon is one solid name.

    >>> from quotegraph.extract.lexicon import lexicon
    >>> from quotegraph.extract.marks import scan
    >>> from quotegraph.extract.speakers import Names
    >>> from quotegraph.extract.text import Layout
    >>> body = "Jane Doe: Budget Is ‘Reckless’\\n\\nJane Doe spoke on Monday."
    >>> lex = lexicon("en")
    >>> ctx = Context.build(body, lex, Layout(body, lex), Names(body, lex, scan(body)))
    >>> headline_colon(ctx, scan(body)[0]).speaker
    'Jane Doe'
    """
    body = ctx.body
    ps, pe = ctx.layout.paragraph_at(q.open_at)
    if pe - ps > 200:
        return None
    colon = body.find(":", ps, q.open_at)
    if colon < 0 or body.find(":", colon + 1, q.open_at) >= 0:
        return None
    n = ctx.names.name_at(colon - 1)
    if n is None or n.end != colon or body[ps : n.start].strip() or not ctx.names.solid(n):
        return None
    speaker = ctx.names.resolve((n.start, n.end, n.text), n.start)
    return Found(
        q.start,
        q.end,
        "partial",
        "headline-colon",
        0.5,
        (colon, colon + 1),
        None,
        speaker,
        (n.start, n.end, n.text),
    )


def document_owner(ctx: Context, phrase: Phrase, ss: int) -> Phrase:
    """Doe issued a statement saying …: the sentence's subject issued the document.

    ``phrase`` found before a cue is a determiner + document noun ("a statement") that is
    not the sentence's first words; the sentence subject is returned instead (if any).
    """
    words = phrase[2].lower().split()
    if len(words) < 2 or words[0] not in ctx.lex.determiners or phrase[0] <= ss:
        return phrase
    if words[-1] not in ctx.lex.cue_nouns:
        return phrase
    return sentence_subject(ctx, ss, phrase[0]) or phrase


def dropped_subject(
    ctx: Context, q: Quoted, cue: tuple[int, int, str], rule: str, first: int, end: int
) -> Found | None:
    """«…», dijo el lunes: a tag with no subject speaks for the last person named."""
    cs, ce, lemma = cue
    if rule != "tail-inverted" or cs != first or ctx.names.names_between(ce, end):
        return None
    ps = ctx.layout.paragraph_at(q.open_at)[0]
    n = ctx.names.nearest(q.open_at, "person", limit=q.open_at - ps)
    if n is None or (not n.strong and " " not in n.text):
        return None
    speaker = ctx.names.fullest(n.text)
    return Found(q.start, q.end, "direct", "tail-dropped", 0.6, (cs, ce), lemma, speaker, None)
