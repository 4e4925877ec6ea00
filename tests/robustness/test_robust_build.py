"""Builds are safe: idempotent, order-independent, atomic under SIGKILL, readable while running.

States are compared as RDF (``rdflib.compare.isomorphic``, graph by graph), never as text.
The kill trials use a fixed random seed; every kill is counted as a fault injected.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from quotegraph.errors import StoreError
from quotegraph.store import EmbeddedStore, open_store
from quotegraph.store.build import build
from quotegraph.store.index import index_build_id

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "corpus" / "articles"
EXTRA = """---
id: robust-extra
language: en
title: "Roads minister answers critics"
---
“We will fix every road this year,” Jane Doe told The Daily Star on Monday.
She said that the budget was ready. “Nobody will wait,” she added.
"""
KILL_SEED = 20261121
KILL_TRIALS = 5
# the builds whose results are compared run with one hash seed, so that the kill tests do not
# depend on the hash-seed bug (test_graph_does_not_depend_on_the_process_hash_seed)
FIXED_HASH = {**os.environ, "PYTHONHASHSEED": "0"}


def quads(ds: Dataset) -> dict[str, Graph]:
    """The graphs of ``ds`` by name (empty ones left out)."""
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def same_graph(a: Dataset, b: Dataset) -> bool:
    ga, gb = quads(a), quads(b)
    return ga.keys() == gb.keys() and all(isomorphic(ga[k], gb[k]) for k in ga)


def corpus_b(tmp: Path) -> Path:
    folder = tmp / "corpus-b"
    shutil.copytree(SEEDS, folder)
    (folder / "robust-extra.txt").write_text(EXTRA, encoding="utf-8")
    return folder


def _build_process(folder: Path, location: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "quotegraph", "build", str(folder), "--store", str(location)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=location.parent,
        env=FIXED_HASH,
    )


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Reference stores of corpus A (the seeds) and B (A + one article), built by the CLI."""
    tmp = tmp_path_factory.mktemp("states")
    b = corpus_b(tmp)
    out: dict[str, object] = {"A_dir": SEEDS, "B_dir": b}
    for name, folder in (("A", SEEDS), ("B", b)):
        location = tmp / f"store-{name}"
        started = time.monotonic()
        proc = _build_process(folder, location)
        assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
        out[f"{name}_seconds"] = time.monotonic() - started
        store = EmbeddedStore(location)
        out[name] = store.dataset()
        out[f"{name}_id"] = store.build_id()
    assert out["A_id"] != out["B_id"]
    return out


def test_build_twice_is_isomorphic(tmp_path: Path) -> None:
    location = tmp_path / "s"
    build([SEEDS], location)
    first = EmbeddedStore(location).dataset()
    build([SEEDS], location)
    second = EmbeddedStore(location).dataset()
    assert len(first) > 100
    assert same_graph(first, second)


def test_build_in_another_file_order_is_isomorphic(tmp_path: Path) -> None:
    """The same files named in reverse order on the command line give the same graph."""
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    build(sorted(SEEDS.iterdir()), forward)
    build(sorted(SEEDS.iterdir(), reverse=True), backward)
    assert same_graph(EmbeddedStore(forward).dataset(), EmbeddedStore(backward).dataset())


HASH_PROBE = """
import hashlib, sys
from quotegraph.ingest import read_articles
from quotegraph.pipeline import analyse
from quotegraph.rdf import to_dataset
corpus = analyse(list(read_articles([sys.argv[1]])))
lines = sorted(to_dataset(corpus).serialize(format="nquads").splitlines())
print(hashlib.sha256("\\n".join(lines).encode()).hexdigest())
"""


@pytest.mark.slow
def test_graph_does_not_depend_on_the_process_hash_seed() -> None:
    """Bug found here: resolve._body_variants walked a set of words, so which alias a typo
    ("ClouFare") was compared with -- and its merge score -- changed with PYTHONHASHSEED:
    two builds of one corpus in two processes gave different graphs."""
    digests = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", HASH_PROBE, str(SEEDS)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        digests.add(done.stdout.strip())
    assert len(digests) == 1, "the graph differs between processes"


def _state_of(location: Path, states: dict[str, object]) -> str:
    """'A' or 'B': which reference the store equals, index included; fails on a mix."""
    store = EmbeddedStore(location)  # opening runs the recovery of a half-done swap
    build_id = store.build_id()
    name = "A" if build_id == states["A_id"] else "B" if build_id == states["B_id"] else None
    assert name is not None, f"build id {build_id!r} is neither the old nor the new build"
    reference = states[name]
    assert isinstance(reference, Dataset)
    assert same_graph(store.dataset(), reference), f"store says {name} but holds a mix"
    assert index_build_id(location) == build_id, "text index out of step with the store"
    return name


