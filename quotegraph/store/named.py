"""Named SPARQL queries (``quotegraph/queries/*.rq``) and safe parameter binding.

Input: a query name, file or text, and ``name=value`` parameters.  Output: the
SPARQL text to run.  A query's parameters are its ``$name`` variables; a value
is always bound as an escaped SPARQL string literal, never pasted raw.

>>> sparql_literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
>>> bind('SELECT * WHERE { ?s ?p $text }', {"text": 'x" } DROP ALL #'})
'SELECT * WHERE { ?s ?p "x\\\\" } DROP ALL #" }'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quotegraph.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[str, ...]
    text: str


def _code(sparql: str) -> str:
    """``sparql`` without its comment lines."""
    return "\n".join(line for line in sparql.splitlines() if not line.lstrip().startswith("#"))


def params_of(sparql: str) -> tuple[str, ...]:
    """The ``$name`` parameters of a query, in order of first use."""
    return tuple(dict.fromkeys(_PARAM.findall(_code(sparql))))


def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query by name (the file stem)."""
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        out[path.stem] = NamedQuery(path.stem, first.lstrip("# ").strip(), params_of(text), text)
    return out


def sparql_literal(value: str) -> str:
    """``value`` as a SPARQL string literal, every special character escaped."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'


def bind(sparql: str, params: dict[str, str], required: bool = False) -> str:
    """``sparql`` with each ``$name`` in ``params`` replaced by an escaped literal.

    Unknown parameters are an error; with ``required`` so are missing ones.
    """
    declared = params_of(sparql)
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"unknown parameter(s) {', '.join(unknown)} (this query takes: {known})")
    missing = [p for p in declared if p not in params]
    if required and missing:
        hint = " ".join(f"--param {p}=…" for p in missing)
        raise QueryError(f"this query needs {hint}")

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return sparql_literal(params[name]) if name in params else match.group(0)

    lines = [
        line if line.lstrip().startswith("#") else _PARAM.sub(replace, line)
        for line in sparql.split("\n")
    ]
    return "\n".join(lines)


def resolve_query(spec: str, params: dict[str, str] | None = None) -> str:
    """The SPARQL text for a query name, a ``.rq`` file path, or the query itself."""
    params = params or {}
    named = named_queries()
    if spec in named:
        return bind(named[spec].text, params, required=True)
    path = Path(spec)
    if len(spec) < 4096 and "\n" not in spec and path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise QueryError(f"no query file {spec} (named queries: {', '.join(named)})")
        return bind(path.read_text(encoding="utf-8"), params)
    if not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE):
        raise QueryError(f"{spec!r} is neither a named query ({', '.join(named)}) nor SPARQL")
    return bind(spec, params)


def parse_params(items: list[str]) -> dict[str, str]:
    """``["k=v", ...]`` -> ``{"k": "v"}``.

    >>> parse_params(["text=armchair analysis", "x=a=b"])
    {'text': 'armchair analysis', 'x': 'a=b'}
    """
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {item!r}: expected name=value")
        out[key.strip()] = value
    return out
