"""Article drafts as marked-up paragraphs, and their rendering into text with exact offsets.

Input: a :class:`Draft` — paragraphs made of plain strings, :class:`Slot` (a quote, a cue,
a speaker or venue mention, a name that must not be translated, a figure) and
:class:`Mark` (an opening or closing quotation mark, drawn in the article's style).
Output: :func:`render` -> :class:`SynthArticle`, the :class:`~quotegraph.model.Article`
with the truth about it (every quote mention with its spans, the article relations).

A draft is kept (not its body) for republication and translation: both re-render the
same slots, so offsets stay exact whatever the marks, dashes or language.

>>> d = Draft("a1", "en", "Tidewater Times", "outlet-x", "2024-01-02", "T")
>>> ref = d.add(MentionPlan(kind="direct", pattern="p", quote_id="u1", speaker="Ann Lee"))
>>> d.paragraphs.append((Mark(False), Slot("quote", ref, "Hi – there."), Mark(True)))
>>> art = render(d)
>>> art.article.body, art.mentions[0].start, art.mentions[0].text
('“Hi – there.”\\n', 1, 'Hi – there.')
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from quotegraph.model import Article, Span

QUOTE, CUE, SPEAKER, VENUE, VIA, ANCHOR, FIGURE = (
    "quote",
    "cue",
    "speaker",
    "venue",
    "via",
    "anchor",
    "figure",
)


@dataclass(frozen=True, slots=True)
class Slot:
    """A marked piece of a paragraph; ``ref`` indexes the draft's mentions (or figures)."""

    role: str
    ref: int
    text: str


@dataclass(frozen=True, slots=True)
class Mark:
    """An opening (``close=False``) or closing quotation mark."""

    close: bool


Item = str | Slot | Mark
Paragraph = tuple[Item, ...]


@dataclass
class MentionPlan:
    """What the generator knows about one quote mention before it has offsets."""

    kind: str
    pattern: str
    quote_id: str | None = None
    variant: str = "same"
    speaker_id: str | None = None
    speaker: str | None = None
    speaker_names: tuple[str, ...] = ()
    venue_id: str | None = None
    venue_type: str | None = None
    venue_outlet: str | None = None
    venue: str | None = None
    via_article: str | None = None
    cue_of: int | None = None  # borrow cue/speaker spans of this mention (split quotes)
    optional: bool = False
    language: str = "en"


@dataclass(frozen=True)
class MentionTruth:
    """One quote mention as generated; ``body[start:end] == text``."""

    start: int
    end: int
    text: str
    kind: str
    pattern: str
    quote_id: str | None
    variant: str
    speaker_id: str | None
    speaker: str | None
    speaker_names: tuple[str, ...]
    speaker_mention: Span | None
    cue: Span | None
    venue_id: str | None
    venue_type: str | None
    venue_outlet: str | None
    venue: str | None
    venue_mention: Span | None
    via_article: str | None
    optional: bool
    language: str


@dataclass(frozen=True)
class RelationTruth:
    """Article relation: this article derives from ``target`` (an article id)."""

    relation: str  # republication | rewrite | translation | cites
    target: str
    target_outlet: str
    stated: bool
    evidence: str


@dataclass(frozen=True)
class FigureTruth:
    """A number printed in the article, with the value of the story it drifted from."""

    start: int
    end: int
    text: str
    true_value: int


@dataclass(frozen=True)
class SynthArticle:
    """One generated article and the truth about it."""

    article: Article
    mentions: tuple[MentionTruth, ...]
    relations: tuple[RelationTruth, ...]
    figures: tuple[FigureTruth, ...] = ()


@dataclass
class Draft:
    """A mutable article under construction (see the module docstring)."""

    id: str
    language: str
    outlet: str
    outlet_id: str
    date: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    mentions: list[MentionPlan] = field(default_factory=list)
    relations: list[RelationTruth] = field(default_factory=list)
    figures: list[int] = field(default_factory=list)
    marks: tuple[str, str] = ("“", "”")
    dash: str = " – "
    sep: str = "\n\n"
    keep: tuple[str, ...] = ()  # names a translation must leave alone
    story: object = None  # the story it tells (for the stream's bookkeeping)

    def add(self, plan: MentionPlan) -> int:
        """Append a mention plan; its index is the ``ref`` of its slots."""
        self.mentions.append(plan)
        return len(self.mentions) - 1

    def copy(self, **changes: object) -> Draft:
        """A copy with fresh lists (mention plans copied too)."""
        fresh = replace(self, **changes)  # type: ignore[arg-type]
        fresh.paragraphs = list(fresh.paragraphs)
        fresh.mentions = [replace(m) for m in fresh.mentions]
        fresh.relations = list(fresh.relations) if "relations" in changes else []
        fresh.figures = list(fresh.figures)
        return fresh


def _surface(item: Item, draft: Draft) -> str:
    if isinstance(item, Mark):
        return draft.marks[1] if item.close else draft.marks[0]
    text = item.text if isinstance(item, Slot) else item
    if isinstance(item, Slot) and item.role == ANCHOR:
        return text
    return text.replace(" – ", draft.dash) if " – " in text else text


def render(draft: Draft) -> SynthArticle:
    """The article text of ``draft`` and the truth with exact offsets."""
    parts: list[str] = []
    spans: dict[tuple[str, int], Span] = {}
    pos = 0
    for index, paragraph in enumerate(draft.paragraphs):
        if index:
            parts.append(draft.sep)
            pos += len(draft.sep)
        for item in paragraph:
            text = _surface(item, draft)
            if isinstance(item, Slot) and item.role != ANCHOR:
                spans[(item.role, item.ref)] = Span(pos, pos + len(text), text)
            parts.append(text)
            pos += len(text)
    body = "".join(parts) + "\n"
    mentions = []
    for ref, plan in enumerate(draft.mentions):
        content = spans.get((QUOTE, ref))
        if content is None:
            continue
        cue_ref = ref if plan.cue_of is None else plan.cue_of
        mentions.append(
            MentionTruth(
                content.start,
                content.end,
                content.text,
                plan.kind,
                plan.pattern,
                plan.quote_id,
                plan.variant,
                plan.speaker_id,
                plan.speaker,
                plan.speaker_names,
                spans.get((SPEAKER, cue_ref)),
                spans.get((CUE, cue_ref)),
                plan.venue_id,
                plan.venue_type,
                plan.venue_outlet,
                plan.venue,
                spans.get((VENUE, ref)) or spans.get((VIA, ref)),
                plan.via_article,
                plan.optional,
                plan.language,
            )
        )
    figures = tuple(
        FigureTruth(span.start, span.end, span.text, draft.figures[ref])
        for (role, ref), span in spans.items()
        if role == FIGURE
    )
    article = Article(
        id=draft.id,
        body=body,
        language=draft.language,
        outlet=draft.outlet,
        date=draft.date,
        title=draft.title,
        source="quotegraph synth",
    )
    return SynthArticle(article, tuple(mentions), tuple(draft.relations), figures)