@pytest.mark.slow
def test_sigkill_during_build_leaves_old_or_new_state(
    tmp_path: Path, states: dict[str, object]
) -> None:
    location = tmp_path / "store"
    full = _build_process(states["B_dir"], location)  # type: ignore[arg-type]
    assert full.wait(timeout=300) == 0, full.stderr.read() if full.stderr else ""
    assert _state_of(location, states) == "B"
    duration = float(states["B_seconds"])  # type: ignore[arg-type]
    rng = random.Random(KILL_SEED)
    faults = 0
    seen = {"A": 0, "B": 0}
    current = "B"
    for _ in range(KILL_TRIALS):
        target = "A" if current == "B" else "B"
        proc = _build_process(states[f"{target}_dir"], location)  # type: ignore[arg-type]
        time.sleep(rng.uniform(0.4 * duration, 1.1 * duration))  # most land late: the swap
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            faults += 1
        proc.wait(timeout=60)
        current = _state_of(location, states)
        assert current in (target, "A" if target == "B" else "B")
        seen[current] += 1
    # the next build recovers: it runs to the end and leaves nothing behind
    final = "A" if current == "B" else "B"
    proc = _build_process(states[f"{final}_dir"], location)  # type: ignore[arg-type]
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    assert _state_of(location, states) == final
    print(f"faults injected: {faults} SIGKILLs; states after kill: {seen}")
    assert faults >= KILL_TRIALS // 2, f"only {faults} kills landed during a build"
    # bug found here: each killed build left its N-Quads scratch file (.store.<pid>.nq, the
    # size of the whole graph) next to the store, and no later build removed it
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".store"))
    assert leftovers == [], f"killed builds left {leftovers}"


@pytest.mark.slow
def test_readers_while_a_build_runs(tmp_path: Path, states: dict[str, object]) -> None:
    """Queries during a build see the old or the new store, or a clear StoreError; a CLI
    reader in another process exits 0 or 1 with one line, never a traceback."""
    location = tmp_path / "store"
    first = _build_process(states["A_dir"], location)  # type: ignore[arg-type]
    assert first.wait(timeout=300) == 0
    sizes = {len(states[k]) for k in ("A", "B")}  # type: ignore[arg-type]
    proc = _build_process(states["B_dir"], location)  # type: ignore[arg-type]
    cli = subprocess.Popen(
        [sys.executable, "-m", "quotegraph", "stats", "--store", str(location), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    answers, refused = 0, 0
    while proc.poll() is None:
        try:
            result = open_store(location).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            answers += 1
            assert result.rows and int(str(result.rows[0][0])) > 0
        except StoreError as error:
            refused += 1
            assert str(location) in str(error) and "\n" not in str(error)
        time.sleep(0.05)
    assert proc.returncode == 0
    _, err = cli.communicate(timeout=300)
    assert "Traceback" not in err, err
    assert cli.returncode in (0, 1) and (cli.returncode == 0 or len(err.strip().splitlines()) == 1)
    assert _state_of(location, states) == "B"
    assert answers + refused > 0 and len(sizes) == 2
    print(f"reads during the build: {answers} answered, {refused} refused")


@pytest.mark.slow
def test_two_builds_at_once(tmp_path: Path, states: dict[str, object]) -> None:
    """Two builds of different corpora into one store at the same time: each finishes or
    stops with a one-line "locked" error, and the store holds exactly one of the two."""
    location = tmp_path / "store"
    procs = [_build_process(states[f"{n}_dir"], location) for n in ("A", "B")]  # type: ignore[arg-type]
    codes, errors = [], []
    for proc in procs:
        codes.append(proc.wait(timeout=300))
        errors.append(proc.stderr.read().decode() if proc.stderr else "")
    assert 0 in codes, errors
    for code, err in zip(codes, errors, strict=True):
        assert "Traceback" not in err, err
        if code != 0:
            assert code == 1 and "locked" in err and len(err.strip().splitlines()) == 1, err
    assert _state_of(location, states) in ("A", "B")


@pytest.mark.parametrize("moment", ["before-first-rename", "between-renames", "before-cleanup"])
def test_swap_interrupted_at_every_step_recovers(tmp_path: Path, moment: str) -> None:
    """The moments a random SIGKILL rarely hits, injected directly: the swap renames
    ``store`` -> ``.store.old`` and ``.store.new`` -> ``store``; a process killed before,
    between or after the renames leaves a store that opens as the old or the new graph."""
    old_corpus, new_corpus = tmp_path / "old", tmp_path / "new"
    build([SEEDS], old_corpus)
    build([corpus_b(tmp_path)], new_corpus)
    old_graph = EmbeddedStore(old_corpus).dataset()
    new_graph = EmbeddedStore(new_corpus).dataset()
    location = tmp_path / "store"
    fresh, old = tmp_path / ".store.new", tmp_path / ".store.old"
    shutil.copytree(old_corpus, location)
    shutil.copytree(new_corpus, fresh)  # the new store, loaded, about to be swapped in
    if moment in ("between-renames", "before-cleanup"):
        os.rename(location, old)
    if moment == "before-cleanup":
        os.rename(fresh, location)
    store = EmbeddedStore(location)  # opening recovers
    expected = new_graph if moment == "before-cleanup" else old_graph
    assert same_graph(store.dataset(), expected)
    assert not fresh.exists() and not old.exists()
    assert index_build_id(location) == store.build_id()
