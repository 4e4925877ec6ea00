"""A read-only SPARQL 1.1 Protocol endpoint over the store, with a query page and the graph.

Input: a store (a directory of an embedded Oxigraph store, a ``pyoxigraph.Store``, or an
object with a ``path`` or a pyoxigraph store inside).  Output: a ``ThreadingHTTPServer``
serving ``/sparql`` (GET ``?query=``, POST form or ``application/sparql-query``), ``/`` (an
offline query page) and ``/graph`` (the HTML graph view).  Updates, ``SERVICE`` and ``FROM
<file:…>`` are refused with 403; each query runs in a killable worker process with a time
limit (503) and a result cap (422); request bodies are capped (413).  Binds to 127.0.0.1
unless told otherwise, and answers only requests addressed to the host it listens on.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from quotegraph.errors import QuotegraphError, StoreError
from quotegraph.views.html import _asset, _csp_hash, _json_for_script
from quotegraph.views.sparql import Refused, check_iri, check_query, negotiate
from quotegraph.views.worker import Job, Reply, WorkerPool

GraphPage = Callable[[], str]


def store_source(store: object) -> str | bytes:
    """What a worker opens: a store directory, or the N-Quads dump of an in-memory store."""
    if isinstance(store, (str, Path)):
        path = Path(store)
        if not path.is_dir():
            raise StoreError(f"no store at {path}: run `quotegraph build` first")
        return str(path)
    if isinstance(store, ox.Store):
        return store.dump(format=ox.RdfFormat.N_QUADS) or b""
    for name in ("path", "location"):
        value = getattr(store, name, None)
        if isinstance(value, (str, Path)) and Path(value).is_dir():
            return str(value)
    for name in ("store", "_store", "oxigraph"):
        value = getattr(store, name, None)
        if isinstance(value, ox.Store):
            return value.dump(format=ox.RdfFormat.N_QUADS) or b""
    raise StoreError(f"cannot serve {type(store).__name__}: need a local Oxigraph store")


def named_queries() -> list[dict[str, str]]:
    """The example queries of quotegraph/queries/*.rq: name, first comment line, text."""
    folder = resources.files("quotegraph") / "queries"
    if not folder.is_dir():
        return []
    out = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".rq"):
            text = item.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            about = first.lstrip("# ").strip() if first.startswith("#") else ""
            out.append({"name": item.name[:-3], "about": about, "query": text})
    return out


def query_page() -> str:
    """The offline query page (its script and the example queries inlined)."""
    script = _asset("query.js")
    return Template(_asset("query.html")).substitute(
        script_hash=_csp_hash("\n" + script + "\n"),
        examples=_json_for_script(named_queries()),
        script=script,
    )


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; holds the worker pool and the limits."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        pool: WorkerPool,
        timeout_s: float,
        max_results: int,
        max_body: int,
        graph_page: GraphPage | None,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, SparqlHandler)
        self.pool = pool
        self.timeout_s = timeout_s
        self.max_results = max_results
        self.max_body = max_body
        self.graph_page = graph_page
        self._graph_lock = threading.Lock()
        self._graph_cache: str | None = None
        loopback = {"localhost", "127.0.0.1", "::1", "[::1]"}
        # on loopback, answer only requests addressed to loopback (DNS rebinding guard)
        self.allowed_hosts: set[str] | None = (
            {"localhost", "127.0.0.1", "[::1]"} if address[0].lower() in loopback else None
        )

    def graph_html(self) -> str | None:
        """The graph page, built once on first request."""
        if self.graph_page is None:
            return None
        with self._graph_lock:
            if self._graph_cache is None:
                self._graph_cache = self.graph_page()
            return self._graph_cache

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query operation only) plus the two pages."""

    server: SparqlServer
    timeout = 30  # seconds a client may stay silent before its connection is dropped
    server_version = "quotegraph"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the CLI prints one line per request only with --debug."""

    def _send(
        self, status: int, media: str, body: bytes, extra: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        charset = "" if "json" in media and "sparql" in media else "; charset=utf-8"
        self.send_header("Content-Type", media + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, "text/plain", (message.rstrip() + "\n").encode("utf-8"))

    def _host_ok(self) -> bool:
        if self.server.allowed_hosts is None:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in self.server.allowed_hosts

    def do_GET(self) -> None:
        self._dispatch(None)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        length_text = self.headers.get("Content-Length")
        if length_text is None:
            self._error(HTTPStatus.LENGTH_REQUIRED, "POST needs a Content-Length")
            return
        try:
            length = int(length_text)
        except ValueError:
            self._error(HTTPStatus.BAD_REQUEST, "bad Content-Length")
            return
        if length > self.server.max_body or length < 0:
            self.close_connection = True
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"request body of {length} bytes is over the limit of {self.server.max_body}",
            )
            return
        self._dispatch(self.rfile.read(length))

    def do_PUT(self) -> None:
        self._error(HTTPStatus.FORBIDDEN, "read-only endpoint: the graph store protocol is off")

    do_DELETE = do_PATCH = do_PUT

    def _dispatch(self, body: bytes | None) -> None:
        if not self._host_ok():
            self._error(HTTPStatus.FORBIDDEN, "unknown Host header (DNS rebinding guard)")
            return
        url = urlsplit(self.path)
        if len(url.query) > self.server.max_body:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query string over the size limit")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        if body is not None:
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            text = body.decode("utf-8", errors="replace")
            if media == "application/sparql-update":
                self._error(HTTPStatus.FORBIDDEN, "read-only endpoint: SPARQL Update is refused")
                return
            if media == "application/sparql-query":
                params.setdefault("query", []).append(text)
            elif media == "application/x-www-form-urlencoded":
                for key, values in parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            else:
                self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported body type {media!r}")
                return
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "read-only endpoint: SPARQL Update is refused")
            return
        if "query" in params:
            if url.path not in ("/", "/sparql", "/query"):
                self._error(HTTPStatus.NOT_FOUND, f"no endpoint at {url.path}; use /sparql")
                return
            self._query(params)
        elif url.path == "/" and body is None:
            self._page(query_page())
        elif url.path == "/graph" and body is None:
            try:
                page = self.server.graph_html()
            except QuotegraphError as exc:
                self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"no graph view: {exc}")
                return
            if page is None:
                self._error(HTTPStatus.NOT_FOUND, "no graph view: the server has no corpus")
            else:
                self._page(page)
        elif url.path in ("/sparql", "/query"):
            self._error(HTTPStatus.BAD_REQUEST, "missing query parameter")
        else:
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}")

    def _page(self, page: str) -> None:
        self._send(HTTPStatus.OK, "text/html", page.encode("utf-8"), {"X-Frame-Options": "DENY"})

    def _query(self, params: dict[str, list[str]]) -> None:
        queries = params["query"]
        if len(queries) != 1:
            self._error(HTTPStatus.BAD_REQUEST, "exactly one query parameter is needed")
            return
        try:
            check_query(queries[0])
            graphs = {k: tuple(params.get(k, [])) for k in ("default-graph-uri", "named-graph-uri")}
            for key, iris in graphs.items():
                for iri in iris:
                    check_iri(iri, key)
            fmt = params["format"][0] if params.get("format") else None
            solutions, graph = negotiate(self.headers.get("Accept"), fmt)
        except Refused as exc:
            self._error(exc.status, str(exc))
            return
        job = Job(
            query=queries[0],
            solutions_type=solutions,
            graph_type=graph,
            max_results=self.server.max_results,
            default_graphs=graphs["default-graph-uri"],
            named_graphs=graphs["named-graph-uri"],
        )
        status, media, body = self._run(job)
        self._send(status, media, body)

    def _run(self, job: Job) -> Reply:
        return self.server.pool.run(job, self.server.timeout_s)


def make_server(
    store: object,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = 10.0,
    max_results: int = 10000,
    max_body: int = 1_000_000,
    graph_page: GraphPage | None = None,
    workers: int = 2,
) -> SparqlServer:
    """A ready (not yet serving) endpoint; call ``serve_forever()`` and ``server_close()``.

    ``graph_page`` builds the HTML served at ``/graph`` (called once, on first request).
    Raises StoreError when ``store`` cannot be served.
    """
    pool = WorkerPool(store_source(store), size=workers)
    try:
        return SparqlServer((host, port), pool, timeout_s, max_results, max_body, graph_page)
    except OSError as exc:
        pool.close()
        raise StoreError(f"cannot listen on {host}:{port}: {exc}") from exc


def describe(server: SparqlServer) -> str:
    """One line saying where the server listens.

    Example output: ``SPARQL endpoint http://127.0.0.1:7878/sparql · query page …``.
    """
    host, port = server.server_address[:2]
    host = host.decode() if isinstance(host, bytes) else str(host)
    shown = f"[{host}]" if ":" in host else host
    return f"SPARQL endpoint http://{shown}:{port}/sparql · query page http://{shown}:{port}/"
