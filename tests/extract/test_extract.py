"""Table-driven tests of quote extraction (positive and negative rows) and its invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.extract import extract_quotes, mention_to_json
from quotegraph.extract.marks import scan
from quotegraph.model import Article


def run(body: str, lang: str = "en") -> list:
    return list(extract_quotes(Article("t", body, lang)))


MARKS = [
    ("He said: “Yes.”", ["Yes."]),
    ('He said: "Yes."', ["Yes."]),
    ("He said: ‘Yes.’", ["Yes."]),
    ("''It is ours'', they said.", ["It is ours"]),
    ("Il a dit : « Oui, bien sûr. »", ["Oui, bien sûr."]),
    ("Er sagte: „Ja, sicher.“", ["Ja, sicher."]),
    ("Er sagte: »Ja, sicher.«", ["Ja, sicher."]),
    ("Powiedział: „Tak.”", ["Tak."]),
    ("彼は「はい」と言った。", ["はい"]),
    ("He said: “It’s ‘fine’.”", ["It’s ‘fine’."]),
    # negatives: apostrophes are not marks
    ("It's Anonymous’s fault, wouldn't you say? Rock ’n’ roll in the '90s.", []),
    ('He said "yes and "no".', []),  # unbalanced straight marks: skip the paragraph
    ("No marks at all.", []),
]


@pytest.mark.parametrize(("body", "expected"), MARKS)
def test_quote_mark_styles(body: str, expected: list[str]) -> None:
    assert [q.text for q in scan(body)] == expected


def test_multi_paragraph_quote_is_one_mention() -> None:
    body = "She wrote: “First part.\n\n“Second part.”\nAfter."
    (q,) = scan(body)
    assert q.text == "First part.\n\n“Second part."
    assert body[q.start : q.end] == q.text


def test_unclosed_quote_continues_into_paragraph_that_closes_it() -> None:
    body = "“First part.\nSecond part.”"
    assert [q.text for q in scan(body)] == ["First part.\nSecond part."]


ATTRIBUTION = [
    # body, kind, speaker, venue, rule prefix
    (
        "“We will win,” Jane Doe told The Daily Star.",
        "direct",
        "Jane Doe",
        "The Daily Star",
        "tail",
    ),
    ("Jane Doe arrived. “We will win,” she said.", "direct", "Jane Doe", None, "tail"),
    ("“We will win,” said Jane Doe.", "direct", "Jane Doe", None, "tail"),
    ("Jane Doe added: “We will win.”", "direct", "Jane Doe", None, "head"),
    (
        "Jane Doe, Acme’s cofounder told The Daily Star:\n“We will win.”",
        "direct",
        "Jane Doe",
        "The Daily Star",
        "colon-para",
    ),
    (
        "In a blog post, Jane Doe said they were “protecting free speech.”",
        "partial",
        "Jane Doe",
        "a blog post",
        "head",
    ),
    (
        "''We are back'', an Acme-affiliated account tweeted.",
        "tweet",
        "an Acme-affiliated account",
        "Twitter",
        "tail",
    ),
    (
        "Acme Corp hired Jane Doe. “We will win,” the company said.",
        "direct",
        "Acme Corp",
        None,
        "tail",
    ),
]


@pytest.mark.parametrize(("body", "kind", "speaker", "venue", "rule"), ATTRIBUTION)
def test_attribution_patterns(
    body: str, kind: str, speaker: str, venue: str | None, rule: str
) -> None:
    ms = [m for m in run(body) if m.kind.value != "indirect"]
    assert ms, body
    m = ms[0]
    assert (m.kind.value, m.speaker, m.venue) == (kind, speaker, venue)
    assert m.rule.startswith(rule)


def test_scare_quotes_are_never_attributed() -> None:
    ms = run("Anonymous declared “war” on the group, Jane Doe said.")
    scare = [m for m in ms if m.kind.value == "scare"]
    assert [m.text for m in scare] == ["war"] and scare[0].speaker is None


def test_continuation_paragraph_keeps_speaker() -> None:
    body = "“We will win,” Jane Doe told The Daily Star.\n“And we will keep going.”"
    ms = run(body)
    assert [m.speaker for m in ms] == ["Jane Doe", "Jane Doe"]
    assert ms[1].rule == "continuation"


INDIRECT = [
    (
        "Jane Doe said that the plan was ready for everyone.",
        "en",
        "Jane Doe",
        "the plan was ready for everyone",
    ),
    (
        "According to Acme Corp, the plan was ready for everyone.",
        "en",
        "Acme Corp",
        "the plan was ready for everyone",
    ),
    (
        "Menurut Jane Doe, rencana itu sudah siap untuk semua.",
        "id",
        "Jane Doe",
        "rencana itu sudah siap untuk semua",
    ),
    ("Jane Doe sagte, dass der Plan fertig sei.", "de", "Jane Doe", "der Plan fertig sei"),
    ("Jane Doe a déclaré que le plan était prêt.", "fr", "Jane Doe", "le plan était prêt"),
    ("Jane Doe dijo que el plan estaba listo.", "es", "Jane Doe", "el plan estaba listo"),
]


@pytest.mark.parametrize(("body", "lang", "speaker", "text"), INDIRECT)
def test_reported_speech(body: str, lang: str, speaker: str, text: str) -> None:
    ms = [m for m in run(body, lang) if m.kind.value == "indirect"]
    assert [(m.speaker, m.text) for m in ms] == [(speaker, text)]


def test_no_indirect_without_speech_verb() -> None:
    assert run("The plan was ready that day and everyone knew it.") == []


def test_speech_tag_inside_french_quote_splits_it() -> None:
    body = "Jean Dupont est arrivé. « Nous sommes prêts, a-t-il déclaré, à négocier. »"
    ms = run(body, "fr")
    assert [m.text for m in ms] == ["Nous sommes prêts,", "à négocier."]
    assert {m.speaker for m in ms} == {"Jean Dupont"}


def test_embedded_tweet_block() -> None:
    body = (
        "Acme Corp members called for a boycott.\n"
        "Do not use @Example any longer. https://t.co/abc #OpTest"
    )
    ms = [m for m in run(body) if m.kind.value == "tweet"]
    assert len(ms) == 1 and ms[0].speaker == "Acme Corp" and ms[0].venue == "Twitter"


def test_json_object_has_gold_format_fields() -> None:
    (m,) = [m for m in run("“We will win,” Jane Doe said.")]
    data = mention_to_json(m)
    for key in (
        "article",
        "text",
        "start",
        "end",
        "kind",
        "speaker",
        "speaker_mention",
        "cue",
        "venue",
        "confidence",
    ):
        assert key in data
    assert data["cue"] == "said" and data["speaker_mention"] == "Jane Doe"


BAD = [
    "",
    "“",
    "”” ““ \" ' ''",
    "\x00\x01“abc\x02” he said\x7f",
    "Mixed 中文 “引用” and Ελληνικά «λόγια» said Jane.",
]


@pytest.mark.parametrize("body", BAD)
def test_bad_input_never_crashes(body: str) -> None:
    for m in run(body):
        assert body[m.content.start : m.content.end] == m.text


@pytest.mark.slow
def test_five_megabyte_paragraph_completes() -> None:
    chunk = "and the plan went on " * 2000 + "he said “this is fine,” and “that ‘one’ "
    body = (chunk * (5_000_000 // len(chunk) + 1))[:5_000_000]
    ms = run(body)
    assert ms and all(body[m.content.start : m.content.end] == m.text for m in ms)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab Jane Doe said told that“”\"'‘’«»„\n.,:")), max_size=300
    )
)
def test_invariants(body: str) -> None:
    first = [mention_to_json(m) for m in run(body)]
    assert first == [mention_to_json(m) for m in run(body)]
    starts = [m["start"] for m in first]
    assert starts == sorted(starts)
    for m in first:
        assert 0 <= m["start"] < m["end"] <= len(body)
        assert body[m["start"] : m["end"]] == m["text"]


NEGATIVES = [
    # body, language, what must NOT happen (kind that must be absent / speaker that must be None)
    ("The film “Saturday Night Live Forever” aired.", "en", "direct"),  # a title: scare
    ("Read more at https://example.com/page today.", "en", "tweet"),  # a link alone: no tweet
    ("“We will win.” The rally ended at noon.", "en", "speaker"),  # a new sentence: no speaker
]


@pytest.mark.parametrize(("body", "lang", "absent"), NEGATIVES)
def test_negative_rows(body: str, lang: str, absent: str) -> None:
    ms = run(body, lang)
    if absent == "speaker":
        assert ms and all(m.speaker is None for m in ms)
    else:
        assert all(m.kind.value != absent for m in ms)


LANGUAGES = [
    ("Anna Weber kam. „Wir sind bereit“, sagte sie.", "de", "Anna Weber", "sagte"),
    ("„Wir sind bereit“, sagte Anna Weber.", "de", "Anna Weber", "sagte"),
    ("« Nous sommes prêts », a déclaré Jean Dupont.", "fr", "Jean Dupont", "déclaré"),
    ("«Estamos listos», dijo María López.", "es", "María López", "dijo"),
    ("“Kami siap,” kata Budi Santoso kepada Kompas.", "id", "Budi Santoso", "kata"),
]


@pytest.mark.parametrize(("body", "lang", "speaker", "cue"), LANGUAGES)
def test_direct_quotes_in_other_languages(body: str, lang: str, speaker: str, cue: str) -> None:
    ms = [m for m in run(body, lang) if m.kind.value == "direct"]
    assert [(m.speaker, m.cue.text if m.cue else None) for m in ms] == [(speaker, cue)]


RESOLUTION = [
    ("Jane Doe, Acme’s chief executive, spoke. “No,” the chief executive said.", "Jane Doe"),
    ("Acme CEO Jane Doe spoke. “No,” she said.", "Jane Doe"),
    ("Jane Doe spoke. Later, Doe added: “No.”", "Jane Doe"),
    ("Acme Corp, a loose-knit group of hackers, spoke. “No,” the group said.", "Acme Corp"),
]


@pytest.mark.parametrize(("body", "speaker"), RESOLUTION)
def test_speaker_resolution(body: str, speaker: str) -> None:
    ms = [m for m in run(body) if m.kind.value == "direct"]
    assert [m.speaker for m in ms] == [speaker]
