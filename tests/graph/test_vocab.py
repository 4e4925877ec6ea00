"""vocab.py and ontology/quotegraph.ttl declare the same terms; no IRI literals elsewhere."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from rdflib import Graph, URIRef

from quotegraph.vocab import OWL, QG, RDF, RDFS

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = Graph().parse(ROOT / "ontology" / "quotegraph.ttl", format="turtle")


def _python_terms() -> set[str]:
    return {name for name in QG.__annotations__ if not name.startswith("_")}


def _ontology_terms() -> set[str]:
    ns = str(QG._NS)
    return {
        str(s)[len(ns) :]
        for s in ONTOLOGY.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(ns) and len(str(s)) > len(ns)
    }


def test_every_python_term_is_declared() -> None:
    missing = _python_terms() - _ontology_terms()
    assert not missing, f"declare in ontology/quotegraph.ttl: {sorted(missing)}"


def test_every_declared_term_is_in_python() -> None:
    missing = _ontology_terms() - _python_terms()
    assert not missing, f"add to quotegraph/vocab.py QG: {sorted(missing)}"


def test_every_term_has_a_label_and_a_kind() -> None:
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for name in _python_terms():
        term = URIRef(str(QG._NS) + name)
        assert (term, RDFS.label, None) in ONTOLOGY, name
        assert set(ONTOLOGY.objects(term, RDF.type)) & kinds, name


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def test_no_iri_literals_outside_vocab() -> None:
    iri = re.compile(r"^(https?://[\w.-]+|urn:[\w-]+:)")
    offenders = []
    for folder in ("rdf", "store", "queries"):
        for path in (ROOT / "quotegraph" / folder).rglob("*.py"):
            tree = ast.parse(path.read_text("utf-8"))
            skip = _docstrings(tree)
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in skip
                    and iri.match(node.value)
                ):
                    offenders.append(f"{path.name}:{node.lineno}: {node.value}")
    assert not offenders, offenders


def test_the_check_finds_an_iri_literal() -> None:
    tree = ast.parse('"""Doc https://a/b."""\nX = "https://schema.org/name"\n')
    skip = _docstrings(tree)
    found = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and id(n) not in skip and "://" in str(n.value)
    ]
    assert found == ["https://schema.org/name"]
