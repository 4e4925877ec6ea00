"""The map/reduce steps run in this process: the same N-Quads parts as Spark, without Spark.

Input: paths of article files or folders and an output folder.  Output: the folder laid out
as :mod:`quotegraph.engines.layout` describes, and an
:class:`~quotegraph.engines.steps.EngineSummary`.  Files are cut into ``partitions``
contiguous slices, as Spark's ``parallelize`` cuts them, and each slice gives one part file.

>>> import tempfile
>>> tmp = Path(tempfile.mkdtemp())
>>> _ = (tmp / "a1.txt").write_text("Ann Lee said “we will win this one” on Monday.")
>>> build_local([tmp / "a1.txt"], tmp / "nq").articles
1
>>> [p.split("/")[-2:] for p in parts_of(tmp / "nq")]
[['articles', 'part-00000.nq'], ['links', 'part-00000.nq']]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from quotegraph.engines import layout, steps
from quotegraph.errors import InputError, NotFoundError

T = TypeVar("T")


def slices(items: Sequence[T], n: int) -> list[Sequence[T]]:
    """``items`` cut into ``n`` contiguous slices (some empty when ``n > len(items)``).

    >>> slices([1, 2, 3, 4, 5], 2)
    [[1, 2], [3, 4, 5]]
    """
    n = max(1, n)
    return [items[len(items) * i // n : len(items) * (i + 1) // n] for i in range(n)]


def parts_of(out: str | Path) -> list[str]:
    """The part files of ``out``, as strings."""
    return [str(p) for p in layout.part_files(out)]


def no_articles(paths: Sequence[str | Path], rejected: Sequence[InputError]) -> Exception:
    """The error for a build that found nothing to read (as ``quotegraph build`` says it)."""
    if rejected:
        reasons = "; ".join(str(e) for e in rejected[:3])
        return InputError(", ".join(map(str, paths)), f"no readable article ({reasons})")
    return NotFoundError(f"no article files under {', '.join(map(str, paths))}")


def build_local(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    *,
    partitions: int = 1,
    timestamp: str | None = None,
    entities_file: Path | None = None,
) -> steps.EngineSummary:
    """Run every step in this process and write the N-Quads parts to ``out_dir``."""
    paths = list(paths)
    if layout.is_uri(out_dir):
        raise InputError(str(out_dir), "the local engine writes to a local folder only")
    layout.prepare(out_dir)
    files, listing = steps.list_files(paths)
    chunks = slices(list(enumerate(files)), partitions)
    results = [[steps.map_file(i, path) for i, path in chunk] for chunk in chunks]
    collected = steps.collect((r for chunk in results for r in chunk), listing)
    if not collected.records:
        raise no_articles(paths, collected.rejected)
    corpus = steps.link_records(collected.records, entities_file)
    quads = 0
    for folder, index, lines in [
        *(
            (layout.ARTICLES, i, steps.partition_lines(chunk, corpus.entities, collected.dropped))
            for i, chunk in enumerate(results)
        ),
        (layout.LINKS, 0, iter(steps.global_lines(corpus, timestamp))),
    ]:
        target = Path(out_dir) / folder / layout.part_name(index)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as stream:
            for line in lines:
                stream.write(line + "\n")
                quads += 1
    for folder in (layout.ARTICLES, layout.LINKS):
        (Path(out_dir) / folder / "_SUCCESS").touch()
    return steps.EngineSummary(
        out=str(out_dir),
        engine="local",
        articles=len(corpus.articles),
        mentions=len(corpus.mentions),
        quotes=len(corpus.quotes),
        entities=len(corpus.entities),
        quads=quads,
        parts=tuple(parts_of(out_dir)),
        rejected=collected.rejected,
    )
