"""Articles between the per-article and the global stages, with their bodies kept off the heap.

Input: :class:`~quotegraph.model.Article` values, added one at a time; output: a
:class:`Shelf`, a sequence of those articles in a fixed order.  Resolve and link read
bodies in passes over the whole corpus, so a build holds the articles on a shelf whose
bodies wait in a temporary file (:meth:`Shelf.on_disk`): what stays in memory is each
article's metadata and where its body starts; a body is read back when an article is
asked for, and dropped when the caller lets go of it.  Metadata-only passes use
:meth:`Shelf.meta` and :meth:`Shelf.metas`, which read nothing.  A shelf made from a list
(:func:`shelve`) keeps the articles themselves, so the stages take either.

>>> shelf = Shelf.on_disk()
>>> shelf.add(Article("b", "Second body.", "en"))
>>> shelf.add(Article("a", "First body.", "en"))
>>> shelf.sort()
>>> [a.id for a in shelf], shelf.body("b"), shelf.meta(0).body
(['a', 'b'], 'Second body.', '')
>>> shelf.close()
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, overload

from quotegraph.model import Article

__all__ = ["Shelf", "metas", "shelve"]

_ENCODING = ("utf-8", "surrogatepass")  # a body may hold any str


class Shelf(Sequence[Article]):
    """Articles in a fixed order, found by position or id; bodies in memory or in a file.

    Indexing and iteration give whole articles (a body read back per article);
    :meth:`meta` and :meth:`metas` give the articles without their bodies when the shelf is
    on disk (with them when it is in memory: nothing is copied either way).
    """

    def __init__(self, folder: str | Path | None = None, *, in_memory: bool = True) -> None:
        self._metas: list[Article] = []
        self._where: list[tuple[int, int]] = []  # (offset, bytes) of each body in the file
        self._position: dict[str, int] = {}
        self._file: BinaryIO | None = None
        if not in_memory:  # the file lives as long as the shelf: close() closes it
            self._file = tempfile.TemporaryFile(prefix=".bodies-", dir=folder)  # noqa: SIM115
        self._end = 0

    @classmethod
    def on_disk(cls, folder: str | Path | None = None) -> Shelf:
        """An empty shelf whose bodies go to a temporary file in ``folder`` (or the
        system's temporary folder); the file is gone once the shelf is closed."""
        return cls(folder, in_memory=False)

    @property
    def in_memory(self) -> bool:
        return self._file is None

    def add(self, article: Article) -> None:
        """Put ``article`` last (an id already on the shelf is an error)."""
        if article.id in self._position:
            raise ValueError(f"article id '{article.id}' is already on the shelf")
        self._position[article.id] = len(self._metas)
        if self._file is None:
            self._metas.append(article)
            return
        data = article.body.encode(*_ENCODING)
        self._where.append((self._end, len(data)))
        view = memoryview(data)
        while view:  # a write may be short
            written = os.pwrite(self._file.fileno(), view, self._end)
            view, self._end = view[written:], self._end + written
        self._metas.append(replace(article, body=""))

    def sort(self) -> None:
        """Order the articles by id (the order the global stages analyse them in)."""
        order = sorted(range(len(self._metas)), key=lambda i: self._metas[i].id)
        self._metas = [self._metas[i] for i in order]
        if self._where:
            self._where = [self._where[i] for i in order]
        self._position = {a.id: i for i, a in enumerate(self._metas)}

    def __len__(self) -> int:
        return len(self._metas)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> list[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | list[Article]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        meta = self._metas[index]
        if self._file is None:
            return meta
        return replace(meta, body=self._read(index))

    def __iter__(self) -> Iterator[Article]:
        for i in range(len(self._metas)):
            yield self[i]

    def __contains__(self, item: object) -> bool:
        return isinstance(item, Article) and item.id in self._position

    def index_of(self, article_id: str) -> int | None:
        """Position of the article with id ``article_id``, if it is on the shelf."""
        return self._position.get(article_id)

    def get(self, article_id: str) -> Article | None:
        """The whole article with id ``article_id``, if it is on the shelf."""
        i = self._position.get(article_id)
        return None if i is None else self[i]

    def body(self, article_id: str) -> str:
        """The body of article ``article_id`` ("" when it is not on the shelf)."""
        i = self._position.get(article_id)
        return "" if i is None else self.body_at(i)

    def body_at(self, index: int) -> str:
        """The body of article ``index``."""
        return self._metas[index].body if self._file is None else self._read(index)

    def meta(self, index: int) -> Article:
        """Article ``index`` as kept in memory (without its body when the shelf is on disk)."""
        return self._metas[index]

    def meta_of(self, article_id: str) -> Article | None:
        """As :meth:`meta`, by id."""
        i = self._position.get(article_id)
        return None if i is None else self._metas[i]

    def metas(self) -> Sequence[Article]:
        """Every article as kept in memory, in order (see :meth:`meta`)."""
        return self._metas

    def _read(self, index: int) -> str:
        assert self._file is not None
        offset, size = self._where[index]
        return os.pread(self._file.fileno(), size, offset).decode(*_ENCODING)

    def close(self) -> None:
        """Delete the body file (an in-memory shelf has none)."""
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> Shelf:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def shelve(articles: Iterable[Article]) -> Shelf:
    """``articles`` as a shelf: itself when it is one, else an in-memory shelf of them (a
    repeated id keeps its first place and its last article, as a dict would)."""
    if isinstance(articles, Shelf):
        return articles
    shelf = Shelf()
    for article in articles:
        i = shelf.index_of(article.id)
        if i is None:
            shelf.add(article)
        else:
            shelf._metas[i] = article
    return shelf


def metas(articles: Sequence[Article]) -> Sequence[Article]:
    """``articles`` for a pass that needs no body: a shelf's :meth:`~Shelf.metas` (nothing
    is read), else the articles themselves."""
    return articles.metas() if isinstance(articles, Shelf) else articles
