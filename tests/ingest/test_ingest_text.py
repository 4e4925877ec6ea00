"""Plain-text and Markdown articles: headers, bodies byte for byte, ids and dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.errors import InputError
from quotegraph.ingest import read_file
from quotegraph.ingest.meta import parse_date, sanitise_id

BODY = "Line one said “hi”.\n\nSecond paragraph — with an em dash.\n"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def test_front_matter_fields_and_body_exact(tmp_path: Path) -> None:
    text = (
        "---\nid: art-1\nlanguage: en\noutlet: The Register\nurl: https://x.org/a\n"
        'date: 01 Dec 2015\ntitle: "A: title"\nauthor: Jo\ntags: [a, b]\n---\n' + BODY
    )
    [article] = read_file(write(tmp_path, "file.txt", text))
    assert article.id == "art-1"
    assert (article.language, article.outlet, article.url) == (
        "en",
        "The Register",
        "https://x.org/a",
    )
    assert (article.date, article.title) == ("2015-12-01", "A: title")
    assert article.body == BODY
    assert dict(article.extra) == {"author": "Jo", "tags": "a, b"}


def test_front_matter_values_stay_strings(tmp_path: Path) -> None:
    [article] = read_file(
        write(tmp_path, "f.txt", "---\nid: 0012\ndate: 2015-12-01\n---\nHi there.\n")
    )
    assert article.id == "0012"  # YAML 1.1 would read an octal 10
    assert article.date == "2015-12-01"


def test_key_value_header_case_insensitive(tmp_path: Path) -> None:
    text = "Title: Hello world\nURL: https://x.org/b\nDate: Dec 1, 2015\nSource: Reuters\n\n" + BODY
    [article] = read_file(write(tmp_path, "scraped.txt", text))
    assert (article.id, article.title, article.url) == ("scraped", "Hello world", "https://x.org/b")
    assert (article.date, article.outlet) == ("2015-12-01", "Reuters")
    assert article.body == BODY


@pytest.mark.parametrize(
    "text",
    [
        "Dateline: Paris\n\nThe rest.",  # unknown key: not a header
        "Title: Hello\nno blank line after it.\n",  # header must end with a blank line
        "Said the man: hello.\n\nMore.",  # not key-like
    ],
)
def test_not_a_header_keeps_whole_text(tmp_path: Path, text: str) -> None:
    [article] = read_file(write(tmp_path, "plain.txt", text))
    assert article.body == text
    assert article.title is None


def test_no_header_and_markdown(tmp_path: Path) -> None:
    [plain] = read_file(write(tmp_path, "plain.txt", BODY))
    [md] = read_file(write(tmp_path, "note.md", "---\ntitle: T\n---\n# Heading\n\n" + BODY))
    assert (plain.id, plain.body) == ("plain", BODY)
    assert (md.id, md.title, md.body) == ("note", "T", "# Heading\n\n" + BODY)


def test_crlf_and_bom_preserved_in_body(tmp_path: Path) -> None:
    raw = "\ufeff---\r\nid: w\r\n---\r\nA line.\r\nB line.\r\n".encode()
    [article] = read_file(write(tmp_path, "w.txt", raw))
    assert article.body == "A line.\r\nB line.\r\n"


def test_declared_latin1_charset(tmp_path: Path) -> None:
    raw = "---\nencoding: latin-1\nid: l\n---\nGrüße aus Köln.\n".encode("latin-1")
    [article] = read_file(write(tmp_path, "l.txt", raw))
    assert article.body == "Grüße aus Köln.\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2015-12-01", "2015-12-01"),
        ("2015-12-01T10:20:00+01:00", "2015-12-01"),
        ("01 Dec 2015", "2015-12-01"),
        ("1 December 2015", "2015-12-01"),
        ("December 1, 2015", "2015-12-01"),
        ("Tue, 01 Dec 2015 10:00:00 GMT", "2015-12-01"),
        ("2015/12/01", "2015-12-01"),
        ("1. Dezember 2015", "2015-12-01"),
        ("2015-13-45", None),
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_parse_date(raw: str, expected: str | None) -> None:
    assert parse_date(raw) == expected


def test_unparseable_date_kept_raw(tmp_path: Path) -> None:
    [article] = read_file(write(tmp_path, "d.txt", "---\ndate: sometime soon\n---\nBody text.\n"))
    assert article.date is None
    assert article.extra["date_raw"] == "sometime soon"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("000_39306b42e49d5551", "000_39306b42e49d5551"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c d", "a-b-c-d"),
        (".hidden", "hidden"),
        ("-rf", "rf"),
        ("naïve café", "naive-cafe"),
        ("x..y", "x.y"),
    ],
)
def test_sanitise_id(raw: str, expected: str) -> None:
    assert sanitise_id(raw) == expected


def test_sanitise_id_long_and_empty_stay_unique() -> None:
    long_a, long_b = sanitise_id("a" * 300), sanitise_id("a" * 299 + "b")
    assert len(long_a) <= 100 and long_a != long_b
    assert sanitise_id("新闻") != sanitise_id("报道")
    assert sanitise_id("新闻").startswith("id-")


def test_unsafe_id_sanitised_raw_kept(tmp_path: Path) -> None:
    [article] = read_file(write(tmp_path, "u.txt", "---\nid: ../evil/id\n---\nBody text.\n"))
    assert article.id == "evil-id"
    assert article.extra["raw_id"] == "../evil/id"


def test_read_file_raises_without_report(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="never closed"):
        read_file(write(tmp_path, "bad.txt", "---\nid: a\nno end\n"))
