"""The RDF layer: :class:`~quotegraph.model.Corpus` <-> ``rdflib.Dataset``.

``to_dataset`` writes one named graph per article plus a links graph and a build
graph (see ``ontology/README.md``); ``from_dataset`` reads them back.  Files:
``write`` (Corpus -> Dataset), ``read`` (Dataset -> Corpus), ``terms`` (IRIs and
literals), ``formats`` (files in and out).
"""

from __future__ import annotations

from quotegraph.rdf.read import from_dataset
from quotegraph.rdf.write import to_dataset

__all__ = ["from_dataset", "to_dataset"]
