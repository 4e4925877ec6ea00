"""Articles on a shelf: the global stages read bodies back from disk and keep none."""

from __future__ import annotations

import functools
import gc
import random
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from quotegraph.extract import extract_quotes
from quotegraph.ingest import read_articles
from quotegraph.link import link
from quotegraph.model import Article, QuoteMention
from quotegraph.resolve import resolve
from quotegraph.shelf import Shelf, metas, shelve

BODIES = [
    "Ann Lee said “the plan works”.",
    "Matius Prince (CloudFare) berkata: ''Kami tidak akan menyensor.''",
    "emoji 🙂 and a lone surrogate \ud800 survive",
    "",
]


def _articles() -> list[Article]:
    return [
        Article(f"a{i}", body, "en", outlet="The Daily", extra={"k": str(i)})
        for i, body in zip((3, 1, 4, 2), BODIES, strict=True)
    ]


def test_bodies_come_back_from_disk_and_metadata_stays_in_memory(tmp_path: Path) -> None:
    arts = _articles()
    with Shelf.on_disk(tmp_path) as shelf:
        for a in arts:
            shelf.add(a)
        assert not shelf.in_memory and len(shelf) == 4
        assert list(shelf) == arts and shelf[1:3] == arts[1:3]
        assert [shelf.body(a.id) for a in arts] == BODIES
        assert all(m.body == "" for m in shelf.metas())
        assert shelf.meta(0) == replace(arts[0], body="")
        assert shelf.get("a4") == arts[2] and shelf.get("zz") is None and shelf.body("zz") == ""
        shelf.sort()
        assert [a.id for a in shelf] == ["a1", "a2", "a3", "a4"]
        assert shelf.body_at(0) == BODIES[1] and shelf.get("a2") == arts[3]
        assert shelf.index_of("a3") == 2 and shelf.meta_of("a3") == replace(arts[0], body="")
        with pytest.raises(ValueError, match="'a1' is already on the shelf"):
            shelf.add(arts[1])
    assert list(tmp_path.iterdir()) == []  # the body file never shows in the folder


def test_an_in_memory_shelf_keeps_the_articles_themselves() -> None:
    arts = _articles()
    shelf = shelve(arts)
    assert shelf.in_memory and all(a is b for a, b in zip(shelf, arts, strict=True))
    assert metas(shelf) is shelf.metas() and metas(arts) is arts
    assert shelve(shelf) is shelf
    again = shelve([*arts, replace(arts[0], title="new")])  # as a dict: first place, last value
    assert len(again) == 4 and again[0].title == "new"


def _corpus_without_articles(corpus: object) -> tuple[object, ...]:
    fields = ("mentions", "entities", "merges", "quotes", "venues", "variants", "relations")
    extra = ("hops", "speaker_of", "quote_of", "publisher_of")
    return tuple(getattr(corpus, f) for f in fields + extra)


def test_resolve_and_link_give_the_same_corpus_from_disk(synth_dir: Path, tmp_path: Path) -> None:
    arts = sorted(read_articles([synth_dir / "articles.jsonl"]), key=lambda a: a.id)
    mentions = [m for a in arts for m in extract_quotes(a)]
    in_memory = link(arts, mentions, resolve(arts, mentions))
    with Shelf.on_disk(tmp_path) as shelf:
        for a in arts:
            shelf.add(a)
        on_disk = link(shelf, mentions, resolve(shelf, mentions))
        assert on_disk.articles is shelf and list(on_disk.articles) == arts
    assert len(in_memory.quotes) > 10 and len(in_memory.relations) > 0
    assert _corpus_without_articles(on_disk) == _corpus_without_articles(in_memory)


FILLER_WORDS = 6000  # words of filler per article: the bodies dwarf what linking keeps


def _long_articles(n: int) -> Iterator[Article]:
    """Articles with one quote and a long filler of lowercase words after it."""
    rng = random.Random(7)
    vocabulary = [f"w{i:05d}" for i in range(20000)]
    for i in range(n):
        filler = " ".join(rng.choice(vocabulary) for _ in range(FILLER_WORDS))
        body = f"Ann Lee said “the network stays up whatever happens, {i}”.\n\n{filler}.\n"
        yield Article(f"long-{i:03d}", body, "en", date=f"2015-11-2{i % 9 + 1}")


def test_the_global_stages_keep_no_body_in_memory(tmp_path: Path) -> None:
    with Shelf.on_disk(tmp_path) as shelf:
        mentions: list[QuoteMention] = []
        body_bytes = 0
        for article in _long_articles(40):
            shelf.add(article)
            mentions += extract_quotes(article)
            body_bytes += len(article.body)
        del article
        assert len(mentions) == 40 and body_bytes > 40 * FILLER_WORDS * 6
        for cached in gc.get_objects():  # start from empty caches, whatever ran before
            if isinstance(cached, functools._lru_cache_wrapper):
                cached.cache_clear()
        warm = [Article("w1", "Bo Yi said “a short one here”.", "en")]  # loads the data files
        link(warm, extract_quotes(warm[0]), resolve(warm, extract_quotes(warm[0])))
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            corpus = link(shelf, mentions, resolve(shelf, mentions))
            kept = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        # what linking keeps (mentions, quotes, hops, ...) is a few kB per article; every
        # body is 40 kB, so keeping even a tenth of them would show
        assert kept < body_bytes / 10, (kept, body_bytes)
        assert len(corpus.quotes[0].mention_ids) == 40 and corpus.articles is shelf
