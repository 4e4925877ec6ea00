"""Quote grouping at scale: stock phrases by different speakers, and reprints of quotes whose
words are common in the corpus."""

from __future__ import annotations

import pytest

from quotegraph.link import link
from quotegraph.link import quotes as quotes_mod
from quotegraph.link.quotes import candidates
from quotegraph.link.text import tokens
from quotegraph.model import Article
from quotegraph.resolve import resolve

from .helpers import mention

STOCK = "We are looking into it and will say more soon"
LONG = (
    "We never asked the regulator to close the plant, and we will not pretend that "
    "the numbers tell another story today"
)


def _quotes_of(rows: list[tuple[str, str, str]]) -> list[set[str]]:
    arts = [Article(aid, f"Intro {aid}. “{text}” said {who}.", "en") for aid, text, who in rows]
    ments = [mention(a, text, speaker=who) for a, (_, text, who) in zip(arts, rows, strict=True)]
    corpus = link(arts, ments, resolve(arts, ments))
    return sorted(({m.split(":")[0] for m in q.mention_ids} for q in corpus.quotes), key=min)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (  # the same stock phrase from two people: two quotes
            [("a", STOCK, "Dana Reyes"), ("b", STOCK, "Omar Lindqvist")],
            [{"a"}, {"b"}],
        ),
        (  # the same person twice: one quote
            [("a", STOCK, "Dana Reyes"), ("b", STOCK, "Dana Reyes")],
            [{"a", "b"}],
        ),
        (  # a long passage found whole under another name: one quote (a misattribution)
            [("a", LONG, "Dana Reyes"), ("b", LONG, "Omar Lindqvist")],
            [{"a", "b"}],
        ),
    ],
)
def test_speakers_decide_short_identical_quotes(
    rows: list[tuple[str, str, str]], expected: list[set[str]]
) -> None:
    assert _quotes_of(rows) == expected


def test_reprints_are_found_when_every_shingle_is_common(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes_mod, "MAX_POSTINGS", 1)
    common = tokens("we are listening to the people of this town")
    token_lists = [[*common, "today"], [*common, "now"], common, common]
    found = candidates(token_lists)
    assert found[(3, 2)] == 1.0  # an exact reprint is found through its words
    assert (2, 0) not in found  # a container sharing no informative shingle is not
