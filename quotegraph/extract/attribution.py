"""Attribution of quoted stretches: kind, cue, speaker phrase and venue of each quote.

Input: a :class:`Context` (body, lexicon, layout, names) and the :class:`Quoted` spans of the
body.  Output: :class:`Found` records, one per quote (or two when a speech tag sits inside the
marks), carrying the rule that fired and its confidence.  Rules, tried in order:

``tail``          “…,” he told X. / “…,” said Jane Doe. / ''…'', an account tweeted.
``head``          He added: “…” / She said they were “…” (partial)
``colon-para``    Jane Doe, the firm's CEO, told X:  ⏎ “…”
``prev-sentence`` In an interview with X, the CEO elaborated. “…”
``inner-tag``     « …, a-t-il déclaré, … » (the tag splits the quote in two)
``continuation``  a quote with no cue of its own, right after an attributed quote
``scare``         1–3 words with no speech around them: never attributed
"""

from __future__ import annotations

import re

from quotegraph.extract.context import Context, Found
from quotegraph.extract.marks import Quoted
from quotegraph.extract.speakers import Phrase
from quotegraph.extract.venues import Venue, find_venue

__all__ = ["Context", "Found", "attribute", "clause_joined", "earlier_venue", "sentence_subject"]

_WORD = re.compile(r"[\w][\w'’\-]*\w|\w")
_END_PUNCT = ".!?…"


def _cues(ctx: Context, start: int, end: int) -> list[tuple[int, int, str]]:
    return ctx.cues(start, end)


def _tail(ctx: Context, q: Quoted, limit: int) -> Found | None:
    """“…,” he said / “…,” said Jane Doe / ''…'', an account tweeted."""
    body = ctx.body
    s = q.close_at + len(q.close_mark)
    sent_end = ctx.layout.sentence_at(s)[1]
    end = min(limit, sent_end if sent_end > s else s + 160, s + 160)
    nl = body.find("\n", s, end)
    end = nl if nl >= 0 else end
    lead = re.match(r"[ \t]*[,—–\-]?[ \t]*", body[s:end])
    first = s + (lead.end() if lead else 0)
    words = _WORD.findall(body[first:end])
    if not words:
        return None
    cues = _cues(ctx, first, end)[:1]
    if (
        q.text[-1:] in _END_PUNCT
        and words[0][:1].isupper()
        and words[0].lower() not in (ctx.lex.cue_lemma)
    ):
        # the quote closed its sentence: only a short "Name said" may still attribute it
        near = 2 if q.text[-1:] == "." else 5
        if not cues or len(_WORD.findall(body[first : cues[0][0]])) > near:
            return None
    relative = re.match(r"([^,]{1,40}),\s+(\w+)\b[^,]{1,160},\s*", body[first : first + 240])
    if relative and relative.group(2).lower() in ctx.lex.relatives and cues:
        # “…,” Jane Doe, who led the team for years, told X.
        n = ctx.names.name_at(first + relative.start(1))
        after_rel = first + relative.end()
        rel_cues = _cues(ctx, after_rel, min(len(body), after_rel + 60))
        if n is not None and n.end == first + relative.end(1) and rel_cues:
            cs, ce, lemma = rel_cues[0]
            said = (n.start, n.end, n.text)
            venue = find_venue(body, ctx.lex, ctx.names, cs, min(len(body), ce + 80))
            return Found(
                q.start,
                q.end,
                "direct",
                "tail-relative",
                0.85,
                (cs, ce),
                lemma,
                ctx.names.resolve(said, cs),
                said,
                venue,
            )
    for cs, ce, lemma in cues:
        if len(_WORD.findall(body[first:cs])) > 8:
            return None
        if cs == first or body[first:cs].strip().lower() in ctx.lex.auxiliaries:
            phrase = ctx.names.np_after(ce, end)
            rule = "tail-inverted"
        else:
            phrase = ctx.names.subject_before(cs, first)
            if phrase is None:
                inv = ctx.names.np_after(ce, end)  # "a-t-il déclaré" style: tag word first
                phrase = inv
            rule = "tail"
        if phrase is None:
            m = re.match(r"(\w+)-t-(\w+)", body[first:cs].strip())
            if m and m.group(2).lower() in ctx.lex.pronouns:
                p0 = first + body[first:cs].index(m.group(2))
                phrase = (p0, p0 + len(m.group(2)), m.group(2))
        if phrase is None:
            return None
        return Found(
            q.start,
            q.end,
            "direct",
            rule,
            0.9,
            (cs, ce),
            lemma,
            ctx.names.resolve(phrase, cs),
            phrase,
            find_venue(ctx.body, ctx.lex, ctx.names, first, end),
        )
    return None


