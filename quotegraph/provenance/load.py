"""Get a Corpus to ask questions of, and the tables the CLI lists (speakers, outlets, stats).

Input: a store location or article paths; output: a :class:`~quotegraph.model.Corpus`, or
plain rows computed from the provenance graph.

>>> from quotegraph.model import Article, Corpus
>>> from quotegraph.provenance.graph import project
>>> stats(project(Corpus(articles=(Article("a", "x"),))))["articles"]
1
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from quotegraph.errors import InputError, NotFoundError
from quotegraph.model import Corpus
from quotegraph.resolve.aliases import key


def load_corpus(
    store: str | None = None,
    paths: Sequence[str | Path] = (),
    entities_file: Path | None = None,
) -> Corpus:
    """The Corpus of article ``paths`` (extracted, resolved and linked now) or of ``store``."""
    if paths:
        from quotegraph.ingest import ReadReport, read_articles
        from quotegraph.pipeline import analyse

        report = ReadReport(read=0, rejected=[])
        articles = list(read_articles(paths, report))
        if not articles:
            reasons = "; ".join(str(e) for e in report.rejected[:3])
            raise InputError(", ".join(map(str, paths)), f"no article could be read {reasons}")
        return analyse(articles, entities_file=entities_file)
    from quotegraph.store import open_store

    return open_store(store or "corpus/.quotegraph/store").load_corpus()


def speakers_table(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per speaker: id, name, type, aliases, number of quotes and of articles."""
    rows = []
    for node, a in G.nodes(data=True):
        if a["type"] != "speaker":
            continue
        quotes = [v for _, v, d in G.out_edges(node, data=True) if d["type"] == "said"]
        arts = {
            G.nodes[m]["article"]
            for q in quotes
            for m, _, d in G.in_edges(q, data=True)
            if d["type"] == "denotes"
        }
        rows.append(
            {
                "id": node.split(":", 1)[1],
                "name": a["name"],
                "type": a["entity_type"],
                "aliases": a.get("aliases", []),
                "quotes": len(quotes),
                "articles": len(arts),
            }
        )
    return sorted(rows, key=lambda r: (-r["quotes"], r["name"]))


def outlets_table(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One row per outlet/platform: id, name, aliases, and how often it published, was told
    a quote, or was credited."""
    rows = []
    for node, a in G.nodes(data=True):
        if a["type"] != "outlet":
            continue
        roles = Counter(d["type"] for _, _, d in G.in_edges(node, data=True))
        rows.append(
            {
                "id": node.split(":", 1)[1],
                "name": a["name"],
                "aliases": a["aliases"],
                "published": roles["published_by"],
                "venues": roles["told_to"],
                "credited": sum(
                    n for t, n in roles.items() if t not in {"published_by", "told_to"}
                ),
            }
        )
    return sorted(rows, key=lambda r: r["name"])


def quotes_of(G: nx.MultiDiGraph, speaker: str) -> list[str]:
    """Quote nodes said by the speaker named ``speaker`` (any alias, or its id)."""
    k = key(speaker)
    hits = [
        n
        for n, a in G.nodes(data=True)
        if a["type"] == "speaker"
        and (n.split(":", 1)[1] == speaker or k in {key(x) for x in [a["name"], *a["aliases"]]})
    ]
    if not hits:  # a surname alone, when one speaker has it
        hits = [
            n
            for n, a in G.nodes(data=True)
            if a["type"] == "speaker" and key(a["name"]).split()[-1:] == [k]
        ]
        hits = hits if len(hits) == 1 else []
    if not hits:
        raise NotFoundError(f"no speaker named {speaker!r}")
    return sorted(v for h in hits for _, v, d in G.out_edges(h, data=True) if d["type"] == "said")


def stats(G: nx.MultiDiGraph) -> dict[str, int]:
    """Counts of nodes per type and edges per type."""
    nodes = Counter(a["type"] for _, a in G.nodes(data=True))
    edges = Counter(d["type"] for _, _, d in G.edges(data=True))
    out = {
        t: nodes.get(t, 0) for t in ("article", "mention", "quote", "speaker", "outlet", "venue")
    }
    out = {("articles" if t == "article" else t + "s"): n for t, n in out.items()}
    out.update({f"edges:{t}": n for t, n in sorted(edges.items())})
    return out
