"""Conflicts between articles: who said it, where, in which words, with which figures.

Input: the provenance graph; output: a list of conflict dicts, each with ``type`` (speaker,
venue, wording, figure), a ``summary`` line and its ``evidence``.  Figure drift compares the
numbers of aligned sentences (shared content words, through the lexicon across languages) of
related articles: articles sharing a quote or linked by a relation, transitively.

>>> _context([("a", 0), ("b", 0), ("c", 0)], 1, 1)
['a', 'c']
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from itertools import combinations, pairwise
from typing import Any

import networkx as nx

from quotegraph.link.text import data, figures, sentences, tokens
from quotegraph.link.translate import pivot_stems
from quotegraph.provenance.graph import DERIVATION_EDGES
from quotegraph.provenance.query import _bare, _mentions

CONTEXT = 5  # tokens either side of a figure
MIN_SHARED = 3  # content stems two sentences share to tell the same fact
MAX_GROUP = 60  # articles compared pairwise inside one related group


@cache
def _phrases(kind: str) -> tuple[tuple[str, ...], ...]:
    raw = data("provenance/hedges.yaml")[kind]
    return tuple(tuple(tokens(p)) for ps in raw.values() for p in ps if tokens(p))


def _context(toks: list[tuple[str, int]], i: int, n: int) -> list[str]:
    return [t for t, _ in toks[max(0, i - n) : i] + toks[i + 1 : i + 1 + n]]


def _speaker_conflicts(G: nx.MultiDiGraph, q: str) -> list[dict[str, Any]]:
    by: dict[str, list[str]] = defaultdict(list)
    for m in _mentions(G, q):
        if sp := G.nodes[m].get("speaker"):
            by[sp].append(m)
    if len(by) < 2:
        return []
    names = {sp: G.nodes[f"speaker:{sp}"]["name"] if f"speaker:{sp}" in G else sp for sp in by}
    return [
        {
            "type": "speaker",
            "quote": _bare(q),
            "summary": f"“{G.nodes[q]['label']}” attributed to "
            + " vs ".join(
                f"{names[sp]} ({', '.join(sorted({G.nodes[m]['article'] for m in ms}))})"
                for sp, ms in sorted(by.items())
            ),
            "evidence": [
                {
                    "article": G.nodes[m]["article"],
                    "speaker": sp,
                    "speaker_mention": G.nodes[m].get("speaker_mention"),
                    "sentence": G.nodes[m]["sentence"],
                }
                for sp, ms in by.items()
                for m in ms
            ],
        }
    ]


def _venue_conflicts(G: nx.MultiDiGraph, q: str) -> list[dict[str, Any]]:
    by: dict[str, list[str]] = defaultdict(list)
    for m in _mentions(G, q):
        for _, v, d in G.out_edges(m, data=True):
            if d["type"] == "quoted_from" and d.get("stated") and G.nodes[v]["type"] == "venue":
                by[v].append(m)
    if len(by) < 2:
        return []
    return [
        {
            "type": "venue",
            "quote": _bare(q),
            "summary": f"“{G.nodes[q]['label']}” given at "
            + " vs ".join(
                f"{G.nodes[v]['label']} ({', '.join(sorted({G.nodes[m]['article'] for m in ms}))})"
                for v, ms in sorted(by.items())
            ),
            "evidence": [
                {
                    "article": G.nodes[m]["article"],
                    "venue": _bare(v),
                    "sentence": G.nodes[m]["sentence"],
                }
                for v, ms in by.items()
                for m in ms
            ],
        }
    ]


def _wording_conflicts(G: nx.MultiDiGraph, q: str) -> list[dict[str, Any]]:
    canon = tokens(G.nodes[q]["text"])
    out = []
    for m in _mentions(G, q):
        if G.nodes[m].get("language") not in (None, "und", G.nodes[q].get("language")):
            continue
        toks = tokens(G.nodes[m]["text"])
        lost = []
        for kind in ("hedges", "negations"):
            for phrase in _phrases(kind):
                n = len(phrase)
                in_canon = [
                    i for i in range(len(canon) - n + 1) if tuple(canon[i : i + n]) == phrase
                ]
                in_mention = any(tuple(toks[i : i + n]) == phrase for i in range(len(toks) - n + 1))
                if not in_canon or in_mention:
                    continue
                # only words lost next to what the mention kept (not a mere shorter excerpt)
                after = canon[in_canon[0] + n : in_canon[0] + n + 3]
                before = canon[max(0, in_canon[0] - 3) : in_canon[0]]
                text = " ".join(toks)
                if (after and " ".join(after) in text) or (before and " ".join(before) in text):
                    lost.append((kind[:-1], " ".join(phrase)))
        if lost:
            out.append(
                {
                    "type": "wording",
                    "quote": _bare(q),
                    "summary": f"{G.nodes[m]['article']} drops "
                    + ", ".join(f"the {k} “{p}”" for k, p in lost)
                    + f" from “{G.nodes[q]['label']}”",
                    "evidence": [
                        {
                            "article": G.nodes[m]["article"],
                            "text": G.nodes[m]["text"],
                            "canonical": G.nodes[q]["text"],
                        }
                    ],
                }
            )
    return out


def _related_groups(G: nx.MultiDiGraph) -> list[list[str]]:
    H = nx.Graph()
    H.add_nodes_from(n for n, a in G.nodes(data=True) if a["type"] == "article")
    for q, a in G.nodes(data=True):
        if a["type"] == "quote":
            arts = sorted({f"article:{G.nodes[m]['article']}" for m in _mentions(G, q)})
            H.add_edges_from(pairwise(arts))
    for u, v, d in G.edges(data=True):
        if d["type"] in DERIVATION_EDGES and v in H:
            H.add_edge(u, v)
    return [sorted(c) for c in nx.connected_components(H) if len(c) > 1]


def _windows(body: str, language: str) -> list[tuple[str, list[tuple[int, list[str]]], set[str]]]:
    """Two-sentence windows with figures: (text, [(value, context stems)], all stems)."""
    sents = [s for _, s in sentences(body)]
    out = []
    for i in range(len(sents)):
        text = " ".join(sents[i : i + 2])
        figs = figures(text, language)
        if not figs:
            continue
        toks = tokens(text)
        values = {v for v, _ in figs}
        all_opts = [set().union(*(pivot_stems([t], language) or [set()])) for t in toks]
        flat = set().union(*all_opts) - {str(v) for v in values}
        figs_ctx = []
        for v, idx in figs:
            ctx = set()
            for o in all_opts[max(0, idx - CONTEXT) : idx] + all_opts[idx + 1 : idx + 1 + CONTEXT]:
                ctx |= o
            figs_ctx.append((v, sorted(ctx - {str(x) for x in values})))
        out.append((text, figs_ctx, flat))
    return out


def _figure_conflicts(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    bodies = G.graph.get("bodies", {})
    found: dict[tuple[int, int], dict[str, Any]] = {}
    for group in _related_groups(G):
        langs = {a: G.nodes[a].get("language") or "en" for a in group[:MAX_GROUP]}
        wins = {a: _windows(bodies.get(_bare(a), ""), langs[a]) for a in langs}
        every = {a: {v for v, _ in figures(bodies.get(_bare(a), ""), langs[a])} for a in langs}
        for a, b in combinations(sorted(wins), 2):
            for ta, fa, sa in wins[a]:
                for tb, fb, sb in wins[b]:
                    if len(sa & sb) < MIN_SHARED:
                        continue
                    va, vb = every[a], every[b]
                    for x, cx in fa:
                        for y, cy in fb:
                            if x == y or x in vb or y in va or not 0.5 <= x / max(y, 1) <= 2:
                                continue
                            if 1800 <= x <= 2100 or 1800 <= y <= 2100 or not set(cx) & set(cy):
                                continue
                            key = (min(x, y), max(x, y))
                            entry = found.setdefault(
                                key, {"values": defaultdict(set), "evidence": {}}
                            )
                            entry["values"][x].add(_bare(a))
                            entry["values"][y].add(_bare(b))
                            entry["evidence"].setdefault((_bare(a), x), ta.strip())
                            entry["evidence"].setdefault((_bare(b), y), tb.strip())
    out = []
    for _pair, entry in sorted(found.items()):
        values = {str(v): sorted(arts) for v, arts in sorted(entry["values"].items())}
        out.append(
            {
                "type": "figure",
                "summary": " vs ".join(f"{v} ({', '.join(a)})" for v, a in values.items()),
                "values": values,
                "evidence": [
                    {"article": art, "value": v, "sentence": s}
                    for (art, v), s in sorted(entry["evidence"].items())
                ],
            }
        )
    return out


def conflicts(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every conflict the graph shows: speaker, venue, wording (hedges, negations), figures."""
    out: list[dict[str, Any]] = []
    for q, attrs in sorted(G.nodes(data=True)):
        if attrs["type"] == "quote":
            out += _speaker_conflicts(G, q) + _venue_conflicts(G, q) + _wording_conflicts(G, q)
    return out + _figure_conflicts(G)


__all__ = ["conflicts"]
