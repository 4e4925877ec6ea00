"""Knowledge-graph commands: ``build``, ``validate``, ``sparql``, ``export``, ``load``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rdflib import Graph, URIRef
from rdflib.namespace import NamespaceManager
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from quotegraph.cli.app import (
    EXIT_FAIL,
    EXIT_USAGE,
    JsonOption,
    StoreOption,
    app,
    console,
    err_console,
    errors,
    fail,
    print_json,
    resolve_store,
)
from quotegraph.engines import ENGINES, EngineSummary, build_parts
from quotegraph.model import Article
from quotegraph.parallel import default_jobs
from quotegraph.rdf.formats import FORMATS, parse, serialise
from quotegraph.rdf.write import bind_prefixes
from quotegraph.store import QueryResult, open_store
from quotegraph.store.build import BuildSummary, build
from quotegraph.store.named import named_queries, parse_params, resolve_query

RESULT_FORMATS = ("table", "json", "csv", "tsv")

PathsArgument = typer.Argument(..., help="Article files or directories.")
TimestampOption = typer.Option(
    None, "--timestamp", help="Time recorded on the build activity (default: newest article date)."
)
JobsOption = typer.Option(
    1, "--jobs", "-j", min=0, help="Worker processes for extraction (0 = one per CPU core)."
)
IncrementalOption = typer.Option(
    False,
    "--incremental",
    help="Add the articles to the existing embedded store without re-extracting the old ones.",
)
EngineOption = typer.Option(
    "local", "--engine", help="local (this machine) or spark (Apache Spark, needs --out)."
)
MasterOption = typer.Option(
    "local[2]", "--master", help="Spark master URL: local[N], spark://host:7077, yarn, k8s://..."
)
OutOption = typer.Option(
    None, "--out", help="Write N-Quads part files to this new folder (or hdfs://, s3a:// URI)."
)
PartitionsOption = typer.Option(
    None, "--partitions", min=1, help="Part files for --out (default: 1 local, 3 per Spark core)."
)
ValidateFileArgument = typer.Argument(None, help="An RDF file to check instead of the store.")
QueryArgument = typer.Argument(None, help="A named query (see --list), a .rq file, or SPARQL.")
ParamOption = typer.Option([], "--param", "-p", help="A query parameter: name=value.")
ResultFormatOption = typer.Option("table", "--format", "-f", help="table, json, csv or tsv.")
ListOption = typer.Option(False, "--list", help="List the named queries.")
ExportFormatOption = typer.Option("trig", "--format", "-f", help="turtle, trig, nquads or jsonld.")
OutputOption = typer.Option(None, "--output", "-o", help="File to write (default stdout).")
LoadFileArgument = typer.Argument(..., help="A .ttl, .trig, .nq or .jsonld file.")
LoadFormatOption = typer.Option(None, "--format", "-f", help="Override the format guessed.")


@app.command("build")
def build_command(
    paths: list[Path] = PathsArgument,
    store: str | None = StoreOption,
    timestamp: str | None = TimestampOption,
    jobs: int = JobsOption,
    incremental: bool = IncrementalOption,
    engine: str = EngineOption,
    master: str = MasterOption,
    out: str | None = OutOption,
    partitions: int | None = PartitionsOption,
    as_json: bool = JsonOption,
) -> None:
    """Analyse articles and replace the store with their graph (one transaction).

    Rejected files are listed one per line; the rest is stored and the exit code is 1.
    With --incremental the new articles are added to what the store holds (articles whose
    id is already stored are rejected); the result equals a full build of old + new.

    With --out the graph goes to N-Quads part files for a SPARQL server's bulk loader
    instead of the store; --engine spark runs that build on Apache Spark (docs/spark.md).

    Example: quotegraph build corpus/articles --store corpus/.quotegraph/store --jobs 2

    Example: quotegraph build corpus/articles --engine spark --out out/nq
    """
    if engine not in ENGINES:
        fail(f"--engine must be one of {', '.join(ENGINES)}", EXIT_USAGE)
    if engine == "spark" and out is None:
        fail("--engine spark writes N-Quads part files: give --out DIR", EXIT_USAGE)
    if out is not None and incremental:
        fail("--incremental adds to a store: it cannot be used with --out", EXIT_USAGE)
    location = resolve_store(store)
    summary: BuildSummary | EngineSummary
    with (
        errors(),
        Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err_console,
            transient=True,
            disable=as_json or not err_console.is_terminal,
        ) as bar,
    ):
        task = bar.add_task("analysing", total=None)

        def advance(article: Article) -> None:
            bar.update(task, advance=1, description=f"analysing {article.id}")

        if out is not None:
            summary = build_parts(
                engine, paths, out, master=master, partitions=partitions, timestamp=timestamp
            )
        else:
            summary = build(
                paths,
                location,
                progress=advance,
                timestamp=timestamp,
                jobs=jobs or default_jobs(),
                incremental=incremental,
            )
    if as_json:
        print_json(summary.as_dict())
    else:
        console.print(
            f"{summary.articles} articles, {summary.mentions} mentions, {summary.quotes} quotes, "
            f"{summary.entities} entities, {summary.triples} triples -> {summary.store}",
            highlight=False,
        )
    for error in summary.rejected:
        err_console.print(f"rejected: {error}", highlight=False, markup=False, soft_wrap=True)
    if summary.rejected:
        err_console.print(f"{len(summary.rejected)} rejected", highlight=False, markup=False)
        raise typer.Exit(EXIT_FAIL)


@app.command("validate")
def validate_command(
    file: Path | None = ValidateFileArgument,
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl (exit 1 if it fails).

    Example: quotegraph validate --store corpus/.quotegraph/store
    """
    with errors():
        ds = parse(file) if file is not None else open_store(resolve_store(store)).dataset()
        from quotegraph.rdf.validate import validate  # pySHACL is slow to import

        report = validate(ds)
    if as_json:
        print_json({"conforms": report.conforms, "problems": [vars(p) for p in report.problems]})
    else:
        console.print(report.text(), highlight=False, markup=False, soft_wrap=True)
    if not report.conforms:
        raise typer.Exit(EXIT_FAIL)


