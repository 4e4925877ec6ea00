"""The embedded store: Oxigraph (pyoxigraph) on disk, replaced by build-and-swap.

Input: a directory.  ``replace`` bulk-loads the new dataset as N-Quads into a
fresh sibling directory, then swaps it in with two renames, keeping the old
store until the new one is in place: a failure or a killed process before the
swap leaves the previous store untouched, and :func:`recover` repairs the one
window between the two renames the next time the store is opened.  A lock file
next to the directory stops two builds at once; readers open the store
read-only, and since a build never writes the live directory they can query
while it runs.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from quotegraph.errors import QueryError, StoreError
from quotegraph.model import Corpus
from quotegraph.rdf import from_dataset
from quotegraph.store.loader import BUILD_FILE, Rebuild, file_chunks
from quotegraph.store.results import QueryResult
from quotegraph.vocab import XSD

READ_RETRIES = 6  # a reader racing a build swap retries this often


T = TypeVar("T")


class EmbeddedStore:
    """An Oxigraph store in ``path`` (created by the first :meth:`replace`)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        recover(self.path)

    # -- writing ----------------------------------------------------------------

    def check_unlocked(self) -> None:
        """Raise StoreError now if a live build holds the lock, or if the path holds
        something that is not a store (fail before analysing)."""
        pid = _holder(_lock_path(self.path))
        if pid is not None:
            raise StoreError(f"store is locked by a build (pid {pid}): {self.path}")
        check_replaceable(self.path)

    def replace(self, dataset: Dataset, extra: Callable[[Path], None] | None = None) -> int:
        """Replace the whole store by ``dataset``; returns the number of quads stored.

        ``extra(fresh_dir)`` runs after the load and before the swap, so files it writes
        there (the text index, the extraction cache) are swapped in with the store.
        """
        try:
            nquads = dataset.serialize(format="nquads", encoding="utf-8")
        except Exception as exc:  # rdflib raises bare Exception for unserialisable terms
            raise StoreError(f"cannot serialise the dataset: {exc}") from exc
        return self.replace_nquads(nquads, hashlib.sha256(nquads).hexdigest(), extra)

    def replace_nquads(
        self,
        source: bytes | Path | Iterable[bytes],
        build_id: str | Callable[[], str],
        extra: Callable[[Path], None] | None = None,
    ) -> int:
        """Replace the whole store by the N-Quads ``source``: bytes, a file path, or chunks
        of whole lines (for instance from :func:`quotegraph.store.nquads.pipelined`).

        A file is loaded about ``FILE_CHUNK_BYTES`` at a time and chunks one by one, so they
        must not use blank nodes (their labels are scoped to one load); the build's have none.

        ``build_id`` (a hash of the content, or a function giving it once ``source`` is
        consumed) is written to ``BUILD_FILE`` in the store directory, so files derived from
        the store can tell whether they are in step.
        """
        with self.rebuilding() as fresh:
            if isinstance(source, Path):
                with source.open("rb") as lines:
                    fresh.feed(file_chunks(lines))
                    return fresh.finish(build_id, extra)
            fresh.feed([source] if isinstance(source, bytes) else source)
            return fresh.finish(build_id, extra)

    @contextlib.contextmanager
    def rebuilding(self) -> Iterator[Rebuild]:
        """Hold the build lock and give a :class:`~quotegraph.store.loader.Rebuild` of a fresh
        sibling folder; when the block ends after ``finish``, swap it in.  On an error, or
        when the block ends without ``finish``, the fresh folder is removed and the old store
        stays as it was."""
        with lock(self.path):
            check_replaceable(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fresh = _sibling(self.path, "new")
            old = _sibling(self.path, "old")
            for leftover in (fresh, old):
                shutil.rmtree(leftover, ignore_errors=True)
            try:
                rebuild = Rebuild(fresh, str(self.path))
            except OSError as exc:
                shutil.rmtree(fresh, ignore_errors=True)
                raise StoreError(f"{self.path}: could not create the new store: {exc}") from exc
            try:
                yield rebuild
                if not (fresh / BUILD_FILE).is_file():
                    raise StoreError(f"{self.path}: the new store was not finished")
            except BaseException:
                rebuild.abandon()
                shutil.rmtree(fresh, ignore_errors=True)
                raise
            if self.path.exists():
                os.rename(self.path, old)
            os.rename(fresh, self.path)
            shutil.rmtree(old, ignore_errors=True)

    def build_id(self) -> str | None:
        """The id of the build the store holds (None for a store written before ids)."""
        try:
            return (self.path / BUILD_FILE).read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    # -- reading ----------------------------------------------------------------

    def _reader(self) -> ox.Store:
        if not self.path.is_dir():
            raise StoreError(f"no store at {self.path}: run `quotegraph build` first")
        return ox.Store.read_only(str(self.path))  # errors: see _read

    def _read(self, action: Callable[[ox.Store], T]) -> T:
        """Run ``action`` on a read-only store, retrying when a build swapped the folder
        while it was being opened or read (RocksDB then reports files of two generations)."""
        for attempt in range(READ_RETRIES):
            try:
                return action(self._reader())
            except (RuntimeError, OSError) as exc:
                if attempt == READ_RETRIES - 1:
                    raise StoreError(f"{self.path}: cannot read the store: {exc}") from exc
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all graphs."""

        def run(store: ox.Store) -> QueryResult:
            try:
                result = store.query(sparql, use_default_graph_as_union=True)
            except SyntaxError as exc:
                raise QueryError(f"malformed SPARQL: {exc}") from exc
            return _result(result)

        return self._read(run)

    def dataset(self) -> Dataset:
        """Everything in the store as an rdflib Dataset."""
        data = self._read(lambda store: store.dump(format=ox.RdfFormat.N_QUADS))
        ds = Dataset(default_union=True)
        if data:
            ds.parse(data=data.decode("utf-8"), format="nquads")
        return ds

    def load_corpus(self) -> Corpus:
        """The corpus the store holds."""
        return from_dataset(self.dataset())

    def __len__(self) -> int:
        return self._read(len) if self.path.is_dir() else 0


def _result(result: object) -> QueryResult:
    """A pyoxigraph query result as a :class:`QueryResult` (rows read eagerly)."""
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_term(s[name]) for name in names) for s in result)
        return QueryResult(names, rows)
    graph = Graph()
    for triple in result:  # type: ignore[attr-defined]
        s, p, o = (_term(t) for t in (triple.subject, triple.predicate, triple.object))
        if s is not None and p is not None and o is not None:
            graph.add((s, p, o))
    return QueryResult(graph=graph)


def _term(term: object) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise QueryError(f"unsupported RDF term in a result: {term!r}")


STORE_MARKERS = frozenset({BUILD_FILE, "CURRENT", "MANIFEST", "IDENTITY"})


def check_replaceable(path: Path) -> None:
    """Raise StoreError unless ``path`` is absent, an empty folder or a store: a build
    replaces the whole folder, so it must never be pointed at a folder of other files."""
    if not path.exists():
        return
    if not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder: choose another --store")
    names = {child.name for child in path.iterdir()}
    if names and not names & STORE_MARKERS:
        raise StoreError(
            f"{path} is a folder of other files, not a quotegraph store; refusing to replace "
            "it: choose another --store"
        )


def _sibling(path: Path, kind: str) -> Path:
    return path.with_name(f".{path.name}.{kind}")


def recover(path: Path) -> None:
    """Finish or undo a swap a killed build left half done (no-op while a build runs)."""
    if _lock_path(path).exists() and _holder(_lock_path(path)) is not None:
        return
    old, fresh = _sibling(path, "old"), _sibling(path, "new")
    if not path.exists() and old.is_dir():
        os.rename(old, path)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    # the N-Quads scratch file of a killed build (".<name>.<pid>.nq", see store.build)
    for scratch in path.parent.glob(f".{glob.escape(path.name)}.*.nq"):
        pid = scratch.name[len(path.name) + 2 : -len(".nq")]
        if pid.isdigit() and not _alive(int(pid)):
            scratch.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def _holder(lock_file: Path) -> int | None:
    """The pid of the live process holding ``lock_file``, or None."""
    try:
        pid = int(lock_file.read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        return None
    if pid <= 0:
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    return pid


@contextlib.contextmanager
def lock(path: Path) -> Iterator[None]:
    """Hold the build lock of the store at ``path`` (StoreError if a live build has it)."""
    lock_file = _lock_path(path)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    # the lock appears with our pid already in it (a hard link of a file written first), so
    # a build that finds it never reads an empty file and takes it for a stale lock
    mine = lock_file.with_name(f"{lock_file.name}.{os.getpid()}")
    mine.write_text(str(os.getpid()), encoding="utf-8")
    try:
        for _ in range(2):
            try:
                os.link(mine, lock_file)
            except FileExistsError:
                pid = _holder(lock_file)
                if pid is not None:
                    raise StoreError(f"store is locked by a build (pid {pid}): {path}") from None
                lock_file.unlink(missing_ok=True)  # stale: its process is gone
                continue
            break
        else:
            raise StoreError(f"cannot take the lock {lock_file}")
    finally:
        mine.unlink(missing_ok=True)
    try:
        yield
    finally:
        lock_file.unlink(missing_ok=True)
