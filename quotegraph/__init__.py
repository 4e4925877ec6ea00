"""quotegraph: turn news articles into a quote-provenance knowledge graph.

The pipeline, one module or sub-package per stage, in the order data flows:
``ingest`` -> ``extract`` -> ``resolve`` -> ``link`` -> ``rdf`` -> ``store`` ->
``provenance`` -> ``views``.  The data passed between stages lives in
:mod:`quotegraph.model`.
"""

from __future__ import annotations

__version__ = "0.1.0"
