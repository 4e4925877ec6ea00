"""The fast regex paths of extraction give the same matches as the plain ones."""

from __future__ import annotations

import re

import pytest

from quotegraph.extract import marks
from quotegraph.extract.lexicon import lexicon, safe_lower

TEXTS = [
    "Jane Doe told Reuters on Monday that the plan was ready.",
    "She TOLD The Times, and in an interview with CNN she said more.",
    "Speaking to  reporters, Doe said; the Post first reported it.",
    "The Daily Star has reported that Acme quoted no one -told x",
    "Nobody spoke. No venue here at all, only words.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("which", ["after", "before"])
def test_lower_case_venue_regex_matches_like_the_plain_one(text: str, which: str) -> None:
    lex = lexicon("en")
    plain = lex.venue_after_re if which == "after" else lex.venue_before_re
    fast = lex.venue_after_low if which == "after" else lex.venue_before_low
    low = safe_lower(text)
    assert fast is not None and low is not None
    for start in range(0, len(text), 7):
        end = min(len(text), start + 40)
        want = [m.span() for m in plain.finditer(text, start, end)]
        assert [m.span() for m in fast.finditer(low, start, end)] == want


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("Doe TOLD “Le Monde” – fine.", True),
        ("Émile said so", True),
        ("\u212a is Kelvin", False),  # lower-cases to an ASCII k
        ("İstanbul", False),  # lower-cases to two characters
        ("ſaid", False),  # long s equals s when ignoring case
        ("dotless ı", False),
    ],
)
def test_safe_lower_refuses_text_where_case_folding_differs(text: str, safe: bool) -> None:
    assert (safe_lower(text) is not None) is safe


_OLD_TOKEN = re.compile(r"(?P<nl>[\n\r\u2028\u2029]+)|''|``|[“”„‟\"«»‹›‚‘’'「」『』]")


@pytest.mark.parametrize(
    "text", ["a''b``c`d'e\n\r\n\u2028x\"y", "`", "``", "'''", "\n\n", "«Oui» „ja“ 「x」", ""]
)
def test_mark_tokens_match_the_plain_alternation(text: str) -> None:
    want = [(m.span(), m.lastgroup == "nl") for m in _OLD_TOKEN.finditer(text)]
    got = [(m.span(), m.group()[0] in marks._NL) for m in marks._TOKEN.finditer(text)]
    assert got == want
