"""Run SPARQL queries in worker processes that can be killed when they run too long.

Oxigraph cannot interrupt a running query, so each query runs in a separate process of a
small pool; when the time limit passes, that process is killed and replaced.  A worker reads
either a store directory (opened read-only for every query, so a rebuild is seen at once and
the store's write lock is never taken) or an N-Quads dump of an in-memory store.

Input: a :class:`Job` (query, wanted media types, limits).  Output: ``(status, media type,
body bytes)``; ``status`` is 200 or an HTTP error status with a one-line text body.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class Job:
    """One query to run, with the media types to answer in and the result cap."""

    query: str
    solutions_type: str
    graph_type: str
    max_results: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


Reply = tuple[int, str, bytes]


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def run_job(store: ox.Store, job: Job) -> Reply:
    """Run ``job`` on ``store``: the answer, or 400 (bad query) / 422 (too many results)."""
    try:
        result = store.query(
            job.query,
            use_default_graph_as_union=not job.default_graphs,
            default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None,
        )
        if isinstance(result, ox.QueryBoolean):
            fmt = _RESULT_FORMATS[job.solutions_type]
            parsed = ox.parse_query_results(
                json.dumps({"head": {}, "boolean": bool(result)}).encode(),
                format=ox.QueryResultsFormat.JSON,
            )
            return 200, job.solutions_type, parsed.serialize(format=fmt) or b""
        too_many = (
            f"more than {job.max_results} results: add LIMIT (and OFFSET to page), "
            "or start the server with a larger --max-results"
        )
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows: list[dict[str, Any]] = []
            for solution in result:
                if len(rows) == job.max_results:
                    return 422, "text/plain", too_many.encode()
                rows.append({n: _json_term(solution[n]) for n in names if solution[n] is not None})
            data = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}).encode()
            if _RESULT_FORMATS[job.solutions_type] is ox.QueryResultsFormat.JSON:
                return 200, job.solutions_type, data
            parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
            body = parsed.serialize(format=_RESULT_FORMATS[job.solutions_type]) or b""
            return 200, job.solutions_type, body
        triples: list[ox.Triple] = []
        for triple in result:
            if len(triples) == job.max_results:
                return 422, "text/plain", too_many.encode()
            triples.append(triple)
        body = ox.serialize(triples, format=_GRAPH_FORMATS[job.graph_type]) or b""
        return 200, job.graph_type, body
    except SyntaxError as exc:
        return 400, "text/plain", f"malformed SPARQL query: {exc}".encode()
    except (OSError, ValueError, TypeError) as exc:
        return 500, "text/plain", f"query failed: {exc}".encode()


def _open(source: str | bytes) -> ox.Store:
    if isinstance(source, bytes):
        store = ox.Store()
        if source:
            store.bulk_load(source, format=ox.RdfFormat.N_QUADS)
        return store
    return ox.Store.read_only(source)


def _child(read_fd: int, write_fd: int) -> None:  # pragma: no cover (runs in the child)
    """Main loop of a worker process: receive the store source, then jobs; send replies."""
    inbox = Connection(read_fd, writable=False)
    outbox = Connection(write_fd, readable=False)
    source = inbox.recv()
    memory = _open(source) if isinstance(source, bytes) else None
    while True:
        try:
            job = inbox.recv()
        except EOFError:
            return
        try:
            store = memory if memory is not None else _open(source)
            reply = run_job(store, job)
            del store
        except OSError as exc:
            reply = (503, "text/plain", f"store unavailable: {exc}".encode())
        outbox.send(reply)


_CHILD = "import sys; from quotegraph.views.worker import _child; _child(*map(int, sys.argv[1:]))"


class _Worker:
    """One worker process (a fresh interpreter, so nothing of the server is inherited)."""

    def __init__(self, source: str | bytes) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(to_child_r), str(from_child_w)],
            pass_fds=(to_child_r, from_child_w),
            stdin=subprocess.DEVNULL,
            close_fds=True,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self.outbox = Connection(to_child_w, readable=False)
        self.inbox = Connection(from_child_r, writable=False)
        self.outbox.send(source)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.outbox.close()
        self.inbox.close()


class WorkerPool:
    """``size`` killable query processes over one store (a directory or an N-Quads dump)."""

    def __init__(self, source: str | Path | bytes, size: int = 2) -> None:
        self.source: str | bytes = source if isinstance(source, bytes) else str(source)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._idle.put(_Worker(self.source))

    def run(self, job: Job, timeout_s: float) -> Reply:
        """Run ``job``; 503 when it takes longer than ``timeout_s`` (the worker is replaced)."""
        try:
            worker = self._idle.get(timeout=timeout_s)
        except queue.Empty:
            return 503, "text/plain", b"server busy: every query worker is in use, retry later"
        died = False
        try:
            worker.outbox.send(job)
            if worker.inbox.poll(timeout_s):
                reply: Reply = worker.inbox.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            died = True
        worker.kill()
        if not self._closed:
            self._idle.put(_Worker(self.source))
        if died:
            code = worker.process.returncode
            return 500, "text/plain", f"query worker died (exit code {code})".encode()
        message = f"query stopped: it ran longer than the time limit of {timeout_s:g} s"
        return 503, "text/plain", message.encode()

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return
