"""Bad input is rejected with one clear line per file; everything else is still read."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from quotegraph.ingest import ReadReport, read_articles

GOOD = "A perfectly ordinary article body that says something.\n"


def _unreadable(path: Path) -> Path:
    path.write_text(GOOD)
    path.chmod(0)
    return path


CASES: list[tuple[str, Callable[[Path], object], str]] = [
    ("doc.pdf", lambda p: p.write_bytes(b"%PDF-1.4 text"), "unsupported file type '.pdf'"),
    ("noext", lambda p: p.write_text(GOOD), "unsupported file type '(none)'"),
    ("img.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
    ("ctl.txt", lambda p: p.write_bytes(bytes(range(1, 9)) * 50), "binary file"),
    ("empty.txt", lambda p: p.write_bytes(b""), "empty file"),
    ("blank.md", lambda p: p.write_bytes(b"  \n\n \n"), "empty file"),
    ("header.txt", lambda p: p.write_text("---\nid: x\n---\n\n  \n"), "empty body"),
    ("open.txt", lambda p: p.write_text("---\nid: x\nbody"), "never closed"),
    ("yaml.txt", lambda p: p.write_text("---\nid: [x\n---\nBody.\n"), "invalid YAML"),
    ("list.txt", lambda p: p.write_text("---\n- a\n- b\n---\nBody.\n"), "not a list of 'key"),
    ("bom.txt", lambda p: p.write_bytes(b"\xff\xfe" + b"\x00\xd8"), "byte-order mark"),
    ("bad.json", lambda p: p.write_text('{"id": 1,'), "invalid JSON"),
    ("num.json", lambda p: p.write_text("42"), "neither an object nor a list"),
    ("none.json", lambda p: p.write_text("[]"), "empty JSON list"),
    ("notext.json", lambda p: p.write_text('{"id": "x"}'), "no 'text' or 'body'"),
    ("plain.html", lambda p: p.write_text("just words, no markup"), "not HTML"),
    ("nomain.html", lambda p: p.write_text("<html><body></body></html>"), "no main text"),
    ("gone.txt", lambda p: None, "no such file"),
    ("junk.warc", lambda p: p.write_bytes(b"GET / HTTP/1.1\r\n\r\n"), "WARC"),
]
if os.geteuid() != 0:  # root reads files whatever their mode
    CASES.append(("locked.txt", _unreadable, "permission denied"))


@pytest.mark.parametrize(("name", "make", "reason"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_rejected_rest_read(
    tmp_path: Path, name: str, make: Callable[[Path], object], reason: str
) -> None:
    bad = tmp_path / name
    make(bad)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    report = ReadReport()
    articles = list(read_articles([bad, good], report))
    assert [a.id for a in articles] == ["good"]
    [error] = report.rejected
    assert reason in error.reason
    assert str(error).startswith(str(bad)) and "\n" not in str(error)


def test_undecodable_without_charset_falls_back_to_guess(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    text = "Les élèves ont déclaré à la presse que la réforme était « inacceptable ».\n" * 3
    path.write_bytes(text.encode("cp1252"))
    [article] = read_articles([path])
    assert article.body == text


def test_directory_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    for rel in [
        "b/z.txt",
        "b/a.md",
        "a.txt",
        "c/d/e.txt",
        ".hidden/x.txt",
        "b/.y.txt",
        "README.md",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\nid: {rel.replace('/', '_')}\n---\n{GOOD}")
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == ["a.txt", "b_a.md", "b_z.txt", "c_d_e.txt"]


def test_named_hidden_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".draft.txt"
    path.write_text(GOOD)
    assert [a.id for a in read_articles([path])] == ["draft"]


def test_duplicate_id_rejected(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(f"---\nid: same\n---\n{GOOD}")
    (tmp_path / "two.txt").write_text(f"---\nid: same\n---\n{GOOD}")
    report = ReadReport()
    assert [a.source for a in read_articles([tmp_path], report)] == [str(tmp_path / "one.txt")]
    assert "duplicate article id 'same'" in report.rejected[0].reason


def test_read_articles_streams(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    report = ReadReport()
    stream = read_articles([tmp_path], report)
    first = next(stream)
    assert (first.id, report.read) == ("a", 1)  # b not read yet
    (tmp_path / "b.txt").unlink()
    assert list(stream) == []
    assert "no such file" in report.rejected[0].reason


def test_missing_warc_rejected(tmp_path: Path) -> None:
    report = ReadReport()
    assert list(read_articles([tmp_path / "gone.warc.gz"], report)) == []
    assert report.rejected[0].reason == "no such file or directory"
