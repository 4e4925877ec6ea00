"""Table-driven tests of the attribution rules added for unseen news (positive and negative rows).

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
QUOTE_ROWS = [
    # a partial quote inside reported speech shares the reported clause's cue and speaker
    (
        "Jane Doe said the plan was “a disaster” for the whole town.",
        "a disaster",
        "partial",
        "Jane Doe",
        "reported-partial",
    ),
    # ... unless its own clause has a named subject
    (
        "Jane Doe said the plan failed, and Bob Roe called it “a farce” yesterday.",
        "a farce",
        "partial",
        "Bob Roe",
        "head",
    ),
    # a short quote of reported speech is a partial quote, not a scare quote
    (
        "Jane Doe said she would be “shocked” if the plan failed.",
        "shocked",
        "partial",
        "Jane Doe",
        "reported-partial",
    ),
    # negatives: a title stays scare inside reported speech; a short quote outside it too
    (
        "Jane Doe said the show “Eat The Press” was over for good.",
        "Eat The Press",
        "scare",
        None,
        "scare",
    ),
    ("Jane Doe praised the “bold” plan.", "bold", "scare", None, "scare"),
    # one sentence, one cue, several quotes: one attribution
    (
        "Jane Doe called the plan “a mess from the very start” and its budget “a farce that "
        "nobody can defend.”",
        "a farce that nobody can defend.",
        "partial",
        "Jane Doe",
        "same-sentence",
    ),
    # a scare quote before the quote does not hide the cue before it
    (
        "Jane Doe arrived. At a rally, she described Acme as “kind” with a “great heart.”",
        "great heart.",
        "partial",
        "Jane Doe",
        "head",
    ),
    # a long apposition between the quote and its cue
    (
        "“We will win,” Jane Doe, 30, a lawyer at Doe & Roe in Springfield, Ohio, said on Monday.",
        "We will win,",
        "direct",
        "Jane Doe",
        "tail-apposition",
    ),
    # negative: no comma-closed apposition, no tail
    (
        "“We will win,” Jane Doe; the crowd at the big rally in Springfield then said nothing.",
        "We will win,",
        "direct",
        None,
        "unattributed",
    ),
    # a possessive makes the cue a noun: the main clause's subject speaks
    (
        "Jane Doe said Bob Roe's claim that taxes rose was “simply not true.”",
        "simply not true.",
        "partial",
        "Jane Doe",
        "reported-partial",
    ),
    (
        "Bob Roe claimed that taxes rose “sharply” last year.",
        "sharply",
        "partial",
        "Bob Roe",
        "reported-partial",
    ),
    # after a quote that closed its sentence, "He echoed ..." is a new sentence, not a tag
    (
        "Jane Doe spoke. “We will win.” He echoed that promise on Monday, saying it was time.",
        "We will win.",
        "direct",
        "Jane Doe",
        "prev-sentence",
    ),
    ("“We will win.” Jane Doe said.", "We will win.", "direct", "Jane Doe", "tail"),
    # the previous sentence's speaker attributes a quote opening a sentence, not one inside it
    (
        "Jane Doe said so at length. “It was a mistake from the very start.”",
        "It was a mistake from the very start.",
        "direct",
        "Jane Doe",
        "prev-sentence",
    ),
    (
        "Jane Doe said so at length. The latter by all accounts was “a mistake from the very "
        "start.”",
        "a mistake from the very start.",
        "partial",
        None,
        "unattributed",
    ),
    # a mid-sentence partial quote takes no tag from the words after it
    (
        "Bob Roe left. Jane Doe said “it makes me mad” every time he thinks about the crash.",
        "it makes me mad",
        "partial",
        "Jane Doe",
        "head",
    ),
    # a conjunction after the quote opens a new clause
    ("“We will win,” and Jane Doe said nothing.", "We will win,", "direct", None, "unattributed"),
    # the sentence subject skips an introductory phrase and a dateline
    (
        "On Monday, Jane Doe went further, endorsing candidates “who embody our values.”",
        "who embody our values.",
        "partial",
        "Jane Doe",
        "sentence-subject",
    ),
    (
        "SPRINGFIELD (AP) — Jane Doe took a swipe at Acme, saying that “bombastic comments” do "
        "more harm than good in such times.",
        "bombastic comments",
        "partial",
        "Jane Doe",
        "reported-partial",
    ),
    # a lone capitalised word opening the sentence is no sure name: the tagged pronoun wins
    (
        "Jane Doe spoke on Tuesday. Cost estimates, she added, were “based on a prototype "
        "facility.”",
        "based on a prototype facility.",
        "partial",
        "Jane Doe",
        "head",
    ),
    # a leading conjunction or "However," is not the subject; a title is not an intro phrase
    (
        "Jane Doe arrived. And she is sure that jailing Bob Roe will only make him “louder than "
        "ever before.”",
        "louder than ever before.",
        "partial",
        "Jane Doe",
        "sentence-subject",
    ),
    (
        "However, Jane Doe stood firm on “every single point of the plan.”",
        "every single point of the plan.",
        "partial",
        "Jane Doe",
        "sentence-subject",
    ),
    (
        "Dr. Jane Doe pondered who, without Bob Roe, might “stand up for all of us now.”",
        "stand up for all of us now.",
        "partial",
        "Jane Doe",
        "sentence-subject",
    ),
    # a pronoun after a participle is the reported clause's subject, not the speaker
    (
        "Acme spoke. Jane Doe on Thursday ratcheted up her attacks on Acme, saying it is “weak "
        "on every single issue.”",
        "weak on every single issue.",
        "partial",
        "Jane Doe",
        "head",
    ),
    # an opening subordinate clause ("Despite what he wrote,") is not the main clause
    (
        "Despite what he wrote, Jane Doe said he “may yet have to vote for the plan after all.”",
        "may yet have to vote for the plan after all.",
        "partial",
        "Jane Doe",
        "head",
    ),
    # participle and relative appositions: the name before them speaks
    (
        "Jane Doe, speaking on Radio X, called it “a farce.”",
        "a farce.",
        "partial",
        "Jane Doe",
        "head",
    ),
    (
        "Jane Doe (D-Ore.), who backs Acme, said the plan was “a farce.”",
        "a farce.",
        "partial",
        "Jane Doe",
        "head",
    ),
    ("Jane Doe met Bob Roe, who said it was “a farce.”", "a farce.", "partial", "Bob Roe", "head"),
    # a place list inside the apposition: the clause's first name speaks
    (
        "Jane Doe, during a town hall in Springfield, Ohio, said the plan was “a farce.”",
        "a farce.",
        "partial",
        "Jane Doe",
        "head",
    ),
    # the main clause's cue wins over an embedded one; a clause break resets it
    (
        "Jane Doe said Bob Roe thinks the plan is “a farce.”",
        "a farce.",
        "partial",
        "Jane Doe",
        "reported-partial",
    ),
    (
        "Jane Doe left early; Bob Roe said the plan is “a farce.”",
        "a farce.",
        "partial",
        "Bob Roe",
        "head",
    ),
    # "according to X," right before a quote
    (
        "According to Acme Corp, “The plan is ready.”",
        "The plan is ready.",
        "direct",
        "Acme Corp",
        "according-head",
    ),
    # a determiner phrase after an inverted cue
    (
        "“We will win,” said the 46-year-old.",
        "We will win,",
        "direct",
        "the 46-year-old",
        "tail-inverted",
    ),
    # initials are part of a name, first or middle ...
    (
        "The vote was close. “The winds are changing in the courts this year,” J. Ana Ruiz, "
        "director of the Vote Law Center, said on Monday.",
        "The winds are changing in the courts this year,",
        "direct",
        "J. Ana Ruiz",
        "tail-apposition",
    ),
    (
        "Tom K. Brandt told reporters: “We will not vote for this budget in its current form.”",
        "We will not vote for this budget in its current form.",
        "direct",
        "Tom K. Brandt",
        "head",
    ),
    # a name inside a relative clause after the cue is not the speaker
    (
        "“His account sent a number of those emails,” said one source who named Dana Reyes.",
        "His account sent a number of those emails,",
        "direct",
        "one source",
        "tail-inverted",
    ),
    # a tag closing the quote's sentence after more words
    (
        "Turnout was “far lower than we hoped” in the north this spring, Dana Reyes said.",
        "far lower than we hoped",
        "partial",
        "Dana Reyes",
        "sentence-tag",
    ),
    (
        "It would be “a real upset for her” if she lost by that margin, said Ana Ruiz, an analyst "
        "at the Vote Law Center.",
        "a real upset for her",
        "partial",
        "Ana Ruiz",
        "sentence-tag",
    ),
    # ... but a letter ending a sentence after a word is not ("vitamin D. Researchers")
    (
        "Most people lack vitamin D. Researchers said “the gap grows a little every year”.",
        "the gap grows a little every year",
        "partial",
        "Researchers",
        "head",
    ),
]


@pytest.mark.parametrize(("body", "text", "kind", "speaker", "rule"), QUOTE_ROWS)
def test_quote_rules(body: str, text: str, kind: str, speaker: str | None, rule: str) -> None:
    m = quote(body, text)
    assert (m.kind.value, m.speaker, m.rule) == (kind, speaker, rule)


def test_an_inverted_tag_is_not_reported_speech() -> None:
    """ "…, said Dana Reyes, a political scientist at X." names who spoke; "Officials said Ana
    Ruiz, a lawyer, was …" reports what they said about her."""
    tag = "Candidates cannot win without it, said Dana Reyes, a political scientist in Houston."
    assert [m.text for m in run(tag) if m.kind.value == "indirect"] == []
    clause = "Officials said Ana Ruiz, a lawyer from Ohio, was returning to Cairo that week."
    (m,) = [m for m in run(clause) if m.kind.value == "indirect"]
    expected = "Ana Ruiz, a lawyer from Ohio, was returning to Cairo that week"
    assert (m.text, m.rule) == (expected, "reported-bare")


