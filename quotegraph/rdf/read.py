"""rdflib Dataset -> Corpus: the inverse of :func:`quotegraph.rdf.write.to_dataset`.

Input: a dataset written by ``to_dataset`` (possibly after a trip through a
store or a file).  Output: the :class:`~quotegraph.model.Corpus` it describes;
tuples come back sorted, so compare corpora ignoring order.  Entities, merges
and the mention maps are read from the links graph only, because article graphs
may also name an outlet taken from an article's metadata.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

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
    Span,
    VariantEdge,
    VariantRelation,
    VenueEvent,
    VenueType,
)
from quotegraph.rdf.terms import as_bool, as_float, as_int, as_str, graph_iri, id_of
from quotegraph.rdf.write import ENTITY_CLASSES, RELATION_TERMS, SPAN_PROPERTIES, VENUE_CLASSES
from quotegraph.vocab import OA, PROV, QG, RDF, RDFS, SDO, WD


def from_dataset(ds: Dataset) -> Corpus:
    """The corpus described by ``ds``.

    >>> from quotegraph.rdf.write import to_dataset
    >>> corpus = Corpus(articles=(Article("a1", "Hi.", "en", title="Hi"),))
    >>> from_dataset(to_dataset(corpus)).articles == corpus.articles
    True
    """
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    links = ds.graph(graph_iri("links"))
    return Corpus(
        articles=tuple(sorted(_articles(union), key=lambda a: a.id)),
        mentions=tuple(sorted(_mentions(union), key=lambda m: m.id)),
        entities=tuple(sorted(_entities(links), key=lambda e: e.id)),
        merges=tuple(sorted(_merges(links), key=lambda m: (m.entity_id, m.alias))),
        quotes=tuple(sorted(_quotes(union), key=lambda q: q.id)),
        venues=tuple(sorted(_venues(union), key=lambda v: v.id)),
        variants=tuple(sorted(_variants(union), key=lambda v: (v.source, v.target))),
        relations=tuple(sorted(_relations(union), key=lambda r: (r.source, r.target))),
        hops=tuple(sorted(_hops(union), key=lambda h: (h.source, h.target))),
        speaker_of=_map(links, QG.speaker),
        quote_of=_map(links, QG.denotes),
        publisher_of={
            **_map(links, QG.venueOutlet),
            **{
                id_of(s)[1]: id_of(o)[1]
                for s, o in links.subject_objects(SDO.publisher)
                if isinstance(s, URIRef)
            },
        },
    )


#: most specific class first: a platform is also a schema:Organization
_ENTITY_ORDER = (
    EntityType.PLATFORM,
    EntityType.ACCOUNT,
    EntityType.OUTLET,
    EntityType.PERSON,
    EntityType.ORGANIZATION,
)


def _one(g: Graph, s: Node, p: URIRef) -> Node | None:
    return min(g.objects(s, p), key=str, default=None)


def _key(node: Node) -> str:
    return id_of(node)[1]


def _articles(g: Graph) -> Iterator[Article]:
    for node in g.subjects(RDF.type, SDO.NewsArticle):
        extra = {}
        for prop in g.objects(node, SDO.additionalProperty):
            extra[str(_one(g, prop, SDO.name))] = str(_one(g, prop, SDO.value))
        yield Article(
            id=_key(node),
            body=str(_one(g, node, SDO.articleBody) or ""),
            language=str(_one(g, node, SDO.inLanguage) or "und"),
            outlet=as_str(_one(g, node, QG.outletName)),
            url=as_str(_one(g, node, SDO.url)),
            date=as_str(_one(g, node, SDO.datePublished)),
            title=as_str(_one(g, node, SDO.headline)),
            source=as_str(_one(g, node, QG.sourceFile)),
            extra=extra,
        )


def _span(g: Graph, node: Node | None) -> Span | None:
    if node is None:
        return None
    return Span(
        as_int(_one(g, node, OA.start)),
        as_int(_one(g, node, OA.end)),
        str(_one(g, node, OA.exact) or ""),
    )


def _mentions(g: Graph) -> Iterator[QuoteMention]:
    for node in g.subjects(RDF.type, QG.QuoteMention):
        position = quote = None
        for selector in g.objects(node, OA.hasSelector):
            if (selector, RDF.type, OA.TextPositionSelector) in g:
                position = selector
            if (selector, RDF.type, OA.TextQuoteSelector) in g:
                quote = selector
        content = Span(
            as_int(_one(g, position, OA.start) if position else None),
            as_int(_one(g, position, OA.end) if position else None),
            str(_one(g, quote, OA.exact) if quote else _one(g, node, SDO.text)),
        )
        spans = {name: _span(g, _one(g, node, prop)) for name, prop in SPAN_PROPERTIES.items()}
        venue_type = as_str(_one(g, node, QG.venueType))
        yield QuoteMention(
            article_id=_key(_one(g, node, SDO.isPartOf) or node),
            content=content,
            kind=QuoteKind(str(_one(g, node, QG.kind))),
            cue=spans["cue"],
            speaker_mention=spans["speaker"],
            speaker=as_str(_one(g, node, QG.speakerName)),
            venue_mention=spans["venue"],
            venue=as_str(_one(g, node, QG.venueName)),
            venue_type=VenueType(venue_type) if venue_type else None,
            confidence=as_float(_one(g, node, QG.confidence), 0.5),
            rule=str(_one(g, node, QG.rule) or ""),
            language=str(_one(g, node, SDO.inLanguage) or "und"),
        )


def _entities(g: Graph) -> Iterator[Entity]:
    for node in set(g.subjects(RDF.type, PROV.Agent)):
        types = set(g.objects(node, RDF.type))
        if not isinstance(node, URIRef) or (node, SDO.name, None) not in g:
            continue
        kind = next((t for t in _ENTITY_ORDER if ENTITY_CLASSES[t][0] in types), None)
        if kind is None or id_of(node)[0] != "entity":
            continue
        wikidata = _one(g, node, SDO.sameAs)
        owner = _one(g, node, PROV.actedOnBehalfOf)
        yield Entity(
            id=_key(node),
            name=str(_one(g, node, SDO.name)),
            type=kind,
            aliases=tuple(sorted(str(a) for a in g.objects(node, SDO.alternateName))),
            wikidata=str(wikidata)[len(str(WD)) :] if wikidata is not None else None,
            owner=_key(owner) if owner is not None else None,
            role=as_str(_one(g, node, SDO.jobTitle)),
        )


def _merges(g: Graph) -> Iterator[Merge]:
    for node in g.subjects(RDF.type, QG.Merge):
        yield Merge(
            alias=str(_one(g, node, QG.alias)),
            entity_id=_key(_one(g, node, QG.mergedInto) or node),
            reason=str(_one(g, node, QG.reason)),
            score=as_float(_one(g, node, QG.score), 1.0),
        )


def _quotes(g: Graph) -> Iterator[Quote]:
    for node in g.subjects(RDF.type, SDO.Quotation):
        speaker = _one(g, node, PROV.wasAttributedTo)
        venue = _one(g, node, PROV.wasGeneratedBy)
        yield Quote(
            id=_key(node),
            text=str(_one(g, node, SDO.text)),
            mention_ids=tuple(sorted(_key(m) for m in g.objects(node, QG.hasMention))),
            speaker_id=_key(speaker) if speaker is not None else None,
            venue_id=_key(venue) if venue is not None else None,
            language=str(_one(g, node, SDO.inLanguage) or "und"),
        )


def _venues(g: Graph) -> Iterator[VenueEvent]:
    for venue_type, cls in VENUE_CLASSES.items():
        for node in g.subjects(RDF.type, cls):
            speaker, outlet = _one(g, node, QG.givenBy), _one(g, node, QG.givenTo)
            yield VenueEvent(
                id=_key(node),
                type=venue_type,
                label=str(_one(g, node, RDFS.label) or ""),
                speaker_id=_key(speaker) if speaker is not None else None,
                outlet_id=_key(outlet) if outlet is not None else None,
                date=as_str(_one(g, node, SDO.startDate)),
            )


def _variants(g: Graph) -> Iterator[VariantEdge]:
    for source, node in g.subject_objects(QG.qualifiedVariation):
        yield VariantEdge(
            source=_key(source),
            target=_key(_one(g, node, QG.original) or node),
            relation=VariantRelation(str(_one(g, node, QG.relation))),
            score=as_float(_one(g, node, QG.score)),
        )


def _hops(g: Graph) -> Iterator[Hop]:
    for source, node in g.subject_objects(PROV.qualifiedQuotation):
        outlet = _one(g, node, QG.hopOutlet)
        yield Hop(
            source=_key(source),
            target=_key(_one(g, node, PROV.entity) or node),
            cue=as_str(_one(g, node, QG.evidence)),
            outlet=_key(outlet) if outlet is not None else as_str(_one(g, node, QG.hopOutletName)),
            date=as_str(_one(g, node, SDO.dateCreated)),
            stated=as_bool(_one(g, node, QG.stated)),
            score=as_float(_one(g, node, QG.score)),
        )


def _relations(g: Graph) -> Iterator[ArticleRelation]:
    for relation, (_, qualifier, classes) in RELATION_TERMS.items():
        for source, node in g.subject_objects(qualifier):
            if (node, RDF.type, classes[-1]) not in g:
                continue
            yield ArticleRelation(
                source=_key(source),
                target=_key(_one(g, node, PROV.entity) or node),
                relation=relation,
                stated=as_bool(_one(g, node, QG.stated)),
                evidence=str(_one(g, node, QG.evidence) or ""),
                score=as_float(_one(g, node, QG.score), 1.0),
                directed=as_bool(_one(g, node, QG.directed), True),
            )


def _map(g: Graph, prop: URIRef) -> dict[str, str]:
    return {_key(s): _key(o) for s, o in g.subject_objects(prop)}
