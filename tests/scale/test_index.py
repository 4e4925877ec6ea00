"""The who-said text index: fragments, mark/case variants, translations, and staleness."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotegraph.errors import StoreError
from quotegraph.store.build import build
from quotegraph.store.embedded import BUILD_FILE
from quotegraph.store.index import INDEX_FILE, index_build_id, search, words

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "articles"
ARMCHAIR = "armchair analysis by kids"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("index") / "store"
    build([SEEDS], path, timestamp="2026-01-01")
    return path


@pytest.mark.parametrize(
    ("query", "found"),
    [
        (ARMCHAIR, True),  # a fragment
        ("ARMCHAIR ANALYSIS BY KIDS", True),  # case
        ("“armchair analysis — by kids”", True),  # quote marks and a dash
        ("''armchair analysis by kids''", True),  # typewriter marks
        ("armchair analysis by kid", True),  # a small edit
        ("the weather in Lisbon is lovely this spring", False),  # negative
        ("", False),  # nothing to search
        ("“ — ”", False),  # marks only
    ],
)
def test_search_finds_fragments_and_variants(store: Path, query: str, found: bool) -> None:
    hits = search(store, query, limit=5)
    assert bool(hits) == found
    if found:
        assert words(ARMCHAIR) in words(hits[0].text) or hits[0].score < 1.0
        assert hits[0].quote.startswith("q-") and hits[0].score >= 0.7
        assert hits == sorted(hits, key=lambda h: -h.score)


def test_hits_carry_speaker_and_article(store: Path) -> None:
    hit = search(store, ARMCHAIR, limit=1)[0]
    mention_hits = [h for h in search(store, ARMCHAIR, limit=10) if h.mention]
    assert hit.speaker
    assert mention_hits and all(
        h.article and (h.mention or "").startswith(h.article) for h in mention_hits
    )


def _rebuilt(store: Path, damage: str) -> bool:
    index = store / INDEX_FILE
    if damage == "delete":
        index.unlink()
    elif damage == "corrupt":
        index.write_bytes(b"this is not a database" * 50)
    elif damage == "tamper":
        con = sqlite3.connect(index)
        con.execute("UPDATE meta SET value='someone-else' WHERE key='build'")
        con.commit()
        con.close()
    elif damage == "empty":
        con = sqlite3.connect(index)
        con.execute("DELETE FROM hits")
        con.commit()
        con.close()
    return bool(search(store, ARMCHAIR))


@pytest.mark.parametrize(
    ("damage", "found"), [("delete", True), ("corrupt", True), ("tamper", True), ("none", True)]
)
def test_stale_index_is_rebuilt(store: Path, damage: str, found: bool) -> None:
    assert _rebuilt(store, damage) == found
    assert index_build_id(store) == (store / BUILD_FILE).read_text(encoding="utf-8")


def test_index_in_step_but_emptied_is_trusted(store: Path) -> None:
    """Negative: the build id is what decides staleness, not the content."""
    assert not _rebuilt(store, "empty")
    (store / INDEX_FILE).unlink()
    assert search(store, ARMCHAIR)


def test_rebuilt_index_equals_build_index(store: Path, tmp_path: Path) -> None:
    def rows(path: Path) -> list[tuple[str, ...]]:
        con = sqlite3.connect(path)
        try:
            return sorted(con.execute("SELECT * FROM hits").fetchall())
        finally:
            con.close()

    written = rows(store / INDEX_FILE)
    (store / INDEX_FILE).unlink()
    search(store, ARMCHAIR)
    assert rows(store / INDEX_FILE) == written and len(written) > 5


def test_search_without_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        search(tmp_path / "nowhere", ARMCHAIR)


def test_unwritable_store_gives_a_store_error(store: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "ro"
    shutil.copytree(store, copy)
    (copy / INDEX_FILE).unlink()
    (copy / INDEX_FILE).mkdir()  # a directory where the index file should be: cannot replace
    with pytest.raises(StoreError, match="text index"):
        search(copy, ARMCHAIR)
