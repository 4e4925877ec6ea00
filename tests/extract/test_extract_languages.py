"""Realistic news paragraphs in German, French, Spanish and Indonesian (written for these tests).

Each row: language, paragraph, a piece of the expected mention's text, its kind, its speaker
(None: not attributed) and its cue.  Negative rows check what must not happen.
"""

from __future__ import annotations

import pytest

from quotegraph.extract import extract_quotes
from quotegraph.model import Article, QuoteMention


def mentions(body: str, lang: str) -> list[QuoteMention]:
    return list(extract_quotes(Article("t", body, lang)))


ROWS = [
    # German: „…“, sagte sie / sagte der <Rolle> <Name> / a tag inside the quote / sagte, …
    (
        "de",
        "Die Bürgermeisterin von Lindau, Anna Berger, hat den Haushalt verteidigt. "
        "„Wir haben keine andere Wahl“, sagte sie am Montag.",
        "Wir haben keine andere Wahl",
        "direct",
        "Anna Berger",
        "sagte",
    ),
    (
        "de",
        "„Das ist ein schwarzer Tag für die Region“, sagte der Gewerkschaftschef Peter Wolf "
        "der Nachrichtenagentur dpa.",
        "Das ist ein schwarzer Tag",
        "direct",
        "Peter Wolf",
        "sagte",
    ),
    (
        "de",
        "Der Betriebsrat Thomas Krüger kritisierte den Plan. „Wir werden“, sagte er, "
        "„die Entscheidung nicht hinnehmen.“",
        "die Entscheidung nicht hinnehmen.",
        "direct",
        "Thomas Krüger",
        "sagte",
    ),
    (
        "de",
        "Die Ministerin Julia Kraus sagte, die Regierung werde die Hilfen verlängern.",
        "die Regierung werde die Hilfen verlängern",
        "indirect",
        "Julia Kraus",
        "sagte",
    ),
    # French: « … », a-t-il déclaré / a déclaré la ministre X / selon X / partial « … »
    (
        "fr",
        "Le maire de Rennes, Paul Martin, a défendu le budget. « Nous n'avons pas le choix », "
        "a-t-il déclaré lundi.",
        "Nous n'avons pas le choix",
        "direct",
        "Paul Martin",
        "déclaré",
    ),
    (
        "fr",
        "« C'est une journée noire pour la région », a déclaré la ministre Claire Dubois au "
        "journal Le Monde.",
        "C'est une journée noire",
        "direct",
        "Claire Dubois",
        "déclaré",
    ),
    (
        "fr",
        "Selon le syndicat, plus de 2 000 salariés ont fait grève.",
        "plus de 2 000 salariés ont fait grève",
        "indirect",
        "le syndicat",
        "Selon",
    ),
    (
        "fr",
        "Paul Martin a estimé que la réforme était « injuste et mal préparée ».",
        "injuste et mal préparée",
        "partial",
        "Paul Martin",
        "estimé",
    ),
    # Spanish: «…», dijo (no subject) / dijo la ministra X / según X / dijo que …
    (
        "es",
        "El alcalde de Valencia, Juan Pérez, defendió el presupuesto. «No tenemos otra opción», "
        "dijo el lunes.",
        "No tenemos otra opción",
        "direct",
        "Juan Pérez",
        "dijo",
    ),
    (
        "es",
        "«Es un día negro para la región», dijo la ministra Ana López a la agencia EFE.",
        "Es un día negro",
        "direct",
        "Ana López",
        "dijo",
    ),
    (
        "es",
        "Según el sindicato, más de 2.000 trabajadores secundaron la huelga.",
        "más de 2.000 trabajadores",
        "indirect",
        "el sindicato",
        "Según",
    ),
    (
        "es",
        "La ministra Ana López dijo que el Gobierno prorrogará las ayudas.",
        "el Gobierno prorrogará las ayudas",
        "indirect",
        "Ana López",
        "dijo",
    ),
    # Indonesian: "…," kata dia / ujar Menteri X / Menurut X / mengatakan bahwa …
    (
        "id",
        'Gubernur Jawa Barat, Budi Santoso, membela anggaran tersebut. "Kami tidak punya '
        'pilihan lain," kata dia di Bandung, Senin.',
        "Kami tidak punya pilihan lain",
        "direct",
        "Budi Santoso",
        "kata",
    ),
    (
        "id",
        '"Ini hari yang kelam bagi daerah kami," ujar Menteri Siti Rahayu kepada wartawan.',
        "Ini hari yang kelam",
        "direct",
        "Siti Rahayu",
        "ujar",
    ),
    (
        "id",
        "Menurut Budi Santoso, proyek itu akan selesai tahun depan.",
        "proyek itu akan selesai",
        "indirect",
        "Budi Santoso",
        "Menurut",
    ),
    (
        "id",
        "Siti Rahayu mengatakan bahwa pemerintah akan memperpanjang bantuan.",
        "pemerintah akan memperpanjang bantuan",
        "indirect",
        "Siti Rahayu",
        "mengatakan",
    ),
    # negatives: no antecedent -> no speaker (a capitalised German noun is no antecedent)
    (
        "de",
        "Der Haushalt wurde beschlossen. „Wir sind bereit“, sagte sie.",
        "Wir sind bereit",
        "direct",
        None,
        "sagte",
    ),
    ("es", "«No tenemos otra opción», dijo el lunes.", "No tenemos otra", "direct", None, None),
    # ... a list of people is no apposition: the role stays with the first
    (
        "en",
        "Acme CEO Jane Doe, Bob Roe, and Ann Lee met. “We agree,” she said.",
        "We agree,",
        "direct",
        "Jane Doe",
        "said",
    ),
]


@pytest.mark.parametrize(("lang", "body", "text", "kind", "speaker", "cue"), ROWS)
def test_news_paragraphs(
    lang: str, body: str, text: str, kind: str, speaker: str | None, cue: str | None
) -> None:
    found = [m for m in mentions(body, lang) if text in m.text]
    assert found, [(m.kind.value, m.text) for m in mentions(body, lang)]
    m = found[0]
    got_cue = m.cue.text if m.cue else None
    assert (m.kind.value, m.speaker) == (kind, speaker)
    if cue is not None:
        assert got_cue == cue


def test_german_inverted_tag_is_no_reported_clause() -> None:
    body = "Anna Berger leitet die Stadt. „Wir sind bereit“, sagte sie am Montag."
    assert [m for m in mentions(body, "de") if m.kind.value == "indirect"] == []


def test_german_article_between_names_is_no_particle() -> None:
    body = "„Es reicht“, sagte Peter Wolf der Zeitung. Ursula von der Leyen schwieg."
    m = mentions(body, "de")[0]
    assert m.speaker == "Peter Wolf"
    assert m.venue != "Peter Wolf der Zeitung"


def test_time_word_is_no_speaker_but_a_role_noun_is() -> None:
    said = mentions("«Vamos a recurrir la sentencia», dijo el portavoz.", "es")[0]
    assert said.speaker_mention is not None and said.speaker_mention.text == "el portavoz"
    when = mentions("«Vamos a recurrir la sentencia», dijo el lunes.", "es")[0]
    assert when.speaker_mention is None


def test_addressee_after_french_cue_is_the_venue_not_the_speaker() -> None:
    ms = mentions("« Rien ne change », a déclaré à Radio Ville.", "fr")
    assert ms and ms[0].speaker != "Radio Ville"
    body = "« Rien ne change », Claire Dubois, ministre de la Santé, a déclaré à Radio Ville."
    m = mentions(body, "fr")[0]
    assert (m.speaker, m.venue) == ("Claire Dubois", "Radio Ville")
