"""Attribution of quoted stretches: kind, cue, speaker phrase and venue of each quote.

Input: a :class:`Context` (body, lexicon, layout, names) and the :class:`Quoted` spans of the
body.  Output: :class:`Found` records, one per quote (or two when a speech tag sits inside the
marks), carrying the rule that fired and its confidence.  Rules, tried in order:

``tail``             “…,” he told X. / “…,” said Jane Doe. / ''…'', an account tweeted.
``tail-apposition``  “…,” Jane Doe, 30, a lawyer in Springfield, Ohio, said.
``according-head``   According to Jane Doe, “…”
``head``             He added: “…” / She said they were “…” (partial); the main clause's
                     named subject wins over an embedded cue ("Doe said Roe thinks “…”")
``sentence-tag``     Turnout was “far lower” in the north, Jane Doe said. (a tag closing the
                     sentence after more words)
``colon-para``       Jane Doe, the firm's CEO, told X:  ⏎ “…”
``signature``        “…”  ⏎ —Jane Doe, Springfield. (a paragraph that is one quote, signed)
``prev-sentence``    In an interview with X, the CEO elaborated. “…”
``inner-tag``        « …, a-t-il déclaré, … » (the tag splits the quote in two)
``reported-partial`` Doe said the plan was “a disaster” for the town: a quote inside reported
                     speech shares its cue and speaker (short ones too: not scare quotes)
``same-sentence``    Doe called it “a mess from the start” and “a farce nobody defends”
``continuation``     a quote with no cue of its own, right after an attributed quote
``scare``            1–3 words with no speech around them: never attributed
"""

from __future__ import annotations

import re

from quotegraph.extract.clauses import (
    according_head,
    clause_joined,
    document_owner,
    dropped_subject,
    earlier_venue,
    headline_colon,
    inherit,
    inherit_applies,
    inner_tag,
    main_first,
    sentence_subject,
    tail_apposition,
)
from quotegraph.extract.context import Context, Found
from quotegraph.extract.marks import Quoted, is_scare, is_title, lead_words
from quotegraph.extract.namespans import Phrase
from quotegraph.extract.venues import find_venue

__all__ = ["Context", "Found", "attribute", "clause_joined", "earlier_venue", "sentence_subject"]

_WORD = re.compile(r"[\w][\w'’\-]*\w|\w")
_END_PUNCT = ".!?…"
_LEAD = re.compile(r"[ \t]*[,—–\-]?[ \t]*")
_SENTENCE_TAG_CHARS = 120  # a closing tag: its comma this close to the sentence end
_SENTENCE_TAG_WORDS = 6  # words before its cue ("DFA spokesman Neil Sroka")
# a signature line under a quote: a dash, then a name; not a heading ("– Old hands –.")
_SIGNATURE = re.compile(r"[-–—―][ \t]*(?=\S)(?!.*[-–—―][ \t.]*$)")
_SIGNATURE_WORDS = 12
_SIGNED_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_RELATIVE = re.compile(r"([^,]{1,40}),\s+(\w+)\b[^,]{1,160},\s*")
_INVERTED_T = re.compile(r"(\w+)-t-(\w+)")
_MARK = re.compile(r"[\"“”«»„]")


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
    lead = _LEAD.match(body[s:end])
    first = s + (lead.end() if lead else 0)
    word_m = _WORD.search(body, first, end)
    word = word_m.group() if word_m else ""
    if not word or word.lower() in ctx.lex.conjunctions or word.lower() in ctx.lex.relatives:
        return None  # “…,” and Doe argued / “…,” which Doe …: a new clause
    cues = _cues(ctx, first, end)[:1]
    if q.text[-1:].isalnum() and body[ctx.layout.sentence_at(q.open_at)[0] : q.open_at].strip():
        return None  # Doe said “it hurts” every time he thinks …: a partial quote, no tag
    app = tail_apposition(ctx, q, first, cues[0], end) if cues else None
    if app is not None:
        return app  # “…,” Jane Doe, 30, a lawyer, said.
    if q.text[-1:] in _END_PUNCT and word[:1].isupper() and word.lower() not in (ctx.lex.cue_lemma):
        # the quote closed its sentence: only a short "Name said" may still attribute it
        near = 2 if q.text[-1:] == "." else 5
        if not cues or len(_WORD.findall(body[first : cues[0][0]])) > near:
            return None
        if q.text[-1:] == "." and (
            word.lower() in ctx.lex.pronouns or len(_WORD.findall(body[cues[0][1] : end])) > 6
        ):
            return None  # “… today.” He echoed it later, saying …: a new sentence
    relative = _RELATIVE.match(body[first : first + 240])
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
            m = _INVERTED_T.match(body[first:cs].strip())
            if m and m.group(2).lower() in ctx.lex.pronouns:
                p0 = first + body[first:cs].index(m.group(2))
                phrase = (p0, p0 + len(m.group(2)), m.group(2))
        if phrase is None:
            return dropped_subject(ctx, q, (cs, ce, lemma), rule, first, end)
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


