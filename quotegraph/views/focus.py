"""Cut the provenance subgraph of one quote, speaker or article out of the projected graph.

Input: the ``nx.MultiDiGraph`` of :func:`quotegraph.provenance.project` and a text naming a
node (its id, its label or name, or a fragment of a quote, title or name).  Output: a smaller
``nx.MultiDiGraph`` (an induced subgraph, attributes kept).

Expansion follows provenance, not mere adjacency: from a quote to its speaker, its mentions,
the articles that print them, their outlets, the venue it was given at and the mentions it was
quoted from or varies; from an article only towards its origins (what it republished,
translated or cites).  Hubs reached on the way (a speaker, an outlet) are shown but not
expanded, so focusing on one quote never drags in everything its speaker ever said.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("speaker:ann", type="speaker", label="Ann", name="Ann")
>>> G.add_node("quote:q1", type="quote", label="We will win", text="We will win")
>>> G.add_node("quote:q2", type="quote", label="No comment", text="No comment")
>>> _ = G.add_edge("speaker:ann", "quote:q1", type="said", label="said")
>>> _ = G.add_edge("speaker:ann", "quote:q2", type="said", label="said")
>>> sorted(focus_subgraph(G, "will win"))
['quote:q1', 'speaker:ann']
>>> sorted(focus_subgraph(G, "Ann"))
['quote:q1', 'quote:q2', 'speaker:ann']
"""

from __future__ import annotations

import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator

import networkx as nx
from rapidfuzz import fuzz

from quotegraph.errors import NotFoundError

_RELATIONS = frozenset({"translation_of", "republished_from", "rewrite_of", "cites"})
_SEEDABLE = ("quote", "speaker", "article", "outlet", "venue", "mention")
_TEXT_FIELDS = ("label", "name", "title", "text")
_QUOTE_MARKS = "\"'“”„‟‘’‚‛«»‹›「」『』"
_FUZZY_MIN = 90.0
_FUZZY_MIN_LEN = 8


def normalise(text: str) -> str:
    """Casefolded, NFKC-normalised text with collapsed spaces and no outer quote marks.

    >>> normalise("  «Hello   World» ")
    'hello world'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split()).strip(_QUOTE_MARKS + " ")


def _texts(data: dict[str, object]) -> Iterator[str]:
    for key in _TEXT_FIELDS:
        value = data.get(key)
        if isinstance(value, str) and value:
            yield value
    aliases = data.get("aliases")
    if isinstance(aliases, (list, tuple)):
        yield from (a for a in aliases if isinstance(a, str))


def _to_seed(G: nx.MultiDiGraph, node: str) -> str:
    """A mention stands for the quote it denotes (when it has one)."""
    if G.nodes[node].get("type") == "mention":
        for _, target, data in G.out_edges(node, data=True):
            if data.get("type") == "denotes":
                return str(target)
    return node


def find_nodes(G: nx.MultiDiGraph, text: str) -> list[str]:
    """Node ids that ``text`` names, best match tier first; empty when nothing matches.

    Tiers: exact node id (with or without its ``type:`` prefix); exact label, name, title,
    alias or text; a fragment of one of them; a fuzzy partial match of a quote or mention.
    """
    wanted = normalise(text)
    if not wanted:
        return []
    if text in G:
        return [_to_seed(G, text)]
    by_suffix = [n for n in G if str(n).split(":", 1)[-1] == text]
    if by_suffix:
        return _unique(_to_seed(G, n) for n in by_suffix)
    candidates = [(n, d) for n, d in G.nodes(data=True) if d.get("type") in _SEEDABLE]
    exact = [n for n, d in candidates if any(normalise(t) == wanted for t in _texts(d))]
    if exact:
        return _unique(_to_seed(G, n) for n in exact)
    fragment = [n for n, d in candidates if any(wanted in normalise(t) for t in _texts(d))]
    if fragment:
        return _unique(_to_seed(G, n) for n in fragment)
    if len(wanted) < _FUZZY_MIN_LEN:
        return []
    fuzzy = [
        n
        for n, d in candidates
        if d.get("type") in ("quote", "mention")
        and isinstance(d.get("text"), str)
        and fuzz.partial_ratio(wanted, normalise(str(d["text"]))) >= _FUZZY_MIN
    ]
    return _unique(_to_seed(G, n) for n in fuzzy)


def _unique(nodes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(nodes))


# (node type, edge type) -> expand the neighbour further?  Outgoing and incoming edges;
# the *_SEED rules apply only to the node the user named.
_OUT: dict[tuple[str, str], bool] = {
    ("quote", "given_at"): True,
    ("mention", "denotes"): True,
    ("mention", "printed_in"): True,
    ("mention", "quoted_from"): True,
    ("mention", "variant_of"): True,
    ("article", "published_by"): False,
    ("venue", "told_to"): False,
    **{("article", rel): True for rel in _RELATIONS},
}
_OUT_SEED: dict[tuple[str, str], bool] = {("speaker", "said"): True}
_IN: dict[tuple[str, str], bool] = {
    ("quote", "said"): False,
    ("quote", "denotes"): True,
    ("mention", "quoted_from"): True,
    ("mention", "variant_of"): True,
}
_IN_SEED: dict[tuple[str, str], bool] = {
    ("article", "printed_in"): True,
    ("venue", "given_at"): True,
    ("outlet", "published_by"): True,
    ("outlet", "told_to"): True,
    **{("article", rel): False for rel in _RELATIONS},
}


def _step(G: nx.MultiDiGraph, node: str, seed: bool) -> Iterator[tuple[str, bool]]:
    """Neighbours to include, each with whether to expand it further."""
    kind = str(G.nodes[node].get("type"))
    for _, target, data in G.out_edges(node, data=True):
        key = (kind, str(data.get("type")))
        if key in _OUT or (seed and key in _OUT_SEED):
            yield target, _OUT.get(key, _OUT_SEED.get(key, False))
    for source, _, data in G.in_edges(node, data=True):
        key = (kind, str(data.get("type")))
        if key in _IN or (seed and key in _IN_SEED):
            yield source, _IN.get(key, _IN_SEED.get(key, False))


def provenance_nodes(G: nx.MultiDiGraph, seeds: Iterable[str]) -> set[str]:
    """Every node on the provenance of ``seeds`` (the seeds included)."""
    seeds = [s for s in seeds if s in G]
    kept: set[str] = set(seeds)
    queue = deque((s, True) for s in seeds)
    expanded: set[str] = set()
    while queue:
        node, is_seed = queue.popleft()
        if node in expanded:
            continue
        expanded.add(node)
        for neighbour, expand in _step(G, node, is_seed):
            kept.add(neighbour)
            if expand and neighbour not in expanded:
                queue.append((neighbour, False))
    return kept


def focus_subgraph(G: nx.MultiDiGraph, text: str) -> nx.MultiDiGraph:
    """The provenance subgraph of whatever ``text`` names; NotFoundError when nothing does."""
    seeds = find_nodes(G, text)
    if not seeds:
        raise NotFoundError(f"no quote, speaker or article in the graph matches {text!r}")
    sub: nx.MultiDiGraph = G.subgraph(provenance_nodes(G, seeds)).copy()
    return sub
