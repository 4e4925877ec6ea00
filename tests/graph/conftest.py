"""A tiny hand-made corpus with every kind of entity, venue, link and relation."""

from __future__ import annotations

import pytest

from quotegraph.model import (
    Article,
    ArticleRelation,
    Corpus,
    Entity,
    EntityType,
    Hop,
    Merge,
    Quote,
    QuoteKind,
    QuoteMention,
    Relation,
    Span,
    VariantEdge,
    VariantRelation,
    VenueEvent,
    VenueType,
)

ORIGINAL = "Ada Byron told The Daily Bugle: “We never sell data, full stop.” She was firm."
COPY = "The CEO said “We never sell data” on Monday, as told to the Bugle."
TRANSLATION = "Ada Byron berkata “Kami tidak pernah menjual data” kepada Bugle."


def _span(body: str, fragment: str) -> Span:
    start = body.index(fragment)
    return Span.of(body, start, start + len(fragment))


def make_corpus() -> Corpus:
    """Three articles (original, copy, translation) with quotes, venues and relations."""
    a1 = Article(
        "a1",
        ORIGINAL,
        "en",
        outlet="The Daily Bugle",
        url="https://bugle.example/a1",
        date="2015-11-20",
        title="Byron: we never sell data",
        source="articles/a1.txt",
        extra={"author": "J. Jonah"},
    )
    a2 = Article("a2", COPY, "en", outlet="Copycat News", date="2015-11-22")
    a3 = Article("a3", TRANSLATION, "id")
    m1 = QuoteMention(
        "a1",
        _span(ORIGINAL, "We never sell data, full stop."),
        QuoteKind.DIRECT,
        cue=_span(ORIGINAL, "told"),
        speaker_mention=_span(ORIGINAL, "Ada Byron"),
        speaker="Ada Byron",
        venue_mention=_span(ORIGINAL, "The Daily Bugle"),
        venue="The Daily Bugle",
        venue_type=VenueType.OUTLET,
        confidence=0.93,
        rule="en.direct.colon",
        language="en",
    )
    m2 = QuoteMention(
        "a2",
        _span(COPY, "We never sell data"),
        QuoteKind.PARTIAL,
        cue=_span(COPY, "said"),
        speaker_mention=_span(COPY, "The CEO"),
        speaker="Ada Byron",
        venue="The Daily Bugle",
        venue_type=VenueType.OUTLET,
        confidence=0.7,
        rule="en.partial",
        language="en",
    )
    m3 = QuoteMention(
        "a3",
        _span(TRANSLATION, "Kami tidak pernah menjual data"),
        QuoteKind.TRANSLATED,
        cue=_span(TRANSLATION, "berkata"),
        speaker="Ada Byron",
        language="id",
    )
    entities = (
        Entity(
            "ada-byron",
            "Ada Byron",
            EntityType.PERSON,
            ("Byron", "The CEO"),
            "Q7259",
            owner="analytical-inc",
            role="CEO",
        ),
        Entity("analytical-inc", "Analytical Inc", EntityType.ORGANIZATION),
        Entity("daily-bugle", "The Daily Bugle", EntityType.OUTLET, ("the Bugle",)),
        Entity("copycat-news", "Copycat News", EntityType.OUTLET),
        Entity("twitter", "Twitter", EntityType.PLATFORM),
        Entity("ada-tweets", "@adabyron", EntityType.ACCOUNT, owner="ada-byron"),
    )
    venues = (
        VenueEvent(
            "v-bugle",
            VenueType.OUTLET,
            "interview with The Daily Bugle",
            "ada-byron",
            "daily-bugle",
            "2015-11-19",
        ),
        VenueEvent("v-tweet", VenueType.SOCIAL, "tweet", "ada-tweets", "twitter"),
    )
    quote = Quote(
        "q-never-sell",
        "We never sell data, full stop.",
        (m1.id, m2.id, m3.id),
        "ada-byron",
        "v-bugle",
        "en",
    )
    return Corpus(
        articles=(a1, a2, a3),
        mentions=(m1, m2, m3),
        entities=entities,
        merges=(Merge("The CEO", "ada-byron", "role", 0.8), Merge("Byron", "ada-byron", "surname")),
        quotes=(quote,),
        venues=venues,
        variants=(
            VariantEdge(m2.id, m1.id, VariantRelation.TRUNCATION, 0.9),
            VariantEdge(m3.id, m1.id, VariantRelation.TRANSLATION, 0.75),
        ),
        relations=(
            ArticleRelation("a3", "a1", Relation.TRANSLATION, True, "Sumber: Bugle", 0.9),
            ArticleRelation("a2", "a1", Relation.REWRITE, False, "overlap 0.62", 0.62, False),
            ArticleRelation("a2", "daily-bugle", Relation.CITES, True, "as told to the Bugle"),
        ),
        hops=(
            Hop(m1.id, "v-bugle", "told", "daily-bugle", "2015-11-19", True, 1.0),
            Hop(m2.id, m1.id, "as told to", "The Bugle", None, True, 0.8),
            Hop(m3.id, m1.id, None, None, None, False, 0.5),
        ),
        speaker_of={m1.id: "ada-byron", m2.id: "ada-byron", m3.id: "ada-byron"},
        quote_of={m1.id: quote.id, m2.id: quote.id, m3.id: quote.id},
        publisher_of={m1.id: "daily-bugle", m2.id: "daily-bugle", "a2": "copycat-news"},
    )


@pytest.fixture
def corpus() -> Corpus:
    return make_corpus()
