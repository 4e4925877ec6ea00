"""Reported speech (kind ``indirect``) and embedded social-media posts (kind ``tweet``).

Input: a :class:`~quotegraph.extract.attribution.Context` and the quoted stretches.  Output:
:class:`~quotegraph.extract.attribution.Found` records.  Rules:

``according-to``  According to X, CONTENT. / CONTENT, according to X. / Menurut X, CONTENT.
``reported``      X said/wrote/told Y that CONTENT (complementizers come from the lexicon:
                  that, bahwa, dass, que ...)
``reported-bare`` X said CONTENT (English-style bare clause; cues listed in the lexicon)
                  A quotation that opens and closes inside CONTENT stays in it (the partial
                  quote then shares this cue), unless CONTENT is little more than the quote.
``tweet``         a paragraph of text with @handles/#hashtags and a link, without marks
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cache

from quotegraph.extract.attribution import Context, Found, clause_joined, sentence_subject
from quotegraph.extract.clauses import document_owner
from quotegraph.extract.lexicon import Lexicon
from quotegraph.extract.marks import Quoted
from quotegraph.extract.venues import Venue, find_venue

TWITTER = Venue("Twitter", "social", -1, -1)

_OPEN_MARK = re.compile(r"[“\"«„‘‚「『‹]|''")
_TWEET_LINK = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+")
_HANDLE = re.compile(r"(?<!\w)[@#]\w+")
_AT = re.compile(r"(?<!\w)@\w+")
_TAG = re.compile(r"(?<!\w)#\w+")
_WORD = re.compile(r"[\w][\w'’\-]*\w|\w")
_CLAUSE_BREAK = re.compile(r",\s+(\w+)")
_CONTRACTION = re.compile(r"[’'](?:s|d|ll|re|ve|m)$")
_STOP = re.compile(r"[.;:!?\"“”]")
_TRAILING_CUE = re.compile(r"(?:\s+[\w'’\-]+){0,5}\s*[,.;]")
_TRAIL = re.compile(r"[\s,;:—–\-]+$")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] - 1 <= pos < spans[i][1] + 1


def _closed_quote(quotes: list[tuple[int, int]], mark_end: int, end: int) -> int | None:
    """End of the quote opened by the mark ending at ``mark_end`` when it closes before ``end``."""
    i = bisect.bisect_left(quotes, (mark_end, -1))
    if i < len(quotes) and quotes[i][0] - mark_end <= 2 and quotes[i][1] < end:
        return quotes[i][1]
    return None


def _count_words(body: str, start: int, end: int, enough: int) -> int:
    """Words in body[start:end], counted up to ``enough`` (the callers need no more)."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(body, start, end), enough))


def _content(
    ctx: Context, start: int, end: int, quotes: list[tuple[int, int]] | None = None
) -> tuple[int, int] | None:
    """Trim reported content: drop end punctuation and trailing conjunctions.

    A quotation that opens and closes inside the clause stays in it (a partial quote of
    reported speech, kept whole when ``quotes`` are given); one that runs past the clause
    ends it.
    """
    body = ctx.body
    pos, cut, first_mark, own_words = start, False, -1, 0
    while (m := _OPEN_MARK.search(body, pos, end)) is not None:
        first_mark = m.start() if first_mark < 0 else first_mark
        own_words += _count_words(body, pos, m.start(), 4)
        closed = _closed_quote(quotes, m.end(), end) if quotes is not None else None
        if closed is None:
            end, cut = m.start(), True
            break
        pos = closed + 1
    if first_mark >= 0 and not cut:
        own_words += _count_words(body, pos, end, 4)
        if own_words < 4:  # “they were “…”": the partial quote says it all
            end, cut = first_mark, True
    for brk in _CLAUSE_BREAK.finditer(body, start, end):
        if brk.group(1).lower() in ctx.lex.clause_breaks:
            end = brk.start()
            break
    while start < end and body[start] in " \t,:":
        start += 1
    text = body[start:end]
    text = text.rstrip(" \t.!?…")
    tail = _TRAIL.search(text)
    if tail:
        text = text[: tail.start()]
    conj = ctx.lex.conjunctions
    for _ in range(2):
        words = text.rsplit(None, 1)
        if len(words) == 2 and words[1].lower() in conj:
            text = _TRAIL.sub("", words[0])
    end = start + len(text)
    if _count_words(body, start, end, 5) < (5 if cut else 3):
        return None  # (what is left before a quotation is the partial quote's business)
    return start, end


