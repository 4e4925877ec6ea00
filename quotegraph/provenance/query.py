"""Questions over the provenance graph: trace, first appearance, who said it, copied from.

Input: the ``nx.MultiDiGraph`` of :func:`quotegraph.provenance.project`; output: plain data
(lists of :class:`~quotegraph.model.Hop`, dicts).  Nodes may be given with or without their
``article:``/``mention:``/``quote:`` prefix.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("article:b", type="article", date=None)
>>> G.add_node("article:a", type="article", date=None)
>>> G.add_node("outlet:x", type="outlet", label="X")
>>> _ = G.add_edge("article:b", "article:a", type="translation_of", stated=False, score=0.9,
...                directed=True)
>>> _ = G.add_edge("article:a", "outlet:x", type="republished_from", stated=True, score=1.0,
...                directed=True)
>>> [(h.source, h.target, h.cue) for h in trace(G, "b")]
[('b', 'a', 'translation'), ('a', 'x', 'republication')]
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import networkx as nx
from rapidfuzz import fuzz

from quotegraph.errors import NotFoundError
from quotegraph.link.text import tokens
from quotegraph.link.translate import PIVOT, cross_score
from quotegraph.model import Hop
from quotegraph.provenance.graph import DERIVATION_EDGES

MIN_MATCH = 0.7
_RELATION_OF_EDGE = {
    "translation_of": "translation",
    "republished_from": "republication",
    "rewrite_of": "rewrite",
    "cites": "cites",
}


def _bare(node: str) -> str:
    return (
        node.split(":", 1)[1]
        if ":" in node
        and node.split(":", 1)[0] in {"article", "mention", "quote", "venue", "outlet", "speaker"}
        else node
    )


def node_of(G: nx.MultiDiGraph, ref: str, *types: str) -> str:
    """The node id ``ref`` names (prefixed or bare) among node ``types``; NotFoundError if none."""
    if ref in G and (not types or G.nodes[ref]["type"] in types):
        return ref
    for t in types or ("article", "mention", "quote", "venue", "outlet", "speaker"):
        if f"{t}:{ref}" in G:
            return f"{t}:{ref}"
    raise NotFoundError(f"no {'/'.join(types) or 'node'} {ref!r} in the graph")


def outlet_name(G: nx.MultiDiGraph, outlet: str | None) -> str | None:
    """The display name of outlet entity ``outlet`` when the graph has it, else ``outlet``."""
    if not outlet:
        return outlet
    attrs = G.nodes.get(f"outlet:{outlet}", {})
    return str(attrs.get("name") or attrs.get("label") or outlet)


def label_of(G: nx.MultiDiGraph, ref: str) -> str:
    """The display label of a node given with or without its prefix (``ref`` when unknown):
    a hop target "venue:x" -> "interview with The Daily Planet"."""
    try:
        node = node_of(G, ref)
    except NotFoundError:
        return ref
    attrs = G.nodes[node]
    return str(attrs.get("name") or attrs.get("title") or attrs.get("label") or ref)


def _out(G: nx.MultiDiGraph, node: str, *types: str) -> list[tuple[str, dict[str, Any]]]:
    return [(v, d) for _, v, d in G.out_edges(node, data=True) if d["type"] in types]


def _article_trace(G: nx.MultiDiGraph, node: str) -> list[Hop]:
    hops: list[Hop] = []
    seen = {node}
    while True:
        edges = [
            (v, d)
            for v, d in _out(G, node, *DERIVATION_EDGES)
            if d.get("directed", True) and v not in seen
        ]
        if not edges:
            return hops
        v, d = max(edges, key=lambda e: (G.nodes[e[0]]["type"] == "article", e[1].get("score", 0)))
        attrs = G.nodes[v]
        outlet = outlet_name(G, _bare(v) if attrs["type"] == "outlet" else attrs.get("outlet"))
        hops.append(
            Hop(
                _bare(node),
                _bare(v),
                _RELATION_OF_EDGE[d["type"]],
                outlet,
                attrs.get("date"),
                bool(d.get("stated")),
                float(d.get("score", 1.0)),
            )
        )
        if attrs["type"] != "article":
            return hops
        seen.add(v)
        node = v


def trace(G: nx.MultiDiGraph, mention_or_article: str) -> list[Hop]:
    """The hops from a mention or an article back to its origin.

    A mention follows ``quoted_from`` edges (to the mention it was copied from, then to the
    venue); an article follows its derivation edges (translation, republication, rewrite,
    citation), preferring articles over outlets.  For article hops ``cue`` is the relation.
    Each hop's ``outlet`` is the outlet's display name (its id when the graph has no name);
    ``target`` stays a node id (:func:`label_of` gives its display label).
    """
    node = node_of(G, mention_or_article, "mention", "article")
    if G.nodes[node]["type"] == "article":
        return _article_trace(G, node)
    hops: list[Hop] = []
    seen = {node}
    while True:
        edges = [(v, d) for v, d in _out(G, node, "quoted_from") if v not in seen]
        if not edges:
            return hops
        v, d = max(edges, key=lambda e: e[1].get("score", 0))
        hops.append(
            Hop(
                _bare(node),
                _bare(v),
                d.get("cue"),
                outlet_name(G, d.get("outlet")),
                d.get("date"),
                bool(d.get("stated")),
                float(d.get("score", 0)),
            )
        )
        seen.add(v)
        node = v


def _mentions(G: nx.MultiDiGraph, quote: str) -> list[str]:
    return sorted(u for u, _, d in G.in_edges(quote, data=True) if d["type"] == "denotes")


def _derived(G: nx.MultiDiGraph, article: str, among: set[str]) -> bool:
    return any(
        v in among and d.get("directed", True) for v, d in _out(G, article, *DERIVATION_EDGES)
    )


def first_appearance(G: nx.MultiDiGraph, quote: str) -> dict[str, Any] | None:
    """The earliest article printing ``quote``: not derived from another printing it, then by
    date (undated last), then the one naming the venue; ``None`` when it has no mention.

    ``dated`` says whether the chosen printing has a date; when it has one and other printings
    (not derived from a printing) are undated, ``undated_earlier_possible`` is true and
    ``undated`` lists them: the choice is then only the earliest *dated* printing."""
    qnode = node_of(G, quote, "quote")
    ments = _mentions(G, qnode)
    if not ments:
        return None
    arts = {f"article:{G.nodes[m]['article']}" for m in ments}

    def rank(m: str) -> tuple[bool, str, bool, str]:
        art = f"article:{G.nodes[m]['article']}"
        stated = any(d.get("stated") for _, d in _out(G, m, "quoted_from"))
        return (_derived(G, art, arts), G.nodes[art].get("date") or "9999", not stated, m)

    best = min(ments, key=rank)
    art = f"article:{G.nodes[best]['article']}"
    date = G.nodes[art].get("date")
    undated = sorted(
        _bare(a)
        for a in arts
        if a != art and not G.nodes[a].get("date") and not _derived(G, a, arts)
    )
    return {
        "article": _bare(art),
        "mention": _bare(best),
        "date": date,
        "title": G.nodes[art].get("title"),
        "dated": bool(date),
        "undated_earlier_possible": bool(date and undated),
        "undated": undated if date else [],
    }


@cache
def _lexicon_languages() -> tuple[str, ...]:
    folder = resources.files("quotegraph").joinpath("data", "provenance", "lexicon")
    return tuple(sorted(p.name.split("-")[0] for p in folder.iterdir() if p.name.endswith(".yaml")))


def _score(query: list[str], text: str, language: str) -> float:
    toks = tokens(text)
    if not query or not toks:
        return 0.0
    q, t = " ".join(query), " ".join(toks)
    if f" {q} " in f" {t} ":
        return 1.0
    best = fuzz.partial_ratio(q, t) / 100 if len(q) <= len(t) else fuzz.ratio(q, t) / 100
    if len(query) >= 3:
        if language == PIVOT:
            for lang in _lexicon_languages():
                best = max(best, cross_score(query, lang, toks, PIVOT))
        else:
            best = max(
                best,
                cross_score(query, PIVOT, toks, language),
                cross_score(toks, language, query, PIVOT) * 0.9,
            )
    return best


def _origin(G: nx.MultiDiGraph, qnode: str) -> dict[str, Any] | None:
    for v, _ in _out(G, qnode, "given_at"):
        attrs = G.nodes[v]
        outlet = attrs.get("outlet")
        return {
            "venue": _bare(v),
            "label": attrs.get("label"),
            "type": attrs.get("venue_type"),
            "outlet": outlet,
            "outlet_name": outlet_name(G, outlet) if f"outlet:{outlet}" in G else None,
            "date": attrs.get("date"),
        }
    return None


def describe(G: nx.MultiDiGraph, qnode: str, score: float = 1.0) -> dict[str, Any]:
    """Everything known about one quote node as plain data (the shape of a who-said match)."""
    attrs = G.nodes[qnode]
    sp = attrs.get("speaker")
    ments = _mentions(G, qnode)
    articles = []
    for m in ments:
        ma = G.nodes[m]
        hop = max(_out(G, m, "quoted_from"), key=lambda e: e[1].get("score", 0), default=None)
        variant = {d["relation"] for _, d in _out(G, m, "variant_of")}
        art = G.nodes.get(f"article:{ma['article']}", {})
        articles.append(
            {
                "article": ma["article"],
                "title": art.get("title"),
                "date": art.get("date"),
                "outlet": art.get("outlet"),
                "outlet_name": outlet_name(G, art.get("outlet")),
                "mention": _bare(m),
                "text": ma["text"],
                "kind": ma["kind"],
                "language": ma.get("language"),
                "speaker": ma.get("speaker"),
                "translated": "translation" in variant
                or ma["kind"] == "translated"
                or (ma.get("language") not in (None, "und", attrs.get("language"))),
                "hop": None
                if hop is None
                else {
                    "target": _bare(hop[0]),
                    "label": G.nodes[hop[0]].get("article") or G.nodes[hop[0]].get("label"),
                    "stated": hop[1]["stated"],
                    "cue": hop[1].get("cue"),
                    "score": hop[1]["score"],
                },
            }
        )
    variants = [
        {
            "source": _bare(u),
            "target": _bare(v),
            "relation": d["relation"],
            "score": round(d["score"], 3),
        }
        for m in ments
        for u, v, d in G.out_edges(m, data=True)
        if d["type"] == "variant_of"
    ]
    return {
        "quote": _bare(qnode),
        "text": attrs["text"],
        "language": attrs.get("language"),
        "score": round(score, 3),
        "speaker": None
        if not sp
        else {"id": sp, "name": G.nodes[f"speaker:{sp}"]["name"] if f"speaker:{sp}" in G else sp},
        "origin": _origin(G, qnode),
        "first_article": first_appearance(G, qnode),
        "articles": articles,
        "variants": variants,
    }


def who_said(G: nx.MultiDiGraph, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Quotes matching ``text`` (a fragment, a variant, or a rendering in another language),
    best first, each described by :func:`describe`."""
    query = tokens(text)
    found = []
    for node, attrs in G.nodes(data=True):
        if attrs["type"] != "quote":
            continue
        texts = [(attrs["text"], attrs.get("language", PIVOT))]
        texts += [
            (G.nodes[m]["text"], G.nodes[m].get("language") or PIVOT) for m in _mentions(G, node)
        ]
        score = max(_score(query, t, lang) for t, lang in texts)
        if score >= MIN_MATCH:
            found.append((score, len(texts), node))
    found.sort(key=lambda f: (-f[0], -f[1], f[2]))
    return [describe(G, node, score) for score, _, node in found[:limit]]


