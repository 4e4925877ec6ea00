"""Every IRI quotegraph writes or reads, as checked Python names.

Our own terms live in :class:`QG` (declared in ``ontology/quotegraph.ttl``; a test
keeps the two in step); the reused vocabularies are rdflib's ``PROV``, ``SDO``
(schema.org) and the Web Annotation terms in :class:`OA`.  Resource IRIs are
minted under :data:`ID` and graph IRIs under :data:`GRAPH` (see
``ontology/README.md`` for the scheme).  No other module spells an IRI.

>>> str(QG.QuoteMention)
'https://w3id.org/quotegraph/ns#QuoteMention'
>>> QG.NoSuchTerm
Traceback (most recent call last):
...
AttributeError: term 'NoSuchTerm' not in namespace 'https://w3id.org/quotegraph/ns#'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SH, XSD, DefinedNamespace

__all__ = [
    "GRAPH",
    "ID",
    "OA",
    "OWL",
    "PROV",
    "QG",
    "RDF",
    "RDFS",
    "SDO",
    "SH",
    "WD",
    "XSD",
]


class QG(DefinedNamespace):
    """The quotegraph vocabulary: only what PROV-O, schema.org and OA lack."""

    _fail = True
    _NS = Namespace("https://w3id.org/quotegraph/ns#")

    # classes
    QuoteMention: URIRef  # one occurrence of a quote in one article
    Interview: URIRef  # venue: said to an outlet
    SocialPost: URIRef  # venue: a post on a social platform
    BlogPost: URIRef  # venue: a blog post
    Statement: URIRef  # venue: a written statement
    Speech: URIRef  # venue: a speech or press conference
    Account: URIRef  # a social-media account (an agent)
    Platform: URIRef  # a platform a venue took place on
    Translation: URIRef  # qualified derivation: a translation
    Republication: URIRef  # qualified derivation: a republication
    Rewrite: URIRef  # qualified derivation: an uncredited near-copy
    Citation: URIRef  # qualified primary source: quotes taken from
    Variation: URIRef  # qualified variant link between two mentions
    Merge: URIRef  # why a surface name was merged into an entity
    Extraction: URIRef  # the build activity

    # mention properties
    denotes: URIRef
    hasMention: URIRef
    kind: URIRef
    cue: URIRef
    speakerMention: URIRef
    venueMention: URIRef
    speakerName: URIRef
    speaker: URIRef
    venueName: URIRef
    venueType: URIRef
    venueOutlet: URIRef
    confidence: URIRef
    rule: URIRef

    # qualified nodes
    stated: URIRef
    score: URIRef
    evidence: URIRef
    directed: URIRef
    hopOutlet: URIRef
    hopOutletName: URIRef

    # variants and merges
    variantOf: URIRef
    qualifiedVariation: URIRef
    original: URIRef
    relation: URIRef
    alias: URIRef
    mergedInto: URIRef
    reason: URIRef

    # articles and venues
    outletName: URIRef
    sourceFile: URIRef
    givenBy: URIRef
    givenTo: URIRef


class OA(DefinedNamespace):
    """The Web Annotation terms quotegraph uses."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    hasSelector: URIRef
    start: URIRef
    end: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef


#: Where resource IRIs are minted: ``ID[f"article/{id}"]`` and so on.
ID = Namespace("https://w3id.org/quotegraph/id/")
#: Where named-graph IRIs are minted.
GRAPH = Namespace("https://w3id.org/quotegraph/graph/")
#: Wikidata entities, for ``schema:sameAs``.
WD = Namespace("http://www.wikidata.org/entity/")
