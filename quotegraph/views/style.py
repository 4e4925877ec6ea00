"""How each node and edge type of the provenance graph is drawn (colour, shape, words).

Input: a node or edge ``type`` from the :func:`quotegraph.provenance.project` schema.
Output: plain dicts of vis-network drawing options, and the legend rows of the page.
Colours are the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies;
every type also has its own shape, so colour is never the only cue.

>>> NODE_STYLES["quote"].shape
'box'
>>> edge_words("republished_from")
'republished from'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NodeStyle:
    """Drawing of one node type: vis-network ``shape``, fill and border colours, size."""

    name: str  # shown in the legend
    shape: str
    color: str
    border: str
    size: int = 16
    font_color: str = "#1a1a1a"


NODE_STYLES: dict[str, NodeStyle] = {
    "article": NodeStyle("article", "box", "#56B4E9", "#1f6f99"),
    "outlet": NodeStyle("outlet", "hexagon", "#E69F00", "#8a5f00", size=15),
    "speaker": NodeStyle("speaker", "ellipse", "#CC79A7", "#7d3a63"),
    "quote": NodeStyle("quote", "box", "#F0E442", "#8a8200"),
    "mention": NodeStyle("mention", "dot", "#BBBBBB", "#555555", size=9),
    "venue": NodeStyle("venue event", "triangle", "#009E73", "#005c43", size=14),
}
UNKNOWN_STYLE = NodeStyle("other", "square", "#FFFFFF", "#555555", size=10)

_EDGE_WORDS = {
    "said": "said",
    "denotes": "is a mention of",
    "printed_in": "printed in",
    "published_by": "published by",
    "given_at": "given at",
    "told_to": "told to",
    "quoted_from": "quoted from",
    "translation_of": "translation of",
    "republished_from": "republished from",
    "rewrite_of": "rewrite of",
    "cites": "cites",
    "variant_of": "variant of",
}

EDGE_COLORS = {
    "said": "#7d3a63",
    "denotes": "#999999",
    "printed_in": "#999999",
    "published_by": "#8a5f00",
    "given_at": "#005c43",
    "told_to": "#005c43",
    "quoted_from": "#D55E00",
    "translation_of": "#0072B2",
    "republished_from": "#0072B2",
    "rewrite_of": "#0072B2",
    "cites": "#0072B2",
    "variant_of": "#D55E00",
}
DEFAULT_EDGE_COLOR = "#777777"


def node_style(node_type: object) -> NodeStyle:
    """The style of a node type (a neutral one for unknown types).

    >>> node_style("speaker").color
    '#CC79A7'
    >>> node_style("nonsense").name
    'other'
    """
    return NODE_STYLES.get(str(node_type), UNKNOWN_STYLE)


def edge_words(edge_type: object) -> str:
    """Readable words for an edge type (underscores become spaces for unknown ones).

    >>> edge_words("told_to")
    'told to'
    >>> edge_words("some_new_type")
    'some new type'
    """
    text = str(edge_type)
    return _EDGE_WORDS.get(text, text.replace("_", " "))


def legend_rows() -> list[tuple[str, NodeStyle]]:
    """(type, style) rows of the legend, in a fixed order.

    >>> [t for t, _ in legend_rows()][:3]
    ['article', 'outlet', 'speaker']
    """
    return list(NODE_STYLES.items())


def edge_legend_rows() -> list[tuple[str, str, str]]:
    """(type, words, colour) rows of the edge legend.

    >>> edge_legend_rows()[0]
    ('said', 'said', '#7d3a63')
    """
    return [(t, w, EDGE_COLORS.get(t, DEFAULT_EDGE_COLOR)) for t, w in _EDGE_WORDS.items()]
