"""The Spark engine in local mode gives the graph of the embedded build of the same input.

Needs pyspark (``pip install 'quotegraph[spark]'``) and Java 17+: skipped without them,
except under CI=true, where a missing piece is a failure (CI installs both).
"""

from __future__ import annotations

import shutil
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from quotegraph.engines import EngineError, build_spark, candidates
from quotegraph.engines.spark import spark_conf
from quotegraph.engines.steps import EngineSummary

from .conftest import STAMP, Reference, need_spark


@pytest.mark.slow
def test_spark_local_mode_matches_the_embedded_build(
    tmp_path: Path,
    reference: Reference,
    same_build: Callable[[EngineSummary], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    need_spark()
    calls: list[list[str]] = []

    def find_spark(sc: Any, lists: Mapping[str, Sequence[list[str]]], *args: Any) -> Any:
        calls.append(sorted(lists))
        return real(sc, lists, *args)

    real = candidates.find_spark
    monkeypatch.setattr(candidates, "find_spark", find_spark)
    out = tmp_path / "nq"
    summary = build_spark(reference.paths, out, "local[2]", partitions=3, timestamp=STAMP)
    assert len(calls) == 1 and "en" in calls[0]  # the quote candidates ran on Spark
    assert summary.engine == "spark"
    assert sorted(p.name for p in (out / "articles").iterdir()) == [
        "_SUCCESS",
        "part-00000.nq",
        "part-00001.nq",
        "part-00002.nq",
    ]
    same_build(summary)


@pytest.mark.parametrize(
    ("master", "key", "value"),
    [
        ("local[2]", "spark.ui.enabled", "false"),
        ("local[2]", "spark.driver.memory", "1g"),
        ("local[*]", "spark.driver.bindAddress", "127.0.0.1"),
        ("local[2]", "spark.pyspark.python", sys.executable),
        ("spark://head:7077", "spark.ui.enabled", None),
        ("yarn", "spark.driver.memory", None),
        ("yarn", "spark.master", "yarn"),
    ],
)
def test_local_sessions_are_small_and_cluster_sessions_untouched(
    master: str, key: str, value: str | None
) -> None:
    assert spark_conf(master).get(key) == value


def test_extra_settings_win() -> None:
    assert spark_conf("local[2]", {"spark.driver.memory": "4g"})["spark.driver.memory"] == "4g"


def test_missing_pyspark_is_one_clear_error(
    tmp_path: Path, reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(EngineError, match=r"pip install 'quotegraph\[spark\]'"):
        build_spark(reference.paths, tmp_path / "out")


def test_missing_java_is_one_clear_error(
    tmp_path: Path, reference: Reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType("pyspark.sql")

    class SparkSession:
        @staticmethod
        def getActiveSession() -> None:
            return None

    fake.SparkSession = SparkSession  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyspark.sql", fake)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(EngineError, match="Java 17"):
        build_spark(reference.paths, tmp_path / "out")
