"""HTML, JSON, JSON Lines and WARC input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.ingest import ReadReport, read_articles, read_file, reader
from quotegraph.ingest.warc import uri_id

PARAGRAPH_EN = (
    "The minister said on Monday that the government would announce a new fuel policy "
    "next week, after months of protests in several cities across the country."
)
PARAGRAPH_DE = (
    "Der Minister sagte am Montag, die Regierung werde in der nächsten Woche eine neue "
    "Energiepolitik vorstellen, nachdem es monatelang Proteste gegeben hatte."
)


def page(body: str, head: str = "", lang: str = "en") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body><nav>Home | World | Sport</nav><article>{body}</article>"
        "<footer>Copyright 2021 Example Media</footer></body></html>"
    )


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    head = (
        "<title>Minister announces policy | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2021-03-04T08:00:00Z">'
        '<link rel="canonical" href="https://news.example.org/a/1">'
    )
    body = f"<h1>Minister announces policy</h1><p>{PARAGRAPH_EN}</p><p>{PARAGRAPH_EN}</p>"
    path = tmp_path / "story.html"
    path.write_text(page(body, head), encoding="utf-8")
    [article] = read_file(path)
    assert article.id == "story"
    assert PARAGRAPH_EN in article.body
    assert "Copyright" not in article.body and "Sport" not in article.body
    assert article.title is not None and "Minister announces policy" in article.title
    assert (article.outlet, article.date) == ("Example News", "2021-03-04")
    assert (article.url, article.language) == ("https://news.example.org/a/1", "en")


def test_html_lang_attribute_wins_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "de.htm"
    path.write_text(page(f"<p>{PARAGRAPH_EN}</p>", lang="de-AT"), encoding="utf-8")
    assert read_file(path)[0].language == "de"


def test_html_detects_language_when_undeclared(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    path.write_text(f"<html><body><article><p>{PARAGRAPH_DE}</p></article></body></html>")
    assert read_file(path)[0].language == "de"


def test_json_single_and_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": PARAGRAPH_EN, "publisher": "AP", "lang": "en-US"}))
    listed = tmp_path / "many.json"
    listed.write_text(
        json.dumps(
            [
                {"id": "x-1", "body": PARAGRAPH_DE, "source": {"name": "DW"}, "date": "2020-01-02"},
                {"text": PARAGRAPH_EN, "title": "T", "views": 3},
            ]
        )
    )
    [one] = read_file(single)
    assert (one.id, one.body, one.outlet, one.language) == ("one", PARAGRAPH_EN, "AP", "en")
    first, second = read_file(listed)
    assert (first.id, first.outlet, first.date, first.language) == ("x-1", "DW", "2020-01-02", "de")
    assert (second.id, second.title, second.extra["views"]) == ("many-2", "T", "3")


def test_jsonl_bad_line_rejected_others_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": PARAGRAPH_EN}),
        "{not json",
        "",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps(["a list"]),
        json.dumps({"id": "e", "text": PARAGRAPH_DE}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = ReadReport()
    assert [a.id for a in read_articles([path], report)] == ["a", "e"]
    reasons = [(e.source, e.reason) for e in report.rejected]
    assert [source for source, _ in reasons] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    assert "invalid JSON" in reasons[0][1]
    assert "no 'text' or 'body'" in reasons[1][1]
    assert "expected an object" in reasons[2][1]
    assert report.read == 2


@pytest.mark.parametrize("block", [16, 200, 8_000_000])
def test_jsonl_is_streamed_in_blocks_of_whole_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    """Past the one-document size limit a feed is read in blocks; ids and line numbers
    come out as if the file were read at once, whatever the block size."""
    monkeypatch.setattr(reader, "JSONL_BLOCK_BYTES", block)
    lines = [json.dumps({"id": f"r{i}", "text": PARAGRAPH_EN}) for i in range(5)]
    lines[2] = "{broken"
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ReadReport()
    assert [a.id for a in read_articles([path], report)] == ["r0", "r1", "r3", "r4"]
    assert [e.source for e in report.rejected] == [f"{path}:3"]


def test_empty_jsonl_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    report = ReadReport()
    assert list(read_articles([path], report)) == []
    assert [e.reason for e in report.rejected] == ["empty file"]


def _record(
    writer: WARCWriter,
    uri: str,
    html: str,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(html.encode("utf-8")),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2019-05-06T07:08:09Z"},
        )
    )


def make_warc(path: Path, gz: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gz)
        _record(writer, "https://a.example.com/news/1", page(f"<p>{PARAGRAPH_EN}</p>"))
        _record(writer, "https://a.example.com/logo.png", "PNG", content_type="image/png")
        _record(writer, "https://a.example.com/moved", "", status="301 Moved")
        _record(writer, "https://b.example.com/2", page(f"<p>{PARAGRAPH_DE}</p>", lang="de"))
        _record(writer, "https://b.example.com/empty", "<html><body><p> </p></body></html>")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    make_warc(path, gz=name.endswith(".gz"))
    report = ReadReport()
    articles = list(read_articles([path], report))
    assert [a.url for a in articles] == ["https://a.example.com/news/1", "https://b.example.com/2"]
    assert articles[0].id == uri_id("https://a.example.com/news/1")
    assert articles[0].id.startswith("a.example.com-")
    assert [a.language for a in articles] == ["en", "de"]
    assert articles[0].date == "2019-05-06"  # the page has none: WARC-Date
    assert articles[0].body == PARAGRAPH_EN
    [empty] = report.rejected
    assert empty.source.startswith(f"{path}@") and "no main text" in empty.reason


def test_warc_truncated_keeps_earlier_records(tmp_path: Path) -> None:
    good = tmp_path / "good.warc"
    make_warc(good, gz=False)
    data = good.read_bytes()
    second = data.index(b"WARC/1.", 10)
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:second] + b"WARC/1.0\r\nthis is not a header\r\n\r\n" + data[second:])
    report = ReadReport()
    articles = list(read_articles([broken], report))
    assert [a.url for a in articles] == ["https://a.example.com/news/1"]
    assert report.rejected[0].source == f"{broken}@{second}"
    assert "malformed or truncated WARC record" in report.rejected[0].reason


def test_warc_gz_garbage_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"hello, this is not a web archive\n"))
    report = ReadReport()
    assert list(read_articles([path], report)) == []
    assert "WARC" in report.rejected[0].reason


@pytest.mark.parametrize("where", ["header", "payload"])
def test_warc_cut_mid_record_reports_its_offset(tmp_path: Path, where: str) -> None:
    good = tmp_path / "good.warc"
    make_warc(good, gz=False)
    data = good.read_bytes()
    german = data.index(PARAGRAPH_DE.encode("utf-8"))
    start = data.rindex(b"WARC/1.", 0, german)
    end = start + 40 if where == "header" else german + 20
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:end])
    report = ReadReport()
    assert [a.url for a in read_articles([cut], report)] == ["https://a.example.com/news/1"]
    [error] = report.rejected
    assert error.source == f"{cut}@{start}" and "truncated" in error.reason


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    text = (
        "Министр заявил журналистам, что правительство объявит новую политику на следующей неделе."
    )
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"</head><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(html.encode("cp1251"))
    [article] = read_file(path)
    assert text in article.body and article.language == "ru"


def test_json_text_key_preferred_and_null_record(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    path.write_text(json.dumps([{"body": "<p>raw</p>", "text": PARAGRAPH_EN}, None]))
    report = ReadReport()
    [article] = read_articles([path], report)
    assert article.body == PARAGRAPH_EN and article.extra["body"] == "<p>raw</p>"
    assert report.rejected[0].source == f"{path}#2"
    assert "JSON null" in report.rejected[0].reason
