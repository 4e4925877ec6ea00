"""The build on Apache Spark: extraction, quote candidates and RDF on executors, the rest
of resolve + link on the driver.

Input: paths of article files or folders (readable at the same path on the driver and on
every executor: a local disk in local mode, a shared file system on a cluster), an output
folder (a local path, or an ``hdfs://``/``s3a://`` URI), a Spark master URL.  Output: the
N-Quads parts of :mod:`quotegraph.engines.layout` and an
:class:`~quotegraph.engines.steps.EngineSummary`.

What runs where (see ``docs/spark.md``):

* executors, a map over the file list: read each file, detect languages, extract quotes
  (:func:`~quotegraph.engines.steps.map_file`); results stay cached on the executors;
* driver: the extracted records are collected, repeated ids dropped, then resolve + link
  run over the whole corpus, because ``resolve`` and ``link`` are whole-corpus functions
  that also read the article bodies;
* executors, from inside ``link``: the quote candidates (shingle postings, shared-shingle
  counts, exact containment, twins) as keyed reduces over ``(language, index, tokens)``
  records (:mod:`quotegraph.engines.candidates`); the driver keeps the union-find, the
  translations and the rest of ``link``;
* executors again: each partition writes the named graphs of its articles, given the
  entities as a broadcast (:func:`~quotegraph.engines.steps.partition_lines`);
* executors: the links graph, from slices of the cross-article records (entities, quotes,
  hops...) and a broadcast table of which kind of resource each id names;
* driver: the small build graph.

pyspark is imported only when :func:`build_spark` runs.

>>> spark_conf("local[2]")["spark.ui.enabled"], "spark.ui.enabled" in spark_conf("yarn")
('false', False)
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from quotegraph.engines import candidates, layout, steps
from quotegraph.engines.local import no_articles
from quotegraph.errors import QuotegraphError

DEFAULT_MASTER = "local[2]"
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.memory": "1g",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    # a small local job spends most of its time starting the JVM: skip the C2 compiler
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
}


class EngineError(QuotegraphError):
    """The engine cannot run (pyspark or Java missing) or its job failed."""


def spark_conf(master: str, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The Spark settings of a build: a small loopback-only session in local mode.

    On a cluster only the master and the application name are set; the rest comes from
    ``spark-defaults.conf``, ``spark-submit --conf`` or ``extra``.
    """
    conf = {"spark.master": master, "spark.app.name": "quotegraph build"}
    if master.startswith("local"):
        conf.update(LOCAL_CONF)
        conf["spark.pyspark.python"] = sys.executable  # workers run this very interpreter
    conf.update(extra or {})
    return conf


def _session(conf: Mapping[str, str]) -> tuple[Any, bool]:
    """A SparkSession and whether this call started it (so it is stopped afterwards)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise EngineError(
            "pyspark is not installed: pip install 'quotegraph[spark]' (needs Java 17+)"
        ) from exc
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    if conf.get("spark.master", "").startswith("local") and not _java():
        raise EngineError("Spark needs Java 17+: `java` is not on PATH and JAVA_HOME is unset")
    python = conf.get("spark.pyspark.python")
    if python and "PYSPARK_PYTHON" not in os.environ:  # SparkContext reads the variable
        os.environ["PYSPARK_PYTHON"] = python
    try:
        session = SparkSession.builder.config(map=dict(conf)).getOrCreate()
    except Exception as exc:  # pyspark raises its own types, with a Java trace inside
        raise EngineError(f"Spark could not start: {_first_line(exc)}") from exc
    session.sparkContext.setLogLevel("ERROR")
    return session, True


def _java() -> bool:
    return shutil.which("java") is not None or bool(os.environ.get("JAVA_HOME"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def build_spark(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    master: str = DEFAULT_MASTER,
    partitions: int | None = None,
    timestamp: str | None = None,
    *,
    entities_file: Path | None = None,
    conf: Mapping[str, str] | None = None,
) -> steps.EngineSummary:
    """Build the graph of the articles under ``paths`` on Spark and write N-Quads parts.

    ``partitions`` is the number of slices of the file list (default: three per core
    Spark offers, at most one per file); ``timestamp`` the time recorded on the build
    activity, as in ``quotegraph build``.
    """
    paths = list(paths)
    files, listing = steps.list_files(paths)
    if not files:
        raise no_articles(paths, listing)
    base = layout.prepare(out_dir)
    session, started = _session(spark_conf(master, conf))
    try:
        summary = _run(
            session.sparkContext, files, listing, paths, base, partitions, timestamp, entities_file
        )
    except QuotegraphError:
        raise
    except Exception as exc:  # a failed Spark job: one line here, the trace in the cause
        raise EngineError(f"Spark job failed: {_first_line(exc)}") from exc
    finally:
        if started:
            session.stop()
    parts = layout.finish(out_dir)
    return steps.EngineSummary(**{**summary, "out": str(out_dir), "parts": tuple(parts)})


def _run(
    sc: Any,
    files: list[str],
    listing: list[Any],
    paths: list[str | Path],
    base: str,
    partitions: int | None,
    timestamp: str | None,
    entities_file: Path | None,
) -> dict[str, Any]:
    from pyspark import StorageLevel

    n = partitions or min(len(files), 3 * sc.defaultParallelism)
    mapped = (
        sc.parallelize(list(enumerate(files)), max(1, n))
        .map(lambda item: steps.map_file(*item))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        collected = steps.collect(mapped.collect(), listing)
        if not collected.records:
            raise no_articles(paths, collected.rejected)
        # the quote candidates run as keyed reduces on the executors, inside link
        finder = candidates.spark_finder(sc, max(1, n))
        corpus = steps.link_records(collected.records, entities_file, finder)
        entities = sc.broadcast(tuple(corpus.entities))
        dropped = sc.broadcast(collected.dropped)
        ids = sc.broadcast(steps.link_ids(corpus))
        counted = sc.accumulator(0)

        def count(lines: Iterator[str]) -> Iterator[str]:
            for line in lines:
                counted.add(1)
                yield line

        articles = mapped.mapPartitions(
            lambda results: count(steps.partition_lines(results, entities.value, dropped.value))
        )
        articles.saveAsTextFile(f"{base}/{layout.ARTICLES}")
        slices = steps.link_slices(corpus, max(1, n))
        build = steps.build_lines(corpus, timestamp)
        links = sc.parallelize(slices, len(slices)).mapPartitions(
            lambda part: count(steps.links_lines(part, ids.value))
        )
        links.union(sc.parallelize(build, 1)).saveAsTextFile(f"{base}/{layout.LINKS}")
    finally:
        mapped.unpersist()
    return {
        "engine": "spark",
        "articles": len(corpus.articles),
        "mentions": len(corpus.mentions),
        "quotes": len(corpus.quotes),
        "entities": len(corpus.entities),
        "quads": counted.value + len(build),
        "rejected": collected.rejected,
    }