def _according(ctx: Context, ss: int, se: int, quotes: list[tuple[int, int]]) -> Found | None:
    body = ctx.body
    m = ctx.lex.source_before_re.search(body, ss, min(se, ss + 2000))
    if m is None:
        return None
    comma = body.find(",", m.end(), se)
    if comma >= 0:  # skip a relative clause: "according to X, which has …, CONTENT"
        nxt = _WORD.search(body, comma + 1, se)
        if nxt and nxt.group().lower() in ctx.lex.relatives:
            comma2 = body.find(",", nxt.end(), se)
            src_end0 = comma
            comma = comma2
        else:
            src_end0 = comma
    else:
        src_end0 = se
    src_end = src_end0
    while src_end > 0 and body[src_end - 1] in " .!?…":
        src_end -= 1
    src_s = m.end()
    while src_s < src_end and body[src_s].isspace():
        src_s += 1
    if src_end <= src_s or len(_WORD.findall(body[src_s:src_end])) > 8:
        return None
    phrase = (src_s, src_end, body[src_s:src_end])
    before = body[ss : m.start()].strip()
    if not before or len(_WORD.findall(before)) <= 1:  # According to X, CONTENT
        span = _content(ctx, comma + 1, se, quotes) if comma >= 0 else None
    else:  # CONTENT, according to X.
        span = _content(ctx, ss, m.start(), quotes)
    if span is None:
        return None
    speaker = ctx.names.resolve(phrase, m.start())
    if speaker is None or (
        phrase[2][:1].islower() and phrase[2].split()[0].lower() not in ctx.lex.determiners
    ):
        speaker = phrase[2] if speaker is None else speaker
    venue = find_venue(body, ctx.lex, ctx.names, ss, se)
    return Found(
        span[0],
        span[1],
        "indirect",
        "according-to",
        0.7,
        (m.start(), m.end()),
        "according to",
        speaker,
        phrase,
        venue,
    )


def _bare_ok(lex: Lexicon, lemma: str, after: str) -> bool:
    """Whether a cue followed by ``after`` opens a clause without "that" ("X said the …")."""
    if lemma not in lex.bare_clause or lemma == "tell":
        return False
    if lex.comma_clause:  # German "sagte, die Regierung werde …" ("sagte sie" is a tag)
        if after[:1] != ",":
            return False
        after = after[1:]
    nxt = _WORD.match(after.lstrip())
    if nxt is None or after[:1] not in (" ",) or nxt.group().lower() in lex.auxiliaries:
        return False
    word = nxt.group()
    low = _CONTRACTION.sub("", word.lower())  # "she’s", "he’d", "they’re": the pronoun
    return low in lex.pronouns or low in lex.determiners or word[:1].isupper()


_NAME_THEN_COMMA = re.compile(r"\s+(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w'’\-]*\s*,")


def _inverted_tag(body: str, cue_start: int, after: str) -> bool:
    """ "…, said Rita Katz, the director of X": a speech tag after a comma whose name and
    apposition follow the cue, not a bare clause "said Katz, the director, was …"."""
    before = body[max(0, cue_start - 3) : cue_start].rstrip()
    return before.endswith((",", "”", '"', "''")) and _NAME_THEN_COMMA.match(after) is not None


def _first_words(text: str, limit: int) -> list[str]:
    """The first ``limit`` words of ``text`` (fewer when it has fewer)."""
    return [m.group() for m in itertools.islice(_WORD.finditer(text), limit)]


@cache
def _sigma_free(words: frozenset[str]) -> bool:
    """Whether no word holds a Greek sigma (the one letter lower-cased by its context)."""
    return not any("σ" in w or "ς" in w for w in words)


def _complementizer(lex: Lexicon, after: str) -> int | None:
    """End of "that" (a complementizer) in the first six words of ``after``, else None.

    The search stops at the first word that follows sentence punctuation or a quote mark.
    """
    if _sigma_free(lex.complementizers):
        # a word that lower-cases to a complementizer shows in the lower-cased text too
        # (only Σ lower-cases by its context)
        low = after.lower()
        if not any(word in low for word in lex.complementizers):
            return None
    stop = _STOP.search(after)
    stop_at = stop.start() if stop else len(after)
    for j, w in enumerate(_WORD.finditer(after)):
        if j > 5:
            break
        if w.group().lower() in lex.complementizers:
            return w.end()
        if stop_at < w.start():
            break
    return None


def _may_trail(ctx: Context, ss: int, cue_start: int) -> bool:
    """Whether "CONTENT, X reported" can precede the cue at ``cue_start`` in the sentence at
    ``ss``: a comma with four words or more before it, the first of them no preposition."""
    comma = ctx.body.rfind(",", ss, cue_start)
    if comma < 0:
        return False
    words = _first_words(ctx.body[ss : comma + 1], 4)
    return len(words) >= 4 and words[0].lower() not in ctx.lex.prepositions