def _head(ctx: Context, q: Quoted, floor: int) -> Found | None:
    """He added: “…” / Jane Doe told X that … “…” (partial when the quote is mid-sentence)."""
    body = ctx.body
    ps, _ = ctx.layout.paragraph_at(q.open_at)
    ss = max(ctx.layout.sentence_at(q.open_at)[0], ps, floor, q.open_at - 400)
    head = body[ss : q.open_at]
    if not head.strip():
        return None
    colon = head.rstrip().endswith((":", ","))
    named = re.search(r"(?:^|[.;—–-]\s*)([^.;:]{1,60}):\s*$", head)
    if named:  # Jane Doe: “…”
        n = ctx.names.name_at(ss + named.start(1))
        if n is not None and n.end == ss + len(head.rstrip()[:-1].rstrip()):
            said = (n.start, n.end, n.text)
            speaker = ctx.names.resolve(said, n.start)
            return Found(q.start, q.end, "direct", "name-colon", 0.7, None, None, speaker, said)
    cues = _cues(ctx, ss, q.open_at)
    for cs, ce, lemma in reversed(cues):
        phrase: Phrase | None = ctx.names.subject_before(cs, ss)
        if phrase is None:
            phrase = ctx.names.np_after(ce, q.open_at)
        if phrase is None and clause_joined(ctx, cs):
            sent = ctx.layout.sentence_at(cs)[0]  # Doe spoke on Monday, saying “…”
            phrase = sentence_subject(ctx, max(sent, cs - 300), cs)
        if phrase is None:
            continue
        kind = "direct" if colon else "partial"
        venue = find_venue(body, ctx.lex, ctx.names, ss, q.open_at)
        return Found(
            q.start,
            q.end,
            kind,
            "head",
            0.85 if colon else 0.8,
            (cs, ce),
            lemma,
            ctx.names.resolve(phrase, cs),
            phrase,
            venue,
        )
    return None


def clause_joined(ctx: Context, cs: int) -> bool:
    """Whether the cue at ``cs`` follows a comma or a conjunction (its subject is earlier)."""
    before = ctx.body[max(0, cs - 12) : cs].rstrip()
    last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
    return before.endswith(",") or last in ctx.lex.conjunctions


def sentence_subject(ctx: Context, ss: int, cs: int) -> Phrase | None:
    """The subject opening the sentence at ``ss`` (a pronoun or a name in its first words)."""
    words = _WORD.findall(ctx.body[ss : min(cs, ss + 80)])[:6]
    if not words:
        return None
    if words[0].lower() in ctx.lex.pronouns:
        p0 = ctx.body.index(words[0], ss)
        return (p0, p0 + len(words[0]), words[0])
    for n in ctx.names.names_between(ss, min(cs, ss + 60)):
        return (n.start, n.end, n.text)
    return None


def _colon_para(ctx: Context, q: Quoted) -> Found | None:
    """A paragraph ending with ':' and holding a cue introduces the quote below it."""
    i = ctx.layout.para_index(q.open_at)
    if i <= 0:
        return None
    ps, pe = ctx.layout.paras[i - 1]
    if not ctx.body[ps:pe].rstrip().endswith(":"):
        return None
    ss = max(ctx.layout.sentence_at(pe - 1)[0], pe - 400)
    for cs, ce, lemma in reversed(_cues(ctx, ss, pe)):
        phrase = ctx.names.subject_before(cs, ss) or ctx.names.np_after(ce, pe)
        if phrase is not None:
            venue = find_venue(ctx.body, ctx.lex, ctx.names, ss, pe)
            return Found(
                q.start,
                q.end,
                "direct",
                "colon-para",
                0.85,
                (cs, ce),
                lemma,
                ctx.names.resolve(phrase, cs),
                phrase,
                venue,
            )
    return None


def _prev_sentence(ctx: Context, q: Quoted, floor: int) -> Found | None:
    """A quote opening a sentence right after 'SPEAKER CUE ….' in the same paragraph."""
    ps, _ = ctx.layout.paragraph_at(q.open_at)
    j = ctx.layout.sent_index(q.open_at)
    if j <= 0:
        return None
    ss, se = ctx.layout.sents[j - 1]
    if ss < max(ps, floor) or se - ss > 600 or re.search(r"[\"“”«»„]", ctx.body[ss:se]):
        return None
    for cs, ce, lemma in _cues(ctx, ss, se):
        phrase = ctx.names.subject_before(cs, ss)
        if phrase is not None:
            venue = find_venue(ctx.body, ctx.lex, ctx.names, ss, se)
            return Found(
                q.start,
                q.end,
                "direct",
                "prev-sentence",
                0.75,
                (cs, ce),
                lemma,
                ctx.names.resolve(phrase, cs),
                phrase,
                venue,
            )
    return None


def _is_title(words: list[str]) -> bool:
    """Title Case: every word of four letters or more is capitalised ("Eat The Press")."""
    long = [w for w in words if len(w) >= 4 or w[:1].isupper()]
    return len(words) <= 8 and bool(long) and all(w[:1].isupper() for w in long)


