"""The SPARQL endpoint, started for real on loopback and queried over HTTP."""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
import rdflib
from conftest import sample_graph
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

from quotegraph.views.html import render
from quotegraph.views.server import SparqlServer, make_server

pytestmark = pytest.mark.server

EX = "http://example.org/"
N = 60  # people in the test store
MAX_RESULTS = 100
TIMEOUT_S = 2.0
MAX_BODY = 20_000
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }"


HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def make_store() -> ox.Store:
    store = ox.Store()
    graph = ox.NamedNode(EX + "g")
    store.add(
        ox.Quad(
            ox.NamedNode(EX + "evil"),
            ox.NamedNode(EX + "says"),
            ox.Literal(HOSTILE),
            ox.NamedNode(EX + "h"),
        )
    )
    for i in range(N):
        person = ox.NamedNode(f"{EX}person{i}")
        store.add(ox.Quad(person, ox.NamedNode(EX + "name"), ox.Literal(f"Person {i}"), graph))
        store.add(
            ox.Quad(
                person,
                ox.NamedNode(EX + "age"),
                ox.Literal(
                    str(20 + i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
                ),
                graph,
            )
        )
    return store


def serve(server: SparqlServer) -> Iterator[str]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host!s}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = make_server(
        make_store(),
        port=0,
        timeout_s=TIMEOUT_S,
        max_results=MAX_RESULTS,
        max_body=MAX_BODY,
        graph_page=lambda: render(sample_graph()),
    )
    yield from serve(server)


def request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode()


def get(base: str, query: str, **params: str) -> tuple[int, str, str]:
    return request(f"{base}/sparql?" + urllib.parse.urlencode({"query": query, **params}))


def wrapper(base: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(f"{base}/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


NAMES = "SELECT ?name WHERE { GRAPH ?g { ?p <http://example.org/name> ?name } } ORDER BY ?name"


def test_select_json(base: str) -> None:
    data = wrapper(base, NAMES + " LIMIT 3", JSON).queryAndConvert()
    assert isinstance(data, dict)
    assert [b["name"]["value"] for b in data["results"]["bindings"]] == [
        "Person 0",
        "Person 1",
        "Person 10",
    ]


def test_select_xml(base: str) -> None:
    doc = wrapper(base, NAMES + " LIMIT 2", XML).query().response.read()
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    values = [e.text for e in ElementTree.fromstring(doc).findall(".//r:literal", ns)]
    assert values == ["Person 0", "Person 1"]


@pytest.mark.parametrize(("fmt", "delimiter"), [(CSV, ","), (TSV, "\t")])
def test_select_csv_tsv(base: str, fmt: str, delimiter: str) -> None:
    text = wrapper(base, NAMES + " LIMIT 2", fmt).query().response.read().decode()
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows[0] == (["name"] if fmt == CSV else ["?name"])
    assert [r[0].strip('"') for r in rows[1:]] == ["Person 0", "Person 1"]


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
        ("xml", "application/sparql-results+xml"),
        ("json", "application/sparql-results+json"),
    ],
)
def test_format_parameter_picks_the_media_type(base: str, fmt: str, media: str) -> None:
    status, ctype, _ = get(base, NAMES + " LIMIT 1", format=fmt)
    assert status == 200 and ctype.startswith(media)


def test_construct_turtle_and_jsonld(base: str) -> None:
    query = (
        "CONSTRUCT { ?p <http://example.org/name> ?n }"
        " WHERE { GRAPH ?g { ?p <http://example.org/name> ?n } }"
    )
    turtle = wrapper(base, query, TURTLE).query().response.read()
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == N
    status, ctype, body = request(
        f"{base}/sparql?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/ld+json"},
    )
    assert status == 200 and ctype.startswith("application/ld+json")
    assert len(rdflib.Graph().parse(data=body, format="json-ld")) == N


