"""Web archives: every HTML page of a ``.warc``/``.warc.gz`` file, streamed with warcio.

Input: an open binary file and its name.  Output: one Article per ``response`` (or
``resource``) record with status 2xx and an HTML payload, read by the HTML path.  Its
id is the host name plus a hash of WARC-Target-URI (stable across runs and archives),
its url the target URI, its date the page's own date, else WARC-Date.  Other records
(requests, metadata, images, redirects) are skipped.

A record whose payload cannot be used becomes an InputError naming ``file@offset`` and
is handed to ``on_error``; the next records are still read.  A malformed record header
ends the file (warcio cannot resynchronise), after the records before it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import IO, Any
from urllib.parse import urlsplit

from quotegraph.errors import InputError
from quotegraph.ingest.decode import codec_name, decode_bytes
from quotegraph.ingest.html import html_article
from quotegraph.ingest.meta import sanitise_id
from quotegraph.model import Article

MAX_PAYLOAD = 20_000_000
ARTICLE_RECORDS = ("response", "resource")

OnError = Callable[[InputError], None]


def uri_id(uri: str) -> str:
    """A stable article id for a URL: its host and a hash of the whole URL.

    >>> uri_id("https://www.example.org/news/1?x=2")
    'www.example.org-9d39db46e7793e84'
    """
    host = urlsplit(uri).hostname or "warc"
    return sanitise_id(f"{host}-{hashlib.sha1(uri.encode('utf-8')).hexdigest()[:16]}")


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return codec_name(value)
    return None


def _is_html(record: Any) -> tuple[bool, str | None]:
    """(is an HTML page with a 2xx status, its Content-Type)."""
    if record.rec_type not in ARTICLE_RECORDS:
        return False, None
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            return False, None
        content_type = headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    return bool(content_type and "html" in content_type.lower()), content_type


def _record_article(record: Any, where: str) -> Article:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    _, content_type = _is_html(record)
    payload = record.content_stream().read(MAX_PAYLOAD + 1)
    if len(payload) > MAX_PAYLOAD:
        raise InputError(where, f"payload larger than {MAX_PAYLOAD} bytes")
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise InputError(where, "truncated record (shorter than its Content-Length)")
    if not payload.strip():
        raise InputError(where, "empty payload")
    html = decode_bytes(payload, where, declared=_charset(content_type))
    date = record.rec_headers.get_header("WARC-Date")
    key = uri or record.rec_headers.get_header("WARC-Record-ID") or where
    return html_article(html, uri_id(key), where, url=uri or None, date=date)


def _one_line(exc: Exception) -> str:
    return " ".join(f"{type(exc).__name__}: {exc}".split())


def warc_articles(stream: IO[bytes], source: str, on_error: OnError) -> Iterator[Article]:
    """The articles of a WARC file (plain or gzip), in record order."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    records.INC_RECORD = ""  # warcio's multi-line stderr warning; problems are reported here
    iterator = iter(records)
    found = False
    end = 0  # where the last complete record ends
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            break
        except Exception as exc:  # warcio raises several types on malformed input
            offset = getattr(records, "offset", 0)  # start of the record it failed on
            reason = f"malformed or truncated WARC record ({_one_line(exc)})"
            on_error(InputError(f"{source}@{offset}", reason))
            return
        found = True
        where = f"{source}@{getattr(records, 'offset', 0)}"
        if getattr(record, "format", "warc") != "warc":
            on_error(InputError(where, "not a WARC record (ARC or unknown format)"))
            return
        if not record.rec_type:
            on_error(InputError(where, "malformed or truncated WARC record: no WARC-Type header"))
        elif record.rec_headers.get_header("Content-Length") is None:
            on_error(InputError(where, "malformed WARC record: no Content-Length header"))
            if getattr(records.reader, "decompressor", None) is None:
                return  # uncompressed: where the next record starts is unknown
        else:
            try:
                if _is_html(record)[0]:
                    yield _record_article(record, where)
            except InputError as error:
                on_error(error)
            except Exception as exc:  # a broken payload (bad chunking, bad gzip)
                on_error(InputError(where, f"unreadable record: {_one_line(exc)}"))
        try:
            records.read_to_end(record)
            end = records.get_record_offset() + records.get_record_length()
        except Exception:  # the next call to the iterator reports it
            pass
    if not found:
        raise InputError(source, "no WARC records in file")
    _check_tail(stream, source, end, on_error)


def _check_tail(stream: IO[bytes], source: str, end: int, on_error: OnError) -> None:
    """Report bytes after the last complete record (warcio stops silently at a cut gzip
    member)."""
    try:
        stream.seek(end)
        rest = stream.read(4096)
    except (OSError, ValueError):
        return
    if rest.strip(b"\r\n"):
        reason = "truncated or unreadable data after the last complete WARC record"
        on_error(InputError(f"{source}@{end}", reason))
