"""A reproducible synthetic news stream with the truth about every quote it prints.

Input: a number of articles, a seed and the languages to use.  Output: a stream of
:class:`SynthArticle` (:func:`generate`), or a corpus on disk (:func:`write_corpus`):
articles as front-matter ``.txt`` files or one ``.jsonl`` file, ``truth.jsonl`` (every
quote mention with exact offsets, speaker, venue, utterance and variant relation; every
republication, translation and citation) and optionally gold files for ``quotegraph eval``.

>>> arts = list(generate(3, seed=1))
>>> [a.article.id for a in arts]
['synth-1-0000000', 'synth-1-0000001', 'synth-1-0000002']
>>> all(a.article.body[m.start:m.end] == m.text for a in arts for m in a.mentions)
True
"""

from __future__ import annotations

from quotegraph.synth.draft import FigureTruth, MentionTruth, RelationTruth, SynthArticle
from quotegraph.synth.stream import generate
from quotegraph.synth.write import WriteSummary, write_corpus

__all__ = [
    "FigureTruth",
    "MentionTruth",
    "RelationTruth",
    "SynthArticle",
    "WriteSummary",
    "generate",
    "write_corpus",
]
