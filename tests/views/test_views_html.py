"""The HTML page as text (no browser): self-contained, escaped, focused, fast settings."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from conftest import big_graph, sample_graph

from quotegraph.errors import NotFoundError
from quotegraph.views.focus import find_nodes, focus_subgraph
from quotegraph.views.html import LABEL_MAX, render, safe_url, truncate


def payload(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="qg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_every_asset_is_inline() -> None:
    page = render(sample_graph())
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    assert "@import" not in page
    assert "vis-network" in page and "stabilizationIterationsDone" in page


def test_payload_has_every_node_and_edge_with_style() -> None:
    G = sample_graph()
    data = payload(render(G))
    assert len(data["nodes"]) == G.number_of_nodes()
    assert len(data["edges"]) == G.number_of_edges()
    shapes = {n["id"].split(":")[0]: n["shape"] for n in data["nodes"]}
    assert len(set(shapes.values())) >= 5  # types look different
    labels = {e["label"] for e in data["edges"]}
    assert {
        "said",
        "printed in",
        "told to",
        "quoted from",
        "translation of",
        "republished from",
    } <= labels


@pytest.mark.parametrize(
    "evil",
    [
        "</script><script>alert(1)</script>",
        "<!--<script>",
        "<img src=x onerror=alert(1)>",
        "\u2028\u2029",
        "]]></style><style>*{display:none}</style>",
    ],
)
def test_corpus_text_cannot_leave_the_json_block(evil: str) -> None:
    G = nx.MultiDiGraph()
    G.add_node("quote:q", type="quote", label=evil, text=evil)
    page = render(G)
    assert evil not in page
    data_block = page.split('id="qg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block
    assert payload(page)["nodes"][0]["qg"]["fields"][0] == ["text", " ".join(evil.split())]


def test_focus_and_title_are_escaped_in_the_heading() -> None:
    G = sample_graph()
    page = render(G, focus="Ann Lee", title="<b>x</b>")
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_unsafe_urls_never_reach_the_page() -> None:
    G = nx.MultiDiGraph()
    G.add_node("article:a", type="article", label="a", url="javascript:alert(1)")
    G.add_node("article:b", type="article", label="b", url="https://example.org/b")
    nodes = {n["id"]: n for n in payload(render(G))["nodes"]}
    assert "url" not in nodes["article:a"]["qg"]
    assert nodes["article:b"]["qg"]["url"] == "https://example.org/b"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/x", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("//example.org", False),
        ("/relative", False),
        ("https://exa mple.org", False),
        (None, False),
    ],
)
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_huge_labels_are_truncated() -> None:
    G = nx.MultiDiGraph()
    G.add_node("quote:q", type="quote", label="word " * 10_000, text="word " * 10_000)
    node = payload(render(G))["nodes"][0]
    assert len(node["label"]) <= LABEL_MAX
    assert node["label"].endswith("…")
    assert len(node["qg"]["fields"][0][1]) < 2000
    assert truncate("short") == "short"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("quote:q1", {"quote:q1", "speaker:ann-lee", "venue:v1", "article:a3"}, {"quote:q2"}),
        ("fix the roads", {"quote:q1", "mention:a2:5-25"}, {"quote:q2", "speaker:bo-park"}),
        ("Wir reparieren", {"quote:q1", "article:a1"}, {"quote:q2"}),  # another language
        ("Bo Park", {"speaker:bo-park", "quote:q2", "article:a2", "outlet:wire"}, {"quote:q1"}),
        ("Ministerin spricht", {"article:a3", "article:a1", "quote:q1"}, {"quote:q2"}),
        ("the minister", {"speaker:ann-lee", "quote:q1"}, {"speaker:bo-park"}),  # an alias
        ("We will fix the raods this year", {"quote:q1"}, {"quote:q2"}),  # a typo: fuzzy
    ],
)
def test_focus_keeps_only_the_provenance(text: str, present: set[str], absent: set[str]) -> None:
    sub = focus_subgraph(sample_graph(), text)
    assert present <= set(sub)
    assert not absent & set(sub)


@pytest.mark.parametrize("text", ["", "   ", "nothing like this at all", "zz"])
def test_focus_on_nothing(text: str) -> None:
    assert find_nodes(sample_graph(), text) == []
    with pytest.raises(NotFoundError):
        render(sample_graph(), focus=text or "zz")


def test_focus_on_a_quote_does_not_pull_in_the_speakers_other_quotes() -> None:
    G = sample_graph()
    G.add_node("quote:q3", type="quote", label="Other", text="Something else entirely")
    G.add_edge("speaker:ann-lee", "quote:q3", type="said", label="said")
    assert "quote:q3" not in focus_subgraph(G, "fix the roads")
    assert "quote:q3" in focus_subgraph(G, "Ann Lee")


def test_large_graphs_get_the_fast_settings() -> None:
    small = payload(render(sample_graph()))
    large = payload(render(big_graph(300)))
    assert small["large"] is False and large["large"] is True
    assert large["options"]["layout"]["improvedLayout"] is False
    assert large["options"]["edges"]["smooth"] is False
    assert large["options"]["physics"]["solver"] == "barnesHut"
    assert (
        large["options"]["physics"]["stabilization"]["iterations"]
        < (small["options"]["physics"]["stabilization"]["iterations"])
    )
    assert all("label" not in e for e in large["edges"])  # edge labels move to tooltips
    assert all("x" in n and "y" in n for n in large["nodes"])  # a start layout from Python
    assert not any("x" in n for n in small["nodes"])
