"""``quotegraph eval`` through typer's CliRunner, on temporary files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import quotegraph.extract
from quotegraph.cli import app
from quotegraph.model import Article, QuoteKind, QuoteMention, Span

runner = CliRunner()


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    quotes = [
        {
            "text": "The river is rising fast",
            "kind": "direct",
            "speaker": "Ida Brook",
            "venue": "the Courier",
        },
        {
            "text": "we need sandbags",
            "kind": "partial",
            "speaker": ["Ida Brook", "Brook"],
            "venue": None,
        },
        {"text": "crisis", "kind": "scare"},
    ]
    data = {"article": "flood", "language": "en", "quotes": quotes}
    (gold / "flood.json").write_text(json.dumps(data), encoding="utf-8")
    return gold


def _predictions(tmp_path: Path, items: list[dict[str, Any]]) -> Path:
    path = tmp_path / "pred.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


PREDS: list[dict[str, Any]] = [
    {
        "article": "flood",
        "text": "The river is rising fast.",
        "kind": "direct",
        "speaker": "Ida Brook",
        "venue": "Courier",
    },
    {
        "article": "flood",
        "text": "nothing like the gold",
        "kind": "indirect",
        "speaker": None,
        "venue": None,
    },
]


def test_json_output(gold_dir: Path, tmp_path: Path) -> None:
    pred = _predictions(tmp_path, PREDS)
    result = runner.invoke(
        app, ["eval", "--gold", str(gold_dir), "--predictions", str(pred), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["quotes"]["p"] == 0.5 and data["quotes"]["r"] == 0.5
    assert data["quotes"]["by_kind"]["partial"]["r"] == 0.0
    assert (data["speaker_acc"], data["venue_acc"], data["articles"]) == (1.0, 1.0, 1)
    assert data["exact_f1"] == 0.5


def test_table_and_verbose(gold_dir: Path, tmp_path: Path) -> None:
    pred = _predictions(tmp_path, PREDS)
    result = runner.invoke(
        app, ["eval", "--gold", str(gold_dir), "--predictions", str(pred), "--verbose"]
    )
    assert result.exit_code == 0, result.output
    assert "all quotes" in result.stdout
    assert "we need sandbags" in result.stdout  # listed as a miss
    assert "nothing like the gold" in result.stdout  # listed as a false positive


@pytest.mark.parametrize(
    "args",
    [[], ["--gold", "x", "--polnear", "y"]],
)
def test_usage_errors(args: list[str]) -> None:
    result = runner.invoke(app, ["eval", *args])
    assert result.exit_code == 2


def test_bad_predictions_file_is_exit_1(gold_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--predictions", str(bad)])
    assert result.exit_code == 1


def test_empty_gold_dir_is_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path), "--predictions", "x"])
    assert result.exit_code == 1


def test_polnear_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Ida Brook said: “Stay home tonight.”\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "storm.txt").write_text(text, encoding="utf-8")
    ann = (
        "T1\tSource 0 9\tIda Brook\nT2\tCue 10 14\tsaid\nT3\tContent 16 36\t“Stay home tonight.”\n"
    )
    ann += "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    (tmp_path / "attributions" / "storm_zz.ann").write_text(ann, encoding="utf-8")

    def fake(article: Article) -> list[QuoteMention]:
        start = article.body.index("Stay")
        end = article.body.index("”")
        return [
            QuoteMention(
                article.id,
                Span.of(article.body, start, end),
                QuoteKind.DIRECT,
                speaker_mention=Span.of(article.body, 0, 9),
            )
        ]

    monkeypatch.setattr(quotegraph.extract, "extract_quotes", fake, raising=False)
    result = runner.invoke(app, ["eval", "--polnear", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["subsets"]) == {"all", "quote_bearing", "speech_verb"}
    for subset in data["subsets"].values():
        assert subset["content"]["f1"] == 1.0
        assert subset["source_acc"] == 1.0


def test_default_runs_extraction_on_gold_articles(
    gold_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = gold_dir.parent / "articles"
    articles.mkdir()
    (articles / "flood.txt").write_text("Ida Brook said: The river is rising fast.\n", "utf-8")
    (articles / "other.txt").write_text("Not in the gold set.\n", encoding="utf-8")
    seen: list[str] = []

    def fake(article: Article) -> list[QuoteMention]:
        seen.append(article.id)
        start = article.body.index("The river")
        end = article.body.index(".", start)
        return [
            QuoteMention(
                article.id, Span.of(article.body, start, end), QuoteKind.DIRECT, speaker="Ida Brook"
            )
        ]

    monkeypatch.setattr(quotegraph.extract, "extract_quotes", fake, raising=False)
    result = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    assert seen == ["flood"]  # only articles with a gold file are extracted
    data = json.loads(result.stdout)
    assert data["quotes"]["tp"] == 1 and data["speaker_acc"] == 1.0
    assert data["missing_articles"] == []
