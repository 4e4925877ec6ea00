"""The measures behind ``benchmarks/run.py``: each returns plain numbers, nothing is written.

Input: a work folder (synthetic corpora and stores are generated into it once) and sizes;
output: dicts of timings (seconds or milliseconds), counts and peak memory.  See ``run.py``
for what is measured and how the figures are reported.
"""

from __future__ import annotations

import contextlib
import gc
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).with_name("run.py")
TIMESTAMP = "2026-01-01"


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def pct(xs: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``xs``, nearest rank."""
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def corpus(workdir: Path, n: int) -> Path:
    """A synthetic corpus of ``n`` articles (seed 0) as JSONL, generated once."""
    from quotegraph.synth import write_corpus

    out = workdir / f"synth-{n}"
    if not (out / "articles.jsonl").is_file():
        write_corpus(out, n, seed=0, fmt="jsonl")
    return out / "articles.jsonl"


# -- extraction ------------------------------------------------------------------------


def bench_extract_synth(workdir: Path, n: int, runs: int) -> dict[str, Any]:
    from quotegraph.extract import extract_quotes
    from quotegraph.ingest import read_articles

    articles = list(read_articles([corpus(workdir, n)]))
    list(extract_quotes(articles[0]))
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        found = sum(1 for a in articles for _ in extract_quotes(a))
        times.append(time.process_time() - t0)
    return {"articles": len(articles), "mentions": found, "cpu": median(times), "runs": times}


# -- full build ------------------------------------------------------------------------


def child_build(source: str, store: str, jobs: int) -> None:
    """(Child process) build ``source`` into ``store``; print wall s and peak tree RSS."""
    from quotegraph.store.build import build

    me, peak = psutil.Process(), [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            peak[0] = max(peak[0], total)
            done.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    t0 = time.perf_counter()
    summary = build([source], store, timestamp=TIMESTAMP, jobs=jobs)
    wall = time.perf_counter() - t0
    done.set()
    thread.join()
    print(json.dumps({"wall": wall, "peak": peak[0], **summary.as_dict()}))


def bench_build(workdir: Path, n: int, runs: int, jobs: int = 2) -> dict[str, Any]:
    source = corpus(workdir, n)
    walls, peaks, last = [], [], {}
    for _ in range(runs):
        store = workdir / f"store-{n}"
        shutil.rmtree(store, ignore_errors=True)
        out = subprocess.run(
            [sys.executable, str(RUNNER), "--child-build", str(source), str(store), str(jobs)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        last = json.loads(out.strip().splitlines()[-1])
        walls.append(last["wall"])
        peaks.append(last["peak"] / 2**20)
    return {**last, "n": n, "wall": median(walls), "peak": median(peaks), "walls": walls}


def bench_linking(workdir: Path, n: int) -> dict[str, Any]:
    """Extract (2 processes), resolve and link an ``n``-article stream in this process and
    score the Quotes against its truth (B-cubed); the CPU seconds of resolve and link."""
    from quotegraph.evaluate.linking import read_truth, score_links
    from quotegraph.ingest import read_articles
    from quotegraph.link import link
    from quotegraph.parallel import extract_all
    from quotegraph.resolve import resolve

    source = corpus(workdir, n)
    pairs = sorted(extract_all(read_articles([source]), 2), key=lambda p: p[0].id)
    articles = [a for a, _ in pairs]
    mentions = [m for _, ms in pairs for m in ms]
    t0 = time.process_time()
    resolution = resolve(articles, mentions)
    t1 = time.process_time()
    linked = link(articles, mentions, resolution)
    t2 = time.process_time()
    scores = score_links(linked, read_truth(source.parent / "truth.jsonl"))
    return {"n": n, "resolve": t1 - t0, "link": t2 - t1, **scores.as_dict()}


# -- store load ------------------------------------------------------------------------


def bench_load(nquads: Path, runs: int) -> dict[str, Any]:
    import pyoxigraph as ox
    from rdflib import Dataset

    quads = sum(1 for _ in nquads.open("rb"))
    ox_t, rdf_t = [], []
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(dir=nquads.parent))
        t0 = time.perf_counter()
        store = ox.Store(str(folder / "s"))
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        store.flush()
        ox_t.append(time.perf_counter() - t0)
        del store
        gc.collect()
        shutil.rmtree(folder)
        t0 = time.perf_counter()
        ds = Dataset()
        ds.parse(str(nquads), format="nquads")
        rdf_t.append(time.perf_counter() - t0)
        del ds
        gc.collect()
    return {"quads": quads, "ox": median(ox_t), "rdflib": median(rdf_t)}


# -- who-said ----------------------------------------------------------------------------


def mention_store(workdir: Path, n: int) -> tuple[Path, list[str]]:
    """A store of ``n`` synthetic mentions (bench_link's generator, linked), with its index."""
    from bench_link import synthesise

    from quotegraph.link import link
    from quotegraph.store import EmbeddedStore
    from quotegraph.store.index import rows_of, write_index
    from quotegraph.store.nquads import pipelined, write_nquads

    articles, mentions, resolution = synthesise(n)
    texts = [m.text for m in random.Random(1).sample(mentions, min(len(mentions), 400))]
    store = workdir / f"mentions-{n}"
    if not (store / "quotegraph-index.sqlite").is_file():
        corpus_ = link(articles, mentions, resolution)
        chunks, build_id = pipelined(lambda out: write_nquads(corpus_, out, TIMESTAMP))

        def index(folder: Path) -> None:
            write_index(folder, rows_of(corpus_), build_id())

        EmbeddedStore(store).replace_nquads(chunks, build_id, index)
    return store, texts


def queries(texts: list[str], k: int) -> list[str]:
    """``k`` who-said questions: fragments of printed mentions, with case/mark variants."""
    rng = random.Random(2)
    out = []
    for text in texts[:k]:
        words = text.split()
        a = rng.randrange(max(1, len(words) - 6))
        frag = " ".join(words[a : a + 6])
        out.append(rng.choice([frag, frag.upper(), f"“{frag}”", frag.replace(" ", " – ", 1)]))
    return out


def latencies(fn: Callable[[str], object], qs: list[str]) -> list[float]:
    fn(qs[0])  # warm-up: opens files, loads lexicons
    out = []
    for q in qs:
        t0 = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def bench_who_said(workdir: Path, n: int, k_index: int, k_sparql: int) -> dict[str, Any]:
    from quotegraph.store import open_store
    from quotegraph.store.index import search
    from quotegraph.store.named import resolve_query

    store, texts = mention_store(workdir, n)
    qs = queries(texts, max(k_index, k_sparql))
    idx = latencies(lambda q: search(store, q, 10), qs[:k_index])
    found = sum(1 for q in qs[:k_index] if search(store, q, 10))
    from quotegraph.store.subgraph import who_said_store

    e2e = latencies(lambda q: who_said_store(store, q), qs[:k_sparql])
    target = open_store(store)
    scan = latencies(lambda q: target.query(resolve_query("who-said", {"text": q})), qs[:k_sparql])
    return {
        "n": n,
        "index": (pct(idx, 0.5), pct(idx, 0.95), len(idx)),
        "sparql": (pct(scan, 0.5), pct(scan, 0.95), len(scan)),
        "e2e": (pct(e2e, 0.5), pct(e2e, 0.95), len(e2e)),
        "found": found,
    }


# -- trace and HTML view -----------------------------------------------------------------


def bench_trace(store: Path, runs: int, k: int) -> dict[str, Any]:
    from quotegraph.provenance import project, trace
    from quotegraph.store import open_store

    loads = []
    for _ in range(runs):
        t0 = time.perf_counter()
        G = project(open_store(store).load_corpus())
        loads.append(time.perf_counter() - t0)
    mentions = sorted(n for n, a in G.nodes(data=True) if a["type"] == "mention")
    picks = random.Random(3).sample(mentions, min(k, len(mentions)))
    lat = latencies(lambda m: trace(G, m), picks)
    return {"load": median(loads), "p50": pct(lat, 0.5), "p95": pct(lat, 0.95), "k": len(lat)}


def bench_html(store: Path, sizes: list[int], runs: int) -> list[tuple[int, float, int]]:
    import networkx as nx

    from quotegraph.provenance import project
    from quotegraph.store import open_store
    from quotegraph.views.html import render

    G = project(open_store(store).load_corpus())
    order = list(nx.bfs_tree(G.to_undirected(as_view=True), next(iter(G))))
    rest = [n for n in G if n not in set(order)]
    out = []
    for size in sizes:
        sub = G.subgraph((order + rest)[:size]).copy()
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            html = render(sub)
            times.append(time.perf_counter() - t0)
        out.append((sub.number_of_nodes(), median(times), len(html)))
    return out
