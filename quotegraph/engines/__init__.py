"""Build engines: the per-article stages as a map, the cross-article stages on the driver
(on Spark, the quote candidates as keyed reduces: :mod:`~quotegraph.engines.candidates`).

Input: article files; output: a folder of N-Quads parts (:mod:`~quotegraph.engines.layout`)
that any SPARQL server bulk-loads.  :mod:`~quotegraph.engines.steps` holds the steps in plain
Python; :func:`build_local` runs them in this process and :func:`build_spark` on Apache
Spark (``pip install 'quotegraph[spark]'``; pyspark is imported only when it runs).
:func:`build_parts` picks one by name, for the CLI.

>>> ENGINES
('local', 'spark')
>>> build_parts("flink", ["corpus"], "out")
Traceback (most recent call last):
...
quotegraph.errors.InputError: --engine: unknown engine 'flink' (choose local or spark)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quotegraph.engines.local import build_local
from quotegraph.engines.spark import DEFAULT_MASTER, EngineError, build_spark
from quotegraph.engines.steps import EngineSummary
from quotegraph.errors import InputError

ENGINES = ("local", "spark")

__all__ = ["ENGINES", "EngineError", "EngineSummary", "build_local", "build_parts", "build_spark"]


def build_parts(
    engine: str,
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    timestamp: str | None = None,
    entities_file: Path | None = None,
) -> EngineSummary:
    """Write the N-Quads parts of the articles under ``paths`` to ``out`` with ``engine``."""
    if engine == "local":
        return build_local(
            paths, out, partitions=partitions or 1, timestamp=timestamp, entities_file=entities_file
        )
    if engine == "spark":
        return build_spark(paths, out, master, partitions, timestamp, entities_file=entities_file)
    raise InputError("--engine", f"unknown engine {engine!r} (choose {' or '.join(ENGINES)})")