def _is_scare(ctx: Context, q: Quoted) -> bool:
    words = _WORD.findall(q.text)
    if not words:
        return False
    if _is_title(words) and len(words) >= 2 and q.text[-1:] not in "?!":
        return True
    if len(words) > 3:
        return False
    return q.text[-1:] not in _END_PUNCT + ","


def _inner_tag(ctx: Context, f: Found, q: Quoted) -> list[Found]:
    """Split « A, a-t-il dit, B » into two attributed parts when a tag sits inside."""
    body = ctx.body
    for m in re.finditer(r",\s+([^,\"“”«»]{2,50}?),\s+", body[q.start : q.end]):
        s0, e0 = q.start + m.start(1), q.start + m.end(1)
        cues = _cues(ctx, s0, e0)
        if not cues or len(_WORD.findall(m.group(1))) > 6:
            continue
        cs, ce, lemma = cues[0]
        phrase = ctx.names.np_after(ce, e0) or ctx.names.subject_before(cs, s0)
        if phrase is None:
            tag = re.search(r"-t-(\w+)|-(\w+)$", body[s0:cs].strip())
            if not tag:
                continue
            w = tag.group(1) or tag.group(2)
            if w.lower() not in ctx.lex.pronouns:
                continue
            p0 = body.index(w, s0)
            phrase = (p0, p0 + len(w), w)
        speaker = ctx.names.resolve(phrase, cs)
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


def earlier_venue(ctx: Context, pos: int, speaker: str | None = None) -> Venue | None:
    """A blog post / statement / speech named in the sentence before ``pos``.

    With ``speaker``, only when that sentence names the same speaker.
    """
    j = ctx.layout.sent_index(pos)
    while j >= 0 and ctx.layout.sents[j][0] >= ctx.layout.sentence_at(pos)[0] and j > 0:
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


def attribute(ctx: Context, quotes: list[Quoted], prior: list[Found] | None = None) -> list[Found]:
    """Attribute every quoted stretch (see the module docstring for the rules).

    ``prior`` are already attributed mentions (reported speech) that a cue-less quote
    right after them may continue.
    """
    out: list[Found] = []
    last: Found | None = None
    before = sorted((f for f in prior or [] if f.speaker), key=lambda f: f.end)
    b = 0
    for k, q in enumerate(quotes):
        while b < len(before) and before[b].end <= q.open_at:
            if last is None or before[b].end > last.end:
                last = before[b]
            b += 1
        nxt = quotes[k + 1].open_at if k + 1 < len(quotes) else len(ctx.body)
        prev_end = quotes[k - 1].close_at + 1 if k else 0
        if _is_scare(ctx, q):
            tail = _tail(ctx, q, nxt)
            if tail is None or q.single or not q.text[:1].isupper():
                out.append(Found(q.start, q.end, "scare", "scare", 0.6))
                continue
        f = _tail(ctx, q, nxt) or _head(ctx, q, prev_end)
        if f is None and ctx.body[ctx.layout.paragraph_at(q.open_at)[0] : q.open_at].strip() == "":
            f = _colon_para(ctx, q)
        if f is None:
            f = _prev_sentence(ctx, q, prev_end)
        if f is None and last is not None and last.speaker:
            gap_paras = ctx.layout.para_index(q.open_at) - ctx.layout.para_index(last.end)
            sentence_start = ctx.body[ctx.layout.sentence_at(q.open_at)[0] : q.open_at].strip()
            if gap_paras <= 1 and not sentence_start:
                f = Found(
                    q.start,
                    q.end,
                    "direct",
                    "continuation",
                    0.65,
                    last.cue,
                    last.cue_lemma,
                    last.speaker,
                    last.phrase,
                    last.venue,
                )
        if f is None:
            head = ctx.body[ctx.layout.sentence_at(q.open_at)[0] : q.open_at].strip()
            kind = "partial" if head else "direct"
            f = Found(q.start, q.end, kind, "unattributed", 0.4)
            ss = max(ctx.layout.sentence_at(q.open_at)[0], prev_end)
            said = sentence_subject(ctx, ss, q.open_at) if head else None
            if said is not None:  # Doe denounced “…”: the sentence's subject, weakly
                speaker = ctx.names.resolve(said, said[0])
                f = Found(q.start, q.end, kind, "sentence-subject", 0.45, None, None, speaker, said)
        if f.cue_lemma == "tweet":
            f.kind = "tweet"

        out.extend(_inner_tag(ctx, f, q) if f.rule != "continuation" else [f])
        if f.speaker:
            last = f
    return out


def set_last(found: list[Found]) -> Found | None:
    """The last attributed record of ``found`` (helper for other passes)."""
    for f in reversed(found):
        if f.speaker:
            return f
    return None
