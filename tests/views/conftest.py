"""Fixtures of the views tests: small provenance graphs built inline, a headless browser."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def add_mention(
    G: nx.MultiDiGraph, mid: str, article: str, quote: str, text: str, sentence: str, **extra: Any
) -> str:
    """Add a mention node printed in ``article`` denoting ``quote``; return its node id."""
    node = f"mention:{mid}"
    G.add_node(
        node,
        type="mention",
        label=text[:30],
        text=text,
        sentence=sentence,
        kind="direct",
        article=article,
        cue="said",
        confidence=0.9,
        rule="t",
        **extra,
    )
    G.add_edge(node, f"quote:{quote}", type="denotes", label="denotes")
    G.add_edge(node, f"article:{article}", type="printed_in", label="printed in")
    return node


def sample_graph() -> nx.MultiDiGraph:
    """Two speakers, three articles, an interview venue, a republication and a translation."""
    G = nx.MultiDiGraph()
    G.add_node(
        "speaker:ann-lee",
        type="speaker",
        label="Ann Lee",
        name="Ann Lee",
        entity_type="person",
        aliases=["Lee", "the minister"],
    )
    G.add_node(
        "speaker:bo-park",
        type="speaker",
        label="Bo Park",
        name="Bo Park",
        entity_type="person",
        aliases=[],
    )
    for oid, name in [("daily", "The Daily"), ("wire", "Wire Agency"), ("zeitung", "Die Zeitung")]:
        G.add_node(f"outlet:{oid}", type="outlet", label=name, name=name, aliases=[])
    articles = [
        ("a1", "daily", "Minister speaks", "en"),
        ("a2", "wire", "Minister speaks", "en"),
        ("a3", "zeitung", "Ministerin spricht", "de"),
    ]
    for aid, outlet, title, lang in articles:
        G.add_node(
            f"article:{aid}",
            type="article",
            label=title,
            title=title,
            date="2024-05-0" + aid[-1],
            language=lang,
            outlet=outlet,
            url=f"https://example.org/{aid}",
        )
        G.add_edge(f"article:{aid}", f"outlet:{outlet}", type="published_by", label="published by")
    G.add_node(
        "quote:q1",
        type="quote",
        label="We will fix the roads",
        text="We will fix the roads this year",
        language="en",
    )
    G.add_node("quote:q2", type="quote", label="No comment", text="No comment", language="en")
    G.add_edge("speaker:ann-lee", "quote:q1", type="said", label="said")
    G.add_edge("speaker:bo-park", "quote:q2", type="said", label="said")
    G.add_node(
        "venue:v1",
        type="venue",
        label="interview with The Daily",
        venue_type="outlet",
        date="2024-05-01",
    )
    G.add_edge("quote:q1", "venue:v1", type="given_at", label="given at")
    G.add_edge("venue:v1", "outlet:daily", type="told_to", label="told to")
    m1 = add_mention(
        G,
        "a1:10-40",
        "a1",
        "q1",
        "We will fix the roads this year",
        'Lee said: "We will fix the roads this year" in an interview.',
    )
    m2 = add_mention(
        G,
        "a2:5-25",
        "a2",
        "q1",
        "We will fix the roads",
        'Lee told The Daily "We will fix the roads".',
    )
    m3 = add_mention(
        G,
        "a3:7-40",
        "a3",
        "q1",
        "Wir reparieren die Straßen",
        "„Wir reparieren die Straßen“, sagte Lee.",
    )
    add_mention(G, "a2:60-70", "a2", "q2", "No comment", 'Park said "No comment".')
    G.add_edge(m2, m1, type="quoted_from", label="quoted from", cue="told", stated=True, score=1.0)
    G.add_edge(
        m1,
        "venue:v1",
        type="quoted_from",
        label="quoted from",
        cue="interview",
        stated=True,
        score=1.0,
    )
    G.add_edge(m3, m1, type="variant_of", label="variant of", relation="translation", score=0.8)
    G.add_edge(
        "article:a2",
        "article:a1",
        type="republished_from",
        label="republished from",
        stated=False,
        evidence="shared paragraphs",
        score=0.7,
    )
    G.add_edge(
        "article:a3",
        "article:a1",
        type="translation_of",
        label="translation of",
        stated=True,
        evidence="übersetzt aus",
        score=0.9,
    )
    return G


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return sample_graph()


def browser_missing() -> bool:
    """True when the tests must skip: no Chromium and not under CI (CI must have it)."""
    if CHROMIUM.exists():
        return False
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{CHROMIUM} is missing under CI; run scripts/ensure-browser.sh")
    return True


@pytest.fixture(scope="session")
def browser_context() -> Iterator[Any]:
    """A Playwright persistent Chromium context on a fresh profile (never downloads a browser)."""
    if browser_missing():
        pytest.skip(f"{CHROMIUM} not installed (scripts/ensure-browser.sh installs it)")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="qg-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 800},
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def big_graph(n_articles: int) -> nx.MultiDiGraph:
    """A synthetic graph of about ``5 * n_articles`` nodes following the projection schema."""
    G = nx.MultiDiGraph()
    n_speakers, n_outlets = max(1, n_articles // 5), max(1, n_articles // 20)
    for s in range(n_speakers):
        G.add_node(f"speaker:s{s}", type="speaker", label=f"Speaker {s}", name=f"Speaker {s}")
    for o in range(n_outlets):
        G.add_node(f"outlet:o{o}", type="outlet", label=f"Outlet {o}", name=f"Outlet {o}")
    for a in range(n_articles):
        G.add_node(f"article:a{a}", type="article", label=f"Article {a}", title=f"Article {a}")
        G.add_edge(f"article:a{a}", f"outlet:o{a % n_outlets}", type="published_by", label="p")
        if a and a % 3 == 0:
            G.add_edge(
                f"article:a{a}",
                f"article:a{a - 1}",
                type="republished_from",
                label="r",
                stated=False,
            )
    for q in range(n_articles):
        G.add_node(f"quote:q{q}", type="quote", label=f"Quote {q}", text=f"Quote number {q}")
        G.add_edge(f"speaker:s{q % n_speakers}", f"quote:q{q}", type="said", label="said")
        for k in range(2):
            add_mention(
                G,
                f"m{q}-{k}",
                f"a{(q + k * 7) % n_articles}",
                f"q{q}",
                f"Quote number {q}",
                f"He said: Quote number {q}.",
            )
    return G
