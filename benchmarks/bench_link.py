"""Benchmark of quotegraph.link.link on synthetic mentions (quotes with variants).

Generates N mentions: N/8 utterances of 12-30 words drawn from a synthetic vocabulary, each
printed 8 times on average as an exact copy, a truncation, a case/mark/dash variant or a
copy with one word dropped, ten mentions per article.  Times link() (resolution is built
directly, so only linking is measured), takes the median of the runs and appends a row to
benchmarks/RESULTS.md.

Usage: python benchmarks/bench_link.py [N ...] [--runs R]
Example: python benchmarks/bench_link.py 10000 100000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from quotegraph.link import link
from quotegraph.model import Article, QuoteKind, QuoteMention, Span
from quotegraph.resolve import Resolution

PER_ARTICLE = 10
COPIES = 8
RESULTS = Path(__file__).with_name("RESULTS.md")


def _variant(words: list[str], rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        text = " ".join(words)
    elif kind < 0.55:
        a = rng.randrange(0, len(words) // 2)
        b = rng.randrange(a + 6, len(words) + 1)
        text = " ".join(words[a:b])
    elif kind < 0.75:
        text = " ".join(words).upper().replace(" ", " — ", 1)
    else:
        drop = rng.randrange(len(words))
        text = " ".join(w for i, w in enumerate(words) if i != drop)
    return text[0].upper() + text[1:] + rng.choice([".", " …", ","])


def synthesise(n: int, seed: int = 7) -> tuple[list[Article], list[QuoteMention], Resolution]:
    """``n`` mentions in ``n / 10`` articles, with a resolution mapping every speaker."""
    rng = random.Random(seed)
    vocab = [f"w{i}{rng.choice('aeiou')}" for i in range(20000)]
    n_quotes = max(1, n // COPIES)
    quotes = [rng.choices(vocab, k=rng.randint(12, 30)) for _ in range(n_quotes)]
    speakers = [f"person-{i % (n_quotes // 3 + 1)}" for i in range(n_quotes)]
    articles, mentions, speaker_of = [], [], {}
    for a in range(0, n, PER_ARTICLE):
        aid = f"art{a // PER_ARTICLE:07d}"
        parts, spans = [], []
        offset = 0
        for _ in range(min(PER_ARTICLE, n - a)):
            q = rng.randrange(n_quotes)
            text = _variant(quotes[q], rng)
            lead = f"Filler words about item {rng.randrange(10**6)}. She said: “"
            spans.append((offset + len(lead), offset + len(lead) + len(text), q))
            piece = f"{lead}{text}” End of part.\n"
            parts.append(piece)
            offset += len(piece)
        body = "".join(parts)
        articles.append(Article(aid, body, "en"))
        for start, end, q in spans:
            m = QuoteMention(
                aid, Span.of(body, start, end), QuoteKind.DIRECT, confidence=0.9, language="en"
            )
            mentions.append(m)
            speaker_of[m.id] = speakers[q]
    return articles, mentions, Resolution((), (), speaker_of, {}, {})


def bench(n: int, runs: int) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds of ``runs`` link() calls on ``n`` mentions."""
    articles, mentions, resolution = synthesise(n)
    wall, cpu, quotes = [], [], 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        corpus = link(articles, mentions, resolution)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        quotes = len(corpus.quotes)
    return statistics.median(wall), statistics.median(cpu), quotes


SECTION = "## link() on synthetic mentions (bench_link.py)"
HEADER = (
    "| date | mentions | runs | median wall s | median CPU s | mentions/CPU-s | quotes | python |\n"
    "|---|---|---|---|---|---|---|---|\n"
)


def write(rows: dict[int, str]) -> None:
    """Replace this benchmark's rows of the same sizes in RESULTS.md, keeping the others."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    before, _, rest = text.partition(SECTION)
    body, sep, after = rest.partition("\n## ")
    old = {}
    for line in body.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 8 and cells[1].isdigit():
            old[int(cells[1])] = line
    old.update(rows)
    section = (
        f"{SECTION}\n\nOne core, synthetic quotes with variants (8 mentions per quote, 10 per "
        "article); resolution built directly so only link() is timed. CPU time is the figure "
        "to compare: wall time includes other processes on a shared machine.\n\n"
        + HEADER
        + "\n".join(old[n] for n in sorted(old))
        + "\n"
    )
    tail = f"\n## {after}" if sep else ""
    RESULTS.write_text(before.rstrip("\n") + "\n\n" + section + tail, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rows = {}
    for n in args.sizes:
        seconds, cpu, quotes = bench(n, args.runs)
        rate = n / cpu
        print(
            f"{n:>9} mentions  {seconds:8.2f} s wall  {cpu:8.2f} s CPU (median of "
            f"{args.runs})  {rate:>9.0f} mentions/CPU-s  {quotes} quotes",
            flush=True,
        )
        rows[n] = (
            f"| {datetime.now(UTC):%Y-%m-%d} | {n} | {args.runs} | {seconds:.2f} | "
            f"{cpu:.2f} | {rate:.0f} | {quotes} | {platform.python_version()} |"
        )
    write(rows)


if __name__ == "__main__":
    main()
