"""The interactive HTML graph view: one self-contained page per provenance graph.

Input: the ``nx.MultiDiGraph`` of :func:`quotegraph.provenance.project` (optionally cut to the
provenance of one quote, speaker or article with ``focus``).  Output: an HTML page as a string
(:func:`render`) or a file (:func:`write_html`).  The nodes and edges are assembled with pyvis;
the page itself is quotegraph's own, with vis-network and every other asset inlined, so it
works offline and from ``file://``.  Corpus text travels as JSON in a non-executed script
block and reaches the page only through ``textContent``; a Content-Security-Policy allows
only the page's own two scripts (by hash), so even injected markup could not run.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("quote:q", type="quote", label="<b>hi</b>", text="<script>x()</script>")
>>> page = render(G)
>>> "<script>x()" in page, "src=\\"http" in page
(False, False)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from pyvis.network import Network

from quotegraph.views import style
from quotegraph.views.focus import focus_subgraph
from quotegraph.views.layout import initial_positions

LARGE = 1000  # above this many nodes the page uses the fast layout settings
LABEL_MAX = 40  # characters of a node label
FIELD_MAX = 1200  # characters of one tooltip field
_FIELDS: dict[str, tuple[str, ...]] = {
    "article": ("title", "outlet", "date", "language", "id"),
    "quote": ("text", "language", "id"),
    "mention": ("text", "sentence", "kind", "cue", "speaker_mention", "article", "confidence"),
    "speaker": ("name", "entity_type", "aliases", "id"),
    "outlet": ("name", "aliases", "id"),
    "venue": ("label", "venue_type", "date", "id"),
}
_EDGE_FIELDS = ("stated", "evidence", "cue", "relation", "score")


def truncate(text: object, limit: int = LABEL_MAX) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    >>> truncate("a  very\\nlong label", 10)
    'a very lo…'
    >>> truncate(None)
    ''
    """
    if text is None:
        return ""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None (never a ``javascript:`` link).

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    >>> safe_url(" JavaScript:alert(1)"), safe_url("//evil.example/x")
    (None, None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(c) < 0x20 or c.isspace() for c in url):
        return None
    return url


