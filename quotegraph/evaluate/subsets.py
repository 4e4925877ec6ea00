"""Which PolNeAR attributions are quote-bearing or cued by a speech verb.

Input: an attribution's Content text or Cue text.  Output: booleans.  The
speech-verb lemmas are data (``quotegraph/data/evaluate/speech_verbs_en.txt``).

Quote-bearing rule: the Content contains a double quotation mark (``"`` “ ” „ « »)
anywhere, or a *pair* of single marks: an opening ‘ or ' at the start of a word
(after the start of the text, whitespace, an opening bracket, a dash or a double
mark) followed later by a closing ’ or ' at the end of a word (before the end,
whitespace or punctuation).  A single mark with a letter or digit on both sides
(don’t, Clinton’s) is an apostrophe and never counts, nor does a lone closing mark
(the voters’ choice).

>>> [is_quote_bearing(t) for t in ["he said “no”", "Clinton’s plan", "it’s ‘in their heads.’"]]
[True, False, True]
>>> is_speech_cue("has told reporters"), is_speech_cue("believes")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import simplemma

DOUBLE_MARKS = '"“”„«»'
_OPEN_SINGLE = re.compile(r"(?:^|(?<=[\s(\[{\"“„«—–-]))[‘'](?=\w)")
_CLOSE_SINGLE = re.compile(r"(?<=[\w.,!?;:…])[’'](?=$|[\s)\]}.,;:!?\"”»—–-])")


def is_quote_bearing(content: str) -> bool:
    """Whether ``content`` contains quotation marks (see the module docstring).

    >>> is_quote_bearing("the voters’ choice"), is_quote_bearing("'Yes,' she said")
    (False, True)
    """
    if any(mark in content for mark in DOUBLE_MARKS):
        return True
    opening = _OPEN_SINGLE.search(content)
    return bool(opening and _CLOSE_SINGLE.search(content, opening.end()))


@cache
def speech_verbs(language: str = "en") -> frozenset[tuple[str, ...]]:
    """The speech-verb lemmas of ``language`` as tuples of words."""
    data = resources.files("quotegraph") / "data" / "evaluate" / f"speech_verbs_{language}.txt"
    entries = set()
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.strip().casefold()
        if line and not line.startswith("#"):
            entries.add(tuple(line.split()))
    return frozenset(entries)


def _lemma(word: str, language: str) -> str:
    try:
        return str(simplemma.lemmatize(word, lang=language)).casefold()
    except ValueError:
        return word


def is_speech_cue(cue: str, language: str = "en") -> bool:
    """Whether a word or phrase of ``cue`` (lemmatised) is in the speech-verb list."""
    words = re.findall(r"\w+", cue.casefold())
    lemmas = [_lemma(w, language) for w in words]
    verbs = speech_verbs(language)
    for seq in (words, lemmas):
        for size in {len(v) for v in verbs}:
            for i in range(len(seq) - size + 1):
                if tuple(seq[i : i + size]) in verbs:
                    return True
    return False
