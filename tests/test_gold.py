"""Checks the gold annotations in corpus/gold/ against the gold format (§1 of gold-format.md).

Input: every ``corpus/articles/*.txt`` (YAML front matter between two ``---`` lines, then
the body) and every ``corpus/gold/*.json``.  Output: pass/fail per gold file and per rule.

The checker functions below return a list of problems (empty = valid); the negative rows at
the end show that each rule rejects a broken annotation, e.g. a text that is not verbatim.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from quotegraph.model import QuoteKind, Relation

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpus" / "articles"
GOLD = ROOT / "corpus" / "gold"

KINDS = {k.value for k in QuoteKind}
RELATIONS = {r.value for r in Relation}
TOP_KEYS = {"article", "language", "quotes", "derived_from"}
QUOTE_KEYS = {"text", "kind", "speaker", "cue", "venue", "optional"}
QUOTE_EXTRA = {"note"}
RELATION_KEYS = {"target", "relation", "evidence"}
RELATION_EXTRA = {"stated", "note"}
OPENING_MARKS = ("“", "‘", '"', "''", "«", "„", "‚", "「")
CLOSING_MARKS = ("”", "’", '"', "''", "»", "」")


def split_front_matter(raw: str) -> tuple[dict[str, Any], str]:
    """Front matter (between the first two lines that are exactly ``---``) and the body.

    >>> split_front_matter("---\\nid: a\\n---\\nBody\\n")
    ({'id': 'a'}, 'Body\\n')
    """
    lines = raw.split("\n")
    marks = [i for i, line in enumerate(lines) if line == "---"]
    if len(marks) < 2 or marks[0] != 0:
        return {}, raw
    meta = yaml.safe_load("\n".join(lines[1 : marks[1]])) or {}
    return meta, "\n".join(lines[marks[1] + 1 :])


def load_articles() -> dict[str, tuple[dict[str, Any], str]]:
    """Article id (front-matter ``id`` or file stem) -> (front matter, body)."""
    out = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        out[str(meta.get("id", path.stem))] = (meta, body)
    return out


def _names_ok(value: Any) -> bool:
    """A string, or a non-empty list of non-empty strings (``None`` is checked by the caller)."""
    if isinstance(value, str):
        return bool(value.strip())
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, str) and v.strip() for v in value)
    )


def check_quote(q: Any, body: str) -> list[str]:
    """Problems of one gold quote entry against the article body."""
    if not isinstance(q, dict):
        return ["entry is not an object"]
    problems = []
    if missing := QUOTE_KEYS - q.keys():
        problems.append(f"missing keys {sorted(missing)}")
    if extra := q.keys() - QUOTE_KEYS - QUOTE_EXTRA:
        problems.append(f"unknown keys {sorted(extra)}")
    text = q.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("text is not a non-empty string")
    else:
        if text not in body:
            problems.append(f"text is not a verbatim substring of the body: {text[:60]!r}")
        if text != text.strip():
            problems.append(f"text has surrounding whitespace: {text[:60]!r}")
        if text.startswith(OPENING_MARKS) or text.endswith(CLOSING_MARKS):
            problems.append(f"text keeps its enclosing quotation mark: {text[:60]!r}")
    kind = q.get("kind")
    if kind not in KINDS:
        problems.append(f"kind {kind!r} not in {sorted(KINDS)}")
    if not isinstance(q.get("optional"), bool):
        problems.append("optional is not a boolean")
    if kind == "scare" and q.get("optional") is not True:
        problems.append("scare entry is not optional")
    for key in ("speaker", "venue", "cue"):
        value = q.get(key)
        if value is not None and not _names_ok(value):
            problems.append(f"{key} is neither a string, a list of strings nor null")
    if q.get("speaker") is None and q.get("optional") is False:
        problems.append("required entry without a speaker")
    if "note" in q and not isinstance(q["note"], str):
        problems.append("note is not a string")
    return problems


def check_relation(r: Any, body: str, article_ids: set[str]) -> list[str]:
    """Problems of one ``derived_from`` entry."""
    if not isinstance(r, dict):
        return ["relation is not an object"]
    problems = []
    if missing := RELATION_KEYS - r.keys():
        problems.append(f"missing keys {sorted(missing)}")
    if extra := r.keys() - RELATION_KEYS - RELATION_EXTRA:
        problems.append(f"unknown keys {sorted(extra)}")
    if r.get("relation") not in RELATIONS:
        problems.append(f"relation {r.get('relation')!r} not in {sorted(RELATIONS)}")
    target = r.get("target")
    if not isinstance(target, str) or not target.strip():
        problems.append("target is not a non-empty string")
    elif target[:3].isdigit() and "_" in target and target not in article_ids:
        problems.append(f"target {target!r} looks like an article id not in the corpus")
    evidence = r.get("evidence")
    if not isinstance(evidence, str) or evidence not in body:
        problems.append(f"evidence is not a verbatim substring of the body: {evidence!r}")
    if "stated" in r and not isinstance(r["stated"], bool):
        problems.append("stated is not a boolean")
    if r.get("stated") is False and not r.get("note"):
        problems.append("inferred relation (stated: false) without a note")
    return problems


def check_gold(doc: Any, article_id: str, meta: dict[str, Any], body: str) -> list[str]:
    """Problems of one whole gold document for the article ``article_id``."""
    if not isinstance(doc, dict):
        return ["gold file is not an object"]
    problems = []
    if doc.keys() != TOP_KEYS:
        problems.append(f"top-level keys {sorted(doc.keys())} != {sorted(TOP_KEYS)}")
    if doc.get("article") != article_id:
        problems.append(f"article {doc.get('article')!r} != {article_id!r}")
    if "language" in meta and doc.get("language") != meta["language"]:
        problems.append(f"language {doc.get('language')!r} != {meta['language']!r}")
    quotes = doc.get("quotes")
    if not isinstance(quotes, list):
        return [*problems, "quotes is not a list"]
    for i, q in enumerate(quotes):
        problems += [f"quotes[{i}]: {p}" for p in check_quote(q, body)]
    keys = [(q.get("text"), q.get("kind")) for q in quotes if isinstance(q, dict)]
    if len(keys) != len(set(keys)):
        problems.append("duplicate (text, kind) entries")
    relations = doc.get("derived_from")
    if not isinstance(relations, list):
        return [*problems, "derived_from is not a list"]
    ids = set(load_articles())
    for i, r in enumerate(relations):
        problems += [f"derived_from[{i}]: {p}" for p in check_relation(r, body, ids)]
    return problems


ARTICLE_DATA = load_articles()
GOLD_FILES = sorted(GOLD.glob("*.json"))


def test_one_gold_file_per_article() -> None:
    assert ARTICLE_DATA, "no articles found"
    assert {p.stem for p in GOLD_FILES} == set(ARTICLE_DATA)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_valid(path: Path) -> None:
    meta, body = ARTICLE_DATA[path.stem]
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert check_gold(doc, path.stem, meta, body) == []
    assert any(not q["optional"] for q in doc["quotes"]), "no required quote"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_texts_verbatim_in_ingested_body(path: Path) -> None:
    """The body quotegraph stores must hold the same texts (offsets refer to it)."""
    ingest = pytest.importorskip("quotegraph.ingest")
    if not hasattr(ingest, "read_file"):
        pytest.skip("quotegraph.ingest.read_file not written yet")
    articles = {a.id: a for a in ingest.read_file(ARTICLES / f"{path.stem}.txt")}
    doc = json.loads(path.read_text(encoding="utf-8"))
    body = articles[doc["article"]].body
    assert [q["text"] for q in doc["quotes"] if q["text"] not in body] == []


BODY = "Intro.\n“A website is speech,” he told The Register. Anonymous declared “war”.\n"
META = {"id": "x", "language": "en"}
GOOD = {
    "article": "x",
    "language": "en",
    "quotes": [
        {
            "text": "A website is speech,",
            "kind": "direct",
            "speaker": ["Matthew Prince", "Prince"],
            "cue": "told",
            "venue": "The Register",
            "optional": False,
        },
        {
            "text": "war",
            "kind": "scare",
            "speaker": None,
            "cue": None,
            "venue": None,
            "optional": True,
        },
    ],
    "derived_from": [
        {
            "target": "The Register",
            "relation": "cites",
            "stated": True,
            "evidence": "told The Register",
        }
    ],
}


def _broken(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A copy of GOOD with the item at ``path`` set to ``value`` (or deleted if ``...``)."""
    doc = copy.deepcopy(GOOD)
    node: Any = doc
    for step in path[:-1]:
        node = node[step]
    if value is ...:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (GOOD, None),
        (_broken(("quotes", 0, "text"), "A web site is speech,"), "verbatim"),
        (_broken(("quotes", 0, "text"), "A website is speech."), "verbatim"),
        (_broken(("quotes", 0, "text"), "“A website is speech,"), "enclosing"),
        (_broken(("quotes", 0, "text"), " A website"), "whitespace"),
        (_broken(("quotes", 0, "kind"), "quote"), "kind"),
        (_broken(("quotes", 0, "speaker"), 3), "speaker"),
        (_broken(("quotes", 0, "speaker"), []), "speaker"),
        (_broken(("quotes", 0, "speaker"), None), "without a speaker"),
        (_broken(("quotes", 0, "venue"), ["The Register", ""]), "venue"),
        (_broken(("quotes", 0, "optional"), "no"), "optional"),
        (_broken(("quotes", 0, "cue"), ...), "missing keys"),
        (_broken(("quotes", 0, "confidence"), 0.9), "unknown keys"),
        (_broken(("quotes", 1, "optional"), False), "scare entry"),
        (_broken(("article",), "y"), "article"),
        (_broken(("language",), "id"), "language"),
        (_broken(("derived_from",), ...), "top-level keys"),
        (_broken(("derived_from", 0, "relation"), "copy"), "relation"),
        (_broken(("derived_from", 0, "evidence"), "told the Register"), "evidence"),
        (_broken(("derived_from", 0, "stated"), False), "without a note"),
        (_broken(("derived_from", 0, "target"), "999_nothere"), "article id"),
    ],
)
def test_checker_rejects_broken_annotations(doc: dict[str, Any], expected: str | None) -> None:
    problems = check_gold(doc, "x", META, BODY)
    if expected is None:
        assert problems == []
    else:
        assert any(expected in p for p in problems), problems


def test_front_matter_split_matches_rule() -> None:
    meta, body = split_front_matter("---\nid: a\nlanguage: en\n---\n---\nBody --- text\n")
    assert meta == {"id": "a", "language": "en"}
    assert body == "---\nBody --- text\n"
    assert split_front_matter("No front matter\n") == ({}, "No front matter\n")
