"""Metadata fields -> an :class:`~quotegraph.model.Article`: ids, dates, outlets, language.

Input: a mapping of metadata read from any format (front matter, header lines, JSON,
HTML) and the body text.  Output: one ``Article`` whose id is a safe token, whose date
is ISO ``YYYY-MM-DD`` (or None, the raw value kept in ``extra["date_raw"]``) and whose
language is given or detected.  Keys are matched case-insensitively, with ``-`` and
spaces read as ``_``; keys that are not fields go to ``extra`` as strings.

>>> sanitise_id("../etc/passwd")
'etc-passwd'
>>> parse_date("01 Dec 2015"), parse_date("Tue, 01 Dec 2015 10:00:00 GMT"), parse_date("soon")
('2015-12-01', '2015-12-01', None)
>>> a = make_article({"ID": "a 1", "Publisher": "IBT", "date": "2015-12-01"}, "Hi.", "f", "f.txt")
>>> a.id, a.outlet, a.date, a.extra["raw_id"], a.language
('a-1', 'IBT', '2015-12-01', 'a 1', 'und')
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from quotegraph.errors import InputError
from quotegraph.ingest.language import detect_language, language_code
from quotegraph.model import Article

MAX_ID_LENGTH = 100

# Article field -> the metadata keys that fill it, best first.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "uri"),
    "date": (
        "date",
        "published",
        "published_at",
        "publish_date",
        "date_published",
        "datepublished",
        "pubdate",
    ),
    "outlet": ("outlet", "publisher", "sitename", "site_name", "site", "source"),
    "language": ("language", "lang", "inlanguage", "locale"),
}
BODY_KEYS = ("text", "body", "content", "maintext")

_STRPTIME = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_NUMERIC = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with UTF-16 surrogate pairs joined and lone surrogates replaced by U+FFFD.

    JSON and YAML escapes ("\\ud83d\\ude00") and non-UTF-8 file names can put surrogates
    in a ``str``; no later stage could write them as UTF-8.

    >>> without_surrogates("a\\ud83d\\ude00b\\ud800") == "a\\U0001f600b\\ufffd"
    True
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def key_name(key: object) -> str:
    """A metadata key as matched: lower case, ``-`` and spaces as ``_``."""
    return re.sub(r"[-\s]+", "_", str(key).strip().lower())


def as_text(value: Any) -> str | None:
    """A metadata value as one string (lists joined, ``{"name": ...}`` objects named)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        return as_text(value["name"])
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    return json.dumps(value, ensure_ascii=False, default=str)


def sanitise_id(raw: str) -> str:
    """A safe id token: ``[A-Za-z0-9._-]``, no ``..``, no leading dot or dash, ≤100 chars.

    Accents are dropped (é -> e), other runs of unsafe characters become ``-``; an id
    cut for length or left empty gets a hash of the raw value so it stays unique.

    >>> sanitise_id("Berlin/Ärger 2015"), sanitise_id("ok_id-1.2"), sanitise_id("…")[:3]
    ('Berlin-Arger-2015', 'ok_id-1.2', 'id-')
    """
    token = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    token = re.sub(r"[^A-Za-z0-9._-]+", "-", token)
    token = re.sub(r"\.{2,}", ".", token).strip(".-")
    digest = hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]
    if not token:
        return f"id-{digest}"
    if len(token) > MAX_ID_LENGTH:
        token = token[: MAX_ID_LENGTH - 13].rstrip(".-") + "-" + digest
    return token


def parse_date(value: str | None, language: str | None = None) -> str | None:
    """``value`` as an ISO date ``YYYY-MM-DD``, or None when it names no full date.

    ISO dates and timestamps, RFC 2822, "01 Dec 2015" and "Dec 1, 2015" are read
    directly; anything else goes to dateparser (absolute dates only, any language).
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    match = _ISO.match(text) or _NUMERIC.match(text)
    if match:
        return _valid(*(int(g) for g in match.groups()))
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _STRPTIME:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return _dateparser(text, language)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _dateparser(text: str, language: str | None) -> str | None:
    if len(text) > 60:
        return None
    import dateparser

    settings: Any = {"PARSERS": ["custom-formats", "absolute-time"], "STRICT_PARSING": True}
    langs = [language] if language and language != "und" else None
    try:
        parsed = dateparser.parse(text, languages=langs, settings=settings)
        if parsed is None and langs:
            parsed = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None


def split_fields(meta: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """(article fields, extra) from raw metadata; each field from its best key."""
    named: dict[str, str] = {}
    for key, value in meta.items():
        text = as_text(value)
        if text is not None:
            named.setdefault(key_name(without_surrogates(str(key))), without_surrogates(text))
    fields: dict[str, str] = {}
    used: set[str] = set()
    for field, keys in FIELD_KEYS.items():
        for key in keys:
            if key in named:
                fields[field] = named[key]
                used.add(key)
                break
    extra = {key: value for key, value in named.items() if key not in used}
    return fields, extra


def make_article(
    meta: Mapping[str, Any],
    body: str,
    default_id: str,
    source: str,
    language_hint: str | None = None,
) -> Article:
    """An Article from metadata and body; raise InputError if the body is empty.

    ``default_id`` is used when the metadata has no id (the file stem, a URI hash);
    ``language_hint`` (e.g. an HTML ``lang`` attribute) counts as given metadata.
    """
    if not body.strip():
        raise InputError(source, "empty body (no text after the header)")
    body, source = without_surrogates(body), without_surrogates(source)
    fields, extra = split_fields(meta)
    raw_id = fields.get("id") or without_surrogates(default_id)
    article_id = sanitise_id(raw_id)
    if article_id != raw_id:
        extra["raw_id"] = raw_id
    raw_language = fields.get("language") or language_hint
    language = language_code(raw_language)
    if raw_language and language is None:
        extra["language_raw"] = raw_language
    language = language or detect_language(body)
    date = parse_date(fields.get("date"), language)
    if fields.get("date") and date is None:
        extra["date_raw"] = fields["date"]
    return Article(
        id=article_id,
        body=body,
        language=language,
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        date=date,
        title=fields.get("title"),
        source=source,
        extra=extra,
    )