def _value(value: object) -> str:
    if isinstance(value, (list, tuple, set, frozenset)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    elif isinstance(value, float):
        value = f"{value:.2f}"
    return truncate(value, FIELD_MAX) if value is not None else ""


def _fields(data: dict[str, Any], keys: tuple[str, ...], node_id: str) -> list[list[str]]:
    rows = []
    for key in keys:
        value = node_id.split(":", 1)[-1] if key == "id" else data.get(key)
        if value is None or value == "" or value == [] or value == ():
            continue
        if key == "sentence":
            rows.append([key, " ".join(str(value).split())[: FIELD_MAX * 2]])
        else:
            rows.append([key.replace("_", " "), _value(value)])
    return rows


def _network(G: nx.MultiDiGraph, large: bool) -> Network:
    """The graph as a pyvis Network (node and edge dicts, drawing options included)."""
    net = Network(directed=True)
    net.node_ids = _IdList()  # pyvis checks membership on every add; keep that O(1)
    start = initial_positions(G) if large else {}
    for node, data in G.nodes(data=True):
        kind = str(data.get("type", "other"))
        look = style.node_style(kind)
        label = data.get("label") or data.get("name") or data.get("title") or str(node)
        if kind == "article" and data.get("title"):
            label = data["title"]  # a headline says more than an article id
        info: dict[str, Any] = {
            "kind": look.name,
            "fields": _fields(data, _FIELDS.get(kind, ("id",)), str(node)),
        }
        url = safe_url(data.get("url"))
        if url:
            info["url"] = url
        net.add_node(
            str(node),
            label=truncate(label, LABEL_MAX),
            shape=look.shape,
            color={
                "background": look.color,
                "border": look.border,
                "highlight": {"background": look.color, "border": "#000000"},
                "hover": {"background": look.color, "border": "#000000"},
            },
            size=look.size,
            font={"color": look.font_color},
            qg=info,
            **({"x": start[node][0], "y": start[node][1]} if node in start else {}),
        )
    for source, target, data in G.edges(data=True):
        etype = data.get("type", "")
        words = style.edge_words(etype)
        options: dict[str, Any] = {
            "color": {"color": style.EDGE_COLORS.get(str(etype), style.DEFAULT_EDGE_COLOR)},
            "dashes": data.get("stated") is False,
            "qg": {"kind": words, "fields": _fields(data, _EDGE_FIELDS, "")},
        }
        if not large:
            options["label"] = truncate(words, LABEL_MAX)
        net.add_edge(str(source), str(target), **options)
    net.options = _options(large)
    return net


class _IdList(list[str]):
    """A list with set-speed membership tests (pyvis keeps node ids in a list)."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[str] = set()

    def append(self, item: str) -> None:
        self._members.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


def _options(large: bool) -> dict[str, Any]:
    """vis-network options: a layout that settles, then stops (the page turns physics off)."""
    physics: dict[str, Any] = {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -70,
            "centralGravity": 0.01,
            "springLength": 110,
            "springConstant": 0.08,
            "avoidOverlap": 0.3,
        },
        "maxVelocity": 50,
        "minVelocity": 0.75,
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True},
    }
    edges: dict[str, Any] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3},
        "smooth": {"enabled": True, "type": "continuous", "roundness": 0.3},
        "width": 1.2,
    }
    options: dict[str, Any] = {
        "autoResize": True,
        "layout": {"improvedLayout": True, "randomSeed": 7},
        "nodes": {"borderWidth": 1.5, "font": {"size": 14, "face": "system-ui, sans-serif"}},
        "edges": edges,
        "physics": physics,
        "interaction": {"hover": True, "tooltipDelay": 120, "keyboard": False},
    }
    if large:
        physics["solver"] = "barnesHut"
        physics["barnesHut"] = {
            "gravitationalConstant": -6000,
            "centralGravity": 0.3,
            "springLength": 120,
            "springConstant": 0.04,
            "damping": 0.3,
        }
        physics["stabilization"] = {
            "enabled": True,
            "iterations": 80,
            "updateInterval": 10,
            "fit": True,
        }
        physics["minVelocity"] = 2.0
        edges["smooth"] = False
        options["layout"]["improvedLayout"] = False
        options["interaction"].update(hideEdgesOnDrag=True, hideEdgesOnZoom=True)
    return options


@cache
def _asset(name: str) -> str:
    return (resources.files("quotegraph.views") / "static" / name).read_text(encoding="utf-8")


def _json_for_script(payload: object) -> str:
    """JSON that cannot end its ``<script>`` block or open a comment (all ASCII).

    >>> _json_for_script({"t": "</script><!--&"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    text = json.dumps(payload, ensure_ascii=True, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _legend() -> tuple[str, str]:
    shapes = {
        "box": '<rect x="2" y="4" width="20" height="12" rx="2"/>',
        "hexagon": '<polygon points="7,2 17,2 22,10 17,18 7,18 2,10"/>',
        "ellipse": '<ellipse cx="12" cy="10" rx="10" ry="6"/>',
        "dot": '<circle cx="12" cy="10" r="5"/>',
        "triangle": '<polygon points="12,2 21,18 3,18"/>',
        "square": '<rect x="6" y="4" width="12" height="12"/>',
    }
    nodes = []
    for _kind, look in style.legend_rows():
        icon = shapes.get(look.shape, shapes["square"])
        nodes.append(
            f'        <li><svg width="24" height="20" aria-hidden="true" fill="{look.color}" '
            f'stroke="{look.border}" stroke-width="1.5">{icon}</svg> {html.escape(look.name)}</li>'
        )
    edges = [
        f'        <li><svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="33" '
        f'y2="5" stroke="{color}" stroke-width="2"/></svg> {html.escape(words)}</li>'
        for _etype, words, color in style.edge_legend_rows()
    ]
    return "\n".join(nodes), "\n".join(edges)


def render(G: nx.MultiDiGraph, focus: str | None = None, title: str = "quotegraph") -> str:
    """The page drawing ``G`` (or the provenance subgraph of ``focus``) as an HTML string.

    Raises NotFoundError when ``focus`` names nothing in ``G``.
    """
    if focus:
        G = focus_subgraph(G, focus)
    large = G.number_of_nodes() > LARGE
    nodes, edges, _heading, _height, _width, options = _network(G, large).get_network_data()
    payload = {"nodes": nodes, "edges": edges, "options": json.loads(options), "large": large}
    vis_js, app_js = _asset("vis-network.min.js"), _asset("graph.js")
    legend_nodes, legend_edges = _legend()
    heading = f"{title} — focus: {truncate(focus, 80)}" if focus else title
    summary = f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges"
    if large:
        summary += " (large graph: fast layout, edge labels in tooltips)"
    page = Template(_asset("graph.html")).substitute(
        title=html.escape(heading),
        heading=html.escape(heading),
        summary=html.escape(summary),
        script_hashes=" ".join((_csp_hash("\n" + vis_js + "\n"), _csp_hash("\n" + app_js + "\n"))),
        vis_css=_asset("vis-network.min.css"),
        app_css=_asset("graph.css"),
        legend_nodes=legend_nodes,
        legend_edges=legend_edges,
        data=_json_for_script(payload),
        vis_js=vis_js,
        app_js=app_js,
    )
    return page


def write_html(
    G: nx.MultiDiGraph, path: str | Path, focus: str | None = None, title: str = "quotegraph"
) -> Path:
    """Write :func:`render` of ``G`` to ``path`` (parents created); return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(G, focus=focus, title=title), encoding="utf-8")
    return target
