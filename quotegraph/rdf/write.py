"""Corpus -> rdflib Dataset: one named graph per article, one for links, one for the build.

Input: a :class:`~quotegraph.model.Corpus`.  Output: an ``rdflib.Dataset`` whose
IRIs derive from content only, so the same corpus always gives an isomorphic
dataset.  Article graphs hold what ingest and extract found in that article
(the article, its mentions and their selectors); the links graph holds what
resolve and link found across articles (entities, merges, quotes, venues,
variants, provenance hops, derivations, and the mention -> speaker/quote/outlet
maps); the build graph holds the extraction activity.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Graph, Literal, URIRef

from quotegraph import __version__
from quotegraph.model import (
    Article,
    ArticleRelation,
    Corpus,
    Entity,
    EntityType,
    Hop,
    QuoteMention,
    Relation,
    Span,
    VenueType,
)
from quotegraph.rdf.terms import (
    boolean,
    date,
    double,
    graph_iri,
    integer,
    iri,
    is_date,
    slug,
    sub,
    text,
)
from quotegraph.shelf import metas, shelve
from quotegraph.vocab import GRAPH, ID, OA, PROV, QG, RDF, RDFS, SDO, WD, XSD

CONTEXT_CHARS = 32

ENTITY_CLASSES: dict[EntityType, tuple[URIRef, ...]] = {
    EntityType.PERSON: (SDO.Person, PROV.Agent),
    EntityType.ORGANIZATION: (SDO.Organization, PROV.Agent),
    EntityType.OUTLET: (SDO.NewsMediaOrganization, PROV.Agent),
    EntityType.ACCOUNT: (QG.Account, PROV.Agent),
    EntityType.PLATFORM: (QG.Platform, SDO.Organization, PROV.Agent),
}
VENUE_CLASSES: dict[VenueType, URIRef] = {
    VenueType.OUTLET: QG.Interview,
    VenueType.SOCIAL: QG.SocialPost,
    VenueType.BLOG: QG.BlogPost,
    VenueType.STATEMENT: QG.Statement,
    VenueType.SPEECH: QG.Speech,
}
#: relation -> (direct properties, qualifying property, qualified node classes)
RELATION_TERMS: dict[Relation, tuple[tuple[URIRef, ...], URIRef, tuple[URIRef, ...]]] = {
    Relation.TRANSLATION: (
        (SDO.translationOfWork, PROV.wasDerivedFrom),
        PROV.qualifiedDerivation,
        (PROV.Derivation, QG.Translation),
    ),
    Relation.REPUBLICATION: (
        (SDO.isBasedOn, PROV.wasDerivedFrom),
        PROV.qualifiedDerivation,
        (PROV.Derivation, QG.Republication),
    ),
    Relation.REWRITE: (
        (SDO.isBasedOn, PROV.wasDerivedFrom),
        PROV.qualifiedDerivation,
        (PROV.Derivation, QG.Rewrite),
    ),
    Relation.CITES: (
        (PROV.hadPrimarySource, PROV.wasDerivedFrom),
        PROV.qualifiedPrimarySource,
        (PROV.PrimarySource, QG.Citation),
    ),
}
SPAN_PROPERTIES = {"cue": QG.cue, "speaker": QG.speakerMention, "venue": QG.venueMention}


def to_dataset(corpus: Corpus, timestamp: str | None = None) -> Dataset:
    """The RDF dataset of ``corpus``.

    ``timestamp`` (ISO date or date-time) is the time recorded on the extraction
    activity; by default the newest article date, or none, so builds are
    repeatable.

    >>> from quotegraph.model import Article
    >>> ds = to_dataset(Corpus(articles=(Article("a1", "Hi.", "en"),)))
    >>> len(list(ds.graphs())) >= 3
    True
    """
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    ids = _Ids(corpus)
    for article in corpus.articles:
        graph = ds.graph(graph_iri("article", article.id))
        _article(graph, article)
        _publisher(graph, article, ids)
    bodies = shelve(corpus.articles)
    for mention in corpus.mentions:
        graph = ds.graph(graph_iri("article", mention.article_id))
        known = bodies.index_of(mention.article_id) is not None
        _mention(graph, mention, bodies.body(mention.article_id) if known else None)
    links = ds.graph(graph_iri("links"))
    _links(links, corpus, ids)
    _build(ds, corpus, timestamp)
    return ds


def bind_prefixes(ds: Graph) -> None:
    """Bind the qg, prov, schema and oa prefixes on ``ds``."""
    for prefix, ns in (("qg", QG._NS), ("prov", PROV._NS), ("schema", SDO._NS), ("oa", OA._NS)):
        ds.bind(prefix, ns, override=True, replace=True)
    ds.bind("id", ID, override=True, replace=True)


class _Ids:
    """Which kind of resource an id names, to mint the right IRI for a link target."""

    def __init__(self, corpus: Corpus) -> None:
        self.articles = {a.id for a in metas(corpus.articles)}
        self.mentions = {m.id for m in corpus.mentions}
        self.venues = {v.id for v in corpus.venues}
        self.entities = {e.id: e for e in corpus.entities}

    def node(self, key: str, default: str) -> URIRef:
        for kind, known in (
            ("venue", self.venues),
            ("mention", self.mentions),
            ("article", self.articles),
            ("entity", self.entities),
        ):
            if key in known:
                return iri(kind, key)
        return iri(default, key)

    def outlet_named(self, name: str) -> Entity | None:
        folded = name.casefold()
        for entity in self.entities.values():
            if folded in {n.casefold() for n in (entity.name, *entity.aliases)} or (
                entity.id == slug(name)
            ):
                return entity
        return None


def _article(g: Graph, a: Article) -> None:
    """What ingest found about article ``a`` (everything but its publisher entity, which
    depends on the other articles: see :func:`_publisher`)."""
    node = iri("article", a.id)
    g.add((node, RDF.type, SDO.NewsArticle))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, SDO.identifier, text(a.id)))
    g.add((node, SDO.articleBody, text(a.body)))
    g.add((node, SDO.inLanguage, text(a.language)))
    if a.date:
        g.add((node, SDO.datePublished, date(a.date)))
    if a.title is not None:
        g.add((node, SDO.headline, text(a.title)))
    if a.url is not None:
        g.add((node, SDO.url, text(a.url)))
    if a.source is not None:
        g.add((node, QG.sourceFile, text(a.source)))
    if a.outlet is not None:
        g.add((node, QG.outletName, text(a.outlet)))
    for key, value in a.extra.items():
        prop = sub(node, "meta", key)
        g.add((node, SDO.additionalProperty, prop))
        g.add((prop, RDF.type, SDO.PropertyValue))
        g.add((prop, SDO.name, text(key)))
        g.add((prop, SDO.value, text(value)))


def _publisher(g: Graph, a: Article, ids: _Ids) -> None:
    """The outlet entity article ``a`` names as its publisher, in the article's graph (typed
    there when resolve made no entity of it)."""
    if a.outlet is None:
        return
    node = iri("article", a.id)
    entity = ids.outlet_named(a.outlet)
    outlet = iri("entity", entity.id if entity else slug(a.outlet))
    g.add((node, SDO.publisher, outlet))
    if entity is None:
        g.add((outlet, RDF.type, SDO.NewsMediaOrganization))
        g.add((outlet, RDF.type, PROV.Agent))
        g.add((outlet, SDO.name, text(a.outlet)))


def _selector(g: Graph, node: URIRef, span: Span) -> None:
    g.add((node, RDF.type, OA.TextPositionSelector))
    g.add((node, OA.start, integer(span.start)))
    g.add((node, OA.end, integer(span.end)))
    g.add((node, OA.exact, text(span.text)))


def _mention(g: Graph, m: QuoteMention, body: str | None) -> None:
    node = iri("mention", m.id)
    g.add((node, RDF.type, QG.QuoteMention))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, SDO.isPartOf, iri("article", m.article_id)))
    g.add((node, SDO.text, text(m.text)))
    g.add((node, SDO.inLanguage, text(m.language)))
    g.add((node, QG.kind, text(m.kind.value)))
    g.add((node, QG.confidence, double(m.confidence)))
    g.add((node, QG.rule, text(m.rule)))
    position = sub(node, "position")
    g.add((node, OA.hasSelector, position))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, integer(m.content.start)))
    g.add((position, OA.end, integer(m.content.end)))
    quote = sub(node, "quote")
    g.add((node, OA.hasSelector, quote))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, text(m.content.text)))
    if body is not None:
        prefix = body[max(0, m.content.start - CONTEXT_CHARS) : m.content.start]
        g.add((quote, OA.prefix, text(prefix)))
        g.add((quote, OA.suffix, text(body[m.content.end : m.content.end + CONTEXT_CHARS])))
    for name, span in (("cue", m.cue), ("speaker", m.speaker_mention), ("venue", m.venue_mention)):
        if span is not None:
            g.add((node, SPAN_PROPERTIES[name], sub(node, name)))
            _selector(g, sub(node, name), span)
    if m.speaker is not None:
        g.add((node, QG.speakerName, text(m.speaker)))
    if m.venue is not None:
        g.add((node, QG.venueName, text(m.venue)))
    if m.venue_type is not None:
        g.add((node, QG.venueType, text(m.venue_type.value)))


def _links(g: Graph, corpus: Corpus, ids: _Ids) -> None:
    for entity in corpus.entities:
        _entity(g, entity)
    for merge in corpus.merges:
        node = iri("merge", merge.entity_id, merge.alias)
        g.add((node, RDF.type, QG.Merge))
        g.add((node, QG.alias, text(merge.alias)))
        g.add((node, QG.mergedInto, iri("entity", merge.entity_id)))
        g.add((node, QG.reason, text(merge.reason)))
        g.add((node, QG.score, double(merge.score)))
    for q in corpus.quotes:
        node = iri("quote", q.id)
        g.add((node, RDF.type, SDO.Quotation))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, SDO.text, text(q.text)))
        g.add((node, SDO.inLanguage, text(q.language)))
        for mention_id in q.mention_ids:
            g.add((node, QG.hasMention, iri("mention", mention_id)))
        if q.speaker_id is not None:
            g.add((node, PROV.wasAttributedTo, iri("entity", q.speaker_id)))
        if q.venue_id is not None:
            g.add((node, PROV.wasGeneratedBy, iri("venue", q.venue_id)))
    for v in corpus.venues:
        node = iri("venue", v.id)
        g.add((node, RDF.type, PROV.Activity))
        g.add((node, RDF.type, VENUE_CLASSES[v.type]))
        g.add((node, RDFS.label, text(v.label)))
        for prop, agent in ((QG.givenBy, v.speaker_id), (QG.givenTo, v.outlet_id)):
            if agent is not None:
                g.add((node, prop, iri("entity", agent)))
                g.add((node, PROV.wasAssociatedWith, iri("entity", agent)))
        if v.date:
            g.add((node, SDO.startDate, date(v.date)))
    for edge in corpus.variants:
        source, target = iri("mention", edge.source), iri("mention", edge.target)
        node = sub(source, "variation", edge.target)
        g.add((source, QG.variantOf, target))
        g.add((source, QG.qualifiedVariation, node))
        g.add((node, RDF.type, QG.Variation))
        g.add((node, QG.original, target))
        g.add((node, QG.relation, text(edge.relation.value)))
        g.add((node, QG.score, double(edge.score)))
    for hop in corpus.hops:
        _hop(g, hop, ids)
    for relation in corpus.relations:
        _relation(g, relation, ids)
    for mention_id, speaker in corpus.speaker_of.items():
        g.add((iri("mention", mention_id), QG.speaker, iri("entity", speaker)))
    for mention_id, quote_id in corpus.quote_of.items():
        g.add((iri("mention", mention_id), QG.denotes, iri("quote", quote_id)))
        g.add((iri("mention", mention_id), PROV.specializationOf, iri("quote", quote_id)))
    for key, outlet in corpus.publisher_of.items():
        if key in ids.articles:
            g.add((iri("article", key), SDO.publisher, iri("entity", outlet)))
        else:
            g.add((iri("mention", key), QG.venueOutlet, iri("entity", outlet)))


def _entity(g: Graph, e: Entity) -> None:
    node = iri("entity", e.id)
    for cls in ENTITY_CLASSES[e.type]:
        g.add((node, RDF.type, cls))
    g.add((node, SDO.name, text(e.name)))
    for alias in e.aliases:
        g.add((node, SDO.alternateName, text(alias)))
    if e.wikidata:
        g.add((node, SDO.sameAs, WD[e.wikidata]))
    if e.owner:
        g.add((node, PROV.actedOnBehalfOf, iri("entity", e.owner)))
    if e.role:
        g.add((node, SDO.jobTitle, text(e.role)))


def _hop(g: Graph, hop: Hop, ids: _Ids) -> None:
    source, target = ids.node(hop.source, "mention"), ids.node(hop.target, "mention")
    node = sub(source, "quotation", hop.target)
    g.add((source, PROV.wasQuotedFrom, target))
    g.add((source, PROV.qualifiedQuotation, node))
    g.add((node, RDF.type, PROV.Quotation))
    g.add((node, PROV.entity, target))
    g.add((node, QG.stated, boolean(hop.stated)))
    g.add((node, QG.score, double(hop.score)))
    if hop.cue is not None:
        g.add((node, QG.evidence, text(hop.cue)))
    if hop.outlet is not None:
        if hop.outlet in ids.entities:
            g.add((node, QG.hopOutlet, iri("entity", hop.outlet)))
        else:
            g.add((node, QG.hopOutletName, text(hop.outlet)))
    if hop.date:
        g.add((node, SDO.dateCreated, date(hop.date)))


def _relation(g: Graph, r: ArticleRelation, ids: _Ids) -> None:
    direct, qualifier, classes = RELATION_TERMS[r.relation]
    source, target = iri("article", r.source), ids.node(r.target, "entity")
    node = sub(source, r.relation.value, r.target)
    for prop in direct:
        g.add((source, prop, target))
    g.add((source, qualifier, node))
    for cls in classes:
        g.add((node, RDF.type, cls))
    g.add((node, PROV.entity, target))
    g.add((node, QG.evidence, text(r.evidence)))
    g.add((node, QG.stated, boolean(r.stated)))
    g.add((node, QG.score, double(r.score)))
    g.add((node, QG.directed, boolean(r.directed)))


def _build(ds: Dataset, corpus: Corpus, timestamp: str | None) -> None:
    graphs = sorted({str(c.identifier) for c in ds.graphs()})
    ours = [URIRef(g) for g in graphs if g.startswith(str(GRAPH)) and g != str(graph_iri("build"))]
    write_build(ds, corpus, ours, timestamp)


def write_build(
    ds: Dataset, corpus: Corpus, graphs: Iterable[URIRef], timestamp: str | None
) -> None:
    """The build graph: the extraction activity, quotegraph as its software agent, the time
    (``timestamp``, else the newest article date) and every graph it generated."""
    g = ds.graph(graph_iri("build"))
    software = iri("software", "quotegraph", __version__)
    g.add((software, RDF.type, PROV.SoftwareAgent))
    g.add((software, RDF.type, SDO.SoftwareApplication))
    g.add((software, SDO.name, text("quotegraph")))
    g.add((software, SDO.softwareVersion, text(__version__)))
    activity = iri("build", __version__)
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, RDF.type, QG.Extraction))
    g.add((activity, PROV.wasAssociatedWith, software))
    dates = (a.date for a in metas(corpus.articles) if a.date and is_date(a.date))
    stamp = timestamp or max(dates, default=None)
    if stamp:
        when = stamp if "T" in stamp else f"{stamp}T00:00:00Z"
        g.add((activity, PROV.endedAtTime, Literal(when, datatype=XSD.dateTime)))
    for graph in graphs:
        g.add((graph, PROV.wasGeneratedBy, activity))
