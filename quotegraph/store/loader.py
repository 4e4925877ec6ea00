"""A fresh Oxigraph store filled by a background thread while the caller goes on working.

Input: a directory for the new store and N-Quads chunks (bytes of whole lines), queued in
order as they become available; output: the loaded store, its quad count and build id.
The Oxigraph bulk loader releases the GIL, so the build loads the article graphs its
workers wrote while resolve and link run in the main thread, then the links graph as it
is written.  Used by :meth:`quotegraph.store.embedded.EmbeddedStore.rebuilding`, which
swaps the directory in once :meth:`Rebuild.finish` returns.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp()) / "store"
>>> fresh = Rebuild(folder)
>>> fresh.feed([b"<http://a> <http://b> <http://c> <http://g> .\\n"])
>>> fresh.finish("id-1")
1
>>> (folder / BUILD_FILE).read_text()
'id-1'
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from queue import Queue
from typing import BinaryIO

import pyoxigraph as ox

from quotegraph.errors import StoreError

BUILD_FILE = "quotegraph-build-id"
FILE_CHUNK_BYTES = 16_000_000  # N-Quads per bulk load of a file: loader memory grows with it


def file_chunks(source: BinaryIO, size: int = FILE_CHUNK_BYTES) -> Iterator[bytes]:
    """The N-Quads of the open file ``source`` in chunks of about ``size`` bytes, each ending
    at a line end (bulk loads of bounded size bound the loader's memory)."""
    rest = b""
    while block := source.read(size):
        block = rest + block
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            rest = block
            continue
        rest = block[cut:]
        yield block[:cut]
    if rest:
        yield rest


class Rebuild:
    """A new store in ``folder``, loaded on one background thread in the order the chunk
    sources were :meth:`feed`; :meth:`finish` waits for the loads and seals the folder."""

    def __init__(self, folder: Path, label: str | None = None) -> None:
        self.folder = folder
        self.label = label or str(folder)  # how errors name the store
        self._store: ox.Store | None = ox.Store(str(folder))
        self._sources: Queue[Iterable[bytes] | None] = Queue()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, name="quotegraph-loader", daemon=True)
        self._thread.start()

    def feed(self, chunks: Iterable[bytes]) -> None:
        """Queue ``chunks`` to be loaded after every source fed before (returns at once)."""
        self._sources.put(chunks)

    def _load(self) -> None:
        while (source := self._sources.get()) is not None:
            try:
                if self._error is None and not self._stop.is_set():
                    for chunk in source:
                        assert self._store is not None
                        self._store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
                        if self._stop.is_set():
                            break
            except BaseException as exc:  # raised in the caller by finish()
                self._error = self._error or exc
            finally:
                close = getattr(source, "close", None)
                if close is not None:  # a generator: let it clean up (stop its producer)
                    close()

    def _join(self) -> None:
        self._sources.put(None)
        self._thread.join()

    def finish(
        self, build_id: str | Callable[[], str], extra: Callable[[Path], None] | None = None
    ) -> int:
        """Wait for every queued load, flush, write ``build_id`` (or what the function gives,
        once the loads are done) to ``BUILD_FILE``, run ``extra(folder)``; returns the quad
        count.  A load error is raised here, as StoreError when the data was at fault."""
        self._join()
        if self._error is not None:
            error, self._error = self._error, None
            if isinstance(error, OSError | SyntaxError | ValueError):
                reason = f"could not build the new store: {error}"
                raise StoreError(f"{self.label}: {reason}") from error
            raise error
        assert self._store is not None
        self._store.flush()
        count = len(self._store)
        self._close()
        bid = build_id if isinstance(build_id, str) else build_id()
        (self.folder / BUILD_FILE).write_text(bid, encoding="utf-8")
        if extra is not None:
            extra(self.folder)
        return count

    def abandon(self) -> None:
        """Stop loading (after the chunk in progress) and release the store."""
        self._stop.set()
        if self._thread.is_alive():
            self._join()
        self._close()

    def _close(self) -> None:
        self._store = None
        gc.collect()  # RocksDB lets go of the folder only when the store object is freed
