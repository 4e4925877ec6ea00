"""Cross-language matching with what runs offline: anchors and a small bilingual lexicon.

Input: token lists in two languages; output: overlap scores.  A source-language token is
replaced by the stems of its lexicon translations (words the lexicon lacks are kept: names,
numbers and loanwords match themselves).  Lexicons are YAML files under
``quotegraph/data/provenance/lexicon/`` named ``<source>-<target>.yaml``.

>>> [sorted(words) for words in to_pivot(["perintah", "pengadilan"], "id")]
[['command', 'order'], ['court']]
>>> round(cross_score(tokens("perintah pengadilan yang sah"), "id",
...                   tokens("a valid court order"), "en"), 2)
1.0
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from quotegraph.link.text import content_stems, fold, stem, stopwords, tokens

PIVOT = "en"


@cache
def lexicon(source: str, target: str = PIVOT) -> dict[str, tuple[str, ...]]:
    """The ``source -> target`` word lexicon (empty when none is shipped)."""
    path = resources.files("quotegraph").joinpath(
        "data", "provenance", "lexicon", f"{source}-{target}.yaml"
    )
    if not path.is_file():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {fold(k): tuple(fold(w) for w in v) for k, v in (raw.get("words") or {}).items()}


def has_lexicon(language: str) -> bool:
    """Whether text in ``language`` can be compared with the pivot language."""
    return language == PIVOT or bool(lexicon(language))


def to_pivot(toks: list[str], language: str) -> list[set[str]]:
    """Each content token of ``toks`` as the set of its pivot-language words (unstemmed)."""
    if language == PIVOT:
        return [{t} for t in toks if t not in stopwords(PIVOT)]
    lex, stop = lexicon(language), stopwords(language)
    out = []
    for tok in toks:
        if tok in lex:
            out.append(set(lex[tok]))
        elif tok not in stop:
            out.append({tok})
    return out


def pivot_stems(toks: list[str], language: str) -> list[set[str]]:
    """:func:`to_pivot` with every word stemmed and pivot stopwords dropped."""
    stop = stopwords(PIVOT)
    out = []
    for options in to_pivot(toks, language):
        stems = {stem(w) for w in options if w not in stop}
        if stems:
            out.append(stems)
    return out


def cross_score(src: list[str], src_lang: str, dst: list[str], dst_lang: str) -> float:
    """Share of the content words of ``src`` that have a translation among those of ``dst``."""
    src_p = pivot_stems(src, src_lang)
    dst_flat = set().union(*pivot_stems(dst, dst_lang)) if dst else set()
    if not src_p:
        return 0.0
    return sum(1 for options in src_p if options & dst_flat) / len(src_p)


def bag(text: str, language: str) -> set[str]:
    """Pivot-language content stems of ``text`` (every alternative translation included)."""
    out: set[str] = set()
    for options in pivot_stems(tokens(text), language):
        out |= options
    return out | content_stems([], language)