def _sentence_tag(ctx: Context, q: Quoted, limit: int) -> Found | None:
    """“…” and more words, Jane Doe said. / …, said Jane Doe, a lawyer.: a tag closing the
    quote's sentence after a comma, the speaker right before or after the cue."""
    body = ctx.body
    s = q.close_at + len(q.close_mark)
    end = min(limit, ctx.layout.sentence_at(s)[1])
    commas = [i for i in range(max(s, end - _SENTENCE_TAG_CHARS), end) if body[i] == ","]
    if not commas or _MARK.search(body, commas[0], end):
        return None
    for k in range(len(commas) - 1, -1, -1):
        # the last comma opens "Jane Doe said." or "said Jane Doe."; an earlier one only
        # "said Jane Doe, a lawyer at X." (the apposition runs to the sentence end)
        found = _tag_at(ctx, s, commas[k], end, inverted_only=k < len(commas) - 1)
        if found is not None:
            cue, lemma, phrase, first = found
            head = body[ctx.layout.sentence_at(q.open_at)[0] : q.open_at].strip()
            return Found(
                q.start,
                q.end,
                "partial" if head else "direct",
                "sentence-tag",
                0.7,
                cue,
                lemma,
                ctx.names.resolve(phrase, cue[0]),
                phrase,
                find_venue(body, ctx.lex, ctx.names, first, end),
            )
    return None


def _tag_at(
    ctx: Context, s: int, comma: int, end: int, *, inverted_only: bool
) -> tuple[tuple[int, int], str, Phrase, int] | None:
    """``(cue, lemma, speaker phrase, clause start)`` of a tag opening after ``comma``."""
    body = ctx.body
    first = comma + 1
    while first < end and body[first] in " \t":
        first += 1
    cues = _cues(ctx, first, end)[:1]
    if not cues:
        return None
    cs, ce, lemma = cues[0]
    if cs == first:
        before = _WORD.findall(body, max(s, comma - 40), comma)
        if body[cs:ce].lower() in ctx.lex.venue_after_words or (
            before and before[-1][:1].isupper()
        ):
            return None  # "…, Joe Kasper, told Reuters": an apposition closed; Reuters was told
        phrase = ctx.names.np_after(ce, end)
        if phrase is not None and inverted_only and not body.startswith(",", phrase[1]):
            return None
    elif not inverted_only and len(_WORD.findall(body[first:cs])) <= _SENTENCE_TAG_WORDS:
        phrase = ctx.names.subject_before(cs, first)
    else:
        return None
    return None if phrase is None else ((cs, ce), lemma, phrase, first)


