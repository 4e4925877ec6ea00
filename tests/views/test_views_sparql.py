"""The endpoint's query policy and format negotiation, without a server."""

from __future__ import annotations

import pytest

from quotegraph.views.sparql import Refused, check_query, negotiate


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", 403),
        ("  insert { ?s ?p ?o } where { ?s ?p ?o }", 403),
        ("DELETE WHERE { ?s ?p ?o }", 403),
        ("LOAD <http://example.org/x>", 403),
        ("CLEAR DEFAULT", 403),
        ("CREATE SILENT GRAPH <http://g>", 403),
        ("DROP NAMED", 403),
        ("COPY DEFAULT TO <http://g>", 403),
        ("MOVE <http://g> TO DEFAULT", 403),
        ("ADD <http://g> TO <http://h>", 403),
        ("SELECT * WHERE { ?s ?p ?o } ; DROP ALL", 403),
        ("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", 403),
        ("SELECT * WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } }", 403),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 403),
        ("SELECT * FROM <ftp://x/y> WHERE { ?s ?p ?o }", 403),
        ("PREFIX x: <file:///>\nSELECT * FROM NAMED x:etc WHERE { ?s ?p ?o }", 403),
        ("SELECT * FROM nope:x WHERE { ?s ?p ?o }", 400),
        ("BASE <file:///etc/> SELECT * WHERE { ?s ?p ?o }", 403),
    ],
)
def test_refused(query: str, status: int) -> None:
    with pytest.raises(Refused) as err:
        check_query(query)
    assert err.value.status == status


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p "INSERT DATA { } DROP ALL" }',
        "SELECT * WHERE { ?s ?p '''multi\nline DELETE\n''' }",
        "SELECT * WHERE { ?s <http://example.org/DROP> ?o } # LOAD <file:///x>",
        "PREFIX add: <http://example.org/>\nSELECT ?load ?drop WHERE { ?load add:clear ?drop }",
        "SELECT * FROM <https://example.org/g> FROM NAMED <urn:x:y> WHERE { ?s ?p ?o }",
        "ASK { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'service')) }",
        "DESCRIBE <http://example.org/insert>",
        "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s",
    ],
)
def test_allowed(query: str) -> None:
    check_query(query)


@pytest.mark.parametrize(
    ("accept", "fmt", "expected"),
    [
        (None, None, ("application/sparql-results+json", "text/turtle")),
        ("application/sparql-results+xml", None, ("application/sparql-results+xml", "text/turtle")),
        ("text/csv", None, ("text/csv", "text/turtle")),
        ("text/tab-separated-values", None, ("text/tab-separated-values", "text/turtle")),
        ("application/ld+json", None, ("application/sparql-results+json", "application/ld+json")),
        (
            "text/csv;q=0.2, application/sparql-results+xml;q=0.9",
            None,
            ("application/sparql-results+xml", "text/turtle"),
        ),
        (
            "application/n-triples",
            None,
            ("application/sparql-results+json", "application/n-triples"),
        ),
        ("text/html, */*", None, ("application/sparql-results+json", "text/turtle")),
        ("text/csv", "xml", ("application/sparql-results+xml", "application/rdf+xml")),
        (None, "jsonld", ("application/sparql-results+json", "application/ld+json")),
    ],
)
def test_negotiate(accept: str | None, fmt: str | None, expected: tuple[str, str]) -> None:
    assert negotiate(accept, fmt) == expected


def test_unknown_format_is_406() -> None:
    with pytest.raises(Refused) as err:
        negotiate(None, "yaml")
    assert err.value.status == 406