def test_a_quote_paragraph_signed_on_the_next_line() -> None:
    """A paragraph that is one quote, then "-Dana Reyes, Springfield." or "- Reyes."; a dashed
    heading ("– Old hands –.") and a lower-case line sign nothing."""
    quote_para = "Quotable.\n\n“The whole idea is something we hear about all the time.”\n\n"
    for line, speaker in (
        ("-Dana Reyes, Springfield.", "Dana Reyes"),
        ("— Dana Reyes", "Dana Reyes"),
        ("– Old hands –.", None),
        ("-the editors of this page.", None),
    ):
        m = quote(
            quote_para + line + "\n\nMore text.",
            "The whole idea is something we hear about all the time.",
        )
        assert (m.speaker, m.rule == "signature") == (speaker, speaker is not None), line


def test_a_closing_tag_after_an_apposition_is_not_inverted() -> None:
    """In "…, Dana Reyes, told Reuters." the comma closes an apposition: Reuters was told."""
    body = "Turnout was “far lower than we hoped” this spring, an aide, Dana Reyes, told Reuters."
    m = quote(body, "far lower than we hoped")
    assert m.rule != "sentence-tag" and m.speaker != "Reuters"


def test_reported_clause_keeps_its_partial_quote_and_shares_the_cue() -> None:
    body = "Jane Doe said the plan was “a disaster” for the whole town."
    indirect = [m for m in run(body) if m.kind.value == "indirect"]
    partial = quote(body, "a disaster")
    assert [m.text for m in indirect] == ["the plan was “a disaster” for the whole town"]
    assert indirect[0].cue == partial.cue


