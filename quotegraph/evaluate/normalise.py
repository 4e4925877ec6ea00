"""Text normalisation and token overlap for scoring (gold-format §3.1).

Input: any two strings (a gold quote and a predicted mention, or two names).
Output: normalised strings, token lists and the token-overlap F1 between them.

Steps of :func:`normalise`, in order:

1. Unicode NFKC, then casefold.
2. Every quotation-mark variant becomes ``"``, every apostrophe variant ``'``,
   every dash variant ``-``, every ellipsis ``...`` (:func:`fold_marks`).
3. Apostrophes are deleted (``don't`` -> ``dont``, ``Clinton’s`` -> ``clintons``),
   so that a word keeps being one token; every other punctuation character
   (Unicode category ``P*``) becomes a space.
4. Whitespace runs collapse to one space; the result is stripped.

>>> normalise("“Don’t — ever…” he SAID.")
'dont ever he said'
>>> tokens("« L’État, c’est moi »")
['létat', 'cest', 'moi']
>>> round(token_f1("the quick brown fox", "quick brown fox jumps"), 2)
0.75
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

QUOTE_MARKS = '"“”„‟«»‹›「」『』〝〞〟＂″‶'
APOSTROPHES = "'‘’‚‛`´′‵＇ʼ"
DASHES = "‐‑‒–—―−﹘﹣－⸺⸻"
ELLIPSES = "…⋯"

_FOLD = str.maketrans(
    {
        **dict.fromkeys(QUOTE_MARKS, '"'),
        **dict.fromkeys(APOSTROPHES, "'"),
        **dict.fromkeys(DASHES, "-"),
        **dict.fromkeys(ELLIPSES, "..."),
    }
)
_SPACE = re.compile(r"\s+")


def fold_marks(text: str) -> str:
    """Map every quotation mark, apostrophe, dash and ellipsis variant to one form.

    >>> fold_marks("‘a’ — „b“ … c")
    '\\'a\\' - "b" ... c'
    """
    return text.translate(_FOLD)


def _strip_punctuation(text: str) -> str:
    out = []
    for char in text:
        if char == "'":
            continue
        out.append(" " if unicodedata.category(char).startswith("P") else char)
    return "".join(out)


def normalise(text: str) -> str:
    """The comparable form of ``text`` (see the module docstring).

    >>> normalise("  Hello,\\n  WORLD!  ")
    'hello world'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _strip_punctuation(fold_marks(text))
    return _SPACE.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    """The words of ``normalise(text)``.

    >>> tokens("U.S. rock-'n'-roll")
    ['u', 's', 'rock', 'n', 'roll']
    """
    return normalise(text).split()


def overlap_f1(a: list[str], b: list[str]) -> float:
    """Token-overlap F1 of two token lists (multiset overlap); 0.0 when either is empty.

    >>> overlap_f1(["a", "b"], ["a", "b"])
    1.0
    >>> overlap_f1(["a"], [])
    0.0
    """
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def token_f1(a: str, b: str) -> float:
    """Token-overlap F1 of two raw strings after :func:`normalise`."""
    return overlap_f1(tokens(a), tokens(b))


def normalise_name(name: str) -> str:
    """A speaker or venue name for comparison: :func:`normalise` minus a leading "the".

    >>> normalise_name("The Register")
    'register'
    >>> normalise_name("Theresa May")
    'theresa may'
    """
    text = normalise(name)
    if text.startswith("the "):
        text = text[4:]
    return text


def name_matches(predicted: str | None, gold: tuple[str, ...]) -> bool:
    """Whether a predicted name equals one of the acceptable gold names.

    An empty ``gold`` stands for "no name" and matches only a missing prediction.

    >>> name_matches("the Register", ("The Register",))
    True
    >>> name_matches(None, ())
    True
    >>> name_matches("Prince", ())
    False
    """
    if not gold:
        return predicted is None or not normalise_name(predicted)
    if predicted is None:
        return False
    wanted = normalise_name(predicted)
    return bool(wanted) and any(wanted == normalise_name(g) for g in gold)
