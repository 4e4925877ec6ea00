"""A full-text index of every quote and quote mention, kept inside the embedded store.

Input: a Corpus at build time, or the store itself when the index is missing or stale.
Output: :func:`search` -> :class:`Hit` per matching quote (best first).  The index is an
SQLite FTS5 table in ``INDEX_FILE`` inside the store directory: the build writes it into the
fresh directory before the swap, so store and index change together.  It records the store's
build id (``quotegraph-build-id``); :func:`ensure_index` rebuilds it from the store (one
SPARQL query, no corpus load) when it is missing, unreadable or from another build.

Each row holds the normalised words of a text (quote marks, dashes, apostrophes and case
folded by :func:`quotegraph.link.text.tokens`) and its pivot-language stems (through the
link stage's translation lexicons), so a fragment, a variant or a translation finds it.

>>> words("“I’d suggest this was ARMCHAIR analysis – by kids”")
'i’d suggest this was armchair analysis by kids'
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from quotegraph.errors import StoreError
from quotegraph.link.text import content_stems, stopwords, tokens
from quotegraph.link.translate import PIVOT, cross_score, has_lexicon, lexicon, pivot_stems
from quotegraph.model import Corpus
from quotegraph.rdf.terms import id_of
from quotegraph.store.embedded import BUILD_FILE, EmbeddedStore

INDEX_FILE = "quotegraph-index.sqlite"
MIN_MATCH = 0.7
TRANSLATED = 0.95  # best score of a match through the translation lexicon
CANDIDATES = 100  # best rows (bm25) fetched per FTS query before scoring

#: (text, language, quote id, mention id or "", speaker id or "", article id or "")
Row = tuple[str, str, str, str, str, str]


@dataclass(frozen=True)
class Hit:
    """A quote matching a search: the best matching text (the quote or one mention)."""

    quote: str
    text: str
    score: float
    mention: str | None = None
    speaker: str | None = None
    article: str | None = None
    language: str = "und"


def words(text: str) -> str:
    """The indexed form of ``text``: folded word tokens joined by spaces."""
    return " ".join(tokens(text))


def _stems(toks: list[str], language: str) -> set[str]:
    if language != PIVOT and has_lexicon(language):
        return set().union(*pivot_stems(toks, language)) if toks else set()
    return content_stems(toks, PIVOT)


def rows_of(corpus: Corpus) -> Iterator[Row]:
    """Index rows of ``corpus``: each quote, and each mention under its quote."""
    speaker = {q.id: q.speaker_id or "" for q in corpus.quotes}
    for q in corpus.quotes:
        yield (q.text, q.language, q.id, "", speaker[q.id], "")
    for m in corpus.mentions:
        qid = corpus.quote_of.get(m.id)
        if qid is not None:
            yield (m.text, m.language, qid, m.id, speaker.get(qid, ""), m.article_id)


def write_index(folder: Path, rows: Iterable[Row], build_id: str | Callable[[], str]) -> int:
    """Write the index of ``rows`` to ``folder/INDEX_FILE`` for build ``build_id`` (or the
    id the function gives once the rows are in: the build may still be writing the store)."""
    tmp = folder / f".{INDEX_FILE}.{os.getpid()}"
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    n = 0
    try:
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
            "CREATE VIRTUAL TABLE hits USING fts5(words, stems, original UNINDEXED,"
            " language UNINDEXED, quote UNINDEXED, mention UNINDEXED, speaker UNINDEXED,"
            " article UNINDEXED, tokenize='unicode61 remove_diacritics 2');"
        )
        batch = []
        for text, lang, *ids in rows:
            toks = tokens(text)
            batch.append((" ".join(toks), " ".join(sorted(_stems(toks, lang))), text, lang, *ids))
            if len(batch) >= 5000:
                con.executemany("INSERT INTO hits VALUES (?,?,?,?,?,?,?,?)", batch)
                n, batch = n + len(batch), []
        con.executemany("INSERT INTO hits VALUES (?,?,?,?,?,?,?,?)", batch)
        n += len(batch)
        con.execute("INSERT INTO hits(hits) VALUES('optimize')")
        bid = build_id if isinstance(build_id, str) else build_id()
        con.execute("INSERT INTO meta VALUES('build', ?)", (bid,))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, folder / INDEX_FILE)
    return n


def index_build_id(folder: Path) -> str | None:
    """The build id the index in ``folder`` was written for (None if missing or unreadable)."""
    path = folder / INDEX_FILE
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='build'").fetchone()
            con.execute("SELECT count(*) FROM hits WHERE hits MATCH 'x'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def store_build_id(store: EmbeddedStore) -> str:
    """The store's build id; for a store written before build ids, its size and time."""
    found = store.build_id()
    if found:
        return found
    current = store.path / "CURRENT"
    stamp = current.stat().st_mtime_ns if current.exists() else 0
    return f"unversioned:{len(store)}:{stamp}"


