"""Translate a whole draft through the lexicon, keeping every slot (and so every offset) exact.

Input: an English :class:`~quotegraph.synth.draft.Draft` and a target language.  Output: a
new draft whose strings, quotes, cues and generic venue or speaker phrases are translated
word by word; names, outlets, handles and numbers stay as anchors.  Quotes in marks become
kind ``translated`` with variant ``translation``; embedded tweets stay as posted.

>>> from quotegraph.synth.draft import Draft, MentionPlan, Slot, Mark, render
>>> d = Draft("a", "en", "X", "x", "2024-01-01", "T")
>>> ref = d.add(MentionPlan(kind="direct", pattern="p", quote_id="u"))
>>> d.paragraphs.append((Mark(False), Slot("quote", ref, "We will comply."), Mark(True)))
>>> t = translate_draft(d, "fr", ("« ", " »"))
>>> render(t).article.body, t.mentions[0].kind
('« Nous allons nous conformer. »\\n', 'translated')
"""

from __future__ import annotations

from quotegraph.synth.draft import ANCHOR, FIGURE, QUOTE, Draft, Item, Mark, Slot
from quotegraph.synth.lexicon import data, translate


def _outlet_names() -> tuple[str, ...]:
    return tuple(o["name"] for o in data("world")["outlets"])


def _item(item: Item, language: str, keep: tuple[str, ...], tweets: set[int]) -> Item:
    if isinstance(item, Mark):
        return item
    if isinstance(item, str):
        return translate(item, language, keep)
    if item.role in (ANCHOR, FIGURE) or (item.role == QUOTE and item.ref in tweets):
        return item
    if item.text in keep or item.text.startswith("@"):
        return item
    return Slot(item.role, item.ref, translate(item.text, language, keep))


def translate_draft(draft: Draft, language: str, marks: tuple[str, str]) -> Draft:
    """``draft`` rendered in ``language`` with quotation marks ``marks``."""
    out = draft.copy(language=language, marks=marks)
    keep = (*draft.keep, draft.outlet, *_outlet_names())
    tweets = {ref for ref, m in enumerate(draft.mentions) if m.kind == "tweet"}
    out.title = translate(draft.title, language, keep)
    out.paragraphs = [
        tuple(_item(item, language, keep, tweets) for item in para) for para in draft.paragraphs
    ]
    for ref, plan in enumerate(out.mentions):
        plan.language = language if ref not in tweets else plan.language
        if plan.kind in ("direct", "partial"):
            plan.kind = "translated"
        if ref not in tweets and plan.kind != "scare":
            plan.variant = "translation"
        if plan.venue and plan.venue != plan.venue_outlet:
            plan.venue = translate(plan.venue, language, keep)
    return out
