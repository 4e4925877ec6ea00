"""Word-by-word translation: phrases, capitals, and anchors left untouched."""

from __future__ import annotations

import pytest

from quotegraph.synth.lexicon import LANGUAGES, lexicon, translate

ROWS = [
    # (text, language, keep, expected)
    ("We will comply.", "de", (), "Wir werden uns fügen."),
    ("according to the police", "es", (), "según la policía"),
    ("The plan", "id", (), "Rencana"),  # a dropped article passes its capital on
    ("Mara Quillan said 34.", "fr", ("Mara Quillan",), "Mara Quillan a déclaré 34."),
    ("@CorvaneLabs failing #OpGreyhaven", "id", (), "@CorvaneLabs failing #OpGreyhaven"),
    ("The Daily Meridian said", "de", ("The Daily Meridian",), "The Daily Meridian sagte"),
    # negatives: English stays English; unknown words stay as they are
    ("We will comply.", "en", (), "We will comply."),
    ("Zorblax quux", "fr", (), "Zorblax quux"),
]


@pytest.mark.parametrize(("text", "language", "keep", "expected"), ROWS)
def test_translate(text: str, language: str, keep: tuple[str, ...], expected: str) -> None:
    assert translate(text, language, keep) == expected


def test_name_not_kept_is_translated() -> None:
    assert translate("The Daily Meridian said", "de") != "The Daily Meridian sagte"


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_lexicon_row_has_every_language(language: str) -> None:
    assert len(lexicon(language)) > 300