@app.command("sparql")
def sparql_command(
    query: str | None = QueryArgument,
    param: list[str] = ParamOption,
    fmt: str = ResultFormatOption,
    store: str | None = StoreOption,
    list_queries: bool = ListOption,
) -> None:
    """Run a SPARQL query over the store (default graph = union of all graphs).

    Parameters are bound as escaped string literals. Exit code 1 when nothing matches.

    Example: quotegraph sparql who-said --param text="armchair analysis"
    """
    if list_queries:
        for named in named_queries().values():
            params = " ".join(f"--param {p}=…" for p in named.params)
            console.print(f"[bold]{named.name}[/bold] {params}\n  {named.description}")
        return
    if query is None:
        fail("give a query, a .rq file or a named query (see --list)", EXIT_USAGE)
    if fmt not in RESULT_FORMATS:
        fail(f"--format must be one of {', '.join(RESULT_FORMATS)}", EXIT_USAGE)
    with errors():
        sparql = resolve_query(query, parse_params(param))
        result = open_store(resolve_store(store)).query(sparql)
    _print_result(result, fmt)
    if len(result) == 0:
        raise typer.Exit(EXIT_FAIL)


def _print_result(result: QueryResult, fmt: str) -> None:
    if result.graph is not None:
        sys.stdout.write(result.graph.serialize(format="turtle"))
    elif result.boolean is not None and fmt == "table":
        console.print("yes" if result.boolean else "no")
    elif fmt == "json":
        sys.stdout.write(result.to_json() + "\n")
    elif fmt == "csv":
        sys.stdout.write(result.to_csv())
    elif fmt == "tsv":
        sys.stdout.write(result.to_tsv())
    else:
        names = NamespaceManager(_prefixed())
        table = Table()
        for var in result.variables:
            table.add_column(var, overflow="fold")
        for row in result.rows:
            table.add_row(*("" if t is None else _show(t, names) for t in row))
        console.print(table)
        err_console.print(f"{len(result.rows)} rows", highlight=False)


def _prefixed() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    return graph


def _show(term: object, names: NamespaceManager) -> str:
    if isinstance(term, URIRef):
        try:
            return names.normalizeUri(term)
        except Exception:  # not every IRI has a prefixed form
            return str(term)
    return str(term)


@app.command("export")
def export_command(
    fmt: str = ExportFormatOption,
    output: Path | None = OutputOption,
    store: str | None = StoreOption,
) -> None:
    """Write the store as Turtle (union graph), TriG, N-Quads or JSON-LD.

    Example: quotegraph export --format jsonld -o corpus.jsonld
    """
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}", EXIT_USAGE)
    with errors():
        text = serialise(open_store(resolve_store(store)).dataset(), fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err_console.print(f"wrote {output}", highlight=False)


@app.command("load")
def load_command(
    file: Path = LoadFileArgument,
    fmt: str | None = LoadFormatOption,
    store: str | None = StoreOption,
) -> None:
    """Replace the store with the graph in FILE (as written by `quotegraph export`).

    Example: quotegraph load corpus.trig --store /tmp/store
    """
    if fmt is not None and fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}", EXIT_USAGE)
    with errors():
        target = open_store(resolve_store(store))
        count = target.replace(parse(file, fmt))
    console.print(f"{count} quads -> {target.location}", highlight=False)
