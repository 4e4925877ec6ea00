"""Corpus -> Dataset -> Corpus round trips, stable IRIs, and the vocabulary used."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph.model import (
    Article,
    ArticleRelation,
    Corpus,
    Entity,
    EntityType,
    Hop,
    QuoteKind,
    QuoteMention,
    Relation,
    Span,
)
from quotegraph.rdf import from_dataset, to_dataset
from quotegraph.rdf.formats import isomorphic_datasets
from quotegraph.rdf.terms import graph_iri, iri
from quotegraph.vocab import OA, PROV, QG, RDF, SDO


def normalised(corpus: Corpus) -> dict[str, Any]:
    """A corpus as order-free plain data, for equality ignoring ordering."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(corpus):
        value = getattr(corpus, f.name)
        if isinstance(value, tuple):
            out[f.name] = sorted(repr(_plain(v)) for v in value)
        else:
            out[f.name] = dict(value)
    return out


def _plain(item: Any) -> Any:
    data = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if isinstance(value, tuple):
            value = sorted(value)
        elif hasattr(value, "items"):
            value = sorted(dict(value).items())
        data[f.name] = value
    return data


def test_round_trip_hand_made(corpus: Corpus) -> None:
    assert normalised(from_dataset(to_dataset(corpus))) == normalised(corpus)


def test_round_trip_detects_a_difference(corpus: Corpus) -> None:
    other = dataclasses.replace(corpus, quote_of={})
    assert normalised(from_dataset(to_dataset(other))) != normalised(corpus)


def test_build_twice_is_isomorphic(corpus: Corpus) -> None:
    assert isomorphic_datasets(to_dataset(corpus), to_dataset(corpus))


def test_different_corpus_is_not_isomorphic(corpus: Corpus) -> None:
    changed = dataclasses.replace(corpus, articles=corpus.articles[:2])
    assert not isomorphic_datasets(to_dataset(corpus), to_dataset(changed))


def test_timestamp_defaults_to_newest_article_date(corpus: Corpus) -> None:
    ds = to_dataset(corpus)
    times = [str(t)[:19] for t in ds.objects(None, PROV.endedAtTime)]
    assert times == ["2015-11-22T00:00:00"]
    later = to_dataset(corpus, timestamp="2026-01-01T10:00:00Z")
    assert [str(t)[:19] for t in later.objects(None, PROV.endedAtTime)] == ["2026-01-01T10:00:00"]
    assert not isomorphic_datasets(ds, later)


def test_named_graph_layout(corpus: Corpus) -> None:
    ds = to_dataset(corpus)
    article_graph = ds.graph(graph_iri("article", "a1"))
    links = ds.graph(graph_iri("links"))
    mention = iri("mention", "a1:33-63")
    assert (mention, RDF.type, QG.QuoteMention) in article_graph
    assert (mention, RDF.type, QG.QuoteMention) not in links
    assert (mention, QG.denotes, iri("quote", "q-never-sell")) in links
    assert (iri("entity", "ada-byron"), RDF.type, SDO.Person) in links
    assert (iri("article", "a3"), SDO.translationOfWork, iri("article", "a1")) in links
    assert (mention, PROV.wasQuotedFrom, iri("venue", "v-bugle")) in links
    assert (graph_iri("article", "a1"), PROV.wasGeneratedBy, None) in ds.graph(graph_iri("build"))


def test_selectors_point_into_the_body(corpus: Corpus) -> None:
    ds = to_dataset(corpus)
    mention = iri("mention", "a1:33-63")
    body = str(ds.value(iri("article", "a1"), SDO.articleBody))
    position = next(s for s in ds.objects(mention, OA.hasSelector) if str(s).endswith("position"))
    start, end = int(str(ds.value(position, OA.start))), int(str(ds.value(position, OA.end)))
    assert body[start:end] == "We never sell data, full stop."


# -- generated corpora --------------------------------------------------------

_text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
_ids = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.:% /-]{0,12}", fullmatch=True)


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    articles = []
    mentions = []
    for article_id in draw(st.lists(_ids, min_size=1, max_size=3, unique=True)):
        body = draw(_text)
        articles.append(
            Article(
                article_id,
                body,
                draw(st.sampled_from(["en", "id", "und"])),
                outlet=draw(st.none() | _text),
                date=draw(st.none() | st.sampled_from(["2015-11-20", "2015"])),
                title=draw(st.none() | _text),
                extra=draw(st.dictionaries(_ids, _text, max_size=2)),
            )
        )
        start = draw(st.integers(0, len(body) - 1))
        end = draw(st.integers(start + 1, len(body)))
        mentions.append(
            QuoteMention(
                article_id,
                Span.of(body, start, end),
                draw(st.sampled_from(list(QuoteKind))),
                cue=Span.of(body, 0, start) if start else None,
                speaker=draw(st.none() | _text),
                confidence=draw(st.floats(0, 1)),
                rule=draw(_ids),
            )
        )
    quote_of = {m.id: "q" for m in mentions}
    entity_ids = draw(st.lists(_ids, max_size=3, unique=True))
    entities = tuple(
        Entity(
            e,
            draw(_text),
            draw(st.sampled_from(list(EntityType))),
            tuple(draw(st.lists(_text, max_size=2, unique=True))),
            draw(st.none() | st.from_regex(r"Q[1-9][0-9]{0,5}", fullmatch=True)),
            owner=draw(st.none() | st.sampled_from(entity_ids)),
        )
        for e in entity_ids
    )
    ids = [a.id for a in articles]
    relations = tuple(
        ArticleRelation(
            draw(st.sampled_from(ids)),
            draw(st.sampled_from(ids + entity_ids)),
            draw(st.sampled_from(list(Relation))),
            draw(st.booleans()),
            draw(_text),
            draw(st.floats(0, 1)),
            draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    unique = {(r.source, r.relation, r.target): r for r in relations}
    hops = tuple(
        Hop(m.id, mentions[0].id, draw(st.none() | _text), None, None, draw(st.booleans()), 0.5)
        for m in mentions[1:]
    )
    return Corpus(
        articles=tuple(articles),
        mentions=tuple(mentions),
        entities=entities,
        relations=tuple(unique.values()),
        hops=hops,
        quote_of=quote_of,
    )


@settings(max_examples=40, deadline=None)
@given(corpora())
def test_round_trip_generated(corpus: Corpus) -> None:
    ds = to_dataset(corpus)
    assert normalised(from_dataset(ds)) == normalised(corpus)
    assert isomorphic_datasets(ds, to_dataset(corpus))
