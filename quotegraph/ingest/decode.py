"""Bytes -> text for every input format: charset choice and binary-file detection.

Input: the raw bytes of a file (or of a WARC payload) and, optionally, the charset the
container declares (an HTTP header).  Output: the decoded ``str``, or an
:class:`~quotegraph.errors.InputError` saying why the bytes are not usable text.

Order of trust: a byte-order mark; the charset the data declares (argument, YAML front
matter ``encoding:``/``charset:``, HTML ``<meta charset>``, an XML declaration); UTF-8;
finally a guess by charset-normalizer.  A declared single-byte charset (latin-1,
windows-1252) loses to UTF-8 when the bytes are valid UTF-8 with multi-byte sequences,
because that mislabel is common on the web and the reverse practically never happens.

>>> decode_bytes("Grüße".encode("utf-8"), "x.txt")
'Grüße'
>>> decode_bytes(b'<meta charset="iso-8859-1"><p>Gr\\xfc\\xdfe', "x.html")[-5:]
'Grüße'
"""

from __future__ import annotations

import codecs
import re

from quotegraph.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = (
    re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I),
    re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.I),
    re.compile(
        rb"\A---\r?\n(?:[^\n]*\n){0,40}?(?:encoding|charset)\s*:\s*[\"']?([A-Za-z0-9._:-]+)", re.I
    ),
)

_SINGLE_BYTE = {"cp1252", "ascii"}

# control characters other than tab, newline, carriage return, form feed
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def declared_charset(data: bytes) -> str | None:
    """The charset the first 4 KB of ``data`` declare, as a Python codec name, or None.

    >>> declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>')
    'cp1252'
    >>> declared_charset(b"no declaration") is None
    True
    """
    head = data[:4096]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            name = codec_name(match.group(1).decode("ascii", "replace"))
            if name:
                return name
    return None


def codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label (WHATWG aliases: latin-1 means windows-1252)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name == "iso8859-1" else name


def _prefer_utf8(data: bytes, declared: str) -> bool:
    """True when ``declared`` is single-byte but ``data`` is clearly UTF-8."""
    if declared not in _SINGLE_BYTE:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes (without a UTF-16/32 BOM).

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    >>> looks_binary("plain text".encode("utf-16"))
    False
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in data[:65536]


def mostly_control(text: str) -> bool:
    """True when more than 5% of the first 64K characters are control characters."""
    sample = text[:65536]
    return bool(sample) and len(_CONTROL.findall(sample)) > 0.05 * len(sample)


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` (see the module docstring for the order); raise InputError if not text.

    A byte-order mark is removed, so offsets count from the first real character.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec)
            if text is None:
                raise InputError(source, f"bytes do not match its {codec} byte-order mark")
            return _checked(text, source)
    if looks_binary(data):
        raise InputError(source, "binary file (contains NUL bytes), not text")
    candidates: list[str | None] = [codec_name(declared), declared_charset(data), "utf-8"]
    for candidate in candidates:
        if candidate is None or (candidate != "utf-8" and _prefer_utf8(data, candidate)):
            continue
        text = _strict(data, candidate)
        if text is not None:
            return _checked(text, source)
    return _checked(_guess(data, source), source)


def _guess(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches or matches[0].chaos > 0.3:
        raise InputError(source, "cannot decode bytes: not UTF-8 and no charset fits")
    best = matches[0]
    for match in matches:  # windows-1252, the web's usual legacy charset, wins ties
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + 0.01:
            return data.decode("cp1252")
    return str(best)


def _checked(text: str, source: str) -> str:
    if mostly_control(text):
        raise InputError(source, "binary file (mostly control characters), not text")
    return text
