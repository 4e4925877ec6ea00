"""What the endpoint accepts: read-only query checks and result-format negotiation.

Input: a SPARQL query string and the request's ``Accept`` header / ``format`` parameter.
Output: nothing (or a :class:`Refused` error carrying the HTTP status) for the checks; the
media types to answer with for the negotiation.  Pure functions: no store, no HTTP.

>>> check_query("SELECT * WHERE { ?s ?p ?o }")
>>> check_query("DROP ALL")
Traceback (most recent call last):
...
quotegraph.views.sparql.Refused: read-only endpoint: SPARQL Update (DROP) is refused
>>> negotiate("text/csv", None)
('text/csv', 'text/turtle')
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from quotegraph.errors import QueryError

UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD")
ALLOWED_SCHEMES = ("http", "https", "urn", "tag")

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
_FORMAT_PARAM = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "jsonld": (None, "application/ld+json"),
    "json-ld": (None, "application/ld+json"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "rdfxml": (None, "application/rdf+xml"),
}
DEFAULT_SOLUTIONS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"

# strings (long and short), IRIs, comments: everything a keyword scan must not look inside
_LEXEME = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
_KEYWORD = r"(?<![\w:?$@.-])({words})(?![\w:-])"
_UPDATE = re.compile(_KEYWORD.format(words="|".join(UPDATE_WORDS) + "|WITH"), re.IGNORECASE)
_SERVICE = re.compile(_KEYWORD.format(words="SERVICE"), re.IGNORECASE)
_PREFIX = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"BASE\s*<([^>]*)>", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w:?$])FROM\s+(?:NAMED\s+)?(<[^>]*>|[\w.-]*:[\w.%-]*)", re.IGNORECASE)


class Refused(QueryError):
    """The endpoint will not run this request; ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 403) -> None:
        super().__init__(message)
        self.status = status


def skeleton(query: str) -> str:
    """``query`` with strings, IRIs and comments blanked (keywords only stay visible).

    >>> skeleton('SELECT ?s WHERE { ?s <http://x/DROP> "INSERT" } # DELETE')
    'SELECT ?s WHERE { ?s <> "" } '
    """

    def blank(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("<"):
            return "<>"
        if text.startswith("#"):
            return ""
        return '""'

    return _LEXEME.sub(blank, query)


def _scheme(iri: str) -> str:
    return urlsplit(iri.strip()).scheme.lower()


def check_iri(iri: str, where: str) -> None:
    """Refuse ``iri`` unless it is an absolute http(s)/urn/tag IRI (no ``file:``).

    >>> check_iri("https://w3id.org/x", "FROM")  # doctest: +ELLIPSIS
    >>> check_iri("file:///etc/passwd", "FROM")
    Traceback (most recent call last):
    ...
    quotegraph.views.sparql.Refused: FROM <file:///etc/passwd> is refused: ...
    """
    if _scheme(iri) not in ALLOWED_SCHEMES:
        raise Refused(f"{where} <{iri}> is refused: only {', '.join(ALLOWED_SCHEMES)} IRIs")


def check_query(query: str) -> None:
    """Refuse updates, SERVICE and FROM / FROM NAMED on anything but web IRIs."""
    bare = skeleton(query)
    update = _UPDATE.search(bare)
    if update:
        raise Refused(f"read-only endpoint: SPARQL Update ({update.group(1).upper()}) is refused")
    if _SERVICE.search(bare):
        raise Refused("federated queries (SERVICE) are refused by this endpoint")
    prefixes = {name: iri for name, iri in _PREFIX.findall(query)}
    bases = _BASE.findall(query)
    base = bases[-1] if bases else ""
    if base:
        check_iri(base, "BASE")
    # FROM targets: look at the real text, but only where the skeleton shows a FROM keyword
    for match in _FROM.finditer(_mask_comments_and_strings(query)):
        target = match.group(1)
        if target.startswith("<"):
            iri = urljoin(base, target[1:-1]) if base else target[1:-1]
        else:
            prefix, _, local = target.partition(":")
            if prefix not in prefixes:
                raise Refused(f"FROM {target}: unknown prefix", status=400)
            iri = prefixes[prefix] + local
        check_iri(iri, "FROM")


def _mask_comments_and_strings(query: str) -> str:
    """Blank strings and comments but keep IRIs (FROM targets must stay readable)."""

    def blank(match: re.Match[str]) -> str:
        text = match.group(0)
        return text if text.startswith("<") else " " * len(text)

    return _LEXEME.sub(blank, query)


def _accept(header: str | None) -> list[str]:
    """Media types of an Accept header, best first (stable for equal q).

    >>> _accept("text/csv;q=0.5, application/json")
    ['application/json', 'text/csv']
    """
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media))
    return [media for _, _, media in sorted(ranked)]


def negotiate(accept: str | None, format_param: str | None) -> tuple[str, str]:
    """(media type for SELECT/ASK results, media type for CONSTRUCT/DESCRIBE graphs).

    ``format`` (json, xml, csv, tsv, turtle, jsonld, nt) wins over ``Accept``.
    Raises Refused(406) for a format name nobody knows.

    >>> negotiate("application/ld+json", None)
    ('application/sparql-results+json', 'application/ld+json')
    >>> negotiate(None, "tsv")
    ('text/tab-separated-values', 'text/turtle')
    """
    solutions, graph = None, None
    if format_param:
        key = format_param.strip().lower()
        if key in _FORMAT_PARAM:
            solutions, graph = _FORMAT_PARAM[key]
        elif key in SOLUTION_TYPES:
            solutions = key
        elif key in GRAPH_TYPES:
            graph = key
        else:
            raise Refused(f"unknown format {format_param!r}", status=406)
    for media in _accept(accept):
        if solutions is None and media in SOLUTION_TYPES:
            solutions = media
        if graph is None and media in GRAPH_TYPES:
            graph = media
    return solutions or DEFAULT_SOLUTIONS, graph or DEFAULT_GRAPH
