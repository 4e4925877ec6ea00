"""What people look at: the HTML graph view and the read-only SPARQL endpoint.

:mod:`quotegraph.views.html` renders the provenance graph as one self-contained page;
:mod:`quotegraph.views.focus` cuts the provenance of one quote, speaker or article out of it;
:mod:`quotegraph.views.server` serves SPARQL 1.1 over the store, with a query page and the graph.
"""

from __future__ import annotations
