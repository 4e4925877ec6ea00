"""Resolve and link give the same result whatever the process hash seed.

Counter ties used to follow set iteration order, so two processes could link a few
mentions differently; this runs the whole analysis in child processes with different
``PYTHONHASHSEED`` values and compares a digest of quotes, relations and entities.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph.synth import write_corpus

DIGEST = """
import hashlib, sys
from quotegraph.ingest import read_articles
from quotegraph.pipeline import analyse
c = analyse(sorted(read_articles([sys.argv[1]]), key=lambda a: a.id))
h = hashlib.sha256()
for q in sorted(c.quotes, key=lambda q: q.id):
    h.update(repr((q.id, q.text, sorted(q.mention_ids), q.speaker_id, q.venue_id)).encode())
for rows in (c.relations, c.entities, c.hops):
    for item in sorted(map(repr, rows)):
        h.update(item.encode())
print(len(c.quotes), h.hexdigest())
"""


@pytest.mark.slow
def test_analysis_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    write_corpus(tmp_path / "synth", 300, seed=3, fmt="jsonl")
    source = str(tmp_path / "synth" / "articles.jsonl")
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", DIGEST, source],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=600,
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1, digests
