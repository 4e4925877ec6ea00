"""The HTML graph view in headless Chromium: offline, complete, and inert to hostile text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from conftest import big_graph, sample_graph

from quotegraph.views.html import write_html

pytestmark = pytest.mark.browser

SETTLED = "() => window.quotegraph !== undefined && window.quotegraph.stabilized === true"

HOSTILE = [
    "<script>window.__pwned = 'script';</script>",
    "</script><script>window.__pwned = 'close-script';</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    "javascript:window.__pwned = 'js-url'",
    '<style>body{display:none}</style><div style="background:url(javascript:alert(1))">',
    "<!-- --><iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
    "\u2028\u2029'\"`${alert(1)}`<b>bold</b>&amp;&lt;",
    "x" * 50_000,
]


def hostile_graph() -> nx.MultiDiGraph:
    """A graph whose every text field carries an injection attempt."""
    G = nx.MultiDiGraph()
    for i, text in enumerate(HOSTILE):
        G.add_node(f"speaker:s{i}", type="speaker", label=text, name=text, aliases=[text])
        G.add_node(f"quote:q{i}", type="quote", label=text, text=text, language="en")
        G.add_node(
            f"article:a{i}",
            type="article",
            label=text,
            title=text,
            outlet=text,
            url="javascript:window.__pwned='href'",
            date=text,
        )
        G.add_node(
            f"mention:m{i}",
            type="mention",
            label=text,
            text=text,
            sentence=text,
            kind=text,
            cue=text,
            article=text,
            confidence=0.5,
            rule=text,
        )
        G.add_edge(f"speaker:s{i}", f"quote:q{i}", type="said", label=text)
        G.add_edge(f"mention:m{i}", f"quote:q{i}", type="denotes", label=text)
        G.add_edge(f"mention:m{i}", f"article:a{i}", type=text, label=text, evidence=text)
    return G


def open_page(context: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """Open ``path`` from file://, recording console errors, page errors and requests."""
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []

    def on_console(message: Any) -> None:
        if message.type in ("error", "warning"):
            problems.append(message.text)

    def on_dialog(dialog: Any) -> None:
        problems.append("dialog: " + dialog.message)
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", on_dialog)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_function(SETTLED, timeout=120_000)
    return page, problems, requests


def off_machine(requests: list[str]) -> list[str]:
    return [url for url in requests if not url.startswith(("file:", "data:"))]


def test_page_loads_offline_with_every_node_drawn(
    browser_context: Any, tmp_path: Path, artifacts: Path
) -> None:
    G = sample_graph()
    path = write_html(G, tmp_path / "graph.html")
    page, problems, requests = open_page(browser_context, path)
    try:
        assert problems == []
        assert off_machine(requests) == []
        assert page.evaluate("window.quotegraph.nodes.length") == G.number_of_nodes()
        assert page.evaluate("window.quotegraph.edges.length") == G.number_of_edges()
        drawn = page.evaluate("Object.keys(window.quotegraph.network.getPositions()).length")
        assert drawn == G.number_of_nodes()
        assert page.evaluate("window.quotegraph.network.physics.options.enabled") is False
        page.screenshot(path=str(artifacts / "graph-view.png"))
    finally:
        page.close()


def test_tooltip_shows_quote_and_sentence_as_text(browser_context: Any, tmp_path: Path) -> None:
    path = write_html(sample_graph(), tmp_path / "graph.html")
    page, problems, _ = open_page(browser_context, path)
    try:
        tip = page.evaluate("window.quotegraph.nodes.get('mention:a1:10-40').title.textContent")
        assert "We will fix the roads this year" in tip
        assert "in an interview" in tip  # the sentence it came from
        marked = page.evaluate(
            "window.quotegraph.nodes.get('mention:a1:10-40').title.querySelector('mark')"
            ".textContent"
        )
        assert marked == "We will fix the roads this year"
        assert problems == []
    finally:
        page.close()


def test_focus_draws_only_the_provenance(browser_context: Any, tmp_path: Path) -> None:
    path = write_html(sample_graph(), tmp_path / "focus.html", focus="No comment")
    page, problems, _ = open_page(browser_context, path)
    try:
        ids = set(page.evaluate("window.quotegraph.nodes.getIds()"))
        assert "quote:q2" in ids and "speaker:bo-park" in ids
        assert "quote:q1" not in ids and "speaker:ann-lee" not in ids
        assert problems == []
    finally:
        page.close()


def test_hostile_corpus_stays_inert(browser_context: Any, tmp_path: Path, artifacts: Path) -> None:
    G = hostile_graph()
    path = write_html(G, tmp_path / "hostile.html", title="<script>window.__pwned='title'</script>")
    page, problems, requests = open_page(browser_context, path)
    try:
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("window.quotegraph.nodes.length") == G.number_of_nodes()
        # hover and click every node: tooltips and the details panel get built
        ids = page.evaluate("window.quotegraph.nodes.getIds()")
        for node in ids:
            page.evaluate(
                "id => { const n = window.quotegraph.network;"
                " n.selectNodes([id]); const p = n.getPositions([id])[id];"
                " n.body.emitter.emit('click', {nodes: [id], edges: [], pointer: {canvas: p}}); }",
                node,
            )
        tip_html = page.evaluate("window.quotegraph.nodes.get('quote:q0').title.innerHTML")
        assert "<script>" not in tip_html and "&lt;script&gt;" in tip_html
        page.mouse.move(400, 400)
        page.wait_for_timeout(300)
        assert page.evaluate("document.querySelectorAll('img, iframe, svg[onload]').length") == 0
        assert page.evaluate("document.querySelectorAll('#qg-details a').length") == 0
        assert page.evaluate("window.__pwned") is None
        assert problems == []
        assert off_machine(requests) == []
        page.screenshot(path=str(artifacts / "graph-view-hostile.png"))
    finally:
        page.close()


def test_safe_article_url_becomes_a_link_in_the_details(
    browser_context: Any, tmp_path: Path
) -> None:
    path = write_html(sample_graph(), tmp_path / "graph.html")
    page, _, _ = open_page(browser_context, path)
    try:
        page.evaluate(
            "() => window.quotegraph.network.body.emitter.emit('click',"
            " {nodes: ['article:a1'], edges: [], pointer: {canvas: {x: 0, y: 0}}})"
        )
        hrefs = page.evaluate("[...document.querySelectorAll('#qg-details a')].map(a => a.href)")
        assert hrefs == ["https://example.org/a1"]
    finally:
        page.close()


@pytest.mark.slow
def test_large_graph_settles_and_stops(
    browser_context: Any, tmp_path: Path, artifacts: Path
) -> None:
    G = big_graph(1000)
    assert G.number_of_nodes() > 4000
    path = write_html(G, tmp_path / "big.html")
    page, problems, requests = open_page(browser_context, path)
    try:
        assert page.evaluate("window.quotegraph.large") is True
        assert page.evaluate("window.quotegraph.nodes.length") == G.number_of_nodes()
        assert page.evaluate("window.quotegraph.network.physics.options.enabled") is False
        assert problems == [] and off_machine(requests) == []
        page.screenshot(path=str(artifacts / "graph-view-large.png"))
    finally:
        page.close()
