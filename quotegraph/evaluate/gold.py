"""Reading gold annotation files (gold-format §1) and prediction files (§2).

Input: a directory of ``<article id>.json`` gold files, or a JSON file written by
``quotegraph extract --json``.  Output: :class:`GoldArticle` objects keyed by
article id, and prediction dicts.  Malformed files raise
:class:`~quotegraph.errors.InputError` naming the file and the reason.

>>> g = parse_gold({"article": "a1", "quotes": [{"text": "war", "kind": "scare"}]}, "a1.json")
>>> g.quotes[0].optional, g.quotes[0].speaker
(True, ())
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotegraph.errors import InputError, NotFoundError
from quotegraph.model import QuoteKind

KINDS = frozenset(k.value for k in QuoteKind)


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quote; ``speaker``/``venue`` hold every acceptable name (empty: none)."""

    text: str
    kind: str
    speaker: tuple[str, ...] = ()
    venue: tuple[str, ...] = ()
    cue: str | None = None
    optional: bool = False
    note: str = ""


@dataclass(frozen=True)
class GoldArticle:
    """The gold annotation of one article."""

    id: str
    quotes: tuple[GoldQuote, ...]
    language: str = "und"
    derived_from: tuple[Mapping[str, Any], ...] = ()


def _names(value: Any, field: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InputError(where, f"{field} must be a string, a list of strings or null")


def _quote(raw: Any, where: str) -> GoldQuote:
    if not isinstance(raw, dict):
        raise InputError(where, "each quote must be a JSON object")
    text, kind = raw.get("text"), raw.get("kind")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "a quote has no text")
    if kind not in KINDS:
        raise InputError(where, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    cue = raw.get("cue")
    return GoldQuote(
        text=text,
        kind=kind,
        speaker=_names(raw.get("speaker"), "speaker", where),
        venue=_names(raw.get("venue"), "venue", where),
        cue=cue if isinstance(cue, str) else None,
        # scare quotes are always optional (gold-format §1)
        optional=bool(raw.get("optional", False)) or kind == QuoteKind.SCARE,
        note=str(raw.get("note") or ""),
    )


def parse_gold(data: Any, where: str, expected_id: str | None = None) -> GoldArticle:
    """A :class:`GoldArticle` from the decoded JSON of one gold file."""
    if not isinstance(data, dict) or not isinstance(data.get("quotes"), list):
        raise InputError(where, "a gold file is a JSON object with a 'quotes' list")
    article_id = data.get("article", expected_id)
    if not isinstance(article_id, str) or not article_id:
        raise InputError(where, "no article id")
    if expected_id is not None and article_id != expected_id:
        raise InputError(where, f"article id {article_id!r} differs from the file name")
    derived = data.get("derived_from") or []
    return GoldArticle(
        id=article_id,
        quotes=tuple(_quote(q, where) for q in data["quotes"]),
        language=str(data.get("language") or "und"),
        derived_from=tuple(d for d in derived if isinstance(d, dict)),
    )


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"not valid JSON ({exc})") from exc


def load_gold(directory: str | Path) -> dict[str, GoldArticle]:
    """Every ``*.json`` gold file of ``directory``, keyed by article id (sorted)."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError(str(root), "not a directory")
    files = sorted(root.glob("*.json"))
    if not files:
        raise NotFoundError(f"no gold *.json files in {root}")
    gold: dict[str, GoldArticle] = {}
    for path in files:
        article = parse_gold(_read_json(path), str(path), expected_id=path.stem)
        gold[article.id] = article
    return gold


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """The mention dicts of a ``quotegraph extract --json`` file (a JSON array).

    JSON Lines (one object per line) is accepted too.  Each object needs at least
    ``article`` and ``text``.
    """
    file = Path(path)
    try:
        raw = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(file), exc.strerror or str(exc)) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        try:
            data = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise InputError(str(file), f"neither a JSON array nor JSON lines ({exc})") from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError(str(file), "predictions must be a JSON array of mention objects")
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(str(file), f"item {i} is not a mention object with a 'text'")
        if not isinstance(item.get("article"), str):
            raise InputError(str(file), f"item {i} has no 'article' id")
    return data
