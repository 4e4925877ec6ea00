"""The output folder of an engine build: N-Quads part files any SPARQL server bulk-loads.

Layout (the same for every engine)::

    OUT/articles/part-00000.nq ...   one file per partition: the named graph of each of its
                                     articles (a graph is never split across files)
    OUT/links/part-00000.nq ...      the cross-article graphs: links (in slices) and build
    OUT/*/_SUCCESS                   written when the folder is complete

Input: an output folder (a local path, or a ``scheme://`` URI that Spark writes to, such as
``hdfs://``).  Output: checks before a build, part-file naming after it, and the union of the
parts as an rdflib Dataset.

>>> is_uri("hdfs://nn:8020/qg"), is_uri("out/nq"), is_uri("C:/out")
(True, False, False)
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Dataset

from quotegraph.errors import InputError

ARTICLES = "articles"
LINKS = "links"
SUFFIX = ".nq"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_uri(out: str | Path) -> bool:
    """True when ``out`` names a Hadoop file system URI rather than a local path."""
    return bool(_SCHEME.match(str(out)))


def prepare(out: str | Path) -> str:
    """Check that local folder ``out`` is new or empty; the URI Spark should write under.

    A URI is returned as it is (Spark refuses to write into an existing folder there).
    """
    if is_uri(out):
        return str(out).rstrip("/")
    path = Path(out)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise InputError(str(out), "output folder exists and is not empty: choose another --out")
    return path.resolve().as_uri()


def part_name(index: int) -> str:
    """``part-00003.nq`` for partition 3.

    >>> part_name(3)
    'part-00003.nq'
    """
    return f"part-{index:05d}{SUFFIX}"


def finish(out: str | Path) -> list[str]:
    """Give Spark's ``part-NNNNN`` files of local folder ``out`` the ``.nq`` suffix and drop
    the Hadoop checksum files; returns the part files.  A URI is left as written."""
    if is_uri(out):
        return []
    for folder in (Path(out) / ARTICLES, Path(out) / LINKS):
        for crc in folder.glob(".*.crc"):
            crc.unlink()
        for part in folder.glob("part-*"):
            if part.suffix != SUFFIX:
                part.rename(part.with_name(part.name + SUFFIX))
    return [str(p) for p in part_files(out)]


def part_files(out: str | Path) -> list[Path]:
    """The N-Quads part files of local folder ``out``: article parts, then links."""
    root = Path(out)
    return [*sorted((root / ARTICLES).glob("part-*.nq")), *sorted((root / LINKS).glob("part-*.nq"))]


def load_parts(out: str | Path) -> Dataset:
    """The union of the part files of ``out`` as one rdflib Dataset (for checks and tests;
    a real corpus goes to a store's bulk loader, see ``docs/spark.md``)."""
    files = part_files(out)
    if not files:
        raise InputError(str(out), f"no {ARTICLES}/part-*.nq or {LINKS}/part-*.nq files")
    ds = Dataset(default_union=True)
    for file in files:
        ds.parse(source=str(file), format="nquads")
    return ds
