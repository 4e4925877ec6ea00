"""Terminal renderers: variants highlighted, fragments and parts told apart, text never markup."""

from __future__ import annotations

from typing import Any

import pytest
from rich.console import Console

from quotegraph.views.terminal import conflict_view, who_said_view, word_diff


def _plain(renderable: Any, width: int = 200) -> str:
    console = Console(width=width, color_system=None)
    with console.capture() as cap:
        console.print(renderable)
    return cap.get()


@pytest.mark.parametrize(
    ("canonical", "variant", "dropped", "added"),
    [
        ("I'd suggest this was armchair", "this was armchair", ["I'd", "suggest"], []),
        ("the mob is fickle", "the crowd is fickle", ["mob"], ["crowd"]),
        ("it’s hard – really", "it's hard - really", [], []),  # marks and dashes are not edits
        ("Isis is here", "ISIS is here", [], []),  # nor is case
    ],
)
def test_word_diff_marks_only_real_edits(
    canonical: str, variant: str, dropped: list[str], added: list[str]
) -> None:
    text = word_diff(canonical, variant)
    struck = [text.plain[s.start : s.end].strip() for s in text.spans if "strike" in str(s.style)]
    green = [text.plain[s.start : s.end].strip() for s in text.spans if "green" in str(s.style)]
    assert " ".join(struck).split() == dropped
    assert " ".join(green).split() == added


def _match(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "quote": "q1",
        "text": "The mob is fickle [and] <b>loud</b>.",
        "score": 0.9,
        "speaker": {"id": "p", "name": "Pat Doe"},
        "origin": {"label": "interview with The Daily", "date": None},
        "first_article": {"article": "a2", "date": "2020-01-02"},
        "articles": [
            {"article": "a1", "text": "The mob is fickle [and] <b>loud</b>.", "kind": "direct"},
            {"article": "a2", "text": "mob is fickle", "kind": "partial", "date": "2020-01-02"},
            {"article": "a3", "text": "The crowd is fickle [and] <b>loud</b>.", "kind": "direct"},
            {"article": "a4", "text": "Something else entirely said", "kind": "direct"},
        ],
    }
    base.update(over)
    return base


def test_who_said_view_shows_everything_a_reader_needs() -> None:
    conflicts = [{"quote": "q1", "type": "speaker", "summary": "Pat Doe vs Acme", "evidence": []}]
    out = _plain(who_said_view(_match(), conflicts))
    assert "Pat Doe" in out and "[and] <b>loud</b>" in out  # text printed literally
    assert "origin: interview with The Daily, date unknown" in out
    assert "earliest dated; 3 undated" in out
    assert "printed in 4 article(s)" in out
    assert "a2: fragment: mob is fickle" in out
    assert "a4: other part: Something else" in out
    assert "crowd" in out
    assert "speaker: Pat Doe vs Acme" in out


def test_who_said_view_without_origin_or_conflicts() -> None:
    out = _plain(who_said_view(_match(origin=None, first_article=None), []))
    assert "origin: not named by any article" in out
    assert "conflicts" not in out


def test_conflict_view_lists_evidence() -> None:
    c = {
        "type": "figure",
        "summary": "34 (a) vs 37 (b)",
        "evidence": [{"article": "a", "sentence": "34 sites"}, {"article": "b", "text": "37"}],
    }
    out = _plain(conflict_view(c))
    assert "figure: 34 (a) vs 37 (b)" in out
    assert "a: 34 sites" in out and "b: 37" in out
