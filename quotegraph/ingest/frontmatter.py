"""Plain-text and Markdown articles: the header block and the body after it.

Input: the decoded text of a ``.txt``/``.md`` file.  Output: ``(metadata, body)``, where
``body`` is everything after the header exactly as in the file (article offsets refer
to it).  Three layouts are understood:

1. YAML front matter: a first line ``---``, YAML ``key: value`` lines, a line ``---``
   (or ``...``).  Values are kept as strings (YAML 1.1 would turn ``0012`` into 10).
2. A scraper header: ``Key: value`` lines whose keys are all known metadata keys
   (title, url, date, author, source, outlet, language, id, ...; any case), then a
   blank line.
3. No header: the whole text is the body.

>>> split_header("---\\nid: a1\\ntitle: 'Hi: there'\\n---\\nBody.\\n", "a.txt")
({'id': 'a1', 'title': 'Hi: there'}, 'Body.\\n')
>>> split_header("Title: Hi\\nURL: http://x.org/1\\n\\nBody.", "a.txt")
({'title': 'Hi', 'url': 'http://x.org/1'}, 'Body.')
>>> split_header("Body: not a header.\\n\\nMore.", "a.txt")
({}, 'Body: not a header.\\n\\nMore.')
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from quotegraph.errors import InputError
from quotegraph.ingest.meta import FIELD_KEYS, key_name

HEADER_KEYS = frozenset(
    {key for keys in FIELD_KEYS.values() for key in keys}
    | {"author", "authors", "byline", "section", "description", "summary", "tags", "category"}
)

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)
_HEADER_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z _-]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*\r?\n")
_BLANK = re.compile(r"[ \t]*\r?\n")


def split_header(text: str, source: str) -> tuple[dict[str, Any], str]:
    """``(metadata, body)`` of a text article; raise InputError on broken front matter."""
    if _OPEN.match(text):
        return _front_matter(text, source)
    return _key_values(text)


def _front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    start = _OPEN.match(text)
    assert start is not None
    close = _CLOSE.search(text, start.end())
    if close is None:
        raise InputError(source, "front matter opened with '---' on line 1 is never closed")
    block = text[start.end() : close.start()]
    try:
        data = yaml.load(block, Loader=yaml.BaseLoader) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise InputError(source, f"invalid YAML front matter{where}: {problem}") from None
    if not isinstance(data, dict):
        raise InputError(source, "front matter is not a list of 'key: value' lines")
    return data, text[close.end() :]


def _key_values(text: str) -> tuple[dict[str, Any], str]:
    meta: dict[str, Any] = {}
    pos = 0
    while True:
        line = _HEADER_LINE.match(text, pos)
        if line is None or key_name(line.group(1)) not in HEADER_KEYS:
            break
        meta.setdefault(key_name(line.group(1)), line.group(2))
        pos = line.end()
    blank = _BLANK.match(text, pos)
    if not meta or blank is None:
        return {}, text
    return meta, text[blank.end() :]
