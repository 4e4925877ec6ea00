"""JSON and JSON Lines articles: one record, a list of records, or one record a line.

Input: the decoded text of a ``.json`` or ``.jsonl`` file.  Output: one Article per
record.  A record is an object with ``text`` (or ``body``/``content``) and optional
``id``, ``title``, ``url``, ``date``, ``outlet``/``publisher``/``source``, ``language``;
other keys go to ``extra``.  A record without an id is named after the file stem and
its position (``stem-3``: third line or list item).

A bad line of a ``.jsonl`` file becomes an :class:`~quotegraph.errors.InputError`
naming ``file:line`` and is handed to ``on_error``; the other lines are still read.

>>> lines = '{"id": "a", "text": "Hi."}\\n\\n{"text": "Yo."}'
>>> [a.id for a in jsonl_articles(lines, "f", "f.jsonl")]
['a', 'f-3']
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from quotegraph.errors import InputError
from quotegraph.ingest.meta import BODY_KEYS, key_name, make_article
from quotegraph.model import Article

OnError = Callable[[InputError], None]

_JSON_KINDS = {"list": "array", "str": "string", "int": "number", "float": "number"}
_JSON_KINDS |= {"bool": "boolean", "NoneType": "null"}


def _raise(error: InputError) -> None:
    raise error


def record_article(record: Any, default_id: str, source: str) -> Article:
    """The Article of one JSON record; raise InputError when it is not one."""
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record).__name__, "value")
        raise InputError(source, f"record is a JSON {kind}, expected an object")
    keys = {key_name(k): k for k in reversed(record)}
    body_key = next((keys[k] for k in BODY_KEYS if k in keys), None)
    if body_key is None:
        raise InputError(source, "record has no 'text' or 'body' field")
    body = record[body_key]
    if not isinstance(body, str):
        raise InputError(source, f"field '{body_key}' is not a string")
    meta = {key: value for key, value in record.items() if key != body_key}
    return make_article(meta, body, default_id, source)


def json_articles(
    text: str, stem: str, source: str, on_error: OnError = _raise
) -> Iterator[Article]:
    """The articles of a ``.json`` file: one object, or a list of objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if isinstance(data, dict):
        yield record_article(data, stem, source)
        return
    if not isinstance(data, list):
        raise InputError(source, "JSON is neither an object nor a list of objects")
    if not data:
        raise InputError(source, "empty JSON list")
    for number, record in enumerate(data, start=1):
        try:
            yield record_article(record, f"{stem}-{number}", f"{source}#{number}")
        except InputError as error:
            on_error(error)


def jsonl_articles(
    text: str, stem: str, source: str, on_error: OnError = _raise, first_line: int = 1
) -> Iterator[Article]:
    """The articles of a ``.jsonl`` file (or of a block of its lines starting at line
    ``first_line``), one JSON object per non-blank line."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
            yield record_article(record, f"{stem}-{number}", where)
        except InputError as error:
            on_error(error)
