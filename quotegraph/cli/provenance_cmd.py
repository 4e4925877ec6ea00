"""Provenance commands: who-said, trace, conflicts, quotes, speakers, outlets, stats.

Each command loads a Corpus (from the store, or from ``--corpus`` article files analysed on
the spot), projects it with :func:`quotegraph.provenance.project`, calls one provenance
function and prints the result (rich text, or JSON with ``--json``).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import typer
from rich.markup import escape

from quotegraph import provenance
from quotegraph.cli.app import (
    JsonOption,
    StoreOption,
    app,
    console,
    errors,
    print_json,
    resolve_store,
)
from quotegraph.errors import NotFoundError
from quotegraph.store.subgraph import candidate_graph
from quotegraph.views.terminal import conflict_view, trace_view, who_said_view

CorpusOption = typer.Option(
    None, "--corpus", help="Analyse these article files or folders now instead of the store."
)
EntitiesOption = typer.Option(
    None, "--entities", help="An extra alias file (YAML, format of quotegraph/data/entities.yaml)."
)


def _graph(store: str | None, corpus: list[Path] | None, entities: Path | None) -> nx.MultiDiGraph:
    return provenance.project(provenance.load_corpus(store, corpus or (), entities))


@app.command("who-said")
def who_said_cmd(
    text: str = typer.Argument(
        ..., help="Words of the quote: a fragment, a variant, a translation."
    ),
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
    entities: Path | None = EntitiesOption,
    limit: int = typer.Option(3, "--limit", "-n", min=1, help="Show at most N matching quotes."),
    as_json: bool = JsonOption,
) -> None:
    """Who said TEXT, where first, and every article repeating it.

    From a store, only the quotes its text index (or, for a SPARQL server, a CONTAINS
    query) offers as candidates are loaded and ranked: no whole-corpus load.

    Example: quotegraph who-said "armchair analysis by kids" --corpus corpus/articles
    """
    with errors():
        if corpus:
            graph = _graph(store, corpus, entities)
        else:
            graph = candidate_graph(resolve_store(store), text, limit)
        matches = provenance.who_said(graph, text, limit=limit)
        if not matches:
            raise NotFoundError(f"no quote matches {text!r}")
    if as_json:
        print_json(matches)
        return
    found = provenance.conflicts(graph)
    for m in matches:
        console.print(who_said_view(m, found))


@app.command("trace")
def trace_cmd(
    ref: str = typer.Argument(..., help="An article id, a mention id, or words of a quote."),
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
    entities: Path | None = EntitiesOption,
    as_json: bool = JsonOption,
) -> None:
    """Trace an article or a quote back to its origin, hop by hop.

    Example: quotegraph trace 000_39306b42e49d5551 --corpus corpus/articles
    """
    with errors():
        G = _graph(store, corpus, entities)
        traces = provenance.trace_any(G, ref)
    if as_json:
        print_json([{"start": start, "hops": [h.__dict__ for h in hops]} for start, hops in traces])
        return
    for start, hops in traces:
        labels = {h.target: provenance.query.label_of(G, h.target) for h in hops}
        console.print(trace_view(start, hops, labels))


@app.command("conflicts")
def conflicts_cmd(
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
    entities: Path | None = EntitiesOption,
    as_json: bool = JsonOption,
) -> None:
    """List conflicts: speakers, venues, altered wording, drifting figures, with evidence.

    Example: quotegraph conflicts --corpus corpus/articles
    """
    with errors():
        found = provenance.conflicts(_graph(store, corpus, entities))
        if not found:
            raise NotFoundError("no conflicts")
    if as_json:
        print_json(found)
        return
    for c in found:
        console.print(conflict_view(c))


@app.command("quotes")
def quotes_cmd(
    speaker: str = typer.Option(..., "--speaker", help="A speaker name (any alias) or id."),
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
    entities: Path | None = EntitiesOption,
    as_json: bool = JsonOption,
) -> None:
    """List the quotes of one speaker, with their origin and articles.

    Example: quotegraph quotes --speaker "Matthew Prince" --corpus corpus/articles
    """
    with errors():
        G = _graph(store, corpus, entities)
        found = [provenance.describe(G, q) for q in provenance.quotes_of(G, speaker)]
        if not found:
            raise NotFoundError(f"no quotes of {speaker!r}")
    if as_json:
        print_json(found)
        return
    for q in found:
        origin = q["origin"]["label"] if q["origin"] else "venue unknown"
        arts = ", ".join(sorted({a["article"] for a in q["articles"]}))
        console.print(
            f"“{escape(q['text'][:120])}” [dim]({escape(origin)}; {arts})[/dim]", highlight=False
        )


@app.command("speakers")
def speakers_cmd(
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
    entities: Path | None = EntitiesOption,
    as_json: bool = JsonOption,
) -> None:
    """List speakers with their aliases and how many quotes and articles they have.

    Example: quotegraph speakers --corpus corpus/articles
    """
    with errors():
        rows = provenance.speakers_table(_graph(store, corpus, entities))
        if not rows:
            raise NotFoundError("no speakers")
    if as_json:
        print_json(rows)
        return
    for r in rows:
        aliases = ", ".join(a for a in r["aliases"] if a != r["name"])
        console.print(
            f"{escape(r['name'])} [dim]({r['type']}; {r['quotes']} quotes in {r['articles']} "
            f"articles{'; aka ' + aliases if aliases else ''})[/dim]",
            highlight=False,
        )


@app.command("outlets")
def outlets_cmd(
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
    entities: Path | None = EntitiesOption,
    as_json: bool = JsonOption,
) -> None:
    """List outlets and platforms: articles published, interviews given to, credits.

    Example: quotegraph outlets --corpus corpus/articles
    """
    with errors():
        rows = provenance.outlets_table(_graph(store, corpus, entities))
        if not rows:
            raise NotFoundError("no outlets")
    if as_json:
        print_json(rows)
        return
    for r in rows:
        console.print(
            f"{escape(r['name'])} [dim](published {r['published']}, venue of {r['venues']}, "
            f"credited {r['credited']})[/dim]",
            highlight=False,
        )


@app.command("stats")
def stats_cmd(
    store: str | None = StoreOption,
    corpus: list[Path] | None = CorpusOption,
    entities: Path | None = EntitiesOption,
    as_json: bool = JsonOption,
) -> None:
    """Count articles, mentions, quotes, speakers, outlets, venues and edges.

    Example: quotegraph stats --corpus corpus/articles
    """
    with errors():
        counts = provenance.stats(_graph(store, corpus, entities))
    if as_json:
        print_json(counts)
        return
    for name, n in counts.items():
        console.print(f"{name:>24}  {n}", highlight=False)
