"""SHACL validation of a quotegraph dataset against ``ontology/shapes.ttl``.

Input: an rdflib Dataset (validated as the union of its graphs, since shapes
follow links across graphs).  Output: a :class:`Report` of plain
:class:`Problem` rows and a readable text form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph
from rdflib.term import Node

from quotegraph.rdf.formats import ontology_file
from quotegraph.vocab import SH


@dataclass(frozen=True)
class Problem:
    """One SHACL validation result."""

    focus: str
    message: str
    path: str | None = None
    severity: str = "Violation"
    shape: str | None = None


@dataclass(frozen=True)
class Report:
    conforms: bool
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def text(self) -> str:
        """One line per problem, then a summary line.

        >>> Report(False, (Problem("<x>", "bad", "schema:text"),)).text().splitlines()[-1]
        '1 problem: the graph does not conform to ontology/shapes.ttl'
        """
        lines = [
            f"{p.severity}: {p.focus}" + (f" {p.path}" if p.path else "") + f": {p.message}"
            for p in self.problems
        ]
        if self.conforms:
            lines.append("conforms to ontology/shapes.ttl")
        else:
            n = len(self.problems)
            word = "problem" if n == 1 else "problems"
            lines.append(f"{n} {word}: the graph does not conform to ontology/shapes.ttl")
        return "\n".join(lines)


def union_graph(ds: Dataset) -> Graph:
    """All triples of ``ds`` in one graph."""
    union = Graph()
    for prefix, ns in ds.namespaces():
        union.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate(ds: Dataset | Graph) -> Report:
    """Validate ``ds`` against the shipped shapes."""
    data = union_graph(ds) if isinstance(ds, Dataset) else ds
    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    conforms, results, _ = shacl_validate(
        data, shacl_graph=shapes, advanced=True, allow_warnings=True
    )
    assert isinstance(results, Graph)
    problems = sorted(_problems(data, results), key=lambda p: (p.focus, p.message))
    return Report(bool(conforms), tuple(problems))


def _short(data: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    try:
        return node.n3(data.namespace_manager)
    except Exception:  # blank-node paths and other non-IRI terms
        return str(node)


def _problems(data: Graph, results: Graph) -> Iterable[Problem]:
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        message = results.value(result, SH.resultMessage)
        yield Problem(
            focus=_short(data, results.value(result, SH.focusNode)) or "?",
            message=str(message) if message is not None else "constraint violated",
            path=_short(data, results.value(result, SH.resultPath)),
            severity=str(severity).rpartition("#")[2] if severity is not None else "Violation",
            shape=_short(data, results.value(result, SH.sourceShape)),
        )
