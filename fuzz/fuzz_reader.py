#!/usr/bin/env python3
"""Coverage-guided fuzz target for the article reader (atheris / libFuzzer).

Input: bytes from the fuzzer; the first byte picks the file format (see ``SUFFIXES``), the
rest are the file's bytes, written to a scratch file.  Checks: ``read_file`` either raises
one :class:`~quotegraph.errors.InputError` that names the file on one line, or returns
articles with a safe id, a non-empty UTF-8-encodable body and ISO dates; both runs agree.
Each article read is then run through the extractor with the same checks as
``fuzz_extract.py``.

Run: ``python fuzz/fuzz_reader.py -atheris_runs=2000 fuzz/corpus/reader`` (see fuzz/README.md).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "robustness"))

with atheris.instrument_imports(include=["quotegraph"]):
    from robust_support import extract_checked, read_checked

SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl", ".warc", ".warc.gz")
SCRATCH = Path(tempfile.mkdtemp(prefix="qg-fuzz-reader-"))


def file_of(data: bytes) -> tuple[str, bytes]:
    """(file suffix, file bytes) of one fuzzer input."""
    if not data:
        return ".txt", b""
    return SUFFIXES[data[0] % len(SUFFIXES)], data[1:]


def test_one_input(data: bytes) -> None:
    suffix, content = file_of(data)
    path = SCRATCH / f"input{suffix}"
    path.write_bytes(content)
    result = read_checked(path)
    if isinstance(result, list):
        for article in result:
            extract_checked(article)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
