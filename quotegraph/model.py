"""The data that flows between pipeline stages, as frozen dataclasses.

ingest -> :class:`Article`; extract -> :class:`QuoteMention`; resolve ->
:class:`Entity` (+ :class:`Merge`); link -> :class:`Quote`, :class:`VenueEvent`,
:class:`VariantEdge`, :class:`ArticleRelation`, :class:`Hop`; all bundled in
:class:`Corpus` for the RDF layer.  No stage imports rdflib types into these.

Offsets are Python ``str`` indices into ``Article.body`` (end exclusive) and
``body[span.start:span.end] == span.text`` always holds.

>>> body = "Prince said hello."
>>> Span.of(body, 0, 6)
Span(start=0, end=6, text='Prince')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of an article body; ``text == body[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, body: str, start: int, end: int) -> Span:
        """The span of ``body`` between ``start`` and ``end``."""
        return cls(start, end, body[start:end])

    def __len__(self) -> int:
        return self.end - self.start


def _frozen_map(data: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class Article:
    """One news article as read from disk.

    ``body`` is the text exactly as stored (offsets refer to it); ``language`` is
    an ISO 639-1 code, given or detected; ``date`` an ISO date ``YYYY-MM-DD``
    when known.  ``extra`` keeps any other metadata field of the source file.
    """

    id: str
    body: str
    language: str = "und"
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    title: str | None = None
    source: str | None = None
    extra: Mapping[str, str] = field(default_factory=_frozen_map)

    def __hash__(self) -> int:
        return hash((self.id, self.body))


class QuoteKind(StrEnum):
    """How a quote is presented (see the gold format)."""

    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"
    UNMARKED = "unmarked"
    TWEET = "tweet"
    TRANSLATED = "translated"
    SCARE = "scare"


class VenueType(StrEnum):
    """What kind of original venue a mention names."""

    OUTLET = "outlet"  # told The Register, an interview with IBT
    SOCIAL = "social"  # tweeted, on Twitter
    BLOG = "blog"  # in a blog post
    STATEMENT = "statement"  # in a statement
    SPEECH = "speech"  # in a speech, at a press conference


@dataclass(frozen=True, init=False)
class QuoteMention:
    """One occurrence of a quote in one article, with the evidence for it.

    ``speaker`` is the speaker resolved inside the article to its fullest name
    mention; ``speaker_mention`` the words nearest the cue ("he", "the CEO").
    ``venue`` is the original venue as the article names it, canonicalised
    lightly ("The Register"); ``rule`` the id of the rule that fired.

    ``__init__`` is written out (the extractor builds one per quote, and the generated
    frozen one sets each field through ``object.__setattr__``, three times slower); it
    takes the fields in order, with their defaults:

    >>> import inspect
    >>> from dataclasses import MISSING, fields
    >>> params = inspect.signature(QuoteMention).parameters.values()
    >>> [(p.name, p.default) for p in params] == [
    ...     (f.name, f.default if f.default is not MISSING else inspect.Parameter.empty)
    ...     for f in fields(QuoteMention)
    ... ]
    True
    """

    article_id: str
    content: Span
    kind: QuoteKind
    cue: Span | None = None
    speaker_mention: Span | None = None
    speaker: str | None = None
    venue_mention: Span | None = None
    venue: str | None = None
    venue_type: VenueType | None = None
    confidence: float = 0.5
    rule: str = ""
    language: str = "und"

    def __init__(
        self,
        article_id: str,
        content: Span,
        kind: QuoteKind,
        cue: Span | None = None,
        speaker_mention: Span | None = None,
        speaker: str | None = None,
        venue_mention: Span | None = None,
        venue: str | None = None,
        venue_type: VenueType | None = None,
        confidence: float = 0.5,
        rule: str = "",
        language: str = "und",
    ) -> None:
        self.__dict__.update(
            article_id=article_id,
            content=content,
            kind=kind,
            cue=cue,
            speaker_mention=speaker_mention,
            speaker=speaker,
            venue_mention=venue_mention,
            venue=venue,
            venue_type=venue_type,
            confidence=confidence,
            rule=rule,
            language=language,
        )

    @property
    def id(self) -> str:
        """Stable id: article id and content offsets."""
        return f"{self.article_id}:{self.content.start}-{self.content.end}"

    @property
    def text(self) -> str:
        return self.content.text


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    ACCOUNT = "account"  # a social-media account
    PLATFORM = "platform"  # Twitter, Facebook, a blog platform


@dataclass(frozen=True)
class Entity:
    """A canonical speaker, outlet or platform, with every name seen for it."""

    id: str  # stable slug, e.g. "matthew-prince"
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None  # "Q123"
    owner: str | None = None  # entity id owning an account / employing a person
    role: str | None = None  # "CEO" when known


@dataclass(frozen=True)
class Merge:
    """Why a surface name was merged into an entity (alias file, typo, role...)."""

    alias: str
    entity_id: str
    reason: str
    score: float = 1.0


@dataclass(frozen=True)
class VenueEvent:
    """The original event a quote was given at: an interview, a blog post, a tweet."""

    id: str
    type: VenueType
    label: str  # "interview with The Register", "blog post"
    speaker_id: str | None = None
    outlet_id: str | None = None  # the outlet or platform it was given to
    date: str | None = None


class VariantRelation(StrEnum):
    SAME = "same"
    TRUNCATION = "truncation"
    EXTENSION = "extension"
    SUBSTITUTION = "substitution"
    TRANSLATION = "translation"


@dataclass(frozen=True)
class VariantEdge:
    """A shorter or other-language variant pointing to the mention it varies."""

    source: str  # mention id (the shorter / translated one)
    target: str  # mention id (the longer / original one)
    relation: VariantRelation
    score: float


@dataclass(frozen=True)
class Quote:
    """An utterance, independent of where it is printed."""

    id: str
    text: str  # canonical wording (the longest original-language variant)
    mention_ids: tuple[str, ...]
    speaker_id: str | None = None
    venue_id: str | None = None
    language: str = "und"


class Relation(StrEnum):
    TRANSLATION = "translation"
    REPUBLICATION = "republication"
    REWRITE = "rewrite"
    CITES = "cites"


@dataclass(frozen=True)
class ArticleRelation:
    """Article ``source`` derives from ``target`` (an article id or outlet entity id)."""

    source: str
    target: str
    relation: Relation
    stated: bool
    evidence: str
    score: float = 1.0
    directed: bool = True


@dataclass(frozen=True)
class Hop:
    """One step of a provenance trace: ``source`` was quoted from ``target``."""

    source: str
    target: str
    cue: str | None
    outlet: str | None
    date: str | None
    stated: bool
    score: float


@dataclass(frozen=True)
class Corpus:
    """Everything the pipeline knows about a set of articles; input of the RDF layer."""

    articles: Sequence[Article]  # a tuple, or a quotegraph.shelf.Shelf in a build
    mentions: tuple[QuoteMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    merges: tuple[Merge, ...] = ()
    quotes: tuple[Quote, ...] = ()
    venues: tuple[VenueEvent, ...] = ()
    variants: tuple[VariantEdge, ...] = ()
    relations: tuple[ArticleRelation, ...] = ()
    hops: tuple[Hop, ...] = ()
    # mention id -> entity id of its speaker / of the outlet of the venue it names
    speaker_of: Mapping[str, str] = field(default_factory=_frozen_map)
    quote_of: Mapping[str, str] = field(default_factory=_frozen_map)
    publisher_of: Mapping[str, str] = field(default_factory=_frozen_map)

    def __hash__(self) -> int:
        return id(self)
