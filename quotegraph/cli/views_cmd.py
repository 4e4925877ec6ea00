"""View commands: ``view`` (the HTML graph) and ``serve`` (the read-only SPARQL endpoint).

Both load a Corpus (from the store, or from ``--corpus`` article files analysed on the spot),
project it with :func:`quotegraph.provenance.project` and hand it to :mod:`quotegraph.views`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from quotegraph import provenance
from quotegraph.cli.app import StoreOption, app, errors, resolve_store
from quotegraph.errors import StoreError
from quotegraph.views.html import render, write_html
from quotegraph.views.server import describe, make_server

OutputOption = typer.Option(Path("graph.html"), "-o", "--output", help="HTML file to write.")
FocusOption = typer.Option(
    None,
    "--focus",
    help="Only the provenance of this quote, speaker or article "
    "(node id, name, title, or words of the quote).",
)
CorpusOption = typer.Option(
    None, "--corpus", help="Analyse these article files or folders now instead of the store."
)


@app.command("view")
def view_cmd(
    output: Path = OutputOption,
    focus: str | None = FocusOption,
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
) -> None:
    """Write the interactive provenance graph as one self-contained HTML page.

    The page works offline and from a file: open it in any browser.

    Example: quotegraph view -o graph.html --focus "Matthew Prince" --corpus corpus/articles
    """
    with errors():
        G = provenance.project(provenance.load_corpus(store, corpus or ()))
        path = write_html(G, output, focus=focus)
    print(path.resolve())


@app.command("serve")
def serve_cmd(
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to listen on (loopback only "
        "by default; 0.0.0.0 exposes the endpoint to the network).",
    ),
    port: int = typer.Option(7878, "--port", help="TCP port (0 picks a free one)."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run."),
    max_results: int = typer.Option(10000, "--max-results", help="Most rows or triples returned."),
    max_body: int = typer.Option(1_000_000, "--max-body", help="Largest request body in bytes."),
    store: str | None = StoreOption,
) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol, with a query page and the graph.

    /sparql answers GET and POST queries (JSON, XML, CSV, TSV; Turtle, JSON-LD, N-Triples);
    / is a query page with the named queries; /graph is the HTML graph view.

    Example: quotegraph serve --port 7878 --timeout 5
    """
    location = resolve_store(store)
    with errors():
        if location.startswith(("http://", "https://")):
            raise StoreError(f"{location} is already a SPARQL endpoint; serve needs a store folder")

        def graph_page() -> str:
            return render(provenance.project(provenance.load_corpus(location)))

        server = make_server(
            Path(location),
            host=host,
            port=port,
            timeout_s=timeout,
            max_results=max_results,
            max_body=max_body,
            graph_page=graph_page,
        )
    typer.echo(describe(server) + "  (Ctrl-C stops it)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
