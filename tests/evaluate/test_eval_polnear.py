"""PolNeAR BRAT reading and scoring, on tiny synthetic files (never the real corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.errors import InputError
from quotegraph.evaluate.polnear import group_mentions, parse_ann, read_polnear, score_polnear
from quotegraph.evaluate.subsets import is_quote_bearing, is_speech_cue
from quotegraph.model import Article, QuoteKind, QuoteMention, Span

TEXT = (
    'Mayor Ada Quill said: "The bridge opens in May." It is believed the plan is late.\n'
    'She added that costs rose, "sharply and fast," and that nobody cares.\n'
    'A sign read: "Welcome."\n'
)


def at(fragment: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(fragment, after)
    return start, start + len(fragment)


def t_line(tid: str, label: str, *fragments: str) -> str:
    spans = [at(f) for f in fragments]
    offsets = ";".join(f"{a} {b}" for a, b in spans)
    return f"{tid}\t{label} {offsets}\t{' '.join(fragments)}"


ANN_FIRST = "\n".join(
    [
        t_line("T1", "Source", "Mayor Ada Quill"),
        t_line("T2", "Cue", "said"),
        t_line("T3", "Content", '"The bridge opens in May."'),
        t_line("T4", "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        t_line("T5", "Cue", "is believed"),
        t_line("T6", "Content", "the plan is late"),
        "E2\tAttribution-no-source:T5 Cue:T5 Content:T6 ",
        t_line("T7", "Source", "She"),
        t_line("T8", "Cue", "added"),
        t_line("T9", "Content", 'costs rose, "sharply and fast,"', "nobody cares"),
        t_line("T10", "Content", "that"),
        "E3\tAttribution:T8 Cue:T8 Source:T7 Content:T9",
        t_line("T11", "Discard", 'A sign read: "Welcome."'),
        "#1\tAnnotatorNotes T9\tis the second part right?",
        "a stray continuation line of a multi-line text field",
        "E4\tAttribution-no-source:T99 ",
        "",
    ]
)
ANN_SECOND = "\n".join([t_line("T1", "Content", "nobody cares"), "E1\tAttribution:T1", ""])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "town_news.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "text" / "unannotated.txt").write_text("Nothing here.", encoding="utf-8")
    (tmp_path / "attributions" / "town_news_aa11.ann").write_text(ANN_FIRST, encoding="utf-8")
    (tmp_path / "attributions" / "town_news_bb22.ann").write_text(ANN_SECOND, encoding="utf-8")
    return tmp_path


def test_reader_uses_first_annotator_and_keeps_discontinuous_spans(corpus: Path) -> None:
    docs = list(read_polnear(corpus))
    assert [d.id for d in docs] == ["town_news"]  # text without .ann skipped
    doc = docs[0]
    assert (doc.annotator, doc.annotators) == ("aa11", ("aa11", "bb22"))
    assert [a.id for a in doc.attributions] == ["E1", "E2", "E3"]  # E4 has no content
    first, second, third = doc.attributions
    assert first.source_text == "Mayor Ada Quill" and first.cue_text == "said"
    assert second.source == ()
    assert [s.text for s in third.content] == ['costs rose, "sharply and fast,"', "nobody cares"]
    for attribution in doc.attributions:
        for span in (*attribution.content, *attribution.cue, *attribution.source):
            assert TEXT[span.start : span.end] == span.text


def test_article_is_english_with_stem_id(corpus: Path) -> None:
    article = next(read_polnear(corpus)).article()
    assert (article.id, article.language, article.body) == ("town_news", "en", TEXT)


@pytest.mark.parametrize(
    ("ann", "reason"),
    [("T1\tContent 5 999\tx\nE1\tAttribution:T1 Content:T1\n", "outside the text")],
)
def test_parse_ann_rejects_bad_offsets(ann: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_ann("short text", ann, "bad.ann")


def test_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="text/ and attributions/"):
        list(read_polnear(tmp_path))
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "attributions" / "orphan_x1.ann").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read"):
        list(read_polnear(tmp_path))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('he said "no"', True),
        ("he said “no”", True),
        ("« non »", True),
        ("it’s ‘in their heads.’", True),
        ("'Yes,' she said", True),
        ("Clinton’s plan", False),
        ("don't stop", False),
        ("the voters’ choice", False),
        ("back in the '90s", False),
        ("no marks at all", False),
    ],
)
def test_quote_bearing_rule(content: str, expected: bool) -> None:
    assert is_quote_bearing(content) is expected


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("said", True),
        ("has told", True),
        ("tweeted", True),
        ("pointed out", True),
        ("believes", False),
        ("according to", False),
        ("is believed", False),
        ("", False),
    ],
)
def test_speech_cue(cue: str, expected: bool) -> None:
    assert is_speech_cue(cue) is expected


def mention(body: str, fragment: str, kind: QuoteKind, **kw: object) -> QuoteMention:
    start = body.index(fragment)
    return QuoteMention("town_news", Span.of(body, start, start + len(fragment)), kind, **kw)  # type: ignore[arg-type]


def fake_extractor(article: Article) -> list[QuoteMention]:
    body = article.body
    quill = body.index("Ada Quill")
    return [
        mention(
            body,
            "The bridge opens in May.",
            QuoteKind.DIRECT,
            speaker_mention=Span.of(body, quill, quill + 9),
            speaker="Ada Quill",
        ),
        mention(body, "sharply and fast,", QuoteKind.PARTIAL, speaker="Ada Quill"),
        mention(body, "the plan is late", QuoteKind.INDIRECT),
        mention(body, "Welcome.", QuoteKind.DIRECT),
    ]


def test_score_polnear_subsets(corpus: Path) -> None:
    result = score_polnear(read_polnear(corpus), fake_extractor)
    assert (result["documents"], result["attributions"]) == (1, 3)
    assert result["multi_annotator_documents"] == 1
    every = result["subsets"]["all"]
    assert (every["content"]["tp"], every["predicted"], every["gold"]) == (3, 4, 3)
    assert every["content"]["p"] == 0.75 and every["content"]["r"] == 1.0
    assert every["exact"]["tp"] == 2
    assert every["source"] == {"correct": 1, "total": 2}
    assert every["overlap"]["tp"] == 3
    quoted = result["subsets"]["quote_bearing"]
    assert (quoted["content"]["tp"], quoted["predicted"], quoted["gold"]) == (2, 3, 2)
    speech = result["subsets"]["speech_verb"]
    # the indirect prediction matches the non-speech gold entry: counted neither way
    assert (speech["content"]["tp"], speech["predicted"], speech["gold"]) == (2, 3, 2)


def test_overlap_is_required_for_a_content_match(corpus: Path) -> None:
    def elsewhere(article: Article) -> list[QuoteMention]:
        body = article.body + " the plan is late"  # same words, other position
        start = len(article.body) + 1
        return [QuoteMention(article.id, Span.of(body, start, len(body)), QuoteKind.INDIRECT)]

    result = score_polnear(read_polnear(corpus), elsewhere)
    assert result["subsets"]["all"]["content"]["tp"] == 0


def test_content2_role_joins_the_content() -> None:
    text = "Ann said it rains and it pours."
    ann = (
        "T1\tContent 9 17\tit rains\nT2\tContent 22 30\tit pours\nT3\tCue 4 8\tsaid\n"
        "E1\tAttribution:T3 Cue:T3 Content:T1 Content2:T2\n"
    )
    (attribution,) = parse_ann(text, ann)
    assert attribution.content_text == "it rains it pours"


def test_fragments_counted_and_scare_mentions_left_out(corpus: Path) -> None:
    def split(article: Article) -> list[QuoteMention]:
        body = article.body
        return [
            mention(body, "sharply and fast,", QuoteKind.PARTIAL),
            mention(body, "nobody cares", QuoteKind.INDIRECT),
            mention(body, "Welcome.", QuoteKind.SCARE),
        ]

    every = score_polnear(read_polnear(corpus), split)["subsets"]["all"]
    assert (every["content"]["tp"], every["predicted"]) == (1, 2)
    assert every["fragments"] == 1


def test_mentions_sharing_a_cue_are_one_prediction() -> None:
    body = "“The bridge,” Ada Quill said, “opens in May.” She left."
    cue = Span.of(body, body.index("said"), body.index("said") + 4)
    parts = [
        QuoteMention("a", Span.of(body, 1, 12), QuoteKind.DIRECT, cue=cue),
        QuoteMention(
            "a",
            Span.of(body, body.index("opens"), body.index("May.") + 4),
            QuoteKind.DIRECT,
            cue=cue,
        ),
        QuoteMention(
            "a", Span.of(body, body.index("She"), body.index("left") + 4), QuoteKind.INDIRECT
        ),
    ]
    preds = group_mentions(body, parts)
    assert [p.text for p in preds] == ["The bridge, opens in May.", "She left"]
    assert [len(p.content) for p in preds] == [2, 1]
    # overlapping parts (a reported clause holding its partial quote) merge into one span
    inner = QuoteMention("a", Span.of(body, 5, 10), QuoteKind.PARTIAL, cue=cue)
    (merged, _) = group_mentions(body, [parts[0], inner, parts[2]])
    assert [s.text for s in merged.content] == ["The bridge,"]
    assert merged.kinds == {QuoteKind.DIRECT, QuoteKind.PARTIAL}


def test_split_quote_is_scored_as_one_attribution(tmp_path: Path) -> None:
    text = "“The bridge,” Ada Quill said, “opens in May.”\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "d.txt").write_text(text, encoding="utf-8")
    a, b = text.index("The"), text.index("May.") + 5
    ann = (
        f"T1\tContent {a} {text.index(',') + 1};{text.index('opens')} {b}\tx\n"
        f"T2\tSource {text.index('Ada')} {text.index('Ada') + 9}\tAda Quill\n"
        "E1\tAttribution:T1 Content:T1 Source:T2\n"
    )
    (tmp_path / "attributions" / "d_x1.ann").write_text(ann, encoding="utf-8")
    cue = Span.of(text, text.index("said"), text.index("said") + 4)
    quill = Span.of(text, text.index("Ada"), text.index("Ada") + 9)

    def split(article: Article) -> list[QuoteMention]:
        body = article.body
        return [
            mention(body, "The bridge,", QuoteKind.DIRECT, cue=cue, speaker_mention=quill),
            mention(body, "opens in May.", QuoteKind.DIRECT, cue=cue, speaker_mention=quill),
        ]

    def unrelated(article: Article) -> list[QuoteMention]:  # no shared cue: two predictions
        body = article.body
        return [
            mention(body, "The bridge,", QuoteKind.DIRECT),
            mention(body, "opens in May.", QuoteKind.DIRECT),
        ]

    sub = score_polnear(read_polnear(tmp_path), split)["subsets"]["quote_bearing"]
    assert (sub["overlap"]["tp"], sub["predicted"], sub["source"]["correct"]) == (1, 1, 1)
    assert sub["content"] == sub["overlap"]  # the headline is the overlap rule
    sub = score_polnear(read_polnear(tmp_path), unrelated)["subsets"]["quote_bearing"]
    assert (sub["overlap"]["tp"], sub["predicted"]) == (1, 2)


def test_overlap_headline_is_more_lenient_than_token_rule(corpus: Path) -> None:
    def tiny(article: Article) -> list[QuoteMention]:
        return [mention(article.body, "May.", QuoteKind.DIRECT)]  # overlaps, few tokens

    sub = score_polnear(read_polnear(corpus), tiny)["subsets"]["quote_bearing"]
    assert (sub["overlap"]["tp"], sub["token"]["tp"], sub["exact"]["tp"]) == (1, 0, 0)
