"""Quotation-mark scanner: every quoted stretch of a body, for every common mark style.

Input: an article body.  Output: :class:`Quoted` spans (outermost quotes only, in body
order) whose ``start``/``end`` exclude the marks.  One left-to-right pass with a small
stack, so time stays linear even on a multi-megabyte paragraph.

Styles: “…” "…" ‘…’ '…' ''…'' ``…'' «…» (French spacing too) »…« ‹…› „…“ „…” ‚…‘ 「…」 『…』.
Apostrophes inside words (it's, wouldn’t, rock ’n’ roll) and before decades ('90s) are not
marks.  A paragraph that leaves a quote open continues into the next paragraph when that one
opens with a mark (newspaper style) or closes the quote before opening another one.  A
paragraph with a stray straight mark is skipped: guessing there does more harm than good.
:func:`is_scare` tells a quote that looks like scare quotes or a title ("war", “Eat The Press”).

>>> [q.text for q in scan('He said: “Yes, it’s ‘fine’.” Then: «Oui» and „ja“.')]
['Yes, it’s ‘fine’.', 'Oui', 'ja']
>>> [q.text for q in scan('He said "yes and "no".')]  # a stray straight mark: skip
[]
>>> [q.text for q in scan("''It's ours'', they said.")]
["It's ours"]
>>> q = scan("“One.\\n\\n“Two.”")[0]
>>> (q.text, q.paragraphs)
('One.\\n\\n“Two.', 2)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# a line break run, '' , `` or one mark; it opens with a character class so that the regex
# engine skips ahead to the next candidate character (much faster than a plain alternation)
_NL = "\n\r\u2028\u2029"
_TOKEN = re.compile(
    rf"[{_NL}“”„‟\"«»‹›‚‘’'「」『』`]"
    rf"(?:(?<=[{_NL}])[{_NL}]*|(?<=')'|(?<=`)`|(?<=[“”„‟\"«»‹›‚‘’'「」『』]))"
)

# opening mark -> marks that may close it
_CLOSERS = {
    "“": '”"“',
    "„": '“”"',
    "‟": '”"',
    '"': '"”“',
    "«": "»",
    "»": "«",
    "「": "」",
    "『": "』",
    "''": "''’",
    "``": "''",
    "”": "”",
    "‘": "’'",
    "‚": "‘’",
    "'": "'’",
    "‹": "›",
    "›": "‹",
}
# marks that can only ever open / only ever close (others depend on their neighbours)
_OPEN_ONLY = frozenset("“„‟«「『‘‚‹") | {"``"}
_CLOSE_ONLY = frozenset("”」』’")
_SINGLE = frozenset("‘’‚'‹›")
_AMBIGUOUS = frozenset({'"', "'", "''"})
_OPEN_PUNCT = frozenset("([{—–-/:;,")
_CLOSE_PUNCT = frozenset(".,;:!?)]}—–-…/")
_APOSTROPHES = frozenset("'’")
_MARK_CHARS = frozenset("“”„‟\"«»‹›‚‘’'「」『』`")
_DECADE = re.compile(r"\d0s\b|\d\d\b")
_WORD = re.compile(r"[\w][\w'’\-]*\w|\w")
_END_PUNCT = ".!?…"
_TITLE_MAX = 8  # a title has at most this many words (see is_title)
_MAX_STACK = 24


@dataclass(frozen=True, init=False)
class Quoted:
    """One quoted stretch: ``body[start:end] == text``, marks at ``open_at``/``close_at``.

    (``__init__`` is written out: the generated frozen one sets each field through
    ``object.__setattr__``, several times slower.)
    """

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str
    open_at: int
    close_at: int
    paragraphs: int = 1

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        open_mark: str,
        close_mark: str,
        open_at: int,
        close_at: int,
        paragraphs: int = 1,
    ) -> None:
        self.__dict__.update(
            start=start,
            end=end,
            text=text,
            open_mark=open_mark,
            close_mark=close_mark,
            open_at=open_at,
            close_at=close_at,
            paragraphs=paragraphs,
        )

    @property
    def single(self) -> bool:
        """Whether single marks (‘ ’ ' ‹ ›) enclose it."""
        return self.open_mark in _SINGLE


@dataclass
class _Open:
    mark: str
    pos: int
    end: int  # position after the mark
    paragraphs: int = 1


def _flanks(body: str, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) of the mark at body[start:end] from its neighbours."""
    prev = body[start - 1] if start > 0 else " "
    nxt = body[end] if end < len(body) else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _OPEN_PUNCT or prev in _MARK_CHARS)
    right = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_PUNCT or nxt in _MARK_CHARS)
    if nxt.isspace() and prev.isspace():
        left = right = False
    return left, right


def _is_apostrophe(body: str, start: int, mark: str) -> bool:
    if mark not in ("'", "’"):
        return False
    prev = body[start - 1] if start > 0 else " "
    nxt = body[start + 1] if start + 1 < len(body) else " "
    if prev.isalnum() and nxt.isalnum():
        return True  # it's, wouldn’t, O'Brien
    if _DECADE.match(body, start + 1, start + 4) and not prev.isalnum():
        return True  # '90s
    # rock ’n’ roll: a lone letter between two apostrophes
    return nxt.isalpha() and start + 2 < len(body) and body[start + 2] in "'’" and prev.isspace()


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _next_nonspace(body: str, pos: int) -> int:
    n = len(body)
    while pos < n and body[pos].isspace():
        pos += 1
    return pos


def scan(body: str) -> list[Quoted]:
    """Outermost quoted stretches of ``body``, in order (see the module docstring)."""
    out: list[Quoted] = []
    stack: list[_Open] = []
    carried: _Open | None = None  # open quote carried over a paragraph break, not re-opened
    reopen_at = -1  # position of the re-opening mark of a continued quote
    bad_para = False
    straight_in_para = False
    para_quotes: list[Quoted] = []

    def end_paragraph() -> None:
        nonlocal bad_para, straight_in_para, para_quotes
        if not (bad_para and straight_in_para):
            out.extend(para_quotes)
        para_quotes = []
        bad_para = straight_in_para = False

    for m in _TOKEN.finditer(body):
        if m.group()[0] in _NL:
            if carried is not None:  # a carried quote must close in its first paragraph
                carried = None
                stack.clear()
                bad_para = True
            outer = stack[0] if stack else None
            if outer is not None:
                stack[:] = [outer]
                nxt = _next_nonspace(body, m.end())
                mark2 = body[nxt : nxt + 2] if body.startswith("''", nxt) else body[nxt : nxt + 1]
                if mark2 and (mark2 == outer.mark or mark2 in _OPEN_ONLY):
                    reopen_at = nxt
                    outer.paragraphs += 1
                    end_paragraph()
                    continue
                carried = outer
                outer.paragraphs += 1
                end_paragraph()
                continue
            if para_quotes or bad_para or straight_in_para:  # (else nothing to end)
                end_paragraph()
            continue
        mark, s, e = m.group(), m.start(), m.end()
        if s == reopen_at:
            continue
        if mark in _APOSTROPHES and _is_apostrophe(body, s, mark):
            continue
        if mark in _AMBIGUOUS:
            straight_in_para = True
        can_open, can_close = _flanks(body, s, e)
        if mark in _OPEN_ONLY:
            can_open = True
        if mark in _CLOSE_ONLY or mark in "“«»‘›‹":
            can_close = can_close or mark not in _AMBIGUOUS
        # close the nearest open quote this mark can close
        closed = False
        if can_close:
            for depth in range(len(stack) - 1, max(-1, len(stack) - 5), -1):
                opener = stack[depth]
                if mark in _CLOSERS[opener.mark]:
                    for dropped in stack[depth + 1 :]:
                        if dropped.mark not in _SINGLE:
                            bad_para = True
                    del stack[depth:]
                    closed = True
                    if depth == 0:
                        carried = None
                        cs, ce = _trim(body, opener.end, s)
                        if ce > cs:
                            para_quotes.append(
                                Quoted(
                                    cs,
                                    ce,
                                    body[cs:ce],
                                    opener.mark,
                                    mark,
                                    opener.pos,
                                    s,
                                    opener.paragraphs,
                                )
                            )
                    break
                if opener.mark not in _SINGLE and mark not in _SINGLE:
                    break  # never close across an open double quote with another double mark
        if closed:
            continue
        if carried is not None and (can_open or mark in _OPEN_ONLY):
            carried = None  # the carried quote did not close first: give it up
            stack.clear()
            bad_para = True
        opens = can_open and (mark not in _CLOSE_ONLY or not can_close)
        if opens and mark in ("”", "’") and can_close:
            opens = False
        if opens and mark in ("’",):
            opens = False
        if opens:
            if len(stack) >= _MAX_STACK:
                stack.clear()
                bad_para = True
            stack.append(_Open(mark, s, e))
        elif mark not in _SINGLE:
            bad_para = True  # a stray double mark
    if stack and stack[0].mark not in _SINGLE:
        bad_para = True
    end_paragraph()
    return out


# -- titles and scare quotes ------------------------------------------------------------------
def lead_words(text: str) -> list[str]:
    """The first nine words of ``text``: enough to tell a title or a scare quote.

    >>> lead_words("One two three four five six seven eight nine ten eleven")[-1]
    'nine'
    """
    words = _WORD.findall(text, 0, 80)
    # ten words in the first 80 characters: the first nine are whole (the tenth may be cut)
    if len(text) <= 80 or len(words) > _TITLE_MAX + 1:
        return words[: _TITLE_MAX + 1]
    return [m.group() for m in itertools.islice(_WORD.finditer(text), _TITLE_MAX + 1)]


def is_title(words: list[str]) -> bool:
    """Title Case: every word of four letters or more is capitalised ("Eat The Press")."""
    long = [w for w in words if len(w) >= 4 or w[:1].isupper()]
    return len(words) <= _TITLE_MAX and bool(long) and all(w[:1].isupper() for w in long)


def is_scare(q: Quoted) -> bool:
    """Whether ``q`` looks like scare quotes or a title: 1-3 words, or Title Case words."""
    words = lead_words(q.text)
    if not words:
        return False
    if is_title(words) and len(words) >= 2 and q.text[-1:] not in "?!":
        return True
    if len(words) > 3:
        return False
    return q.text[-1:] not in _END_PUNCT + ","
