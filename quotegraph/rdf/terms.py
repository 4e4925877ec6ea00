"""IRIs and literals of the RDF layer: minted from content, parsed back to ids.

Every resource IRI is ``ID/<kind>/<percent-encoded id>``, so it is stable (same
corpus, same IRIs) and reversible (:func:`id_of` gives the id back).  Literals
are written in the canonical lexical form Oxigraph returns, so a graph read back
from the store is isomorphic to the one written.

>>> iri("mention", "001:10-20")
rdflib.term.URIRef('https://w3id.org/quotegraph/id/mention/001%3A10-20')
>>> id_of(iri("mention", "001:10-20"))
('mention', '001:10-20')
>>> double(1) == Literal("1", datatype=XSD.double)
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import Literal, URIRef
from rdflib.term import Node

from quotegraph.vocab import GRAPH, ID, XSD

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLUG = re.compile(r"[^\w]+")


#: ``quote(c, safe="")`` of every ASCII character, for :func:`_encode`
_ASCII_QUOTED = {i: quote(chr(i), safe="") for i in range(128)}


def _encode(part: str) -> str:
    """``part`` percent-encoded as ``quote(part, safe="")`` does (a table for ASCII ids,
    which are most of them: the build encodes millions).

    >>> _encode("001:10-20 ä/b") == quote("001:10-20 ä/b", safe="")
    True
    """
    return part.translate(_ASCII_QUOTED) if part.isascii() else quote(part, safe="")


def iri(kind: str, *parts: str) -> URIRef:
    """The IRI of resource ``kind`` with id ``parts`` (joined by ``/``, each encoded)."""
    return ID[kind + "/" + "/".join(map(_encode, parts))]


def sub(node: URIRef, *parts: str) -> URIRef:
    """An IRI below ``node`` (a selector, a qualified node)."""
    return URIRef(str(node) + "/" + "/".join(map(_encode, parts)))


def graph_iri(*parts: str) -> URIRef:
    """The IRI of a named graph: ``graph_iri("article", id)`` or ``graph_iri("links")``."""
    return GRAPH["/".join(map(_encode, parts))]


def id_of(node: Node) -> tuple[str, str]:
    """``(kind, id)`` of an IRI minted by :func:`iri` with one part."""
    text = str(node)
    if not text.startswith(str(ID)):
        raise ValueError(f"not a quotegraph resource IRI: {text}")
    kind, _, rest = text[len(str(ID)) :].partition("/")
    return kind, unquote(rest)


def slug(name: str) -> str:
    """A lower-case, dash-separated slug of ``name``.

    >>> slug("The Register")
    'the-register'
    """
    return _SLUG.sub("-", name.casefold()).strip("-") or "x"


@lru_cache(maxsize=1 << 12)  # literals are immutable: reuse the frequent ones
def text(value: str) -> Literal:
    """A plain string literal."""
    return Literal(value)


def is_date(value: str) -> bool:
    """True for an ISO ``YYYY-MM-DD`` date."""
    return bool(_DATE.fullmatch(value))


@lru_cache(maxsize=1 << 16)  # literals are immutable: reuse the frequent ones
def date(value: str) -> Literal:
    """``xsd:date`` for ``YYYY-MM-DD``, a plain string otherwise."""
    if _DATE.fullmatch(value):
        return Literal(value, datatype=XSD.date)
    return Literal(value)


@lru_cache(maxsize=1 << 16)  # literals are immutable: reuse the frequent ones
def double(value: float) -> Literal:
    """``xsd:double``; rdflib normalises the lexical form, also when parsing Oxigraph's."""
    return Literal(float(value))


@lru_cache(maxsize=1 << 16)  # literals are immutable: reuse the frequent ones
def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD.boolean)


@lru_cache(maxsize=1 << 16)  # literals are immutable: reuse the frequent ones
def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def as_str(node: Node | None) -> str | None:
    """The lexical form of a literal, or None."""
    return None if node is None else str(node)


def as_float(node: Node | None, default: float = 0.0) -> float:
    return default if node is None else float(str(node))


def as_bool(node: Node | None, default: bool = False) -> bool:
    return default if node is None else str(node) in {"true", "1"}


def as_int(node: Node | None) -> int:
    if node is None:
        raise ValueError("missing integer")
    return int(str(node))
