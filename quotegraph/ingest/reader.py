"""Files and directories -> a stream of Articles, bad input recorded instead of raised.

Input: paths of files or directories.  Output: :class:`~quotegraph.model.Article`
objects, yielded as each file is read (nothing holds the whole corpus), and a
:class:`ReadReport` with the count read and every rejected file or record as an
:class:`~quotegraph.errors.InputError` whose message is one line naming it and why.

Directories are walked recursively in sorted order; names starting with ``.`` and
README/LICENSE/CHANGELOG files are skipped there.  A file named on the command line
is always read.  The format follows the extension: see :data:`FORMATS`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotegraph.errors import InputError
from quotegraph.ingest.decode import decode_bytes
from quotegraph.ingest.frontmatter import split_header
from quotegraph.ingest.html import html_article
from quotegraph.ingest.meta import make_article
from quotegraph.ingest.records import json_articles, jsonl_articles
from quotegraph.ingest.warc import warc_articles
from quotegraph.model import Article

log = logging.getLogger(__name__)

FORMATS = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}
SKIPPED_IN_DIRECTORIES = frozenset({"readme", "license", "licence", "changelog"})
MAX_FILE_BYTES = 50_000_000  # one document; JSON Lines files are streamed instead
JSONL_BLOCK_BYTES = 8_000_000

OnError = Callable[[InputError], None]


@dataclass
class ReadReport:
    """What a read produced: the number of articles read and what was rejected."""

    read: int = 0
    rejected: list[InputError] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line, e.g. ``"5 read, 0 rejected"``."""
        return f"{self.read} read, {len(self.rejected)} rejected"


def file_format(path: Path) -> tuple[str, str] | None:
    """``(format, stem)`` of ``path`` from its extension, or None if unsupported.

    >>> file_format(Path("crawl/x.WARC.gz")), file_format(Path("a.b.txt"))
    (('warc', 'x'), ('text', 'a.b'))
    >>> file_format(Path("a.pdf")) is None
    True
    """
    name = path.name.lower()
    for suffix, kind in sorted(FORMATS.items(), key=lambda item: -len(item[0])):
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind, path.name[: -len(suffix)]
    return None


def _os_error(exc: OSError, source: str) -> InputError:
    """The one-line InputError for a failed open or read."""
    if isinstance(exc, FileNotFoundError):
        return InputError(source, "no such file or directory")
    if isinstance(exc, PermissionError):
        return InputError(source, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(source, "is a directory")
    return InputError(source, f"cannot read: {exc.strerror or exc}")


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(source, f"file too large ({size} bytes > {MAX_FILE_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise _os_error(exc, source) from None


def iter_file(path: Path, on_error: OnError) -> Iterator[Article]:
    """The articles of one file; file-level problems raise InputError, record-level ones
    (a bad JSON line, a broken WARC record) go to ``on_error``."""
    source = str(path)
    detected = file_format(path)
    if detected is None:
        suffix = path.suffix or "(none)"
        known = ", ".join(sorted(FORMATS))
        raise InputError(source, f"unsupported file type '{suffix}' (expected one of {known})")
    kind, stem = detected
    if kind == "warc":
        try:
            with path.open("rb") as stream:
                yield from warc_articles(stream, source, on_error)
        except OSError as exc:
            raise _os_error(exc, source) from None
        return
    if kind == "jsonl":
        yield from _jsonl_file(path, stem, source, on_error)
        return
    text = decode_bytes(_read_bytes(path, source), source)
    if kind == "text":
        meta, body = split_header(text, source)
        yield make_article(meta, body, stem, source)
    elif kind == "html":
        yield html_article(text, stem, source)
    else:
        yield from json_articles(text, stem, source, on_error)


def _jsonl_file(path: Path, stem: str, source: str, on_error: OnError) -> Iterator[Article]:
    """A JSON Lines file streamed in blocks of whole lines (no size limit, bounded memory);
    each block is decoded as a file would be."""
    try:
        with path.open("rb") as stream:
            first, number = True, 1
            while block := stream.read(JSONL_BLOCK_BYTES):
                block += stream.readline()  # finish the last line of the block
                if first or block.strip():
                    text = decode_bytes(block, source)
                    yield from jsonl_articles(text, stem, source, on_error, number)
                first, number = False, number + block.count(b"\n")
            if first:
                decode_bytes(b"", source)  # raises "empty file"
    except OSError as exc:
        raise _os_error(exc, source) from None


def read_file(path: str | Path, report: ReadReport | None = None) -> list[Article]:
    """All articles of one file.

    Without ``report`` the first problem raises InputError; with one, problems are
    appended to ``report.rejected`` and the readable articles are returned.
    """
    if report is None:

        def raise_it(error: InputError) -> None:
            raise error

        return list(iter_file(Path(path), raise_it))
    articles: list[Article] = []
    try:
        for article in iter_file(Path(path), report.rejected.append):
            articles.append(article)
            report.read += 1
    except InputError as error:
        report.rejected.append(error)
    return articles


def _walk(path: Path, on_error: OnError, seen: set[str]) -> Iterator[Path]:
    """Files under ``path`` in sorted order (hidden and README-like files skipped)."""
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    try:
        children = sorted(path.iterdir(), key=lambda child: child.name)
    except OSError as exc:
        on_error(InputError(str(path), f"cannot list directory: {exc.strerror or exc}"))
        return
    for child in children:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child, on_error, seen)
        elif child.name.split(".")[0].lower() not in SKIPPED_IN_DIRECTORIES:
            yield child


def _files(paths: Iterable[str | Path], on_error: OnError) -> Iterator[Path]:
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, on_error, seen)
        else:
            yield path


def read_articles(
    paths: Iterable[str | Path], report: ReadReport | None = None
) -> Iterator[Article]:
    """Yield the articles of files and directories (recursively, sorted), one at a time.

    Bad files and records, and articles whose id was already read, are appended to
    ``report.rejected`` (logged as warnings when no report is given) and skipped;
    nothing is raised for bad input.
    """
    if isinstance(paths, str | Path):  # one path given bare
        paths = [paths]
    quiet = report is not None
    report = report if report is not None else ReadReport()

    def reject(error: InputError) -> None:
        if not quiet:
            log.warning("%s", error)
        report.rejected.append(error)

    first_source: dict[str, str] = {}
    for path in _files(paths, reject):
        try:
            for article in iter_file(path, reject):
                if article.id in first_source:
                    reject(
                        InputError(
                            article.source or str(path),
                            f"duplicate article id '{article.id}' "
                            f"(first read from {first_source[article.id]})",
                        )
                    )
                    continue
                first_source[article.id] = article.source or str(path)
                report.read += 1
                yield article
        except InputError as error:
            reject(error)
        except Exception as exc:  # a library bug must not stop the other files
            reject(InputError(str(path), f"unexpected {type(exc).__name__}: {exc}"))
