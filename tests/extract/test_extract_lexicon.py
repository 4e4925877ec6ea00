"""Lexicon, phrase index and name index behaviour behind the attribution rules (table-driven).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quotegraph.extract.attribution import Context
from quotegraph.extract.lexicon import Phrases, lexicon
from quotegraph.extract.speakers import Names
from quotegraph.extract.text import Layout


@pytest.mark.parametrize(
    ("body", "cues"),
    [
        ("The United States said it would act soon.", ["said"]),  # "States" is in a name
        ("He states that it works.", ["states"]),
    ],
)
def test_cue_words_inside_names_are_not_cues(body: str, cues: list[str]) -> None:
    lex = lexicon("en")
    ctx = Context.build(body, lex, Layout(body, lex), Names(body, lex, []))
    assert [body[s:e] for s, e, _ in ctx.cues(0, len(body))] == cues


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        ("He said-so, then pointed out it.", ["said"]),
        ("She re-said it and it was unsaid.", []),  # inside words: no hit
        ("They point out the co-founder said", ["point out", "co-founder", "said"]),
        ("İstanbul: she SAID it", ["said"]),  # case mapping that changes lengths
        ("’said' said", ["said"]),
    ],
)
def test_phrase_index(text: str, hits: list[str]) -> None:
    found = Phrases(["point out", "said", "co-founder"]).find(text)
    assert [p for _, _, p in found] == hits
    assert all(text[s:e].lower().split()[0] == p.split()[0] for s, e, p in found)


def test_yaml_words_that_look_like_booleans_stay_words() -> None:
    lex = lexicon("en")
    assert "On" in lex.not_names and "on" in lex.prepositions and "No" in lex.not_names
    assert lexicon("de").nouns_capitalised is True  # real booleans still work


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("Trump", "Jane Trump"),  # a name's ending wins over the start of an organisation
        ("Jane", "Jane Trump"),
        ("Acme", "Acme"),  # only an organisation starts with it: kept as is
    ],
)
def test_fullest_prefers_person_names(short: str, full: str) -> None:
    body = "Jane Trump met staff of Trump Organization and Acme Inc. Later Trump spoke."
    assert Names(body, lexicon("en"), []).fullest(short) == full
