"""Write the fuzzers' seed corpora from the robustness tests' own hand-written strings.

Input: an output directory.  Output: ``<dir>/extract/`` (one file per string and language
byte) and ``<dir>/reader/`` (each string as a .txt with front matter, .md, .html, .json,
.jsonl and a one-record .warc/.warc.gz, behind the format byte ``fuzz_reader.py`` expects).
No text comes from any real corpus.

Run: ``python fuzz/seeds.py fuzz/corpus``.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "robustness"))

from robust_support import seed_strings

READER_SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl", ".warc", ".warc.gz")


def warc_bytes(page: bytes, compress: bool) -> bytes:
    """One WARC response record holding ``page`` as an HTML response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        "https://news.example/a/1", "response", payload=io.BytesIO(page), http_headers=headers
    )
    writer.write_record(record)
    return out.getvalue()


def reader_files(text: str) -> dict[str, bytes]:
    """The file of every reader format for one string (keyed by suffix)."""
    page = (
        f"<html lang='en'><head><title>{html.escape(text[:80])}</title></head><body>"
        f"<article><p>{html.escape(text)}</p><p>{text}</p></article></body></html>"
    )
    record = {"id": text[:40], "title": text[:80], "text": text}
    files = {
        ".txt": f"---\nid: {json.dumps(text[:40], ensure_ascii=False)}\n---\n{text}\n",
        ".md": f"Title: {text[:60]}\n\n{text}\n",
        ".html": page,
        ".json": json.dumps(record),
        ".jsonl": json.dumps(record) + "\n{broken\n" + json.dumps({"text": text}) + "\n",
    }
    data = {suffix: content.encode("utf-8") for suffix, content in files.items()}
    data[".warc"] = warc_bytes(page.encode("utf-8"), compress=False)
    data[".warc.gz"] = warc_bytes(page.encode("utf-8"), compress=True)
    return data


def write(folder: Path, content: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(content).hexdigest()).write_bytes(content)


def main(out: Path) -> int:
    count = 0
    for text in seed_strings():
        for language in range(8):
            write(out / "extract", bytes([language]) + text.encode("utf-8"))
            count += 1
        for suffix, content in reader_files(text).items():
            write(out / "reader", bytes([READER_SUFFIXES.index(suffix)]) + content)
            count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python fuzz/seeds.py OUTPUT_DIR")
    print(f"{main(Path(sys.argv[1]))} seed files written under {sys.argv[1]}")
