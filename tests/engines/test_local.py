"""The map/reduce steps and the in-process engine: same graph as the embedded build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quotegraph.engines import build_local, layout, steps
from quotegraph.engines.local import slices
from quotegraph.engines.steps import EngineSummary
from quotegraph.errors import InputError, NotFoundError

from .conftest import MIXED, STAMP, Reference


@pytest.mark.parametrize("partitions", [1, 4, 40])
def test_local_engine_matches_the_embedded_build(
    tmp_path: Path,
    reference: Reference,
    same_build: Callable[[EngineSummary], None],
    partitions: int,
) -> None:
    summary = build_local(reference.paths, tmp_path / "nq", partitions=partitions, timestamp=STAMP)
    same_build(summary)
    assert len(list((tmp_path / "nq" / "articles").glob("part-*.nq"))) == partitions
    assert (tmp_path / "nq" / "links" / "part-00000.nq").is_file()


def test_a_different_timestamp_gives_a_different_graph(
    tmp_path: Path, reference: Reference, same_build: Callable[[EngineSummary], None]
) -> None:
    summary = build_local(reference.paths, tmp_path / "nq", timestamp="1999-01-01")
    with pytest.raises(AssertionError):
        same_build(summary)


@pytest.mark.parametrize(
    ("name", "content", "ids", "errors"),
    [
        ("a.jsonl", MIXED, ["mixed-1", "mixed-1"], [(1, "a.jsonl:2")]),
        ("b.txt", "Ann Lee said “we will win this race” today.", ["b"], []),
        ("c.pdf", "%PDF", [], [(0, "c.pdf")]),
        ("d.json", "[1, 2", [], [(0, "d.json")]),
    ],
)
def test_map_file_keeps_good_records_and_places_errors(
    tmp_path: Path, name: str, content: str, ids: list[str], errors: list[tuple[int, str]]
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = steps.map_file(7, str(tmp_path / name))
    assert result.index == 7
    assert [r["article"]["id"] for r in result.records] == ids
    assert [(pos, Path(src).name) for pos, src, _ in result.errors] == errors


def test_collect_keeps_the_first_of_a_repeated_id_and_sorts_by_id(tmp_path: Path) -> None:
    (tmp_path / "z.jsonl").write_text(MIXED, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "zz", "text": "x"}\n{"id": "mixed-1", "text": "y"}')
    files, listing = steps.list_files([tmp_path / "z.jsonl", tmp_path / "a.jsonl"])
    collected = steps.collect(
        reversed([steps.map_file(i, f) for i, f in enumerate(files)]), listing
    )
    assert [r["article"]["id"] for r in collected.records] == ["mixed-1", "zz"]
    assert collected.records[0]["article"]["body"].startswith("Ann Lee")
    assert collected.dropped == {(0, 1), (1, 1)}
    reasons = [e.reason.split(" (")[0] for e in collected.rejected]
    assert reasons[0].startswith("invalid JSON") or "line" in str(collected.rejected[0])
    assert reasons[1:] == ["duplicate article id 'mixed-1'"] * 2


@pytest.mark.parametrize(
    ("items", "n", "expected"),
    [
        ([1, 2, 3, 4, 5], 2, [[1, 2], [3, 4, 5]]),
        ([1, 2], 3, [[], [1], [2]]),
        ([1, 2], 0, [[1, 2]]),
        ([], 2, [[], []]),
    ],
)
def test_slices_are_contiguous(items: list[int], n: int, expected: list[list[int]]) -> None:
    assert slices(items, n) == expected


def test_a_non_empty_output_folder_is_refused(tmp_path: Path, reference: Reference) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        build_local(reference.paths, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize(
    ("files", "error"),
    [({}, NotFoundError), ({"x.pdf": "%PDF"}, InputError), ({"y.jsonl": "{bad"}, InputError)],
)
def test_nothing_readable_is_an_error(
    tmp_path: Path, files: dict[str, str], error: type[Exception]
) -> None:
    (tmp_path / "in").mkdir()
    for name, text in files.items():
        (tmp_path / "in" / name).write_text(text)
    with pytest.raises(error):
        build_local([tmp_path / "in"], tmp_path / "out")


@pytest.mark.parametrize(
    ("out", "uri"),
    [("hdfs://nn:8020/qg", True), ("s3a://bucket/qg", True), ("out/nq", False), ("C:/x", False)],
)
def test_uris_go_to_spark_and_paths_stay_local(out: str, uri: bool) -> None:
    assert layout.is_uri(out) is uri
    assert layout.prepare(out).startswith("file://") is not uri


def test_finish_names_spark_parts_and_drops_checksums(tmp_path: Path) -> None:
    for folder in (layout.ARTICLES, layout.LINKS):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "part-00000").write_text("")
        (tmp_path / folder / ".part-00000.crc").write_text("")
        (tmp_path / folder / "_SUCCESS").write_text("")
    parts = layout.finish(tmp_path)
    assert [Path(p).relative_to(tmp_path).as_posix() for p in parts] == [
        "articles/part-00000.nq",
        "links/part-00000.nq",
    ]
    assert not list(tmp_path.glob("*/.*.crc"))
    with pytest.raises(InputError, match="no articles/part"):
        layout.load_parts(tmp_path / "articles")


@pytest.mark.parametrize("n", [1, 3, 1000])
def test_links_graph_in_slices_is_the_whole_links_graph(reference: Reference, n: int) -> None:
    files, listing = steps.list_files(reference.paths)
    collected = steps.collect((steps.map_file(i, f) for i, f in enumerate(files)), listing)
    corpus = steps.link_records(collected.records)
    whole = steps.global_lines(corpus, STAMP)
    slices = steps.link_slices(corpus, n)
    assert len(slices) == n
    parts = [line for part in slices for line in steps.links_lines([part], steps.link_ids(corpus))]
    assert sorted(set(parts + steps.build_lines(corpus, STAMP))) == sorted(set(whole))
    assert len(parts) > len(corpus.quotes)
