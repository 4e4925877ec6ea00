"""The seed corpus shipped in corpus/articles reads as expected."""

from __future__ import annotations

from pathlib import Path

from quotegraph.ingest import ReadReport, read_articles

ARTICLES = Path(__file__).resolve().parents[2] / "corpus" / "articles"

EXPECTED = {
    "000_39306b42e49d5551": "id",
    "001_d0cf6070df6f7011": "en",
    "002_17c99d6d23347ac4": "en",
    "003_2416112bceffdeb4": "en",
    "004_9854574e77ac0f23": "en",
}


def test_seed_corpus() -> None:
    report = ReadReport()
    articles = list(read_articles([ARTICLES], report))
    assert report.rejected == []
    assert {a.id: a.language for a in articles} == EXPECTED
    assert [a.id for a in articles] == sorted(EXPECTED)
    by_id = {a.id: a for a in articles}
    assert by_id["004_9854574e77ac0f23"].date == "2015-12-01"
    assert by_id["001_d0cf6070df6f7011"].title == (
        "Web services firm CloudFlare accused by Anonymous of helping Isis"
    )
    for article in articles:  # the body starts right after the front matter
        raw = (ARTICLES / f"{article.id}.txt").read_bytes().decode("utf-8")
        assert raw.endswith(article.body) and not article.body.startswith("---")
        assert raw[: -len(article.body)].rstrip().endswith("---")


def test_detection_agrees_with_given_languages() -> None:
    from quotegraph.ingest import detect_language

    for article in read_articles([ARTICLES]):
        assert detect_language(article.body) == article.language