def _store_rows(store: EmbeddedStore) -> Iterator[Row]:
    from quotegraph.vocab import PROV, QG, SDO

    sparql = f"""SELECT ?text ?lang ?q ?m ?sp ?art WHERE {{
      {{ ?q a {SDO.Quotation.n3()} ; {SDO.text.n3()} ?text .
         OPTIONAL {{ ?q {SDO.inLanguage.n3()} ?lang }} }}
      UNION
      {{ ?m {QG.denotes.n3()} ?q ; {SDO.text.n3()} ?text ; {SDO.isPartOf.n3()} ?art .
         OPTIONAL {{ ?m {SDO.inLanguage.n3()} ?lang }} }}
      OPTIONAL {{ ?q {PROV.wasAttributedTo.n3()} ?sp }}
    }}"""
    for text, lang, q, m, sp, art in store.query(sparql).rows:
        yield (
            str(text),
            str(lang) if lang is not None else "und",
            id_of(q)[1] if q is not None else "",
            id_of(m)[1] if m is not None else "",
            id_of(sp)[1] if sp is not None else "",
            id_of(art)[1] if art is not None else "",
        )


def ensure_index(location: str | Path) -> Path:
    """The index file of the embedded store at ``location``, rebuilt first if stale."""
    store = EmbeddedStore(Path(location))
    if not (store.path / BUILD_FILE).exists() and not store.path.is_dir():
        raise StoreError(f"no store at {store.path}: run `quotegraph build` first")
    wanted = store_build_id(store)
    if index_build_id(store.path) != wanted:
        try:
            write_index(store.path, _store_rows(store), wanted)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{store.path}: cannot rebuild the text index: {exc}") from exc
    return store.path / INDEX_FILE


def _match(column: str, terms: Iterable[str], joiner: str) -> str:
    quoted = [f'"{t}"' for t in dict.fromkeys(terms) if t and '"' not in t]
    return f"{column} : ({f' {joiner} '.join(quoted)})" if quoted else ""


def _score(query: list[str], text: str, language: str, toks: list[str] | None = None) -> float:
    """How well ``query`` tokens match ``text``: 1 when contained, else fuzzy or translated
    (at most ``TRANSLATED``; a query counts as language L when its words are in L's lexicon).
    ``toks`` are the tokens of ``text`` when already known.
    """
    toks = tokens(text) if toks is None else toks
    if not query or not toks:
        return 0.0
    q, t = " ".join(query), " ".join(toks)
    if f" {q} " in f" {t} ":
        return 1.0
    best = fuzz.partial_ratio(q, t) / 100 if len(q) <= len(t) else fuzz.ratio(q, t) / 100
    best = min(best, 0.99)
    if len(query) < 3:
        return best
    if language in (PIVOT, "und"):
        for lang in _lexicon_languages():
            known = sum(1 for w in query if w in lexicon(lang)) / len(query)
            if known >= 0.3:
                best = max(best, TRANSLATED * cross_score(query, lang, toks, PIVOT))
    elif has_lexicon(language):
        best = max(
            best,
            TRANSLATED * cross_score(query, PIVOT, toks, language),
            TRANSLATED * 0.9 * cross_score(toks, language, query, PIVOT),
        )
    return best


@cache
def _lexicon_languages() -> tuple[str, ...]:
    from importlib import resources

    folder = resources.files("quotegraph").joinpath("data", "provenance", "lexicon")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    return tuple(n.split("-")[0] for n in names if lexicon(n.split("-")[0]))


def _queries(query: list[str]) -> list[str]:
    """FTS queries from strictest to loosest: all content words, then any, then stems."""
    stop = stopwords(PIVOT)
    content = [t for t in query if t not in stop] or query
    stems = content_stems(query, PIVOT)
    for lang in _lexicon_languages():
        stems |= set().union(*pivot_stems(query, lang)) if query else set()
    return [
        q
        for q in (
            _match("words", content, "AND"),
            _match("words", content, "OR"),
            _match("stems", sorted(stems), "OR"),
        )
        if q
    ]


def search(location: str | Path, text: str, limit: int = 10) -> list[Hit]:
    """Quotes of the store at ``location`` matching ``text``, best first (one Hit per quote)."""
    query = tokens(text)
    if not query:
        return []
    path = ensure_index(location)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    best: dict[str, Hit] = {}
    try:
        for n, fts in enumerate(_queries(query)):
            if n == 2 and best and max(h.score for h in best.values()) >= 0.9:
                break  # the same-language match is good: translations are linked to it
            rows = con.execute(
                "SELECT words, original, language, quote, mention, speaker, article FROM hits "
                "WHERE hits MATCH ? ORDER BY rank LIMIT ?",
                (fts, CANDIDATES),
            ).fetchall()
            for indexed, original, lang, qid, mid, sp, art in rows:
                score = _score(query, original, lang, indexed.split(" ") if indexed else [])
                held = best.get(qid)
                if score < MIN_MATCH or (
                    held is not None and (held.score, bool(held.mention)) >= (score, bool(mid))
                ):
                    continue  # keep the better row; on a tie, a mention (it names an article)
                best[qid] = Hit(qid, original, score, mid or None, sp or None, art or None, lang)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: text index query failed: {exc}") from exc
    finally:
        con.close()
    return sorted(best.values(), key=lambda h: (-h.score, h.quote))[:limit]
