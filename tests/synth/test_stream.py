"""The generated stream: reproducible, exact offsets, every pattern, language and relation."""

from __future__ import annotations

from collections import Counter
from itertools import islice

import pytest

from quotegraph.errors import InputError
from quotegraph.synth import SynthArticle, generate
from quotegraph.synth.compose import patterns
from quotegraph.synth.lexicon import LANGUAGES


def _fingerprint(arts: list[SynthArticle]) -> list[tuple[object, ...]]:
    return [(a.article, a.mentions, a.relations, a.figures) for a in arts]


def test_same_seed_same_stream(sample: list[SynthArticle]) -> None:
    assert _fingerprint(list(generate(500, seed=0))) == _fingerprint(sample)


@pytest.mark.parametrize("seed", [1, 2])
def test_other_seed_other_stream(sample: list[SynthArticle], seed: int) -> None:
    other = list(generate(50, seed=seed))
    assert [a.article.body for a in other] != [a.article.body for a in sample[:50]]


def test_prefix_of_longer_run_is_the_shorter_run(sample: list[SynthArticle]) -> None:
    assert _fingerprint(list(generate(40, seed=0))) == _fingerprint(sample[:40])


def test_is_a_lazy_generator() -> None:
    stream = generate(10**9, seed=3)
    assert len(list(islice(stream, 5))) == 5


def test_every_span_is_exact(sample: list[SynthArticle]) -> None:
    checked = 0
    for art in sample:
        body = art.article.body
        for m in art.mentions:
            assert body[m.start : m.end] == m.text, (art.article.id, m)
            for span in (m.cue, m.speaker_mention, m.venue_mention):
                assert span is None or body[span.start : span.end] == span.text
            checked += 1
        for f in art.figures:
            assert body[f.start : f.end] == f.text == str(int(f.text))
    assert checked > 1000


def test_every_attribution_pattern_appears(sample: list[SynthArticle]) -> None:
    seen = Counter(m.pattern for a in sample for m in a.mentions)
    missing = (set(patterns()) | {"scare"}) - set(seen)
    assert not missing


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("kind", {"direct", "partial", "indirect", "tweet", "translated", "scare"}),
        ("variant", {"same", "truncation", "edit", "translation"}),
        ("venue_type", {"outlet", "blog", "social", "statement", "speech", None}),
    ],
)
def test_every_value_appears(sample: list[SynthArticle], field: str, expected: set[object]) -> None:
    assert {getattr(m, field) for a in sample for m in a.mentions} == expected


def test_all_languages_and_relations_appear(sample: list[SynthArticle]) -> None:
    assert {a.article.language for a in sample} == set(LANGUAGES)
    relations = {r.relation for a in sample for r in a.relations}
    assert relations == {"cites", "republication", "rewrite", "translation"}


@pytest.mark.parametrize("mark", ["“", '"', "„", "«", "''"])
def test_quote_mark_variants_appear(sample: list[SynthArticle], mark: str) -> None:
    assert any(mark in a.article.body for a in sample)


@pytest.mark.parametrize("dash", [" – ", " — ", " - "])
def test_dash_variants_appear(sample: list[SynthArticle], dash: str) -> None:
    assert any(dash in m.text for a in sample for m in a.mentions)


def test_derived_articles_are_dated_after_their_sources(
    sample: list[SynthArticle], by_id: dict[str, SynthArticle]
) -> None:
    pairs = [(a, by_id[r.target]) for a in sample for r in a.relations]
    assert len(pairs) > 200
    for derived, source in pairs:
        assert derived.article.date and source.article.date
        assert derived.article.date > source.article.date, (derived.article.id, source.article.id)


def test_republications_contain_the_source_text(
    sample: list[SynthArticle], by_id: dict[str, SynthArticle]
) -> None:
    copies = [
        (a, by_id[r.target])
        for a in sample
        for r in a.relations
        if r.relation in ("republication", "rewrite")
    ]
    assert copies
    for copy, source in copies:
        assert source.article.body.rstrip("\n") in copy.article.body
        assert copy.article.outlet != source.article.outlet
        assert [m.quote_id for m in copy.mentions] == [m.quote_id for m in source.mentions]


def test_translations_keep_quotes_and_anchors(
    sample: list[SynthArticle], by_id: dict[str, SynthArticle]
) -> None:
    translations = [
        (a, by_id[r.target]) for a in sample for r in a.relations if r.relation == "translation"
    ]
    assert translations
    for target, source in translations:
        assert target.article.language != source.article.language == "en"
        assert [m.quote_id for m in target.mentions] == [m.quote_id for m in source.mentions]
        for m in target.mentions:
            if m.speaker_mention and m.speaker_mention.text == m.speaker:
                assert m.speaker in target.article.body
        assert target.article.body.rstrip().endswith(source.article.outlet or "?")


def test_stated_citations_name_the_source_outlet(
    sample: list[SynthArticle], by_id: dict[str, SynthArticle]
) -> None:
    for art in sample:
        for r in art.relations:
            if r.relation == "cites" and r.stated:
                assert r.target_outlet in art.article.body
                assert by_id[r.target].article.outlet == r.target_outlet


def test_figures_drift_between_outlets(sample: list[SynthArticle]) -> None:
    figures = [f for a in sample for f in a.figures]
    assert any(int(f.text) != f.true_value for f in figures)
    assert any(int(f.text) == f.true_value for f in figures)


def test_one_language_only() -> None:
    arts = list(generate(60, seed=4, languages=("de",)))
    assert {a.article.language for a in arts} == {"de"}
    assert all(a.article.body[m.start : m.end] == m.text for a in arts for m in a.mentions)


@pytest.mark.parametrize(
    ("n", "languages"),
    [(-1, ("en",)), (5, ("en", "xx")), (5, ())],
)
def test_bad_arguments_raise_input_error(n: int, languages: tuple[str, ...]) -> None:
    with pytest.raises(InputError):
        list(generate(n, seed=0, languages=languages))
