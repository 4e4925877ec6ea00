"""Provenance over the graph: project a Corpus onto networkx, then ask it questions.

Input: a :class:`~quotegraph.model.Corpus`; output: ``nx.MultiDiGraph`` (:func:`project`) and
plain data from graph-in functions: :func:`trace`, :func:`first_appearance`, :func:`who_said`,
:func:`copied_from`, :func:`conflicts`.  :func:`load_corpus` builds a Corpus from article
files without a store (extract + resolve + link).
"""

from __future__ import annotations

from quotegraph.provenance.conflicts import conflicts
from quotegraph.provenance.graph import project
from quotegraph.provenance.load import load_corpus, outlets_table, quotes_of, speakers_table, stats
from quotegraph.provenance.query import (
    copied_from,
    describe,
    first_appearance,
    trace,
    trace_any,
    who_said,
)

__all__ = [
    "conflicts",
    "copied_from",
    "describe",
    "first_appearance",
    "load_corpus",
    "outlets_table",
    "project",
    "quotes_of",
    "speakers_table",
    "stats",
    "trace",
    "trace_any",
    "who_said",
]
