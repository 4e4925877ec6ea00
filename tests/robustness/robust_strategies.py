"""Hypothesis strategies for hostile article text: quote marks, names, cues, control characters.

Output: strategies of ``str`` (bodies, metadata values) built from the hand-written pieces in
:mod:`robust_support`, mixed with arbitrary Unicode so both structure and noise are explored.
"""

from __future__ import annotations

from hypothesis import strategies as st
from robust_support import (
    COMBINING,
    CONTROL,
    CUES,
    HOSTILE_BODIES,
    HOSTILE_IDS,
    JOINERS,
    NAMES,
    PUNCT,
    QUOTE_MARKS,
    RTL,
    WORDS,
)

PIECES = QUOTE_MARKS + CONTROL + RTL + COMBINING + JOINERS + NAMES + CUES + WORDS + PUNCT

# arbitrary text, lone surrogates excluded (no file or JSON decoder can produce them unescaped)
noise = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
piece = st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), noise)

# a name with a zero-width joiner or a combining mark somewhere inside it
odd_name = st.builds(
    lambda name, mark, at: name[:at] + mark + name[at:],
    st.sampled_from(NAMES),
    st.sampled_from(JOINERS + COMBINING),
    st.integers(0, 8),
)

# a sentence shaped like a quote: marks around words, a cue and a speaker, pieces missing at will
quote_sentence = st.builds(
    lambda o, words, c, cue, name, tail: f"{o}{' '.join(words)}{c} {cue} {name}{tail}",
    st.sampled_from([*QUOTE_MARKS, ""]),
    st.lists(st.one_of(st.sampled_from(WORDS), noise), min_size=0, max_size=8),
    st.sampled_from([*QUOTE_MARKS, ",", ""]),
    st.sampled_from(CUES),
    st.one_of(st.sampled_from(NAMES), odd_name),
    st.sampled_from(PUNCT),
)

body = st.one_of(
    st.lists(st.one_of(piece, quote_sentence, odd_name), max_size=40).map("".join),
    st.lists(quote_sentence, min_size=1, max_size=8).map(" ".join),
    st.sampled_from(HOSTILE_BODIES),
    st.text(max_size=200),
)

language = st.sampled_from(["en", "fr", "de", "id", "ar", "he", "ja", "und", "xx", ""])

meta_value = st.one_of(st.sampled_from(HOSTILE_IDS), noise, st.sampled_from(NAMES))
