"""SPARQL results as plain data, and their JSON, CSV and TSV forms.

Input: rows of rdflib terms from either store.  Output: :class:`QueryResult`
and the SPARQL 1.1 result formats (JSON, CSV, TSV) as strings.

>>> from rdflib import Literal, URIRef
>>> r = QueryResult(("who", "n"), ((URIRef("http://x/a"), Literal(2)),))
>>> r.to_csv().splitlines()
['who,n', 'http://x/a,2']
>>> r.plain()
[{'who': 'http://x/a', 'n': '2'}]
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from quotegraph.vocab import XSD


@dataclass(frozen=True)
class QueryResult:
    """A SELECT (variables + rows), ASK (``boolean``) or CONSTRUCT (``graph``) result."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None

    def __len__(self) -> int:
        if self.graph is not None:
            return len(self.graph)
        if self.boolean is not None:
            return int(self.boolean)
        return len(self.rows)

    def plain(self) -> list[dict[str, str | None]]:
        """Rows as dicts of lexical values (None when unbound)."""
        return [
            {v: (None if t is None else str(t)) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]

    def to_json(self) -> str:
        """The SPARQL 1.1 Query Results JSON document."""
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean})
        bindings = [
            {v: _json_term(t) for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]
        data = {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}
        return json.dumps(data, ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV: lexical values only."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow(["" if t is None else str(t) for t in row])
        return out.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 TSV: terms in Turtle/N-Triples syntax."""
        lines = ["\t".join("?" + v for v in self.variables)]
        lines += ["\t".join("" if t is None else t.n3() for t in row) for row in self.rows]
        return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def term_from_json(data: dict[str, Any]) -> Node:
    """An rdflib term from one SPARQL JSON binding."""
    kind, value = data["type"], data["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in data:
        return Literal(value, lang=data["xml:lang"])
    if "datatype" in data and data["datatype"] != str(XSD.string):
        return Literal(value, datatype=URIRef(data["datatype"]))
    return Literal(value)
