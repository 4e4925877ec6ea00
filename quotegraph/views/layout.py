"""A cheap starting layout for large graphs, so the browser's physics only has to refine it.

Input: a networkx graph.  Output: ``{node: (x, y)}``.  Each connected component is laid out
in rings around its best-connected node (breadth-first layers, neighbours kept next to each
other), and components are packed row by row.  Linear in the graph size: 5,000 nodes take
a fraction of a second, where a force layout in Python would take minutes.

>>> import networkx as nx
>>> pos = initial_positions(nx.star_graph(4))
>>> len(pos), pos[0] == (pos[1][0] - 90.0, pos[1][1])
(5, True)
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx

RING = 90.0  # distance between two rings
SPACING = 40.0  # arc length per node on a ring
ROW = 2500.0  # width of a row of packed components


def _layers(H: nx.Graph, root: Hashable) -> list[list[Hashable]]:
    layers = [[root]]
    seen = {root}
    while True:
        nxt = []
        for node in layers[-1]:
            for other in H.neighbors(node):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        if not nxt:
            return layers
        layers.append(nxt)


def _rings(
    H: nx.Graph, component: set[Hashable]
) -> tuple[dict[Hashable, tuple[float, float]], float]:
    """Positions of one component around (0, 0), and its radius."""
    root = max(component, key=lambda n: (H.degree(n), str(n)))
    local = {root: (0.0, 0.0)}
    radius = 0.0
    for layer in _layers(H, root)[1:]:
        radius = max(radius + RING, len(layer) * SPACING / (2 * math.pi))
        for i, node in enumerate(layer):
            angle = 2 * math.pi * i / len(layer)
            local[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return local, radius + RING / 2


def initial_positions(G: nx.Graph) -> dict[Hashable, tuple[float, float]]:
    """A starting ``(x, y)`` for every node of ``G`` (directions of edges ignored)."""
    H = G.to_undirected(as_view=True) if G.is_directed() else G
    components = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(map(str, c))))
    pos: dict[Hashable, tuple[float, float]] = {}
    x0 = y0 = row_height = 0.0
    for component in components:
        local, radius = _rings(H, component)
        if x0 > 0 and x0 + 2 * radius > ROW:
            x0, y0, row_height = 0.0, y0 + row_height, 0.0
        for node, (x, y) in local.items():
            pos[node] = (round(x0 + radius + x, 1), round(y0 + radius + y, 1))
        x0 += 2 * radius
        row_height = max(row_height, 2 * radius)
    return pos
