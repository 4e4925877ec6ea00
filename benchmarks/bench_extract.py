"""Extraction speed: articles/s and chars/s of ``extract_quotes`` over the PolNeAR train texts.

Input: ``../shared/polnear/train/text/*.txt`` relative to the repository (or ``--data DIR``).
Output: a summary on stdout and an updated "Extraction speed" section of
``benchmarks/RESULTS.md`` (machine, Python and date in its header).

The texts are read once, outside the timing, as English articles.  One warm-up
pass runs first; then ``--runs`` timed passes (default 5) on one CPU core
(``os.sched_setaffinity`` where the OS has it); the median pass is reported.
Goal: >= 500 articles/s.

Usage: ``.venv/bin/python benchmarks/bench_extract.py [--runs N] [--data DIR] [--no-write]``
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "polnear" / "train" / "text"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Extraction speed"
GOAL = 500.0

sys.path.insert(0, str(ROOT))

from quotegraph.model import Article  # noqa: E402


def cpu_model() -> str:
    """The CPU model name (Linux /proc/cpuinfo, else platform.processor())."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def pin_one_core() -> str:
    """Pin this process to one core; say which (or why not)."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to core {core}"


def load(folder: Path) -> list[Article]:
    """Every ``*.txt`` of ``folder`` as an English article with id = file stem."""
    return [
        Article(id=p.stem, body=p.read_text(encoding="utf-8"), language="en")
        for p in sorted(folder.glob("*.txt"))
    ]


def one_pass(articles: list[Article]) -> tuple[float, float, int]:
    """Wall seconds and CPU seconds to extract every article, and the mentions found."""
    from quotegraph.extract import extract_quotes

    found = 0
    start, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        for _ in extract_quotes(article):
            found += 1
    return time.perf_counter() - start, time.process_time() - cpu, found


def write_section(text: str) -> None:
    """Replace (or append) the extraction-speed section of RESULTS.md."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    lines = old.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(SECTION)), None)
    if start is None:
        body = old.rstrip("\n") + "\n\n" + text
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        kept_after = "\n".join(lines[end:])
        body = "\n".join(lines[:start]).rstrip("\n") + "\n\n" + text
        if kept_after:
            body += "\n" + kept_after + "\n"
    RESULTS.write_text(body if body.endswith("\n") else body + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed passes (median is kept)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .txt files")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} not found (PolNeAR texts are evaluation-only data)")
        return 0
    articles = load(args.data)
    if not articles:
        print(f"skipped: no .txt files in {args.data}")
        return 0
    pinned = pin_one_core()
    chars = sum(len(a.body) for a in articles)
    one_pass(articles[:20])  # warm-up: imports, lexicon loading, regex compilation
    timings, cpu_times = [], []
    mentions = 0
    for _ in range(max(1, args.runs)):
        seconds, cpu_seconds, mentions = one_pass(articles)
        timings.append(seconds)
        cpu_times.append(cpu_seconds)
    median, cpu_median = statistics.median(timings), statistics.median(cpu_times)
    rate, char_rate = len(articles) / median, chars / median
    cpu_rate = len(articles) / cpu_median
    verdict = "meets" if rate >= GOAL else "BELOW"
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    python = f"Python {platform.python_version()}"
    summary = (
        f"{rate:,.0f} articles/s, {char_rate / 1e6:,.2f} M chars/s "
        f"(median of {len(timings)} runs, {pinned}; {verdict} the {GOAL:.0f} articles/s goal); "
        f"{cpu_rate:,.0f} articles/s by CPU time"
    )
    print(summary)
    section = "\n".join(
        [
            f"{SECTION} — {date}, {cpu_model()}, {python}",
            "",
            f"`benchmarks/bench_extract.py --runs {len(timings)}`: `extract_quotes` over "
            f"{len(articles)} PolNeAR train texts ({chars:,} chars, {mentions:,} mentions "
            f"found), one core ({pinned}), after one warm-up pass.",
            "",
            "| median s/pass | articles/s | chars/s | CPU s/pass | articles/CPU-s | runs (s) "
            "| goal |",
            "|---:|---:|---:|---:|---:|---|---|",
            f"| {median:.3f} | {rate:,.0f} | {char_rate:,.0f} | {cpu_median:.3f} | "
            f"{cpu_rate:,.0f} | {', '.join(f'{t:.3f}' for t in timings)} "
            f"| >= {GOAL:.0f} articles/s: {verdict} |",
            "",
            "Wall-clock articles/s is the headline figure; CPU time is shown because a "
            "shared, loaded machine inflates wall time.",
            "",
        ]
    )
    if not args.no_write:
        write_section(section)
        print(f"updated {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
