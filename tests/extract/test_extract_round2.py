"""Table-driven tests of the second round of attribution rules (positive and negative rows).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from quotegraph.extract import extract_quotes
from quotegraph.model import Article, QuoteMention


def run(body: str, lang: str = "en") -> list[QuoteMention]:
    return list(extract_quotes(Article("t", body, lang)))


def quote(body: str, text: str, lang: str = "en") -> QuoteMention:
    found = [m for m in run(body, lang) if m.text == text]
    assert found, [(m.kind.value, m.text) for m in run(body, lang)]
    return found[0]


# (body, quoted text, kind, speaker, rule) — speaker None means "not attributed"
ROWS = [
    # a pronoun with a contraction opens reported speech ("said she’d …")
    (
        "Jane Doe said she’d vote against the “reckless” plan.",
        "reckless",
        "partial",
        "Jane Doe",
        "reported-partial",
    ),
    # ... a possessive noun does not, and a one-word quote stays a scare quote
    ("Jane Doe said today’s “deal” was close.", "deal", "scare", None, "scare"),
    # a headline naming its speaker before a colon
    (
        "Jane Doe: Budget Plan Is ‘Reckless’\n\nJane Doe spoke on Monday.",
        "Reckless",
        "partial",
        "Jane Doe",
        "headline-colon",
    ),
    # ... but not a label before the colon
    (
        "Update: Officials Call Plan ‘Unworkable’\n\nThe council met.",
        "Unworkable",
        "scare",
        None,
        "scare",
    ),
    # a short quote of several words after a named subject's speech cue
    (
        "Bob Roe called the budget “a total mess” on Monday.",
        "a total mess",
        "partial",
        "Bob Roe",
        "head",
    ),
    # ... not without a named subject
    ("The board asked about the “total mess” yesterday.", "total mess", "scare", None, "scare"),
    # a short tail with an apposition between the name and the cue
    ("“We are ready,” Ann Lee, 33, said.", "We are ready,", "direct", "Ann Lee", "tail-apposition"),
    (
        "“Not us!” Ann Lee, the head of the group, said.",
        "Not us!",
        "direct",
        "Ann Lee",
        "tail-apposition",
    ),
    # ... a new sentence with no cue after the apposition is no tag
    (
        "“We are ready.” Ann Lee, the mayor, later went home.",
        "We are ready.",
        "direct",
        None,
        "unattributed",
    ),
    # manner-of-speaking cues
    ("“Sit down,” barked Ann Lee.", "Sit down,", "direct", "Ann Lee", "tail-inverted"),
    ("The sun beamed over the “home team” stands.", "home team", "scare", None, "scare"),
    # the one who issued a statement is the speaker, not the statement
    (
        "Ann Lee issued a statement saying the plan was “a total mess” and unfair.",
        "a total mess",
        "partial",
        "Ann Lee",
        "reported-partial",
    ),
    # ... unless the statement opens the sentence (no one else is named)
    (
        "A statement said the plan was “a total mess” and unfair.",
        "a total mess",
        "partial",
        "A statement",
        "reported-partial",
    ),
    # a name before a colon after a headline-style dash
    (
        "Voters shifted late - PollWatch: “The late deciders broke for the challenger.”",
        "The late deciders broke for the challenger.",
        "direct",
        "PollWatch",
        "name-colon",
    ),
    # ... not a name that ends a longer phrase
    (
        "The budget for Jane Doe: “We will win.”",
        "We will win.",
        "partial",
        "Jane Doe",
        "sentence-subject",
    ),
]


@pytest.mark.parametrize(("body", "text", "kind", "speaker", "rule"), ROWS)
def test_round_two_rules(body: str, text: str, kind: str, speaker: str | None, rule: str) -> None:
    m = quote(body, text)
    assert (m.kind.value, m.speaker, m.rule) == (kind, speaker, rule)


POSTS = [
    # a pasted post without its link: a handle and a hashtag, no quotation marks
    ("The group posted again.\n\nStill no answer from @CityHall. #FixTheRoads\n\nIt ended.", 1),
    # ... not a paragraph that quotes the post, nor one with only a hashtag
    ("The group wrote: “No answer from @CityHall. #FixTheRoads”\n\nIt ended.", 0),
    ("Fans used the hashtag #FixTheRoads all week.\n\nIt ended.", 0),
]


@pytest.mark.parametrize(("body", "posts"), POSTS)
def test_pasted_posts_without_links(body: str, posts: int) -> None:
    assert sum(1 for m in run(body) if m.rule == "tweet-block") == posts
