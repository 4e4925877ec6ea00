"""Write a synthetic corpus to disk: articles, the truth file and, on request, gold files.

Input: an output directory, a number of articles, a seed, a format (``txt``: one
front-matter file per article under ``articles/``; ``jsonl``: one record a line in
``articles.jsonl``) and whether to write ``gold/<id>.json`` (gold-format §1).  Output:
the files, and a :class:`WriteSummary` of what was written.  Articles are streamed: one
article body is in memory at a time.

Layout::

    OUT/articles/<id>.txt   or   OUT/articles.jsonl
    OUT/truth.jsonl         one line per article: mentions (offsets, speaker, venue,
                            utterance, variant), relations, figures
    OUT/gold/<id>.json      with --gold
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from quotegraph.errors import InputError
from quotegraph.model import Span
from quotegraph.synth.draft import SynthArticle
from quotegraph.synth.lexicon import LANGUAGES
from quotegraph.synth.stream import generate

FORMATS = ("txt", "jsonl")


@dataclass(frozen=True)
class WriteSummary:
    """What :func:`write_corpus` wrote."""

    out_dir: Path
    articles: int
    mentions: int
    relations: int
    bytes: int
    files: tuple[Path, ...]  # the truth file, the jsonl file or the articles folder, gold


def _plain(obj: Any) -> dict[str, Any]:
    """A flat dataclass (spans inside become dicts) as JSON data; faster than ``asdict``."""
    out = {}
    for name in _field_names(type(obj)):
        value = getattr(obj, name)
        out[name] = (
            {"start": value.start, "end": value.end, "text": value.text}
            if isinstance(value, Span)
            else value
        )
    return out


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in fields(cls))
    return _FIELDS[cls]


def truth_record(art: SynthArticle) -> dict[str, Any]:
    """The truth-file line of one article (plain JSON data)."""
    a = art.article
    return {
        "article": a.id,
        "language": a.language,
        "outlet": a.outlet,
        "date": a.date,
        "title": a.title,
        "mentions": [_plain(m) for m in art.mentions],
        "relations": [_plain(r) for r in art.relations],
        "figures": [_plain(f) for f in art.figures],
    }


def gold_record(art: SynthArticle) -> dict[str, Any]:
    """The gold file (gold-format §1) of one article."""
    quotes = [
        {
            "text": m.text,
            "kind": m.kind,
            "speaker": list(m.speaker_names) or None,
            "cue": m.cue.text if m.cue else None,
            "venue": m.venue,
            "optional": m.optional,
            "note": f"synth {m.pattern} {m.variant} {m.quote_id or ''}".strip(),
        }
        for m in art.mentions
    ]
    derived = [
        {"target": r.target, "relation": r.relation, "evidence": r.evidence} for r in art.relations
    ]
    return {
        "article": art.article.id,
        "language": art.article.language,
        "quotes": quotes,
        "derived_from": derived,
    }


def front_matter(art: SynthArticle) -> str:
    """The ``.txt`` file of one article: YAML front matter, then the body as is."""
    a = art.article
    head = {
        "id": a.id,
        "language": a.language,
        "outlet": a.outlet,
        "date": a.date,
        "title": a.title,
    }
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in head.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + a.body


def _json_line(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_corpus(
    out_dir: str | Path,
    n: int,
    seed: int = 0,
    fmt: str = "txt",
    gold: bool = False,
    languages: Sequence[str] = LANGUAGES,
    progress: Callable[[int], None] | None = None,
) -> WriteSummary:
    """Generate ``n`` articles into ``out_dir``; ``progress(k)`` after each article."""
    if fmt not in FORMATS:
        raise InputError("--format", f"expected one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out_dir)
    articles_dir, gold_dir = out / "articles", out / "gold"
    try:
        out.mkdir(parents=True, exist_ok=True)
        if fmt == "txt":
            articles_dir.mkdir(exist_ok=True)
        if gold:
            gold_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(str(out), f"cannot create the output folder ({exc.strerror})") from None
    truth_path, jsonl_path = out / "truth.jsonl", out / "articles.jsonl"
    counts = [0, 0, 0, 0]  # articles, mentions, relations, bytes
    with (
        truth_path.open("w", encoding="utf-8") as truth,
        jsonl_path.open("w", encoding="utf-8") if fmt == "jsonl" else _NullFile() as records,
    ):
        for art in generate(n, seed, languages):
            if fmt == "txt":
                text = front_matter(art)
                (articles_dir / f"{art.article.id}.txt").write_text(text, encoding="utf-8")
            else:
                a = art.article
                text = _json_line(
                    {
                        "id": a.id,
                        "language": a.language,
                        "outlet": a.outlet,
                        "date": a.date,
                        "title": a.title,
                        "body": a.body,
                    }
                )
                records.write(text)
            truth.write(_json_line(truth_record(art)))
            if gold:
                record = json.dumps(gold_record(art), ensure_ascii=False, indent=1)
                (gold_dir / f"{art.article.id}.json").write_text(record, encoding="utf-8")
            counts[0] += 1
            counts[1] += len(art.mentions)
            counts[2] += len(art.relations)
            counts[3] += len(text.encode("utf-8"))
            if progress:
                progress(counts[0])
    files = [truth_path, articles_dir if fmt == "txt" else jsonl_path]
    if gold:
        files.append(gold_dir)
    return WriteSummary(out, counts[0], counts[1], counts[2], counts[3], tuple(files))


class _NullFile:
    """A stand-in for the jsonl file when writing ``.txt`` articles."""

    def __enter__(self) -> _NullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, text: str) -> int:
        return 0
