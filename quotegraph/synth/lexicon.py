"""The data files of the synthetic stream, and word-by-word translation through a tiny lexicon.

Input: the files under ``quotegraph/synth/data/`` (``world.json``, ``topics.json``,
``patterns.json``, ``locale.json``, ``lexicon.tsv``).  Output: parsed data (cached) and
:func:`translate`, which renders English text in ``id``, ``de``, ``fr`` or ``es`` by
greedy longest-phrase lookup.  Unknown words, numbers, ``@handles``, ``#tags`` and the
names passed in ``keep`` are left as they are (the anchors a linker can match on).
The result is deliberately imperfect, like a cheap machine translation.

>>> translate("We will comply.", "de")
'Wir werden uns fügen.'
>>> translate("Tobias Quillan said that 34 sites were late.", "id", keep=("Tobias Quillan",))
'Tobias Quillan mengatakan bahwa 34 situs adalah terlambat.'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

LANGUAGES = ("en", "id", "de", "fr", "es")

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")


def _read(name: str) -> str:
    return resources.files("quotegraph.synth").joinpath("data").joinpath(name).read_text("utf-8")


@cache
def data(name: str) -> Any:
    """The parsed JSON data file ``name`` (``"world"``, ``"topics"``, ...)."""
    return json.loads(_read(f"{name}.json"))


@cache
def lexicon(language: str) -> dict[str, str]:
    """English word or phrase (lower case) -> its rendering in ``language`` (``""``: dropped)."""
    rows = [line.split("\t") for line in _read("lexicon.tsv").splitlines()]
    header, body = rows[0], rows[1:]
    column = header.index(language)
    return {
        row[0]: "" if row[column] == "_" else row[column]  # "_": the word is dropped
        for row in body
        if len(row) == len(header) and row[column]
    }


@cache
def _prefixes(language: str) -> frozenset[str]:
    """Every word-prefix of every lexicon phrase (where a longer match may still follow)."""
    out: set[str] = set()
    for phrase in lexicon(language):
        words = phrase.split(" ")
        out.update(" ".join(words[:k]) for k in range(1, len(words)))
    return frozenset(out)


def _words(tokens: list[str], start: int, prefixes: frozenset[str]) -> Iterable[tuple[int, str]]:
    """(end index, lower-cased phrase) of the word runs from ``start`` worth looking up."""
    phrase, i = tokens[start].lower(), start
    yield i + 1, phrase
    while phrase in prefixes:
        if i + 2 >= len(tokens) or tokens[i + 1] != " " or not tokens[i + 2][0].isalnum():
            return
        i += 2
        phrase = f"{phrase} {tokens[i].lower()}"
        yield i + 1, phrase


def _translate_plain(text: str, language: str) -> str:
    table, prefixes = lexicon(language), _prefixes(language)
    tokens = _TOKEN.findall(text)
    out: list[str] = []
    i, cap_next = 0, False
    while i < len(tokens):
        token = tokens[i]
        if not (token[0].isalpha() or token[0] == "_") or (i and tokens[i - 1] in "@#"):
            out.append(token)
            i += 1
            continue
        best: tuple[int, str] | None = None
        for end, phrase in _words(tokens, i, prefixes):
            if phrase in table:
                best = (end, table[phrase])
        if best is None:
            out.append(token)
            i += 1
            continue
        end, rendered = best
        capital = cap_next or (
            token[0].isupper()
            and (token != "I" or "".join(out).rstrip()[-1:] in ("", ".", "!", "?"))
        )
        cap_next = False
        if not rendered:  # a dropped word (an article in Indonesian): drop its space too
            cap_next = capital
            i = end + 1 if end < len(tokens) and tokens[end] == " " else end
            continue
        if capital:
            rendered = rendered[0].upper() + rendered[1:]
        out.append(rendered)
        i = end
    return "".join(out)


def translate(text: str, language: str, keep: Iterable[str] = ()) -> str:
    """``text`` rendered word by word in ``language``; the strings in ``keep`` are not touched."""
    if language == "en" or not text:
        return text
    names = tuple(sorted({k for k in keep if k and k in text}, key=len, reverse=True))
    return _translate(text, language, names)


@lru_cache(maxsize=1 << 16)
def _translate(text: str, language: str, names: tuple[str, ...]) -> str:
    if not names:
        return _translate_plain(text, language)
    parts = re.split("(" + "|".join(re.escape(n) for n in names) + ")", text)
    return "".join(
        part if index % 2 else _translate_plain(part, language) for index, part in enumerate(parts)
    )
