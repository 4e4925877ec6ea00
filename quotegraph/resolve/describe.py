"""Descriptions that are not names: "a recent report", "an Acme-affiliated account".

Input: a speaker phrase; output: ``(kind, modifier)`` when the phrase is a description whose
head noun is listed in ``quotegraph/data/provenance/roles.yaml`` (``descriptions``), else
``None``.  ``kind`` is ``"account"`` (account, handle, user... -> an ACCOUNT entity owned by
the organisation the modifier names) or ``"document"`` (report, study, poll, statement... ->
the organisation the modifier names, otherwise left unresolved: a document is not a speaker
we can name, and the mention keeps its speaker phrase).  A phrase is a description when it
starts with a determiner or its head noun is written in lower case; a phrase whose words are
all capitalised ("The Page Foundation") is a name.

>>> description("A recent report")
('document', 'recent')
>>> description("an Acme-affiliated account")
('account', 'Acme affiliated')
>>> description("Acme's account")
('account', 'Acme')
>>> description("ein Bericht der Zeitung")
('document', 'der Zeitung')
>>> description("The Page Foundation") is None, description("Jane Roe") is None
(True, True)
"""

from __future__ import annotations

import re
from functools import cache

from quotegraph.link.text import data, fold

_POSSESSIVE = re.compile(r"[’']s\b")


@cache
def _lists() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """(determiner word sequences, (kind, head word sequence) pairs), longest first."""
    raw = data("provenance/roles.yaml")["descriptions"]

    def seqs(by_lang: dict[str, list[str]]) -> set[tuple[str, ...]]:
        return {tuple(fold(w).split()) for ws in by_lang.values() for w in ws}

    dets = sorted(seqs(raw["determiners"]), key=len, reverse=True)
    heads = [(kind, h) for kind in ("account", "document") for h in seqs(raw[kind])]
    heads.sort(key=lambda kh: (-len(kh[1]), kh[0], kh[1]))
    return tuple(dets), tuple(heads)


def _find(words: list[str], seq: tuple[str, ...]) -> int:
    for i in range(len(words) - len(seq) + 1):
        if tuple(words[i : i + len(seq)]) == seq:
            return i
    return -1


def description(name: str) -> tuple[str, str] | None:
    """``(kind, modifier words as written)`` when ``name`` is a description, not a name."""
    original = re.findall(r"\w+", _POSSESSIVE.sub("", name))
    words = [fold(w) for w in original]
    dets, heads = _lists()
    det = next((len(d) for d in dets if tuple(words[: len(d)]) == d), 0)
    content = original[det:]
    if not content:
        return None
    if len(content) >= 2 and all(w[:1].isupper() for w in content):
        return None  # a capitalised name such as "The Page Foundation"
    for kind, head in heads:
        i = _find(words[det:], head) + det
        if i < det:
            continue
        if det or original[i][:1].islower():
            rest = original[det:i] + original[i + len(head) :]
            return kind, " ".join(rest)
    return None