def _reported(ctx: Context, ss: int, se: int, quotes: list[tuple[int, int]]) -> list[Found]:
    body, lex = ctx.body, ctx.lex
    out = []
    cues = ctx.cues(ss, se)
    for k, (m_start, m_end, lemma) in enumerate(cues):
        if k >= 8 or m_start - ss > 2000:
            break
        if _inside(quotes, m_start):
            continue
        # a complementizer after the next cue is that cue's ("In tweets, Doe argued that")
        reach = cues[k + 1][0] if k + 1 < len(cues) else se
        after = body[m_end : min(se, reach, m_end + 80)]
        comp = _complementizer(lex, after)
        if comp is not None:
            comp += m_end
        trailing = _TRAILING_CUE.match(after) if comp is None else None
        bare = (
            comp is None and _bare_ok(lex, lemma, after) and not _inverted_tag(body, m_start, after)
        )
        if comp is None and not bare and (trailing is None or not _may_trail(ctx, ss, m_start)):
            continue  # neither "X said that …", "X said …" nor "CONTENT, X said."
        phrase = ctx.names.subject_before(m_start, ss)
        if phrase is None and clause_joined(ctx, m_start):
            phrase = sentence_subject(ctx, ss, m_start)
        if phrase is None:
            continue
        phrase = document_owner(ctx, phrase, ss)
        rule = "reported"
        lead = body[ss : phrase[0]].rstrip()
        lead_words = _first_words(lead, 4) if comp is None and lead.endswith(",") else []
        if (
            comp is None
            and lead.endswith(",")
            and len(lead_words) >= 4
            and lead_words[0].lower() not in lex.prepositions
            and trailing is not None
        ):
            # CONTENT, X reported (in March), ...
            span = _content(ctx, ss, ss + len(lead))
            if span is not None and not _OPEN_MARK.search(body, ss, span[1]):
                venue = find_venue(body, lex, ctx.names, ss, se)
                out.append(
                    Found(
                        span[0],
                        span[1],
                        "indirect",
                        "reported-after",
                        0.65,
                        (m_start, m_end),
                        lemma,
                        ctx.names.resolve(phrase, m_start),
                        phrase,
                        venue,
                    )
                )
                break
        if comp is None:
            if not bare:
                continue
            comp, rule = m_end, "reported-bare"
        stop = min(se, comp + 3000)
        if lex.reported_runs_on and pe_ok(ctx, ss):
            ps, pe = ctx.layout.paragraph_at(ss)
            if ps == ss and not ctx.cues(se, pe) and not _OPEN_MARK.search(body, se, pe):
                stop = pe
        span = _content(ctx, comp, stop, quotes)
        if span is None:
            continue
        venue = find_venue(body, lex, ctx.names, ss, se)
        conf = 0.7 if rule == "reported" else 0.55
        out.append(
            Found(
                span[0],
                span[1],
                "indirect",
                rule,
                conf,
                (m_start, m_end),
                lemma,
                ctx.names.resolve(phrase, m_start),
                phrase,
                venue,
            )
        )
        break
    return out


def pe_ok(ctx: Context, ss: int) -> bool:
    """Whether the paragraph around ``ss`` is short enough to run reported speech on."""
    ps, pe = ctx.layout.paragraph_at(ss)
    return pe - ps < 3000


def reported_speech(ctx: Context, quoted: list[Quoted]) -> list[Found]:
    """Indirect quotes of every sentence outside quotation marks."""
    spans = [(q.start, q.end) for q in quoted]
    out: list[Found] = []
    sources = [s for s, _, _ in ctx.lex.source_index.find(ctx.body)]
    for ss, se in ctx.layout.sents:
        k = bisect.bisect_left(sources, ss)
        sourced = k < len(sources) and sources[k] < se
        cued = ctx.has_cue(ss, se)
        if not sourced and not cued:
            continue  # nothing reports speech here
        if _inside(spans, ss) and _inside(spans, se - 1):
            continue
        if sourced:
            f = _according(ctx, ss, se, spans)
            if f is not None and not _inside(spans, f.start):
                out.append(f)
                continue
        if not cued:
            continue
        out.extend(f for f in _reported(ctx, ss, se, spans) if not _inside(spans, f.start))
    return out


def tweets(ctx: Context, quoted: list[Quoted], prior: list[Found]) -> list[Found]:
    """Paragraphs that look like embedded posts: handles/hashtags and a link, no marks."""
    body = ctx.body
    if "http" not in body and "pic.twitter" not in body and "#" not in body:
        return []
    spans = [(q.start, q.end) for q in quoted]
    out: list[Found] = []
    for ps, pe in ctx.layout.paras:
        if pe - ps > 600 or _inside(spans, ps):
            continue
        text = body[ps:pe]
        if not _HANDLE.search(text):
            continue
        if not _TWEET_LINK.search(text) and not (
            len(text) <= 280
            and _AT.search(text)
            and _TAG.search(text)
            and not _OPEN_MARK.search(text)
        ):
            continue  # a post shows a link, or (pasted without one) a handle and a hashtag
        if len(_WORD.findall(_HANDLE.sub("", _TWEET_LINK.sub("", text)))) < 3:
            continue
        speaker = None
        if out and ctx.layout.para_index(out[-1].end) == ctx.layout.para_index(ps) - 1:
            speaker = out[-1].speaker
        if speaker is None:
            i = ctx.layout.para_index(ps)
            lo = ctx.layout.paras[max(0, i - 2)][0]
            n = ctx.names.nearest(ps, "organization", limit=ps - lo)
            n = n or ctx.names.nearest(ps, "any", limit=ps - lo)
            speaker = ctx.names.fullest(n.text) if n else None
        out.append(Found(ps, pe, "tweet", "tweet-block", 0.7, None, None, speaker, None, TWITTER))
    return out
