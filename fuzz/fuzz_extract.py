#!/usr/bin/env python3
"""Coverage-guided fuzz target for the quote extractor (atheris / libFuzzer).

Input: bytes from the fuzzer; the first byte picks the article language, the rest is decoded
as UTF-8 (bad bytes replaced) into the article body.  Checks: ``extract_quotes`` raises
nothing, every span lies inside the body and equals its slice, content spans are unique and
the parts of one quote do not overlap, and two runs give the same mentions.

Run: ``python fuzz/fuzz_extract.py -atheris_runs=2000 fuzz/corpus/extract`` (see fuzz/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "robustness"))

with atheris.instrument_imports(include=["quotegraph"]):
    from robust_support import extract_checked

    from quotegraph.model import Article

LANGUAGES = ("en", "fr", "de", "id", "es", "und", "ar", "ja")


def body_of(data: bytes) -> tuple[str, str]:
    """(language, body) of one fuzzer input."""
    if not data:
        return "en", ""
    return LANGUAGES[data[0] % len(LANGUAGES)], data[1:].decode("utf-8", "replace")


def test_one_input(data: bytes) -> None:
    language, body = body_of(data)
    extract_checked(Article("fuzz", body, language))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
