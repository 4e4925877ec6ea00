"""Seed-specific names live in data files and tests, never in the resolve/link/provenance code."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotegraph

PACKAGES = ["resolve", "link", "provenance"]
SEED_WORDS = [
    "cloudflare",
    "cloudfare",
    "prince",
    "guardian",
    "the register",
    "anonymous",
    "ghostsec",
    "business times",
    "pidato",
    "armchair",
    "fickle",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_no_seed_strings_in_code(package: str) -> None:
    root = Path(quotegraph.__file__).parent / package
    files = sorted(root.glob("*.py"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8").lower()
        assert [w for w in SEED_WORDS if w in text] == [], path.name