def _head(ctx: Context, q: Quoted, floor: int) -> Found | None:
    """He added: “…” / Jane Doe told X that … “…” (partial when the quote is mid-sentence)."""
    body = ctx.body
    ps, _ = ctx.layout.paragraph_at(q.open_at)
    ss = max(ctx.layout.sentence_at(q.open_at)[0], ps, floor, q.open_at - 400)
    head = body[ss : q.open_at]
    if not head.strip():
        return None
    colon = head.rstrip().endswith((":", ","))
    if head.rstrip().endswith(":"):  # Jane Doe: “…” / Headline words - Jane Doe: “…”
        n = ctx.names.name_at(ss + len(head.rstrip()[:-1].rstrip()) - 1)
        lead = body[ss : n.start].rstrip() if n is not None else "?"
        if (
            n is not None
            and n.end == ss + len(head.rstrip()[:-1].rstrip())
            and (not lead or lead[-1] in ".;—–-")
        ):
            said = (n.start, n.end, n.text)
            speaker = ctx.names.resolve(said, n.start)
            return Found(q.start, q.end, "direct", "name-colon", 0.7, None, None, speaker, said)
    acc = according_head(ctx, q, ss)
    if acc is not None:
        return acc
    cues = _cues(ctx, ss, q.open_at)
    main = main_first(ctx, cues, q.open_at)
    for k, (cs, _, _) in enumerate(main):
        subject = ctx.names.subject_before(cs, ss)
        if subject is not None and (
            ctx.names.solid(ctx.names.name_at(subject[0])) or subject[2].lower() in ctx.lex.pronouns
        ):
            main = main[k:] + main[:k]  # the main clause's named (or pronoun) subject
            break
    else:
        main = list(reversed(cues))  # no named subject: the nearest cue first
    for cs, ce, lemma in main:
        phrase: Phrase | None = ctx.names.subject_before(cs, ss)
        if phrase is None:
            after = ctx.names.np_after(ce, q.open_at)
            if after is not None and not ctx.body[after[1] : q.open_at].strip(" \t,:—–-"):
                phrase = after  # "…, said Jane Doe: “…”", not "saying he is “…”"
        if phrase is None and clause_joined(ctx, cs):
            sent = ctx.layout.sentence_at(cs)[0]  # Doe spoke on Monday, saying “…”
            phrase = sentence_subject(ctx, max(sent, cs - 300), cs)
        if phrase is None:
            continue
        phrase = document_owner(ctx, phrase, ss)
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


def _cued_phrase(ctx: Context, q: Quoted, floor: int) -> Found | None:
    """Doe called the plan “a total mess”: a short quote of several words after a speech cue.

    One-word quotes stay scare quotes ("declared “war”").
    """
    words = lead_words(q.text)
    if len(words) < 2 or is_title(words):
        return None
    f = _head(ctx, q, floor)
    if f is None or f.rule != "head" or not f.speaker or f.phrase is None or f.cue is None:
        return None
    if f.phrase[1] > f.cue[0] or not ctx.names.solid(ctx.names.name_at(f.phrase[0])):
        return None  # the speaker is the named subject before the cue, not its object
    return f


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


def _dash_line(ctx: Context, q: Quoted) -> Found | None:
    """A paragraph that is one quote, signed on the next line: "—Jane Doe, Springfield."."""
    body, layout = ctx.body, ctx.layout
    i = layout.para_index(q.open_at)
    if not 0 <= i < len(layout.paras) - 1:
        return None
    ps, pe = layout.paras[i]
    after = q.close_at + len(q.close_mark)
    if body[ps : q.open_at].strip() or body[after:pe].strip(" .\t"):
        return None
    ns, ne = layout.paras[i + 1]
    line = body[ns:ne]
    dash = _SIGNATURE.match(line)
    if dash is None or len(_WORD.findall(line)) > _SIGNATURE_WORDS:
        return None
    start = ns + dash.end()
    n = ctx.names.name_at(start)
    if n is not None and n.start == start:
        said = (n.start, n.end, n.text)
    else:  # "-Jane Doe": a dash glued to the name hides it from the name finder
        end = start
        for word in _SIGNED_WORD.finditer(body, start, ne):
            if word.start() != end + (end > start) or not word.group()[:1].isupper():
                break
            end = word.end()
        if end == start:
            return None
        said = (start, end, body[start:end])
    return Found(
        q.start,
        q.end,
        "direct",
        "signature",
        0.7,
        None,
        None,
        ctx.names.resolve(said, said[0]),
        said,
    )


