"""`cue_lemmas` in a language file: reporting-verb forms from simplemma's dictionary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quotegraph.extract import extract_quotes
from quotegraph.extract.lexicon import compile_lexicon, lemma_forms, lexicon
from quotegraph.model import Article


@pytest.mark.parametrize(
    ("language", "lemma", "forms", "not_forms"),
    [
        ("en", "say", {"say", "says", "said", "saying"}, {"tell", "told"}),
        ("de", "sagen", {"sagte", "sagt", "gesagt"}, {"erklärte"}),
        ("nl", "zeggen", {"zei", "zegt", "gezegd"}, {"verklaarde"}),
        ("xx", "say", {"say"}, {"said"}),  # no dictionary: the lemma alone
    ],
)
def test_lemma_forms(language: str, lemma: str, forms: set[str], not_forms: set[str]) -> None:
    found = set(lemma_forms(lemma, language))
    assert forms <= found and not (not_forms & found)


def test_cue_lemmas_add_forms_and_listed_cues_win() -> None:
    lex = compile_lexicon({"language": "en", "cues": {"tell": ["said"]}, "cue_lemmas": ["Say"]})
    assert lex.cue_lemma["says"] == lex.cue_lemma["saying"] == "say"
    assert lex.cue_lemma["said"] == "tell"  # the listed form keeps its lemma
    assert "says" not in compile_lexicon({"language": "en"}).cue_lemma


@pytest.fixture
def dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A Dutch language file that lists lemmas only."""
    (tmp_path / "nl.yaml").write_text("language: nl\ncue_lemmas: [zeggen]\n", encoding="utf-8")
    monkeypatch.setenv("QUOTEGRAPH_LANG_DIR", str(tmp_path))
    lexicon.cache_clear()
    yield
    lexicon.cache_clear()


@pytest.mark.usefixtures("dutch")
@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("Jan de Vries zei: “Het is vandaag erg koud in de hele stad.”", "zei"),
        ("Jan de Vries zegt: “Het is vandaag erg koud in de hele stad.”", "zegt"),
        ("Jan de Vries schreeuwde: “Het is vandaag erg koud in de hele stad.”", None),
    ],
)
def test_a_language_added_with_lemmas_only_finds_its_cues(body: str, cue: str | None) -> None:
    found = [m for m in extract_quotes(Article("n1", body, "nl")) if m.cue is not None]
    assert [m.cue.text for m in found if m.cue] == ([cue] if cue else [])
    if cue:
        assert found[0].speaker == "Jan de Vries"
