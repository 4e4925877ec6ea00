"""The gold scorer: matching, optional entries, per-kind counts, accuracies, JSON shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotegraph.errors import InputError, NotFoundError
from quotegraph.evaluate.gold import GoldArticle, GoldQuote, load_gold, load_predictions
from quotegraph.evaluate.matching import Pair, greedy, match_tokens
from quotegraph.evaluate.scorer import Scores, score, scores_to_json


def q(text: str, kind: str = "direct", speaker: Any = (), venue: Any = (), **kw: Any) -> GoldQuote:
    speaker = (speaker,) if isinstance(speaker, str) else tuple(speaker)
    venue = (venue,) if isinstance(venue, str) else tuple(venue)
    return GoldQuote(text, kind, speaker, venue, **kw)


def p(text: str, kind: str = "direct", article: str = "a", **kw: Any) -> dict[str, Any]:
    return {"article": article, "text": text, "kind": kind, **kw}


def gold_of(*quotes: GoldQuote, article: str = "a") -> dict[str, GoldArticle]:
    return {article: GoldArticle(article, quotes)}


# --- matching -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "matched"),
    [
        ("a b c", "a", True),  # F1 = 2*1/(3+1) = 0.5: on the threshold, matches
        ("a b c d e", "a b x", True),  # 2*2/8 = 0.5
        ("a b c d e", "a b x y", False),  # 2*2/9 < 0.5
        ("a b c d", "a", False),  # 2*1/5 = 0.4
        ("a b c", "x y z", False),
    ],
)
def test_threshold_boundary(gold: str, pred: str, matched: bool) -> None:
    s = score(gold_of(q(gold)), [p(pred)])
    assert s.quotes.matched_gold == int(matched)
    assert s.quotes.p == (1.0 if matched else 0.0)


def test_greedy_takes_best_first_not_document_order() -> None:
    # pred 0 fits gold 1 best (1.0) though it also fits gold 0 (0.8); pred 1 then takes gold 0
    pairs = match_tokens(
        [["a", "b", "c", "d"], ["a", "b", "c"]], [["a", "b", "c"], ["a", "b", "d"]]
    )
    assert [(x.gold, x.pred) for x in pairs] == [(0, 1), (1, 0)]


def test_matching_is_one_to_one() -> None:
    s = score(gold_of(q("we will win this")), [p("we will win this"), p("we will win this")])
    assert (s.quotes.matched_gold, s.quotes.matched_pred, s.quotes.predicted) == (1, 1, 2)
    assert len(s.false_positives) == 1


def test_greedy_prefers_required_gold_on_ties() -> None:
    kept = greedy([Pair(0, 0, 0.7), Pair(1, 0, 0.7)], optional=[True, False])
    assert kept == [Pair(1, 0, 0.7)]


def test_matches_stay_within_their_article() -> None:
    gold = {"a": GoldArticle("a", (q("same words here"),)), "b": GoldArticle("b", ())}
    s = score(gold, [p("same words here", article="b")])
    assert s.quotes.matched_gold == 0
    assert s.quotes.predicted == 1


def test_predictions_for_unknown_articles_are_ignored() -> None:
    s = score(gold_of(q("x y")), [p("x y"), p("x y", article="zzz")])
    assert s.ignored_predictions == 1
    assert s.quotes.p == 1.0


# --- optional entries ------------------------------------------------------------------


def test_optional_entry_neither_required_nor_false_positive() -> None:
    gold = gold_of(q("required words here"), q("an optional scare", "scare", optional=True))
    found = score(gold, [p("required words here"), p("an optional scare", "partial")])
    assert (found.quotes.p, found.quotes.r) == (1.0, 1.0)
    missed = score(gold, [p("required words here")])
    assert (missed.quotes.p, missed.quotes.r) == (1.0, 1.0)
    assert missed.misses == ()


def test_scare_is_always_optional_when_loaded(tmp_path: Path) -> None:
    data = {"article": "a", "quotes": [{"text": "war", "kind": "scare", "optional": False}]}
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_gold(tmp_path)["a"].quotes[0].optional is True


def test_unmatched_prediction_is_false_positive() -> None:
    s = score(gold_of(q("one two three")), [p("one two three"), p("something else entirely")])
    assert s.quotes.p == 0.5
    assert [e.text for e in s.false_positives] == ["something else entirely"]


# --- kinds -----------------------------------------------------------------------------


def test_by_kind_recall_by_gold_kind_precision_by_predicted_kind() -> None:
    gold = gold_of(q("alpha beta gamma", "direct"), q("delta epsilon zeta", "indirect"))
    preds = [p("alpha beta gamma", "partial"), p("unrelated words only", "indirect")]
    s = score(gold, preds)
    assert s.by_kind["direct"].r == 1.0 and s.by_kind["direct"].p is None
    assert s.by_kind["direct"].f1 is None  # no prediction of kind direct: F1 undefined
    assert s.by_kind["indirect"].r == 0.0 and s.by_kind["indirect"].p == 0.0
    assert s.by_kind["partial"].p == 1.0 and s.by_kind["partial"].r is None
    assert scores_to_json(s)["indirect_recall"] == 0.0


# --- speaker, venue, exact -------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_speaker", "predicted", "right"),
    [
        (["Matthew Prince", "Prince"], "prince", True),
        ("The Guardian", "Guardian", True),
        ("Guardian", "the guardian", True),
        ("Matthew Prince", "he", False),
        ("Matthew Prince", None, False),
        ((), None, True),
        ((), "Someone", False),
    ],
)
def test_speaker_accuracy(gold_speaker: Any, predicted: str | None, right: bool) -> None:
    s = score(
        gold_of(q("words of the quote", speaker=gold_speaker)),
        [p("words of the quote", speaker=predicted)],
    )
    assert (s.speaker.correct, s.speaker.total) == (int(right), 1)


def test_speaker_accuracy_ignores_optional_and_unmatched() -> None:
    gold = gold_of(q("optional one here", speaker="A", optional=True), q("missed one", speaker="B"))
    s = score(gold, [p("optional one here", speaker="wrong")])
    assert s.speaker.total == 0
    assert s.speaker_acc is None


@pytest.mark.parametrize(
    ("gold_venue", "predicted", "counted", "right"),
    [
        ("The Register", "Register", 1, 1),
        (["Twitter", "a tweet"], "twitter", 1, 1),
        ("a blog post", None, 1, 0),
        ("a blog post", "Twitter", 1, 0),
        ((), "Twitter", 0, 0),  # null gold venue: not counted
    ],
)
def test_venue_accuracy(gold_venue: Any, predicted: str | None, counted: int, right: int) -> None:
    s = score(
        gold_of(q("the quote text", venue=gold_venue)), [p("the quote text", venue=predicted)]
    )
    assert (s.venue.correct, s.venue.total) == (right, counted)


def test_exact_f1_needs_equal_normalised_text() -> None:
    gold = gold_of(q("“We will win,” she"), q("the other one is longer"))
    s = score(gold, [p("we will win she"), p("the other one is")])
    assert s.quotes.f1 == 1.0
    assert s.exact.matched_gold == 1
    assert s.exact_f1 == pytest.approx(0.5)


def test_empty_predictions() -> None:
    s = score(gold_of(q("a b")), [])
    assert (s.quotes.p, s.quotes.r, s.quotes.f1) == (None, 0.0, 0.0)
    assert [e.text for e in s.misses] == ["a b"]


# --- JSON ------------------------------------------------------------------------------


def test_json_shape() -> None:
    s = score(gold_of(q("a b c", speaker="X", venue="V")), [p("a b c", speaker="X", venue="V")])
    data = scores_to_json(s)
    assert set(data) >= {"quotes", "exact_f1", "speaker_acc", "venue_acc", "articles"}
    assert set(data["quotes"]) >= {"p", "r", "f1", "by_kind"}
    assert data["quotes"]["by_kind"]["direct"]["f1"] == 1.0
    assert (data["speaker_acc"], data["venue_acc"], data["articles"]) == (1.0, 1.0, 1)
    assert json.loads(json.dumps(data)) == data


def test_scores_are_frozen() -> None:
    s = score(gold_of(q("a")), [])
    assert isinstance(s, Scores)
    with pytest.raises(AttributeError):
        s.articles = 3  # type: ignore[misc]


# --- files -----------------------------------------------------------------------------


def _write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("{not json", "not valid JSON"),
        ({"article": "g"}, "'quotes' list"),
        ({"article": "other", "quotes": []}, "differs from the file name"),
        ({"quotes": [{"text": "x", "kind": "shouted"}]}, "kind 'shouted'"),
        ({"quotes": [{"text": " ", "kind": "direct"}]}, "no text"),
        ({"quotes": [{"text": "x", "kind": "direct", "speaker": 3}]}, "speaker must be"),
    ],
)
def test_load_gold_rejects_bad_files(tmp_path: Path, data: Any, reason: str) -> None:
    _write(tmp_path, "g.json", data)
    with pytest.raises(InputError, match=reason):
        load_gold(tmp_path)


def test_load_gold_reads_lists_and_nulls(tmp_path: Path) -> None:
    quote = {"text": "x y", "kind": "direct", "speaker": ["A", "B"], "venue": None}
    _write(tmp_path, "g.json", {"quotes": [quote], "language": "en"})
    article = load_gold(tmp_path)["g"]
    assert (article.id, article.language) == ("g", "en")
    assert (article.quotes[0].speaker, article.quotes[0].venue) == (("A", "B"), ())


def test_load_gold_empty_dir_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        load_gold(tmp_path)


def test_load_predictions_array_and_lines(tmp_path: Path) -> None:
    items = [p("a b"), p("c d")]
    assert load_predictions(_write(tmp_path, "x.json", items)) == items
    lines = "\n".join(json.dumps(i) for i in items)
    assert load_predictions(_write(tmp_path, "y.jsonl", lines)) == items
    with pytest.raises(InputError, match="no 'article'"):
        load_predictions(_write(tmp_path, "z.json", [{"text": "a"}]))


# --- properties ------------------------------------------------------------------------

words = st.lists(
    st.sampled_from(["we", "will", "win", "the", "vote", "now", "“", "—", ","]),
    min_size=1,
    max_size=8,
)


@given(st.lists(st.tuples(words, st.booleans()), min_size=1, max_size=6), st.randoms())
def test_perfect_predictions_score_one_in_any_order(quotes: list, rnd: Any) -> None:
    gold_quotes = tuple(q(" ".join(["word", *ws]), optional=opt) for ws, opt in quotes)
    preds = [p(g.text) for g in gold_quotes]
    rnd.shuffle(preds)
    s = score(gold_of(*gold_quotes), preds)
    if any(not g.optional for g in gold_quotes):
        assert s.quotes.r == 1.0 and s.quotes.p == 1.0 and s.exact.f1 == 1.0
    assert s.false_positives == () and s.misses == ()
