"""Link: mentions -> quotes across variants and languages, variant graph, relations, venues."""

from __future__ import annotations

import pytest

from quotegraph.link import link
from quotegraph.link.quotes import candidates, relation
from quotegraph.link.text import tokens
from quotegraph.model import Article, QuoteKind, Relation, VariantRelation, VenueType
from quotegraph.resolve import resolve

from .helpers import mention

ORIGINAL = "We never sell user data, and we never will, whatever the price."


def _pair(a_text: str, b_text: str, lang_b: str = "en"):
    a = Article("a", f"Intro. She said: “{a_text}” End.", "en")
    b = Article("b", f"Other intro. “{b_text}” she said. End.", lang_b)
    ms = [mention(a, a_text, speaker="Ann Lee"), mention(b, b_text, speaker="Ann Lee")]
    return link([a, b], ms, resolve([a, b], ms)), ms


@pytest.mark.parametrize(
    ("variant", "same"),
    [
        ("WE NEVER SELL USER DATA, AND WE NEVER WILL, WHATEVER THE PRICE.", True),  # case
        ("We never sell user data — and we never will — whatever the price …", True),  # dashes
        ("we never sell user data, and we never will", True),  # truncation
        ("We never sell [our] user data, and we never will, whatever the price.", True),  # insert
        ("We never sell data, and we never will, whatever the price.", True),  # word dropped
        ("The weather is lovely in spring and the trains run on time.", False),
        ("We always sell cheap hats, and the price is right for you.", False),
    ],
)
def test_variants_join_one_quote(variant: str, same: bool) -> None:
    corpus, ms = _pair(ORIGINAL, variant)
    assert (corpus.quote_of[ms[0].id] == corpus.quote_of[ms[1].id]) is same


def test_isis_case_variant() -> None:
    corpus, _ms = _pair(
        "even if we were hosting sites for Isis, it would not help us",
        "even if we were hosting sites for ISIS, it would not help us",
    )
    assert len(corpus.quotes) == 1
    assert corpus.variants[0].relation == VariantRelation.SAME


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("b c d", "a b c d e", VariantRelation.TRUNCATION),
        ("a c e", "a b c d e", VariantRelation.EXTENSION),
        ("a x e", "a b c d e", VariantRelation.SUBSTITUTION),
        ("a b c", "a b c", VariantRelation.SAME),
    ],
)
def test_variant_relation_labels(short: str, long: str, expected: VariantRelation) -> None:
    assert relation(short.split(), long.split()) is expected


def test_shorter_variant_points_to_longer() -> None:
    corpus, ms = _pair(ORIGINAL, "we never sell user data")
    (edge,) = corpus.variants
    assert (edge.source, edge.target) == (ms[1].id, ms[0].id)
    assert edge.relation is VariantRelation.TRUNCATION


def test_candidates_come_from_shared_shingles_only() -> None:
    texts = [
        tokens(t)
        for t in [
            ORIGINAL,
            "we never sell user data",
            "cats sleep all day long",
            "dogs bark at the moon",
            "we never will whatever",
        ]
    ]
    pairs = candidates(texts)
    assert set(pairs) == {(1, 0), (4, 0)}
    assert pairs[(1, 0)] == 1.0


def test_quote_split_by_its_attribution_is_one_quote() -> None:
    a = Article(
        "s",
        "“I saw the handle and it was angry,” he told Radio Nord. “It was "
        "armchair analysis by kids.” Other text.",
        "en",
    )
    ms = [
        mention(a, "I saw the handle and it was angry,", speaker="Ann Lee"),
        mention(a, "It was armchair analysis by kids.", speaker="Ann Lee"),
    ]
    corpus = link([a], ms, resolve([a], ms))
    assert len(corpus.quotes) == 1


def test_two_quotes_in_a_row_stay_two() -> None:
    a = Article(
        "s",
        "“I saw the handle and it was angry.” He added: “Prices will fall "
        "next year for sure.” Other text.",
        "en",
    )
    ms = [
        mention(a, "I saw the handle and it was angry.", speaker="Ann Lee"),
        mention(a, "Prices will fall next year for sure.", speaker="Ann Lee"),
    ]
    assert len(link([a], ms, resolve([a], ms)).quotes) == 2


def test_translation_through_lexicon() -> None:
    en = Article("en1", "Prince wrote: “A website is speech. It is not a bomb.” End.", "en")
    idn = Article("id1", "Prince menulis bahwa website adalah pidato, bukan bom. Selesai.", "id")
    ms = [
        mention(en, "A website is speech. It is not a bomb.", speaker="Matthew Prince"),
        mention(idn, "website adalah pidato, bukan bom", speaker="Prince", kind=QuoteKind.INDIRECT),
    ]
    corpus = link([en, idn], ms, resolve([en, idn], ms))
    assert corpus.quote_of[ms[0].id] == corpus.quote_of[ms[1].id]
    (edge,) = [e for e in corpus.variants if e.relation is VariantRelation.TRANSLATION]
    assert (edge.source, edge.target) == (ms[1].id, ms[0].id)
    assert corpus.quotes[0].language == "en"


