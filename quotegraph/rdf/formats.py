"""Datasets in and out of files, and dataset comparison by isomorphism.

Input/output: rdflib Datasets and files in Turtle (the union graph), TriG,
N-Quads or JSON-LD (compacted with ``ontology/context.jsonld``).

>>> FORMATS["trig"].suffix
'.trig'
>>> format_of("corpus.nq")
'nquads'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.term import Node

from quotegraph.errors import InputError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent.parent / "ontology"


@dataclass(frozen=True)
class Format:
    name: str
    rdflib: str
    suffix: str
    named_graphs: bool


FORMATS = {
    "turtle": Format("turtle", "turtle", ".ttl", False),
    "trig": Format("trig", "trig", ".trig", True),
    "nquads": Format("nquads", "nquads", ".nq", True),
    "jsonld": Format("jsonld", "json-ld", ".jsonld", True),
}
_SUFFIXES = {f.suffix: f.name for f in FORMATS.values()} | {".json": "jsonld", ".nt": "turtle"}


def ontology_file(name: str) -> Path:
    """A file of ``ontology/`` (the repository's, or the copy installed in the package)."""
    for folder in (ONTOLOGY_DIR, Path(__file__).resolve().parent.parent / "ontology"):
        if (folder / name).is_file():
            return folder / name
    raise InputError(name, "ontology file not found (is the ontology/ folder installed?)")


def context() -> dict[str, Any]:
    """The JSON-LD ``@context`` shipped in ``ontology/context.jsonld``."""
    data: dict[str, Any] = json.loads(ontology_file("context.jsonld").read_text("utf-8"))
    inner: dict[str, Any] = data.get("@context", data)
    return inner


def format_of(path: str | Path) -> str:
    """The format name a file suffix stands for."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        known = ", ".join(sorted(_SUFFIXES))
        raise InputError(str(path), f"unknown RDF file suffix {suffix!r} (known: {known})")
    return _SUFFIXES[suffix]


def serialise(ds: Dataset, fmt: str) -> str:
    """``ds`` as text in format ``fmt`` (turtle = the union of all graphs)."""
    if fmt not in FORMATS:
        raise InputError(fmt, f"unknown format (choose from {', '.join(FORMATS)})")
    if fmt == "turtle":
        union = Graph()
        for prefix, ns in ds.namespaces():
            union.bind(prefix, ns)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        return union.serialize(format="turtle")
    if fmt == "jsonld":
        return ds.serialize(format="json-ld", context=context(), auto_compact=True)
    return ds.serialize(format=FORMATS[fmt].rdflib)


def parse(path: str | Path, fmt: str | None = None) -> Dataset:
    """The dataset in file ``path`` (format from its suffix unless given)."""
    name = fmt or format_of(path)
    ds = Dataset(default_union=True)
    try:
        if name == "jsonld":
            ds.parse(source=str(path), format="json-ld")
        else:
            ds.parse(source=str(path), format=FORMATS[name].rdflib)
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError(str(path), f"cannot read as {name}: {exc}") from exc
    except Exception as exc:  # rdflib parsers raise their own exception types
        raise InputError(str(path), f"cannot read as {name}: {exc}") from exc
    return ds


def graphs(ds: Dataset) -> dict[Node, Graph]:
    """The non-empty graphs of ``ds`` by name."""
    return {g.identifier: g for g in ds.graphs() if len(g)}


def isomorphic_datasets(a: Dataset, b: Dataset) -> bool:
    """True when ``a`` and ``b`` have the same graph names and isomorphic graphs."""
    ga, gb = graphs(a), graphs(b)
    if set(ga) != set(gb):
        return False
    return all(isomorphic(ga[name], gb[name]) for name in ga)
