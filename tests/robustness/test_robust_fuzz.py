"""Short coverage-guided fuzz runs (atheris) of the reader and the extractor, as child processes.

The targets live in ``fuzz/``; ``scripts/fuzz.sh`` runs them for longer.  Each run starts from
a seed corpus written from the tests' own strings (``fuzz/seeds.py``) and must exit 0: any
exception or broken invariant makes atheris exit non-zero and leave a ``crash-*`` file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris")

ROOT = Path(__file__).resolve().parent.parent.parent
RUNS = {"fuzz_extract.py": 2000, "fuzz_reader.py": 500}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fuzz-seeds")
    done = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "seeds.py"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.slow
@pytest.mark.parametrize("target", sorted(RUNS))
def test_fuzz_target_short_run(target: str, seeds: Path, tmp_path: Path) -> None:
    corpus = seeds / target.removeprefix("fuzz_").removesuffix(".py")
    assert len(list(corpus.iterdir())) > 50
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "fuzz" / target),
            f"-atheris_runs={RUNS[target]}",
            f"-artifact_prefix={tmp_path}/",
            "-max_len=4096",
            f"-dict={ROOT / 'fuzz' / target.replace('fuzz_', '').replace('.py', '.dict')}",
            "-rss_limit_mb=2048",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )
    crashes = sorted(p.name for p in tmp_path.glob("crash-*"))
    assert done.returncode == 0 and not crashes, f"{crashes}\n{done.stderr[-4000:]}"
    assert f"Done {RUNS[target]}" in done.stderr
