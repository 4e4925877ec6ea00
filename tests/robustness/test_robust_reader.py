"""Property tests of the reader: every accepted format, hostile text and metadata.

Either ``read_file`` returns articles that keep the reader's invariants (safe id, non-empty
UTF-8 body, ...) and, where the format stores the body verbatim, the body is exactly the one
written (nothing lost) -- or it raises one InputError naming the file.  Nothing else.
"""

from __future__ import annotations

import html
import json
import tempfile
from pathlib import Path

import robust_strategies as hs
from hypothesis import given, settings
from hypothesis import strategies as st
from robust_support import extract_checked, read_checked

from quotegraph.errors import InputError
from quotegraph.model import Article

SETTINGS = settings(max_examples=200, deadline=None)


def _read(name: str, data: bytes) -> list[Article] | InputError:
    """Write ``data`` to a fresh file called ``name`` and read it with every check."""
    with tempfile.TemporaryDirectory(prefix="qg-robust-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return read_checked(path)


def _yaml_quoted(value: str) -> str:
    # a JSON string is a YAML double-quoted scalar; astral characters stay raw because YAML
    # reads a JSON surrogate-pair escape as two lone surrogates (see test_robust_regressions)
    return json.dumps(value, ensure_ascii=False)


def _accepted(result: object, body: str) -> bool:
    """True when the file was read; a rejection is only allowed for unusable text."""
    if isinstance(result, InputError):
        assert (
            not body.strip()
            or "binary" in result.reason
            or "empty" in result.reason
            or "\x00" in body
            or "front matter" in result.reason
        ), f"a readable body was rejected: {result}"
        return False
    return True


@SETTINGS
@given(body=hs.body, title=hs.meta_value, ident=hs.meta_value, language=hs.language)
def test_txt_front_matter_body_kept_exactly(
    body: str, title: str, ident: str, language: str
) -> None:
    head = f"---\nid: {_yaml_quoted(ident)}\ntitle: {_yaml_quoted(title)}\n"
    head += f"language: {_yaml_quoted(language)}\n---\n"
    result = _read("a.txt", (head + body).encode("utf-8"))
    if _accepted(result, body):
        assert isinstance(result, list)
        [article] = result
        assert article.body == body
        extract_checked(article)


@SETTINGS
@given(body=hs.body, suffix=st.sampled_from([".txt", ".md"]))
def test_txt_and_md_without_header(body: str, suffix: str) -> None:
    result = _read("plain" + suffix, body.encode("utf-8"))
    if _accepted(result, body):
        assert isinstance(result, list)
        [article] = result
        text = body.removeprefix("\ufeff")
        # the whole text, or what follows a header of "Key: value" lines
        assert article.body == text or (text.endswith(article.body) and ":" in text)
        assert article.id == "plain"
        extract_checked(article)


@SETTINGS
@given(
    records=st.lists(
        st.fixed_dictionaries(
            {"text": hs.body}, optional={"id": hs.meta_value, "title": hs.meta_value}
        ),
        min_size=1,
        max_size=4,
    ),
    ascii_only=st.booleans(),
)
def test_jsonl_every_line_read_or_rejected(records: list[dict[str, str]], ascii_only: bool) -> None:
    lines = [json.dumps(r, ensure_ascii=ascii_only) for r in records]
    result = _read("r.jsonl", "\n".join(lines).encode("utf-8"))
    if isinstance(result, InputError):
        # only a record without text may stop read_file (it raises on the first bad record)
        assert "empty body" in result.reason or "binary" in result.reason, result
        return
    assert [a.body for a in result] == [r["text"] for r in records]


@SETTINGS
@given(record=st.fixed_dictionaries({"body": hs.body, "id": hs.meta_value, "lang": hs.language}))
def test_json_single_record_body_kept(record: dict[str, str]) -> None:
    result = _read("r.json", json.dumps(record).encode("utf-8"))
    if _accepted(result, record["body"]):
        assert isinstance(result, list)
        assert [a.body for a in result] == [record["body"]]


@settings(max_examples=100, deadline=None)  # trafilatura is the slow part
@given(body=hs.body, title=hs.meta_value, escape=st.booleans(), lang=hs.language)
def test_html_page(body: str, title: str, escape: bool, lang: str) -> None:
    text = html.escape(body) if escape else body
    page = (
        f'<!doctype html><html lang="{html.escape(lang)}"><head><title>{html.escape(title)}'
        f"</title></head><body><article><h1>{html.escape(title)}</h1><p>{text}</p>"
        f"<p>{text}</p></article></body></html>"
    )
    result = _read("p.html", page.encode("utf-8"))
    if isinstance(result, list):
        for article in result:
            extract_checked(article)


@SETTINGS
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".json", ".jsonl", ".html"]))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    _read("b" + suffix, data)
