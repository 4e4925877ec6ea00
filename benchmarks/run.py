"""All benchmarks in one run (``make bench``): medians of several runs, side by side.

Output: ``benchmarks/RESULTS.md`` (or ``--out``) with the machine (CPU model, cores, RAM,
Python) and the date in its header, then one section per measure; then ``bench_extract.py``
(PolNeAR train texts; skipped with a note when ``../shared/polnear`` is absent) and
``bench_link.py`` add their own sections.  Inputs are synthetic corpora from
``quotegraph.synth`` (seed 0), written once into ``--workdir``; the measures themselves are
in ``measures.py``.

Measures: extraction articles/s on synthetic text; full builds (``quotegraph build --jobs 2``:
ingest, extract, resolve, link, RDF, store, index) at 1k and 10k articles (100k and 200k
with ``--full``): wall time and peak RSS of the process tree; linking B-cubed precision and
recall against the stream's truth at 1k and 10k articles (100k with ``--full``); store load
triples/s, Oxigraph bulk load vs rdflib's memory store on the same N-Quads; who-said latency
p50/p95 at 10k and 100k mentions (1M with ``--full``), text index vs a SPARQL ``CONTAINS``
scan of the same store; trace latency; HTML view generation for 1k and 5k nodes.  ``--quick``
is a ~2 minute smoke run on tiny corpora.  Timings only; nothing here asserts a goal.

Usage: ``.venv/bin/python benchmarks/run.py [--quick | --full] [--runs N] [--out FILE]``
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import psutil  # noqa: E402
from measures import (  # noqa: E402
    bench_build,
    bench_extract_synth,
    bench_html,
    bench_linking,
    bench_load,
    bench_trace,
    bench_who_said,
    child_build,
)


def machine() -> str:
    from bench_extract import cpu_model

    ram = psutil.virtual_memory().total / 2**30
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu_model()}, {psutil.cpu_count()} cores, {ram:.1f} GB RAM, "
        f"Python {platform.python_version()} on {platform.system()}; load average {load}"
    )


# -- the report ------------------------------------------------------------------------


def external(args: list[str], note: str) -> str:
    """Run one of the stand-alone benchmark scripts; its last output line, or why not."""
    try:
        out = subprocess.run(
            [sys.executable, *args], check=True, capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    except subprocess.CalledProcessError as exc:
        return f"{note}: failed ({exc.stderr.strip().splitlines()[-1:]})"
    return f"{note}: {out.splitlines()[-1] if out else 'no output'}"


def build_runs(n: int, runs: int, full: bool) -> int:
    """Runs of an ``n``-article build: one above 1k articles unless ``--full`` (time budget)."""
    if n >= 100_000 or (n > 1000 and not full):
        return 1
    return runs


def plan(quick: bool, full: bool) -> dict[str, Any]:
    if quick:
        return {
            "extract": 100,
            "build": [100],
            "linking": [100],
            "who": [1_000, 5_000],
            "html": [200, 500],
            "k": (50, 5),
            "trace_k": 50,
        }
    return {
        "extract": 1000,
        "build": [1000, 10_000, 100_000, 200_000] if full else [1000, 10_000],
        "linking": [1000, 10_000, 100_000] if full else [1000, 10_000],
        "who": [10_000, 100_000, 1_000_000] if full else [10_000, 100_000],
        "html": [1000, 5000],
        "k": (200, 20),
        "trace_k": 200,
    }


def run(args: argparse.Namespace) -> str:
    p = plan(args.quick, args.full)
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    runs = args.runs
    lines = [
        "# Benchmark results",
        "",
        f"Written by `benchmarks/run.py{' --quick' if args.quick else ''}"
        f"{' --full' if args.full else ''}` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        f"Machine: {machine()}.",
        f"Every figure is the median of {runs} runs unless stated; inputs are synthetic "
        "corpora from `quotegraph synth` (seed 0) unless stated. Wall times include other "
        "processes on the machine (see the load average). Builds above 1k articles run once "
        "(3 times for 10k with `--full`) to keep `make bench` under 15 minutes.",
        "",
    ]

    def say(*text: str) -> None:
        lines.extend(text)
        print(*text, sep="\n", flush=True)

    ex = bench_extract_synth(work, p["extract"], runs)
    say(
        "## Extraction, synthetic text",
        "",
        f"`extract_quotes` over {ex['articles']} synthetic articles ({ex['mentions']} mentions), "
        f"one process: **{ex['articles'] / ex['cpu']:,.0f} articles/CPU-s** (median "
        f"{ex['cpu']:.2f} CPU s per pass; goal >= 500 articles/s on one core).",
        "",
    )
    say(
        "## Full build (`quotegraph build --jobs 2`)",
        "",
        "ingest -> extract (2 worker processes) -> resolve -> link -> RDF (streamed N-Quads) "
        "-> Oxigraph bulk load + text index + extraction cache, in one swap. Peak RSS is the "
        "sum over the process tree (parent + workers), sampled every 0.2 s.",
        "",
        "| articles | mentions | quotes | triples | wall s (median) | runs s | peak RSS MB "
        "| articles/s | x time vs previous | x RSS vs previous |",
        "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    )
    builds: list[dict[str, Any]] = []
    for n in p["build"]:
        b = bench_build(work, n, build_runs(n, runs, args.full))
        prev = builds[-1] if builds else None
        grow_t = f"{b['wall'] / prev['wall']:.1f}" if prev else "—"
        grow_m = f"{b['peak'] / prev['peak']:.1f}" if prev else "—"
        builds.append(b)
        say(
            f"| {n:,} | {b['mentions']:,} | {b['quotes']:,} | {b['triples']:,} | {b['wall']:.1f} "
            f"| {', '.join(f'{w:.1f}' for w in b['walls'])} | {b['peak']:,.0f} "
            f"| {n / b['wall']:,.1f} | {grow_t} | {grow_m} |"
        )
    say("")
    say(
        "## Linking against the synthetic truth",
        "",
        "Extract, resolve and link in one process (extraction on 2 workers), then score the "
        "Quotes against the utterances the stream generated: B-cubed precision and recall over "
        "system mentions matched to a quoted truth mention (`quotegraph.evaluate.linking`; "
        "indirect paraphrases are not counted). Resolve and link in CPU seconds, one run.",
        "",
        "| articles | matched mentions | Quotes | utterances | B3 precision | B3 recall "
        "| F1 | resolve CPU s | link CPU s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    for n in p["linking"]:
        q = bench_linking(work, n)
        say(
            f"| {n:,} | {q['matched']:,} | {q['quotes']:,} | {q['utterances']:,} "
            f"| {q['precision']:.3f} | {q['recall']:.3f} | {q['f1']:.3f} | {q['resolve']:.1f} "
            f"| {q['link']:.1f} |"
        )
    say("")
    base = work / f"store-{p['build'][0]}"
    nquads = work / "load.nq"
    import pyoxigraph as ox

    from quotegraph.store import EmbeddedStore

    nquads.write_bytes(EmbeddedStore(base)._reader().dump(format=ox.RdfFormat.N_QUADS))
    ld = bench_load(nquads, runs)
    say(
        "## Store load",
        "",
        f"The N-Quads of the {p['build'][0]:,}-article build ({ld['quads']:,} quads), loaded "
        "into a fresh store.",
        "",
        "| store | median s | quads/s | ratio |",
        "|---|---:|---:|---:|",
        f"| Oxigraph `bulk_load` (on disk) | {ld['ox']:.2f} | {ld['quads'] / ld['ox']:,.0f} "
        f"| {ld['rdflib'] / ld['ox']:.1f}x faster |",
        f"| rdflib `Dataset.parse` (memory) | {ld['rdflib']:.2f} "
        f"| {ld['quads'] / ld['rdflib']:,.0f} | 1 |",
        "",
    )
    say(
        "## who-said latency",
        "",
        "Stores of N synthetic mentions (bench_link's generator: 8 variants per quote, linked), "
        "queried with 6-word fragments of printed mentions (case, quote-mark and dash variants). "
        "Index: `quotegraph.store.index.search` (SQLite FTS5 in the store directory, then "
        "scoring). Baseline: the `who-said` named query, a SPARQL `CONTAINS` scan of the same "
        "Oxigraph store (it folds case only, so it misses the mark/dash variants the index "
        "finds). e2e: `quotegraph.store.subgraph.who_said_store`, what `quotegraph who-said "
        "--store` runs: index candidates, their subgraph by SPARQL, then provenance's ranking "
        "and description (no whole-corpus load). Percentiles over the queries of one run.",
        "",
        "| mentions | index p50 ms | index p95 ms | queries | found | SPARQL p50 ms "
        "| SPARQL p95 ms | queries | p50 ratio | who-said e2e p50 ms | e2e p95 ms |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    )
    k_index, k_sparql = p["k"]
    for n in p["who"]:
        w = bench_who_said(work, n, k_index, k_sparql if n < 1_000_000 else 5)
        (i50, i95, ik), (s50, s95, sk) = w["index"], w["sparql"]
        e50, e95, _ = w["e2e"]
        say(
            f"| {n:,} | {i50:.1f} | {i95:.1f} | {ik} | {w['found']}/{ik} | {s50:.0f} | {s95:.0f} "
            f"| {sk} | {s50 / i50:.0f}x | {e50:.0f} | {e95:.0f} |"
        )
    say("")
    tr = bench_trace(base, runs, p["trace_k"])
    say(
        "## trace latency",
        "",
        f"On the {p['build'][0]:,}-article build: loading the store and projecting it "
        f"(`load_corpus` + `project`) takes {tr['load']:.2f} s (median); then `trace(G, mention)` "
        f"over {tr['k']} random mentions: p50 {tr['p50']:.3f} ms, p95 {tr['p95']:.3f} ms.",
        "",
    )
    say(
        "## HTML view generation",
        "",
        f"`quotegraph.views.html.render` of a breadth-first part of the {p['build'][0]:,}-article "
        "graph.",
        "",
        "| nodes | median s | HTML MB |",
        "|---:|---:|---:|",
    )
    for nodes, seconds, size in bench_html(base, p["html"], runs):
        say(f"| {nodes:,} | {seconds:.2f} | {size / 2**20:.1f} |")
    say("")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-build"]:
        child_build(argv[1], argv[2], int(argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="tiny corpora (~2 minutes)")
    size.add_argument("--full", action="store_true", help="add 100k builds and 1M mentions")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median kept)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "quotegraph-bench"
    )
    parser.add_argument(
        "--no-external", action="store_true", help="skip bench_extract.py and bench_link.py"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = run(args)
    args.out.write_text(report, encoding="utf-8")
    if not args.no_external and args.out == ROOT / "benchmarks" / "RESULTS.md":
        notes = [
            external(["benchmarks/bench_extract.py", "--runs", str(args.runs)], "PolNeAR"),
            external(
                [
                    "benchmarks/bench_link.py",
                    "10000",
                    *(["100000"] if args.full else []),
                    "--runs",
                    str(args.runs),
                ],
                "link",
            ),
        ]
        print(*notes, sep="\n")
    else:
        print("bench_extract.py and bench_link.py not run (--no-external or --out elsewhere)")
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