def test_ask_and_post_forms(base: str) -> None:
    ask = "ASK { GRAPH ?g { <http://example.org/person1> ?p ?o } }"
    status, _, body = request(
        f"{base}/sparql", ask.encode(), {"Content-Type": "application/sparql-query"}
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    status, _, body = request(
        f"{base}/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(2 * N)


UPDATES = [
    "INSERT DATA { GRAPH <http://example.org/g> { <http://x/a> <http://x/b> <http://x/c> } }",
    "DELETE DATA { GRAPH <http://example.org/g> { <http://example.org/person1>"
    " <http://example.org/name> 'Person 1' } }",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <file:///etc/passwd>",
    "LOAD <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>",
    "CLEAR ALL",
    "CREATE GRAPH <http://example.org/new>",
    "DROP GRAPH <http://example.org/g>",
    "drop all",
    "COPY <http://example.org/g> TO DEFAULT",
    "MOVE <http://example.org/g> TO <http://example.org/h>",
    "ADD <http://example.org/g> TO <http://example.org/h>",
    "PREFIX ex: <http://example.org/>\n# a comment\nINSERT { ?s ex:p 1 } WHERE { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES)
@pytest.mark.parametrize("how", ["sparql-update", "update-param", "query-param"])
def test_every_update_form_is_refused(base: str, update: str, how: str) -> None:
    if how == "sparql-update":
        status, _, body = request(
            f"{base}/sparql", update.encode(), {"Content-Type": "application/sparql-update"}
        )
    elif how == "update-param":
        status, _, body = request(
            f"{base}/sparql",
            urllib.parse.urlencode({"update": update}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
    else:
        status, _, body = get(base, update)
    assert status == 403, body
    assert "refused" in body


def test_store_unchanged_after_refused_updates(base: str) -> None:
    for update in UPDATES:
        request(f"{base}/sparql", update.encode(), {"Content-Type": "application/sparql-update"})
    _, _, body = get(base, COUNT)
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(2 * N)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", 403),
        ("SELECT * WHERE { service <https://query.wikidata.org/sparql> { ?s ?p ?o } }", 403),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 403),
        ("SELECT * FROM NAMED <FILE:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }", 403),
        ("PREFIX f: <file:///etc/>\nSELECT * FROM f:passwd WHERE { ?s ?p ?o }", 403),
        ("BASE <file:///etc/>\nSELECT * FROM <passwd> WHERE { ?s ?p ?o }", 403),
        # negatives: the words inside strings, IRIs, comments or names are fine
        ("SELECT ?s WHERE { GRAPH ?g { ?s ?p 'INSERT DATA SERVICE' } } # DROP ALL", 200),
        (
            "PREFIX drop: <http://example.org/>\n"
            "SELECT ?add WHERE { GRAPH ?g { ?add drop:name ?o } } LIMIT 1",
            200,
        ),
        ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", 200),
    ],
)
def test_service_and_file_access_refused(base: str, query: str, status: int) -> None:
    got, _, body = get(base, query)
    assert got == status, body


def test_default_graph_uri_with_file_scheme_refused(base: str) -> None:
    status, _, _ = get(
        base, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", **{"default-graph-uri": "file:///etc/passwd"}
    )
    assert status == 403
    status, _, body = get(
        base, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", **{"default-graph-uri": "http://example.org/g"}
    )
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 1


def test_time_limit_stops_an_expensive_query(base: str) -> None:
    expensive = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c . ?d ?e ?f . ?h ?i ?j ."
        " ?k ?l ?m . ?n1 ?o1 ?p1 } }"
    )
    status, _, body = get(base, expensive)
    assert status == 503
    assert "time limit" in body
    # the killed worker was replaced: the endpoint still answers
    status, _, body = get(base, COUNT)
    assert status == 200 and "120" in body


def test_result_cap(base: str) -> None:
    everything = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"  # 121 rows > MAX_RESULTS
    status, _, body = get(base, everything)
    assert status == 422 and "LIMIT" in body
    status, _, body = get(base, everything + f" LIMIT {MAX_RESULTS}")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_RESULTS


def test_body_size_limit(base: str) -> None:
    big = ("SELECT * WHERE { ?s ?p ?o } # " + "x" * MAX_BODY).encode()
    status, _, body = request(f"{base}/sparql", big, {"Content-Type": "application/sparql-query"})
    assert status == 413 and "limit" in body


def test_malformed_query_is_a_400(base: str) -> None:
    status, _, body = get(base, "SELEKT nothing")
    assert status == 400 and "malformed" in body


def test_query_page_and_graph_served(base: str) -> None:
    status, ctype, page = request(base + "/")
    assert status == 200 and ctype.startswith("text/html")
    assert "<textarea" in page and "http://" not in page.split("<body>")[0].replace(
        "http-equiv", ""
    )
    status, ctype, graph = request(base + "/graph")
    assert status == 200 and 'id="qg-data"' in graph and "Ann Lee" in graph


def test_foreign_host_header_refused(base: str) -> None:
    status, _, _ = request(base + "/", headers={"Host": "evil.example"})
    assert status == 403


def test_binds_to_loopback_by_default(tmp_path: Path) -> None:
    server = make_server(ox.Store(), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_serves_an_on_disk_store_directory(tmp_path: Path) -> None:
    disk = ox.Store(str(tmp_path / "store"))
    disk.extend(list(make_store()))
    disk.flush()
    del disk
    server = make_server(tmp_path / "store", port=0, timeout_s=TIMEOUT_S)
    for url in serve(server):
        status, _, body = get(url, COUNT)
        assert status == 200
        assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(2 * N)


@pytest.mark.browser
def test_query_page_runs_a_query_in_the_browser(base: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        page.goto(base + "/")
        page.fill(
            "#query", "SELECT ?s ?said WHERE { GRAPH ?g { ?s <http://example.org/says> ?said } }"
        )
        page.click("button[type=submit]")
        page.wait_for_selector("#results td")
        cells = page.eval_on_selector_all("#results td", "tds => tds.map(td => td.textContent)")
        assert cells == ["http://example.org/evil", HOSTILE]
        assert page.evaluate("window.__pwned") is None
        assert (
            page.evaluate("document.querySelectorAll('#results img, #results script').length") == 0
        )
        page.fill("#query", "DROP ALL")
        page.click("button[type=submit]")
        page.wait_for_function("() => document.getElementById('error').textContent.length > 0")
        assert "refused" in page.text_content("#error")
        assert problems == [] or all("403" in p for p in problems)
        assert all(url.startswith(base) for url in requests)
    finally:
        page.close()
