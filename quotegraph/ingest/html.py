"""HTML pages: main text and metadata with trafilatura (no network access).

Input: the decoded HTML of a page, the id to use when the page names none, where it
came from, and optionally the URL and date its container (a WARC record) knows.
Output: one :class:`~quotegraph.model.Article` whose body is the extracted main text,
paragraphs separated by newlines as trafilatura gives them; title, date, url,
outlet (site name, else host name) and language (``<html lang>``, ``content-language``,
``og:locale``) come from the page.  Reader comments are left out.
"""

from __future__ import annotations

import re
from typing import Any

from quotegraph.errors import InputError
from quotegraph.ingest.meta import make_article
from quotegraph.model import Article

_LANG = (
    re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)", re.I),
    re.compile(
        r"<meta[^>]+http-equiv\s*=\s*[\"']?content-language[\"']?[^>]*?content\s*=\s*[\"']?"
        r"\s*([A-Za-z]{2,3})",
        re.I,
    ),
    re.compile(
        r"<meta[^>]+property\s*=\s*[\"']og:locale[\"'][^>]*?content\s*=\s*[\"']([A-Za-z]{2,3})",
        re.I,
    ),
)


def page_language(html: str) -> str | None:
    """The language the page declares in its first 20 KB, or None.

    >>> page_language('<!doctype html><html class="x" lang="id-ID"><head>')
    'id-ID'
    >>> page_language("<html><head></head>") is None
    True
    """
    head = html[:20000]
    for pattern in _LANG:
        match = pattern.search(head)
        if match:
            return match.group(1)
    return None


def _extract(html: str, url: str | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def html_article(
    html: str,
    default_id: str,
    source: str,
    url: str | None = None,
    date: str | None = None,
) -> Article:
    """The article in ``html``; raise InputError when the page has no main text."""
    if "<" not in html:
        raise InputError(source, "not HTML (no tags)")
    try:
        document = _extract(html, url)
    except Exception as exc:  # trafilatura/lxml failures on hostile markup
        raise InputError(source, f"HTML extraction failed: {type(exc).__name__}: {exc}") from None
    text = (getattr(document, "text", None) or "").strip("\n") if document is not None else ""
    if not text.strip():
        raise InputError(source, "no main text found in the HTML page")
    meta: dict[str, Any] = {
        "title": document.title,
        "url": document.url or url,
        "date": document.date or date,
        "outlet": document.sitename or document.hostname,
        "author": document.author,
        "description": document.description,
    }
    if document.hostname:
        meta["hostname"] = document.hostname
    meta = {key: value for key, value in meta.items() if value}
    return make_article(meta, text, default_id, source, language_hint=page_language(html))
