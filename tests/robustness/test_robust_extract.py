"""Property tests of the extractor: any text, no crash, spans inside the body, deterministic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import robust_strategies as hs
from hypothesis import example, given, settings
from hypothesis import strategies as st
from robust_support import HOSTILE_BODIES, extract_checked

from quotegraph.model import Article

SETTINGS = settings(max_examples=200, deadline=None)


@SETTINGS
@given(body=hs.body, language=hs.language)
@example(body="“We will win,” Jane Doe told The Daily Star.", language="en")
def test_extract_any_body(body: str, language: str) -> None:
    extract_checked(Article("a", body, language or "und"))


@SETTINGS
@given(st.text(max_size=300))
def test_extract_arbitrary_unicode(body: str) -> None:
    extract_checked(Article("u", body, "en"))


@SETTINGS
@given(
    st.lists(st.sampled_from(["“", "”", "‘", "’", '"', "'", "''", "«", "»", "„", "‚", "x", " "]))
)
def test_extract_only_marks(marks: list[str]) -> None:
    extract_checked(Article("m", "said Jane Doe " + "".join(marks), "en"))


@SETTINGS
@given(hs.odd_name, st.sampled_from(["“", "«", "„", '"']), st.sampled_from(["”", "»", "“", '"']))
def test_extract_joiners_inside_names(name: str, left: str, right: str) -> None:
    body = f"{left}The roads will be fixed,{right} {name} said. {name} added that it was true."
    extract_checked(Article("n", body, "en"))


@pytest.mark.parametrize("body", HOSTILE_BODIES)
@pytest.mark.parametrize("language", ["en", "fr", "und"])
def test_extract_hostile_bodies(body: str, language: str) -> None:
    extract_checked(Article("h", body, language))


def test_extract_finds_quotes_in_hostile_bodies() -> None:
    """The invariants are not vacuous: the hostile bodies do yield mentions."""
    found = sum(len(extract_checked(Article("h", b, "en"))) for b in HOSTILE_BODIES)
    assert found >= len(HOSTILE_BODIES) // 2


BIG_PARAGRAPH = """
import sys
sys.path.insert(0, sys.argv[1])
from quotegraph.model import Article
from quotegraph.extract import extract_quotes
from robust_support import big_paragraph, check_mentions
article = Article("big", big_paragraph(5_000_000), "en")
mentions = list(extract_quotes(article))
check_mentions(article, mentions)
print(len(mentions))
"""


@pytest.mark.slow
def test_extract_five_megabyte_paragraph() -> None:
    """One 5 MB paragraph of hostile quotes and filler: completes, keeps the invariants.

    Run in a child process so that a quadratic regression fails the test instead of hanging
    the suite (the limit is generous: it takes a few seconds).
    """
    here = str(Path(__file__).parent)
    done = subprocess.run(
        [sys.executable, "-c", BIG_PARAGRAPH, here],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert int(done.stdout.strip()) > 1000
