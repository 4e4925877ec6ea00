"""SHACL shapes: the hand-made corpus conforms; each kind of breakage is reported."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset, Literal, URIRef

from quotegraph.model import Corpus
from quotegraph.rdf import to_dataset
from quotegraph.rdf.terms import graph_iri, iri, sub
from quotegraph.rdf.validate import validate
from quotegraph.vocab import OA, QG, RDF, SDO, XSD

M1 = iri("mention", "a1:33-63")


def _set(ds: Dataset, graph: str, s: URIRef, p: URIRef, o: Literal) -> None:
    g = ds.graph(graph_iri("article", graph))
    g.set((s, p, o))


def wrong_exact(ds: Dataset) -> None:
    _set(ds, "a1", sub(M1, "quote"), OA.exact, Literal("We never sold data, full stop."))


def offset_beyond_body(ds: Dataset) -> None:
    _set(ds, "a1", sub(M1, "position"), OA.end, Literal(999))


def wrong_cue_exact(ds: Dataset) -> None:
    _set(ds, "a1", sub(M1, "cue"), OA.exact, Literal("said"))


def missing_type(ds: Dataset) -> None:
    ds.graph(graph_iri("article", "a1")).remove((M1, RDF.type, QG.QuoteMention))


def missing_body(ds: Dataset) -> None:
    ds.graph(graph_iri("article", "a2")).remove((iri("article", "a2"), SDO.articleBody, None))


def cited_source_later(ds: Dataset) -> None:
    date = Literal("2015-12-30", datatype=XSD.date)
    _set(ds, "a1", iri("article", "a1"), SDO.datePublished, date)


def bad_kind(ds: Dataset) -> None:
    _set(ds, "a1", M1, QG.kind, Literal("shouted"))


BREAKAGES: list[tuple[Callable[[Dataset], None], str]] = [
    (wrong_exact, "is not the body between offsets 33-63"),
    (offset_beyond_body, "outside the article body"),
    (wrong_cue_exact, "exact text said is not the body between offsets 10-14"),
    (missing_type, "QuoteMention"),
    (missing_body, "exactly one schema:articleBody"),
    (cited_source_later, "published 2015-12-30, after this article (2015-11-22)"),
    (bad_kind, "shouted"),
]


def test_hand_made_corpus_conforms(corpus: Corpus) -> None:
    report = validate(to_dataset(corpus))
    assert report.conforms, report.text()
    assert report.problems == ()


@pytest.mark.parametrize(("breakage", "message"), BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES])
def test_breakage_is_reported(
    corpus: Corpus, breakage: Callable[[Dataset], None], message: str
) -> None:
    ds = to_dataset(corpus)
    breakage(ds)
    report = validate(ds)
    assert not report.conforms
    text = report.text()
    assert message in text, text
    assert "does not conform" in text.splitlines()[-1]
