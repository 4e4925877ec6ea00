"""Normalisation, token overlap and name comparison used by the scorer."""

from __future__ import annotations

import pytest

from quotegraph.evaluate.normalise import (
    fold_marks,
    name_matches,
    normalise,
    normalise_name,
    token_f1,
    tokens,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“Yes”", "yes"),
        ("„Ja“", "ja"),
        ("«Oui»", "oui"),
        ("‹non›", "non"),
        ("「はい」", "はい"),
        ('"plain"', "plain"),
        ("＂wide＂", "wide"),
        ("don’t", "dont"),
        ("don't", "dont"),
        ("don‘t", "dont"),
        ("donʼt", "dont"),
        ("a—b", "a b"),
        ("a–b", "a b"),
        ("a-b", "a b"),
        ("a−b", "a b"),
        ("wait…", "wait"),
        ("wait...", "wait"),
        ("ＦＵＬＬ width", "full width"),
        ("STRASSE Straße", "strasse strasse"),
        ("  many \n\t spaces  ", "many spaces"),
        ("¡Hola! ¿Qué?", "hola qué"),
        ("", ""),
    ],
)
def test_normalise_table(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“It’s over — done…”", '"It\'s over - done..."'),
        ("‘quoted’", "'quoted'"),
        ("«x» ‒ y ⋯", '"x" - y ...'),
    ],
)
def test_variants_fold_to_one_form(a: str, b: str) -> None:
    assert fold_marks(a) == fold_marks(b)
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("accent é", "accent e"), ("one two", "one  three"), ("12", "1 2")],
)
def test_normalise_keeps_real_differences(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("a b c d", "a b c d", 1.0),
        ("a b c d", "a b", 2 * 2 / 6),
        ("a a b", "a b b", 2 * 2 / 6),  # multiset overlap
        ("a b", "c d", 0.0),
        ("", "a", 0.0),
        ("“A, b!”", "a b", 1.0),
    ],
)
def test_token_f1(a: str, b: str, expected: float) -> None:
    assert token_f1(a, b) == pytest.approx(expected)


def test_tokens_are_words() -> None:
    assert tokens("He said: “Stop, now.”") == ["he", "said", "stop", "now"]


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("The Register", ("Register",), True),
        ("register", ("The Register",), True),
        ("THE  register.", ("the Register",), True),
        ("Prince", ("Matthew Prince", "Prince"), True),
        ("Matthew", ("Matthew Prince", "Prince"), False),
        ("Theresa May", ("Resa May",), False),  # only the word "the" is dropped
        (None, ("Prince",), False),
        (None, (), True),  # gold null: right only without a prediction
        ("Prince", (), False),
        ("", ("Prince",), False),
    ],
)
def test_name_matches(predicted: str | None, gold: tuple[str, ...], expected: bool) -> None:
    assert name_matches(predicted, gold) is expected


def test_normalise_name_drops_only_leading_the() -> None:
    assert normalise_name("The Other The") == "other the"
