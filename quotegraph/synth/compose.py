"""Compose English article drafts from a story: origin articles and articles that re-cite.

Input: a :class:`~quotegraph.synth.world.Story`, a ``random.Random`` and an empty
:class:`~quotegraph.synth.draft.Draft`.  Output: the draft filled with paragraphs —
background and noise sentences, scare quotes, drifting figures, and attribution
blocks drawn from ``patterns.json`` — with a :class:`MentionPlan` for every quote.

>>> import random
>>> from quotegraph.synth.world import World
>>> rng = random.Random(3)
>>> story = World.build(rng).new_story(rng, 0, "2024-01-01")
>>> d = Draft("a", "en", "X", "outlet-x", "2024-01-01", "T")
>>> c = Composer(rng, d, story)
>>> c.origin(story.events[0])
>>> {m.quote_id for m in d.mentions} == {u.id for u in story.events[0].utterances}
True
"""

from __future__ import annotations

import random
import re
from functools import cache
from typing import Any

from quotegraph.synth.draft import (
    ANCHOR,
    CUE,
    FIGURE,
    QUOTE,
    SPEAKER,
    VENUE,
    VIA,
    Draft,
    Item,
    Mark,
    MentionPlan,
    Paragraph,
    RelationTruth,
    Slot,
)
from quotegraph.synth.lexicon import data
from quotegraph.synth.variants import fragment, indirect, strip_stop, vary
from quotegraph.synth.world import Event, Speaker, Story

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
VENUE_TYPES = {
    "interview": "outlet",
    "blog": "blog",
    "social": "social",
    "statement": "statement",
    "speech": "speech",
}
_TWO = {"q2", "q2-"}


@cache
def _parse(template: str) -> tuple[tuple[bool, str], ...]:
    """``template`` as (is placeholder, text) pieces."""
    pieces = _PLACEHOLDER.split(template)
    return tuple((bool(i % 2), p) for i, p in enumerate(pieces) if p)


@cache
def patterns() -> dict[str, dict[str, Any]]:
    """The attribution patterns by id, with the placeholders each uses."""
    out = {}
    for pattern in data("patterns")["patterns"]:
        names = {p for para in pattern["paras"] for ph, p in _parse(para) if ph}
        out[pattern["id"]] = {**pattern, "uses": frozenset(names)}
    return out


@cache
def _pool(venue: str, via: bool, speaker: str, two: bool) -> tuple[dict[str, Any], ...]:
    """The patterns that can re-cite an event of this kind."""
    return tuple(
        p
        for p in patterns().values()
        if venue in p["venues"]
        and bool(p.get("via")) == via
        and (speaker == "person" or p["speaker"] not in ("pronoun", "role", "surname"))
        and (two or not p["uses"] & _TWO)
    )


def fill(template: str, values: dict[str, Item], cue_ref: int = -1) -> Paragraph:
    """The paragraph of ``template`` with its placeholders replaced by ``values``."""
    items: list[Item] = []
    for placeholder, text in _parse(template):
        if not placeholder:
            items.append(text)
        elif text.startswith("cue:"):
            items.append(Slot(CUE, cue_ref, text[4:]))
        else:
            items.append(values[text])
    return tuple(items)


def _surface(kind: str, speaker: Speaker) -> str:
    if kind == "pronoun":
        return data("patterns")["pronouns"][speaker.gender][0]
    if kind == "role":
        return str(data("world")["role_words"].get(speaker.role, "the executive"))
    if kind == "account":
        return speaker.label
    return {"surname": speaker.surname}.get(kind) or speaker.name


