"""Provenance functions over small hand-made corpora: who_said, trace, first_appearance,
copied_from and conflicts."""

from __future__ import annotations

import pytest

from quotegraph.errors import NotFoundError
from quotegraph.link import link
from quotegraph.model import Article, QuoteKind
from quotegraph.provenance import (
    conflicts,
    copied_from,
    first_appearance,
    project,
    trace,
    who_said,
)
from quotegraph.resolve import resolve

from .helpers import mention

QUOTE = "I'd suggest this was a mistake by the board, plain and simple, and we move on."
SHARED = "Our members will not stop until the sites go offline for good this time."


def _graph(articles, ments):
    return project(link(articles, ments, resolve(articles, ments)))


@pytest.fixture()
def story():
    a = Article(
        "a",
        f"Dana Whitfield told the Harbor Gazette: “{QUOTE}” End.",
        "en",
        date="2024-01-01",
        title="First",
    )
    b = Article(
        "b",
        "Later report. Dana Whitfield said: “this was a mistake by the board, plain "
        "and simple, and we move on.” End.",
        "en",
        date="2024-01-03",
    )
    c = Article(
        "c",
        "Laporan. Dana Whitfield mengatakan bahwa ini adalah kesalahan dewan. Ini tulisan lain.",
        "id",
        date="2024-01-04",
    )
    ms = [
        mention(a, QUOTE, speaker="Dana Whitfield", venue="the Harbor Gazette", cue="told"),
        mention(
            b,
            "this was a mistake by the board, plain and simple, and we move on.",
            speaker="Dana Whitfield",
        ),
    ]
    return [a, b, c], ms


def test_who_said_finds_fragment_and_variant(story) -> None:
    G = _graph(*story)
    for query in [
        "mistake by the board",
        "MISTAKE BY THE BOARD — PLAIN AND SIMPLE",
        "“a mistake by the board…”",
    ]:
        (match,) = who_said(G, query)
        assert match["speaker"]["name"] == "Dana Whitfield"
        assert match["origin"]["outlet_name"].endswith("Harbor Gazette")
        assert {a["article"] for a in match["articles"]} == {"a", "b"}
        assert match["first_article"]["article"] == "a"


def test_who_said_nothing(story) -> None:
    assert who_said(_graph(*story), "completely unrelated words about gardening") == []


def test_trace_mention_hops_to_venue(story) -> None:
    articles, ms = story
    G = _graph(articles, ms)
    hops = trace(G, ms[1].id)
    assert len(hops) == 1 and not hops[0].stated  # inherited venue
    hops_a = trace(G, ms[0].id)
    assert hops_a[0].stated and hops_a[0].cue == "told"
    assert hops_a[0].outlet is not None and hops_a[0].outlet.endswith("Harbor Gazette")  # a name


def test_trace_unknown_node_raises(story) -> None:
    with pytest.raises(NotFoundError):
        trace(_graph(*story), "nope")


def test_first_appearance_is_earliest(story) -> None:
    G = _graph(*story)
    q = next(n for n, d in G.nodes(data=True) if d["type"] == "quote")
    first = first_appearance(G, q)
    assert first is not None and first["article"] == "a"


def test_dropped_hedge_is_a_conflict(story) -> None:
    found = [c for c in conflicts(_graph(*story)) if c["type"] == "wording"]
    assert len(found) == 1
    assert "i’d suggest" in found[0]["summary"] and found[0]["evidence"][0]["article"] == "b"


def test_kept_hedge_is_no_conflict() -> None:
    a = Article("a", f"She said: “{QUOTE}” End.", "en")
    b = Article("b", f"Again: “{QUOTE}” she said.", "en")
    ms = [mention(a, QUOTE, speaker="Dana Whitfield"), mention(b, QUOTE, speaker="Dana Whitfield")]
    assert [c for c in conflicts(_graph([a, b], ms)) if c["type"] == "wording"] == []


def test_company_vs_its_ceo_is_a_speaker_conflict() -> None:
    a = Article("a", f"Acmetron CEO Dana Whitfield said: “{SHARED}” End.", "en")
    b = Article("b", f"Acmetron said: “{SHARED}” End.", "en")
    ms = [mention(a, SHARED, speaker="Dana Whitfield"), mention(b, SHARED, speaker="Acmetron Inc")]
    (found,) = [c for c in conflicts(_graph([a, b], ms)) if c["type"] == "speaker"]
    assert "Dana Whitfield" in found["summary"] and "Acmetron" in found["summary"]


FACT_A = (
    "A watchdog counted 40 websites last week. According to the watchdog, 34 spread propaganda."
)
FACT_B = "A recent report counted 40 websites, including 37 that spread propaganda daily."


@pytest.mark.parametrize(
    ("text_b", "related", "expected"),
    [
        (FACT_B, True, {"34": ["a"], "37": ["b"]}),
        (FACT_B.replace("37", "34"), True, None),  # same figure: no drift
        (FACT_B, False, None),  # unrelated articles are not compared
        ("The match drew 37 fans to the stadium in heavy rain.", True, None),  # other fact
    ],
)
def test_figure_drift(text_b: str, related: bool, expected) -> None:
    a = Article("a", f"{FACT_A}\nShe said: “{SHARED}”", "en")
    quote_b = SHARED if related else "A completely different statement about the harbour today."
    b = Article("b", f"{text_b}\nShe said: “{quote_b}”", "en")
    ms = [mention(a, SHARED, speaker="Ann Lee"), mention(b, quote_b, speaker="Ann Lee")]
    found = [c for c in conflicts(_graph([a, b], ms)) if c["type"] == "figure"]
    if expected is None:
        assert found == []
    else:
        assert [c["values"] for c in found] == [expected]


def test_copied_from_reports_stated_credit() -> None:
    a = Article("a", "Body of the story.\nSource: Reuters", "en")
    G = _graph([a], [])
    (rel,) = copied_from(G, "a")
    assert rel["target"] == "reuters" and rel["stated"] and rel["relation"] == "cites"


def test_translation_is_found_from_other_language() -> None:
    en = Article("en1", "Prince wrote: “A website is speech. It is not a bomb.” End.", "en")
    idn = Article("id1", "Prince menulis bahwa website adalah pidato, bukan bom. Selesai.", "id")
    ms = [
        mention(en, "A website is speech. It is not a bomb.", speaker="Matthew Prince"),
        mention(idn, "website adalah pidato, bukan bom", speaker="Prince", kind=QuoteKind.INDIRECT),
    ]
    G = _graph([en, idn], ms)
    (match,) = who_said(G, "situs web adalah pidato, bukan bom")
    marks = {a["article"]: a["translated"] for a in match["articles"]}
    assert marks == {"en1": False, "id1": True}