def test_unrelated_translation_is_not_linked() -> None:
    en = Article("en1", "She said: “The harbour will reopen after the storm season.” End.", "en")
    idn = Article("id1", "Dia berkata bahwa website adalah pidato, bukan bom sama sekali.", "id")
    ms = [
        mention(en, "The harbour will reopen after the storm season.", speaker="Ann Lee"),
        mention(
            idn,
            "website adalah pidato, bukan bom sama sekali",
            speaker="Ann Lee",
            kind=QuoteKind.INDIRECT,
        ),
    ]
    assert len(link([en, idn], ms, resolve([en, idn], ms)).quotes) == 2


def test_venue_inheritance_is_marked_inferred() -> None:
    a = Article("v1", "“Sales will double this year,” Ann Lee told the Harbor Gazette. End.", "en")
    b = Article("v2", "Ann Lee said: “Sales will double this year.” End.", "en")
    ms = [
        mention(a, "Sales will double this year,", speaker="Ann Lee", venue="the Harbor Gazette"),
        mention(b, "Sales will double this year.", speaker="Ann Lee"),
    ]
    corpus = link([a, b], ms, resolve([a, b], ms))
    hops = {h.source: h for h in corpus.hops}
    assert hops[ms[0].id].stated and not hops[ms[1].id].stated
    assert hops[ms[0].id].target == hops[ms[1].id].target == corpus.quotes[0].venue_id
    assert corpus.venues[0].type is VenueType.OUTLET


def test_stated_credit_relation() -> None:
    a = Article("c1", "Body of the story here.\n\nSumber: The Guardian", "id")
    b = Article("c2", "Body.\nThis content was originally published here.", "en")
    corpus = link([a, b], [], resolve([a, b], []))
    assert {r.source for r in corpus.relations} == {"c1"}  # c2 names no outlet anywhere
    c = Article("c3", "Title | Tech | The Guardian\n\nBody.\nRead the original story here.", "en")
    rels = link([a, c], [], resolve([a, c], [])).relations
    assert {(r.source, r.target, r.relation, r.stated) for r in rels} == {
        ("c1", "the-guardian", Relation.CITES, True),
        ("c3", "the-guardian", Relation.REPUBLICATION, True),
    }


STORY = (
    "The council voted on Tuesday to close the old bridge over the river for repairs. "
    "Engineers found cracks in three of the main supports during a routine inspection last "
    "month. Traffic will be diverted through the northern ring road until the work is done. "
    "Local shops near the bridge fear that the closure will keep customers away for months. "
)


@pytest.mark.parametrize(
    ("date_a", "date_b", "directed", "source"),
    [
        ("2024-01-02", "2024-01-01", True, "r1"),
        ("2024-01-01", "2024-01-02", True, "r2"),
        (None, None, False, None),
    ],
)
def test_inferred_republication_direction(date_a, date_b, directed, source) -> None:
    a = Article("r1", STORY + "Extra line one.", "en", date=date_a)
    b = Article("r2", "Intro text. " + STORY, "en", date=date_b)
    (rel,) = link([a, b], [], resolve([a, b], [])).relations
    assert rel.relation is Relation.REPUBLICATION and not rel.stated
    assert rel.directed is directed
    if directed:
        assert rel.source == source
    else:
        assert "undirected" in rel.evidence


def test_shared_quotes_alone_are_not_text_reuse() -> None:
    quote = "We never sell user data, and we never will, whatever the price, ever again, no."
    a = Article("q1", f"A first story about markets. She said: “{quote}” Then more.", "en")
    b = Article("q2", f"Totally different prose on weather. “{quote}” she told us.", "en")
    ms = [mention(a, quote, speaker="Ann Lee"), mention(b, quote, speaker="Ann Lee")]
    assert link([a, b], ms, resolve([a, b], ms)).relations == ()


@pytest.mark.parametrize(
    ("lang", "foreign", "linked"),
    [
        ("fr", "nous ne prendrons jamais de décision contre nos clients", True),
        ("es", "nunca tomaremos una decisión contra nuestros clientes", True),
        ("fr", "il pleut beaucoup à Lyon depuis trois jours", False),
    ],
)
def test_translation_other_lexicons(lang: str, foreign: str, linked: bool) -> None:
    english = "We will never take a decision against our customers."
    en = Article("en1", f"She said: “{english}” End.", "en")
    other = Article("x1", f"Elle a dit que {foreign}. Fin.", lang)
    ms = [
        mention(en, english, speaker="Ann Lee"),
        mention(other, foreign, speaker="Ann Lee", kind=QuoteKind.INDIRECT),
    ]
    corpus = link([en, other], ms, resolve([en, other], ms))
    assert (corpus.quote_of[ms[0].id] == corpus.quote_of[ms[1].id]) is linked