class Composer:
    """Adds paragraphs about one story to one draft (see the module docstring)."""

    def __init__(self, rng: random.Random, draft: Draft, story: Story) -> None:
        self.rng, self.draft, self.story = rng, draft, story
        self.introduced: set[str] = set()
        self.used: set[str] = set()  # utterances printed already
        self.patterns: set[str] = set()  # patterns used already
        self.texts: set[str] = set()  # noise sentences used already
        self.sources: dict[str, RelationTruth] = {}
        self.dates: list[str] = []
        draft.keep = story.names
        draft.story = story

    def _anchors(self) -> dict[str, Item]:
        s = self.story
        return {
            "O": Mark(False),
            "C": Mark(True),
            "org": Slot(ANCHOR, -1, s.org.name),
            "place": Slot(ANCHOR, -1, s.place),
            "collective": Slot(ANCHOR, -1, s.collective),
            "name": Slot(ANCHOR, -1, s.person.name),
            "role": s.person.role,
            "org's": Slot(ANCHOR, -1, s.org.name + ("'" if s.org.name.endswith("s") else "'s")),
        }

    def title(self) -> str:
        """A headline for the story."""
        template = self.rng.choice(data("topics")["titles"])
        values = {k: self.rng.choice(v) for k, v in self.story.topic.items() if isinstance(v, list)}
        values.update(self.story.fill)
        text = str(template.format_map(values))
        return text[:1].upper() + text[1:]

    def text(self, group: str) -> None:
        """Append a sentence from ``topics.json[group]`` (background, intros, closing...)."""
        options = [t for t in data("topics")[group] if t not in self.texts]
        template = self.rng.choice(options or data("topics")[group])
        self.texts.add(template)
        values = self._anchors()
        for key, options in self.story.topic.items():
            values[key] = self.rng.choice(options) if isinstance(options, list) else options
        values.update(num=str(self.rng.randint(2, 12)), year=str(self.rng.randint(1995, 2019)))
        if group == "figures":
            total, part = self.story.figure
            shown = part + self.rng.choice((-3, -1, 2, 3)) if self.rng.random() < 0.3 else part
            values["total"] = Slot(FIGURE, len(self.draft.figures), str(total))
            values["fig"] = Slot(FIGURE, len(self.draft.figures) + 1, str(shown))
            self.draft.figures += [total, part]
        if group == "scare":
            ref = self.draft.add(MentionPlan(kind="scare", pattern="scare", optional=True))
            values["scare"] = Slot(QUOTE, ref, self.rng.choice(self.story.topic["scare"]))
        self.draft.paragraphs.append(fill(template, values))

    def origin(self, event: Event) -> None:
        """The interview as the outlet that conducted it prints it: every utterance, verbatim."""
        ids = data("patterns")["origin"]
        self.text("background")
        k = 0
        while k < len(event.utterances):
            left = len(event.utterances) - k
            pool = [p for p in ids if left >= 2 or not (patterns()[p]["uses"] & _TWO)]
            pattern = patterns()[self.rng.choice(pool)]
            k += self.block(event, pattern, k, origin=True)
            if self.rng.random() < 0.3:
                self.text("background")

    def cite(self, event: Event, via: tuple[str, str, str] | None = None) -> None:
        """One attribution block re-citing ``event``; ``via``: an article it was taken from."""
        pool = _pool(event.type, via is not None, event.speaker.type, len(event.utterances) >= 2)
        if not pool:
            return
        fresh = [p for p in pool if p["id"] not in self.patterns]
        pattern = self.rng.choice(fresh or pool)
        self.patterns.add(pattern["id"])
        count = 2 if pattern["uses"] & _TWO else 1
        starts = [
            k
            for k in range(len(event.utterances) - count + 1)
            if not {u.id for u in event.utterances[k : k + count]} & self.used
        ]
        if starts:
            self.block(event, pattern, self.rng.choice(starts), via=via)

    def block(
        self,
        event: Event,
        pattern: dict[str, Any],
        start: int,
        *,
        origin: bool = False,
        via: tuple[str, str, str] | None = None,
    ) -> int:
        """Append the paragraphs of ``pattern`` quoting ``event`` from utterance ``start``."""
        rng, draft, speaker = self.rng, self.draft, event.speaker
        if pattern["intro"] and speaker.id not in self.introduced:
            self.text("intros")
        self.introduced.add(speaker.id)
        uses = pattern["uses"]
        venue = self.draft.outlet if origin and event.type == "interview" else event.venue_name
        named = venue if "venue" in uses else via[1] if via else None
        if pattern["id"] == "account_tweeted" and event.platform == "Twitter":
            named = "Twitter"
        values = self._anchors()
        count = 2 if uses & _TWO else 1
        refs: list[int] = []
        for k in range(count):
            utterance = event.utterances[start + k]
            self.used.add(utterance.id)
            text, variant = (utterance.text, "same")
            if not origin and pattern["kind"] != "tweet":
                text, variant = vary(rng, text, self.story.org.name)
            plan = MentionPlan(
                kind=pattern["kind"],
                pattern=pattern["id"],
                quote_id=utterance.id,
                variant=variant,
                speaker_id=speaker.id,
                speaker=speaker.name,
                speaker_names=speaker.names,
                venue_id=event.id,
                venue_type=VENUE_TYPES[event.type],
                venue_outlet=event.outlet.name if event.outlet else event.platform,
                venue=named,
                via_article=via[0] if via else None,
                cue_of=refs[0] if refs and pattern["id"] != "continuation" else None,
            )
            ref = draft.add(plan)
            refs.append(ref)
            key = "q2" if k else "q"
            values[key] = Slot(QUOTE, ref, text)
            values[key + "-"] = Slot(QUOTE, ref, strip_stop(text))
            if "qi" in uses:
                values["qi"] = Slot(QUOTE, ref, indirect(utterance.text, speaker.gender))
                plan.variant = "edit"
            if "qp" in uses:
                values["qp"] = Slot(QUOTE, ref, fragment(rng, utterance.text))
                plan.variant = "truncation"
        surface = _surface(pattern["speaker"], speaker)
        values["sp"] = Slot(SPEAKER, refs[0], surface)
        values["Sp"] = Slot(SPEAKER, refs[0], surface[:1].upper() + surface[1:])
        values["venue"] = Slot(VENUE, refs[0], venue)
        if via:
            values["via"] = Slot(VIA, refs[0], via[1])
        for para in pattern["paras"]:
            draft.paragraphs.append(fill(para, values, refs[0]))
        self._note_sources(event, pattern, via, named)
        return count

    def _note_sources(
        self,
        event: Event,
        pattern: dict[str, Any],
        via: tuple[str, str, str] | None,
        named: str | None,
    ) -> None:
        self.dates.append(event.date)
        if via:
            self.dates.append(via[2])
            evidence = f"{pattern['id'].replace('_', ' ')} {via[1]}"
            self.sources[via[0]] = RelationTruth("cites", via[0], via[1], True, evidence)
        source = self.story.origin.get(event.id)
        if source and source[0] != self.draft.id:
            self.dates.append(source[2])
            stated = named == source[1]
            if source[0] not in self.sources or stated:
                evidence = f"names {source[1]}" if stated else "prints a quote first printed there"
                self.sources[source[0]] = RelationTruth(
                    "cites", source[0], source[1], stated, evidence
                )
