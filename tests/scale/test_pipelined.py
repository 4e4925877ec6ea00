"""Writing N-Quads in a thread while the store loads them (store.nquads.pipelined)."""

from __future__ import annotations

import threading
from typing import BinaryIO

import pytest

from quotegraph.store.nquads import pipelined


def test_chunks_keep_every_write_whole_and_in_order() -> None:
    def produce(out: BinaryIO) -> str:
        for i in range(100):
            out.write(f"<s{i}> <p> <o> .\n".encode())
        return "id-1"

    chunks, result = pipelined(produce, size=64)
    got = list(chunks)
    assert len(got) > 1 and all(c.endswith(b" .\n") for c in got)
    assert b"".join(got).decode().splitlines() == [f"<s{i}> <p> <o> ." for i in range(100)]
    assert result() == "id-1"


def test_a_failing_producer_fails_the_consumer() -> None:
    def produce(out: BinaryIO) -> str:
        out.write(b"<a> <b> <c> .\n")
        raise ValueError("broken corpus")

    chunks, result = pipelined(produce, size=1)
    with pytest.raises(ValueError, match="broken corpus"):
        list(chunks)
    with pytest.raises(RuntimeError):
        result()


def test_a_consumer_that_stops_ends_the_producer() -> None:
    def produce(out: BinaryIO) -> str:
        while True:  # would block forever on a full queue without the stop
            out.write(b"<a> <b> <c> .\n")

    chunks, _ = pipelined(produce, size=1)
    next(chunks)
    chunks.close()  # type: ignore[attr-defined]
    assert not any(t.name == "quotegraph-nquads" and t.is_alive() for t in threading.enumerate())
