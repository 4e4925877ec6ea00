"""The per-corpus pipeline: Articles in, one :class:`~quotegraph.model.Corpus` out.

``extract`` runs per article; ``resolve`` and ``link`` run over the whole set,
because names and quotes are only comparable across articles.  Storing the
result (``rdf`` -> ``store``) is the caller's business, so the same function
serves ``build``, ``view --corpus`` and the notebook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from quotegraph.extract import extract_quotes
from quotegraph.link import link
from quotegraph.model import Article, Corpus, QuoteMention
from quotegraph.resolve import resolve


def analyse(
    articles: Iterable[Article],
    *,
    entities_file: Path | None = None,
    progress: Callable[[Article], None] | None = None,
) -> Corpus:
    """Extract, resolve and link the quotes of ``articles``.

    ``progress`` is called once per article after its extraction, so a caller
    can drive a progress bar without the pipeline knowing about terminals.
    """
    kept: list[Article] = []
    mentions: list[QuoteMention] = []
    for article in articles:
        kept.append(article)
        mentions.extend(extract_quotes(article))
        if progress is not None:
            progress(article)
    return link_extracted(kept, mentions, entities_file=entities_file)


def link_extracted(
    articles: Sequence[Article], mentions: list[QuoteMention], *, entities_file: Path | None = None
) -> Corpus:
    """Resolve and link mentions already extracted (the global half of :func:`analyse`)."""
    return link(articles, mentions, resolve(articles, mentions, entities_file))
