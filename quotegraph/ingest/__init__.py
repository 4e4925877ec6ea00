"""Stage 1, ingest: article files -> :class:`~quotegraph.model.Article` objects.

Input: paths of ``.txt``/``.md`` (YAML front matter, a ``Key: value`` header, or
none), ``.html``/``.htm``, ``.json``/``.jsonl`` and ``.warc``/``.warc.gz`` files, or
directories of them.  Output: a stream of Articles whose ``body`` is the text exactly as
stored (offsets refer to it), with a safe id, an ISO date and an ISO 639-1 language.

>>> report = ReadReport()
>>> articles = list(read_articles(["no/such/file.txt"], report))
>>> articles, report.summary, report.rejected[0].reason
([], '0 read, 1 rejected', 'no such file or directory')
>>> normalise("Cafe\\u0301") == "Café"
True
"""

from __future__ import annotations

import unicodedata
from typing import Any

from quotegraph.ingest.language import detect_language
from quotegraph.ingest.reader import FORMATS, ReadReport, read_articles, read_file
from quotegraph.model import Article

__all__ = [
    "FORMATS",
    "ReadReport",
    "article_to_json",
    "detect_language",
    "normalise",
    "read_articles",
    "read_file",
]


def normalise(text: str) -> str:
    """``text`` in Unicode NFC, for matching only (stored bodies are never changed)."""
    return unicodedata.normalize("NFC", text)


def article_to_json(article: Article, body: bool = False) -> dict[str, Any]:
    """An article's metadata as a JSON-ready dict (``body`` included on request).

    >>> article_to_json(Article(id="a", body="Hi.", language="en"))["chars"]
    3
    """
    data: dict[str, Any] = {
        "id": article.id,
        "language": article.language,
        "outlet": article.outlet,
        "date": article.date,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "chars": len(article.body),
        "extra": dict(article.extra),
    }
    if body:
        data["body"] = article.body
    return data