def copied_from(G: nx.MultiDiGraph, article: str) -> list[dict[str, Any]]:
    """What ``article`` derives from (and undirected reuse it shares), with the evidence."""
    node = node_of(G, article, "article")
    out = []
    for _, v, d in G.out_edges(node, data=True):
        if d["type"] in DERIVATION_EDGES:
            out.append(
                {
                    "target": _bare(v),
                    "relation": _RELATION_OF_EDGE[d["type"]],
                    "stated": d.get("stated"),
                    "directed": d.get("directed", True),
                    "evidence": d.get("evidence"),
                    "score": d.get("score"),
                }
            )
    for u, _, d in G.in_edges(node, data=True):
        if d["type"] in DERIVATION_EDGES and not d.get("directed", True):
            out.append(
                {
                    "target": _bare(u),
                    "relation": _RELATION_OF_EDGE[d["type"]],
                    "stated": d.get("stated"),
                    "directed": False,
                    "evidence": d.get("evidence"),
                    "score": d.get("score"),
                }
            )
    return out


def trace_any(G: nx.MultiDiGraph, ref: str) -> list[tuple[str, list[Hop]]]:
    """``(start, hops)`` for an article or mention id, else for every mention of the best quote
    matching ``ref`` as text (:func:`who_said`); NotFoundError when nothing matches."""
    try:
        node_of(G, ref, "article", "mention")
    except NotFoundError:
        matches = who_said(G, ref, limit=1)
        if not matches:
            raise NotFoundError(f"no article, mention or quote matches {ref!r}") from None
        return [(a["mention"], trace(G, a["mention"])) for a in matches[0]["articles"]]
    return [(ref, trace(G, ref))]
