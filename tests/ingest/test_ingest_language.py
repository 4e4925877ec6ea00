"""Language: given metadata wins; otherwise detection, 'und' when too short."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.ingest import detect_language, normalise, read_file
from quotegraph.ingest.language import language_code

PARAGRAPHS = [
    (
        "en",
        "The mayor told reporters on Friday that the new bridge would open in spring, "
        "two years later than planned, because of rising costs.",
    ),
    (
        "id",
        "Wali kota mengatakan kepada wartawan pada hari Jumat bahwa jembatan baru itu akan "
        "dibuka pada musim semi, dua tahun lebih lambat dari rencana, karena biaya yang naik.",
    ),
    (
        "de",
        "Der Bürgermeister sagte am Freitag vor Journalisten, die neue Brücke werde im "
        "Frühjahr eröffnet, zwei Jahre später als geplant, wegen steigender Kosten.",
    ),
    (
        "fr",
        "Le maire a déclaré vendredi aux journalistes que le nouveau pont ouvrirait au "
        "printemps, deux ans plus tard que prévu, en raison de la hausse des coûts.",
    ),
    (
        "es",
        "El alcalde dijo el viernes a los periodistas que el nuevo puente abriría en "
        "primavera, dos años más tarde de lo previsto, debido al aumento de los costes.",
    ),
    ("und", "OK."),
    ("und", "12 345 678 — 2015"),
    ("und", ""),
]


@pytest.mark.parametrize(("expected", "text"), PARAGRAPHS, ids=[p[0] for p in PARAGRAPHS])
def test_detect_language(expected: str, text: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en", "en"),
        ("EN-us", "en"),
        ("id_ID", "id"),
        ("in", "id"),
        ("ind", "id"),
        ("German", "de"),
        ("fra", "fr"),
        ("pt-BR", "pt"),
        ("klingon", None),
        ("", None),
    ],
)
def test_language_code(value: str, expected: str | None) -> None:
    assert language_code(value) == expected


def test_given_language_wins_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nlanguage: fr\n---\n" + PARAGRAPHS[0][1], encoding="utf-8")
    assert read_file(path)[0].language == "fr"


def test_unknown_given_language_is_detected_and_kept_raw(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nlanguage: klingon\n---\n" + PARAGRAPHS[2][1], encoding="utf-8")
    [article] = read_file(path)
    assert (article.language, article.extra["language_raw"]) == ("de", "klingon")


def test_normalise_is_nfc_and_body_untouched(tmp_path: Path) -> None:
    decomposed = "Cafe\u0301 owner said hello to everyone in the street that morning."
    path = tmp_path / "n.txt"
    path.write_text(decomposed, encoding="utf-8")
    [article] = read_file(path)
    assert article.body == decomposed  # stored as in the file
    assert (
        normalise(article.body).startswith("Café")
        and len(normalise(decomposed)) == len(decomposed) - 1
    )