def _prev_sentence(ctx: Context, q: Quoted, floor: int) -> Found | None:
    """A quote opening a sentence right after 'SPEAKER CUE ….' in the same paragraph."""
    ps, _ = ctx.layout.paragraph_at(q.open_at)
    j = ctx.layout.sent_index(q.open_at)
    if j <= 0 or ctx.body[ctx.layout.sents[j][0] : q.open_at].strip():
        return None  # a quote inside its sentence has that sentence's own subject
    ss, se = ctx.layout.sents[j - 1]
    if ss < max(ps, floor) or se - ss > 600 or _MARK.search(ctx.body, ss, se):
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


def attribute(ctx: Context, quotes: list[Quoted], prior: list[Found] | None = None) -> list[Found]:
    """Attribute every quoted stretch (see the module docstring for the rules).

    ``prior`` are already attributed mentions (reported speech) that a cue-less quote
    right after them may continue.
    """
    out: list[Found] = []
    last: Found | None = None
    before = sorted((f for f in prior or [] if f.speaker), key=lambda f: f.end)
    reported = sorted((f.start, f.end, k) for k, f in enumerate(before) if f.cue)
    b = 0
    floor = 0  # after the previous (non-scare) quote: a head search stops there
    for k, q in enumerate(quotes):
        while b < len(before) and before[b].end <= q.open_at:
            if last is None or before[b].end > last.end:
                last = before[b]
            b += 1
        nxt = quotes[k + 1].open_at if k + 1 < len(quotes) else len(ctx.body)
        prev_end = floor
        if is_scare(q):
            tail = _tail(ctx, q, nxt)
            if tail is None or q.single or not q.text[:1].isupper():
                scare = Found(q.start, q.end, "scare", "scare", 0.6)
                if not is_title(lead_words(q.text)) and inherit_applies(q, reported):
                    # Doe said he would be “shocked”: words of reported speech, not scare
                    own = _head(ctx, q, prev_end) or scare
                    own.kind = "partial"
                    scare = inherit(ctx, own, q, reported, before)
                if scare.kind == "scare":
                    scare = headline_colon(ctx, q) or _cued_phrase(ctx, q, prev_end) or scare
                out.append(scare)
                if scare.kind == "partial":
                    last = scare
                continue  # a scare quote does not end the attribution search (floor)
        f = _tail(ctx, q, nxt) or _head(ctx, q, prev_end) or _sentence_tag(ctx, q, nxt)
        if f is None and ctx.body[ctx.layout.paragraph_at(q.open_at)[0] : q.open_at].strip() == "":
            f = _colon_para(ctx, q) or _dash_line(ctx, q)
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
        if (
            f is None
            and last is not None
            and last.cue
            and last.kind in ("partial", "direct")
            and ctx.layout.sentence_at(q.open_at)[0] <= last.start < q.open_at
            and last.cue[1] <= q.open_at  # the shared cue stays outside this quote
        ):
            # Doe called it “a mess” and “a farce”: one attribution, one cue
            f = Found(
                q.start,
                q.end,
                "partial",
                "same-sentence",
                0.7,
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
        if f.kind == "partial":
            f = inherit(ctx, f, q, reported, before)
        if f.cue_lemma == "tweet":
            f.kind = "tweet"

        out.extend(inner_tag(ctx, f, q) if f.rule != "continuation" else [f])
        floor = q.close_at + 1
        if f.speaker:
            last = f
    return out


def set_last(found: list[Found]) -> Found | None:
    """The last attributed record of ``found`` (helper for other passes)."""
    for f in reversed(found):
        if f.speaker:
            return f
    return None
