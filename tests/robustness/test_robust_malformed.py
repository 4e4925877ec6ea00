"""Malformed files of every accepted format in one directory, read by ``quotegraph read``.

Each bad file or record gives exactly one ``rejected:`` line naming it; every good file and
record -- including the good parts of a broken file -- is still read; the summary counts both
and the exit code is 1.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from robust_support import check_article
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.cli import app
from quotegraph.ingest import ReadReport, read_articles

TEXT = (
    "Die Ministerin sagte am Montag in Berlin, die Straßen würden in diesem Jahr repariert. "
    "„Wir halten Wort“, sagte sie den Journalisten vor dem Gebäude des Ministeriums."
)
EN = "The minister said on Monday that the roads would be repaired this year, as promised. "


def page(body: str, title: str = "Roads") -> str:
    return (
        f"<html lang='en'><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )


def warc(pages: list[str], compress: bool, site: str) -> tuple[bytes, list[int]]:
    """A WARC of HTML responses and the byte offset where each record starts."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    offsets = []
    for number, html in enumerate(pages, start=1):
        offsets.append(out.tell())
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://{site}.example/{number}",
            "response",
            payload=io.BytesIO(html.encode("utf-8")),
            http_headers=headers,
        )
        writer.write_record(record)
    return out.getvalue(), offsets


def _truncated_gzip_member() -> bytes:
    data, offsets = warc([page(EN), page(EN + "Two."), page(EN + "Three.")], True, "gz")
    return data[: offsets[2] + (len(data) - offsets[2]) // 2]


def _corrupt_header() -> bytes:
    data, offsets = warc([page(EN), page(EN + "Two."), page(EN + "Three.")], False, "plain")
    second = offsets[1]
    return data[:second] + data[second:].replace(b"Content-Length: ", b"Content-Length: -", 1)


def _jsonl_mixed() -> bytes:
    lines = [
        json.dumps({"id": "j1", "text": EN}),
        '{"id": "j2", "text": "unterminated',
        json.dumps({"id": "j3", "text": EN + "Third."}),
        "[1, 2, 3]",
        json.dumps({"id": "j5", "text": TEXT}),
        "\x01\x02 not json at all",
    ]
    return "\n".join(lines).encode("utf-8")


# file name -> (bytes, ids expected read from it, number of rejected lines it must give)
Maker = Callable[[], bytes]
FILES: dict[str, tuple[Maker, list[str], int]] = {
    "good.txt": (lambda: f"---\nid: good\n---\n{EN}".encode(), ["good"], 0),
    "notes.md": (lambda: f"# Roads\n\n{EN}".encode(), ["notes"], 0),
    "cut-body.html": (lambda: page(EN).encode()[:-60], ["cut-body"], 0),
    "cut-head.html": (lambda: b"<html><head><title>Roads</tit", [], 1),
    "mixed.jsonl": (_jsonl_mixed, ["j1", "j3", "j5"], 3),
    "cut.json": (lambda: f'[{{"id": "c1", "text": "{EN}"}}, {{"text": '.encode(), [], 1),
    "cut-member.warc.gz": (_truncated_gzip_member, ["2 warc"], 1),
    "bad-header.warc": (_corrupt_header, ["1 warc"], 1),
    # front matter says latin-1, bytes are UTF-8: the UTF-8 text must come through intact
    "says-latin1.txt": (lambda: f"---\nid: l1\ncharset: latin-1\n---\n{TEXT}".encode(), ["l1"], 0),
    # front matter says UTF-8, bytes are windows-1252: a guess must still recover the text
    "says-utf8.txt": (
        lambda: f"---\nid: u1\ncharset: utf-8\n---\n{TEXT}".encode("cp1252"),
        ["u1"],
        0,
    ),
    "says-latin1.html": (
        lambda: ('<meta charset="iso-8859-1">' + page(TEXT)).encode("utf-8"),
        ["says-latin1"],
        0,
    ),
    # mojibake (UTF-8 read as latin-1, saved as UTF-8) is text: read as it is, not "repaired"
    "mojibake.txt": (lambda: TEXT.encode().decode("latin-1").encode(), ["mojibake"], 0),
    "utf16.txt": (lambda: TEXT.encode("utf-16"), ["utf16"], 0),
    "empty.json": (lambda: b"", [], 1),
    "blank.txt": (lambda: b"\n \n\t\n", [], 1),
    "binary.html": (lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), [], 1),
    "binary.txt": (lambda: gzip.compress(TEXT.encode() * 20), [], 1),
}
EXPECTED_TEXT = {"l1": TEXT, "u1": TEXT, "utf16": TEXT, "good": EN}


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    folder = tmp_path / "messy"
    folder.mkdir()
    for name, (make, _, _) in FILES.items():
        (folder / name).write_bytes(make())
    return folder


def _expected_ids(read: list[str]) -> tuple[set[str], int]:
    """Named ids, plus how many WARC articles (their ids are hashes) are expected."""
    named = {i for ids, _ in ((f[1], f[2]) for f in FILES.values()) for i in ids if " " not in i}
    warcs = sum(int(i.split()[0]) for f in FILES.values() for i in f[1] if " " in i)
    assert read is not None
    return named, warcs


def test_library_reads_every_good_part(messy: Path) -> None:
    report = ReadReport()
    articles = list(read_articles([messy], report))
    for article in articles:
        check_article(article)
    named, warcs = _expected_ids([a.id for a in articles])
    ids = {a.id for a in articles}
    assert named <= ids, f"lost: {named - ids}; rejected: {[str(e) for e in report.rejected]}"
    assert len(ids - named) == warcs, ids - named
    by_id = {a.id: a for a in articles}
    for article_id, text in EXPECTED_TEXT.items():
        assert by_id[article_id].body.strip() == text.strip(), article_id
    assert "Ã" in by_id["mojibake"].body  # kept exactly as stored
    bad = sum(f[2] for f in FILES.values())
    assert len(report.rejected) == bad, [str(e) for e in report.rejected]
    assert report.read == len(articles) == len(named) + warcs


def test_cli_one_line_per_rejection_rest_read(messy: Path) -> None:
    result = CliRunner().invoke(app, ["read", str(messy), "--json"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    named, warcs = _expected_ids([r["id"] for r in rows])
    assert len(rows) == len(named) + warcs
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    rejected = [line for line in lines if line.startswith("rejected: ")]
    assert lines[-1] == f"{len(rows)} read, {len(rejected)} rejected"
    assert len(lines) == len(rejected) + 1, "every stderr line is a rejection or the summary"
    per_file: dict[str, int] = {}
    for line in rejected:
        match = re.match(rf"rejected: {re.escape(str(messy))}/([^:@#]+)[:@#]", line)
        assert match, f"line does not name its file: {line}"
        per_file[match.group(1)] = per_file.get(match.group(1), 0) + 1
    expected = {name: f[2] for name, f in FILES.items() if f[2]}
    assert per_file == expected