@pytest.mark.parametrize(
    "body",
    [
        "Jane Doe said they were “protecting free speech.”",  # the clause is little but the quote
        "Jane Doe said that “the plan” was late.",
    ],
)
def test_no_reported_clause_that_is_mostly_the_quote(body: str) -> None:
    assert [m.kind.value for m in run(body) if m.kind.value == "indirect"] == []


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        # a tag inside the marks whose speaker is known splits the quote
        (
            "Jane Doe spoke. “We will win, she said, and we will keep going.”",
            ["We will win,", "and we will keep going."],
        ),
        # negative: the quote's own words ("I say", "he agrees") are not a tag
        (
            "“Everything I say, he agrees with, and that is fine,” Jane Doe said.",
            ["Everything I say, he agrees with, and that is fine,"],
        ),
    ],
)
def test_inner_tags(body: str, texts: list[str]) -> None:
    assert [m.text for m in run(body)] == texts


@pytest.mark.parametrize(
    ("body", "lang", "speaker"),
    [
        ("According to members of Acme Watch, the plan was leaked last week.", "en", "Acme Watch"),
        ("According to supporters of Jane Doe, the plan was leaked last week.", "en", "Jane Doe"),
        ("Menurut anggota Acme Watch, rencana itu sudah bocor minggu lalu.", "id", "Acme Watch"),
        # negatives: no group head, or no name after it
        ("According to Jane Doe, the plan was leaked last week.", "en", "Jane Doe"),
        (
            "According to members of the public, the plan was leaked last week.",
            "en",
            "members of the public",
        ),
    ],
)
def test_group_heads_resolve_to_the_group(body: str, lang: str, speaker: str) -> None:
    (m,) = run(body, lang)
    assert (m.kind.value, m.speaker) == ("indirect", speaker)


@pytest.mark.parametrize(
    ("body", "text", "said"),
    [
        # a relative clause after a described speaker; a noun cue ("remarks") does not win
        (
            "Bob Roe left. The lawmaker, who represents a district in Springfield, said the "
            "remarks “had wide support.”",
            "had wide support.",
            "The lawmaker",
        ),
        # negative: an inverted tag right before the quote still names the speaker
        ("Jane Doe left. “We will win,” said he: “Always.”", "Always.", "he"),
    ],
)
def test_speaker_phrase(body: str, text: str, said: str) -> None:
    m = quote(body, text)
    assert m.speaker_mention is not None and m.speaker_mention.text == said


@pytest.mark.parametrize(
    "body",
    [
        "x“b c d e ““According to Jane said“",  # odd marks around a reported-speech cue
        "Jane Doe said “the plan” and ““said it was “fine”",
        "According to Acme, “the plan, according to Acme, is “late” now.”",
    ],
)
def test_cue_never_inside_its_own_quote(body: str) -> None:
    for m in run(body):
        if m.cue is not None:
            assert m.cue.end <= m.content.start or m.cue.start >= m.content.end, m
