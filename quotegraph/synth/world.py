"""The invented world of the synthetic stream: outlets, speakers, stories and origin events.

Input: a ``random.Random`` and the data files (:mod:`quotegraph.synth.lexicon`).  Output:
a :class:`World` of fixed size (outlets, people with roles at organisations,
organisations, social accounts) and, one at a time, :class:`Story` objects: a topic,
the people involved and one to three :class:`Event` (an interview given to an outlet, a
blog post, a tweet, a statement, a speech), each with a few original :class:`Utterance`.

>>> import random
>>> w = World.build(random.Random(1))
>>> s = w.new_story(random.Random(2), 7, "2024-03-01")
>>> s.id, len(s.events) >= 1, all(len(e.utterances) >= 2 for e in s.events)
('s7', True, True)
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from typing import Any

from quotegraph.synth.lexicon import data


def slug(text: str) -> str:
    """A lower-case id fragment: ``slug("The Daily X") == "the-daily-x"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def shift_date(iso: str, days: int) -> str:
    """``iso`` moved by ``days`` days."""
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    language: str


@dataclass(frozen=True)
class Speaker:
    """A person, an organisation or a social account."""

    id: str
    name: str
    type: str  # person | organization | account
    surname: str = ""
    gender: str = ""
    role: str = ""
    org: Speaker | None = None
    label: str = ""  # "a FalconNet-affiliated account"

    @property
    def names(self) -> tuple[str, ...]:
        """Strings a gold file accepts for this speaker."""
        extra = (self.surname,) if self.surname else (self.label,) if self.label else ()
        return (self.name, *extra)


@dataclass(frozen=True)
class Utterance:
    id: str
    text: str
    language: str = "en"


@dataclass(frozen=True)
class Event:
    """Where the utterances were first given."""

    id: str
    type: str  # interview | blog | social | statement | speech
    speaker: Speaker
    date: str
    utterances: tuple[Utterance, ...]
    outlet: Outlet | None = None
    platform: str | None = None

    @property
    def venue_name(self) -> str:
        """The venue as an article names it ("The Daily Meridian", "a blog post")."""
        names = data("patterns")["venue_names"]
        outlet = self.outlet.name if self.outlet else ""
        return str(names[self.type].format(outlet=outlet, platform=self.platform or ""))


@dataclass
class Story:
    """A news story: who is involved, its origin events, and what has printed it so far."""

    id: str
    topic: dict[str, Any]
    person: Speaker
    account: Speaker
    collective: str
    place: str
    fill: dict[str, str]
    figure: tuple[int, int]  # (total, part) as first reported
    events: list[Event] = field(default_factory=list)
    origin: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # event -> article
    printed: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    last_date: str = ""

    @property
    def org(self) -> Speaker:
        assert self.person.org is not None
        return self.person.org

    @property
    def names(self) -> tuple[str, ...]:
        return (self.person.name, self.org.name, self.account.name, self.collective, self.place)


@dataclass
class World:
    """Everything that exists before the first article: outlets, speakers and places."""

    outlets: list[Outlet]
    people: list[Speaker]
    accounts: list[Speaker]
    places: list[str]

    @classmethod
    def build(cls, rng: random.Random, n_people: int = 240, n_orgs: int = 60) -> World:
        """A world drawn from the name lists of ``world.json``."""
        w = data("world")
        outlets = [
            Outlet("outlet-" + slug(o["name"]), o["name"], o["language"]) for o in w["outlets"]
        ]
        stems = [f"{a} {b}" for a in w["org_stems"] for b in w["org_suffixes"]]
        orgs = [
            Speaker("org-" + slug(name), name, "organization")
            for name in rng.sample(stems, min(n_orgs, len(stems)))
        ]
        people: list[Speaker] = []
        seen: set[tuple[str, str]] = set()
        while len(people) < n_people:
            gender = rng.choice(("female", "male"))
            first, last = rng.choice(w["first_names"][gender]), rng.choice(w["surnames"])
            if (first, last) in seen:
                continue
            seen.add((first, last))
            name = f"{first} {last}"
            people.append(
                Speaker(
                    "person-" + slug(name),
                    name,
                    "person",
                    last,
                    gender,
                    rng.choice(w["roles"]),
                    rng.choice(orgs),
                )
            )
        accounts = []
        for collective in w["collectives"]:
            for suffix in ("Watch", "Ops", "Press"):
                handle = "@" + collective.replace(" ", "") + suffix
                label = f"a {collective}-affiliated account"
                accounts.append(Speaker("account-" + slug(handle), handle, "account", label=label))
        places = [*w["places"], *(a + b for a in w["place_stems"] for b in w["place_endings"])]
        return cls(outlets, people, accounts, places)

    def outlet_for(self, rng: random.Random, language: str, not_id: str = "") -> Outlet:
        """A random outlet publishing in ``language`` (any outlet when none does)."""
        pool = [o for o in self.outlets if o.language == language and o.id != not_id]
        return rng.choice(pool or [o for o in self.outlets if o.id != not_id])

    def new_story(self, rng: random.Random, index: int, day: str, language: str = "en") -> Story:
        """Story number ``index``, whose first event happens on ``day``.

        Interviews are given to outlets publishing in ``language``.
        """
        topics = data("topics")
        name = rng.choice(sorted(topics["topics"]))
        topic = topics["topics"][name]
        person, account = rng.choice(self.people), rng.choice(self.accounts)
        collective = account.label.split(" ", 1)[1].rsplit("-affiliated", 1)[0]
        place = rng.choice(self.places)
        assert person.org is not None
        fill = {
            "org": person.org.name,
            "place": place,
            "collective": collective,
            "handle": "@" + person.org.name.split()[0],
            "tag": "Op" + place.replace(" ", ""),
            "ctag": collective.replace(" ", ""),
        }
        total = rng.randint(20, 90)
        story = Story(
            f"s{index}",
            topic,
            person,
            account,
            collective,
            place,
            fill,
            (total, rng.randint(total // 3, total - 2)),
        )
        kinds = [
            "interview",
            *rng.sample(["blog", "social", "statement", "speech", "interview"], rng.randint(0, 2)),
        ]
        topics = data("topics")
        pools = {
            "quotes": iter(rng.sample(topics["quotes"], len(topics["quotes"]))),
            "tweets": iter(rng.sample(topics["tweets"], len(topics["tweets"]))),
        }
        for number, kind in enumerate(kinds):
            when = shift_date(day, number * rng.randint(0, 2))
            story.events.append(self._event(rng, story, number, kind, when, language, pools))
        story.last_date = max(e.date for e in story.events)
        return story

    def _event(
        self,
        rng: random.Random,
        story: Story,
        number: int,
        kind: str,
        day: str,
        language: str,
        pools: dict[str, Iterator[str]],
    ) -> Event:
        """An event whose sentences are drawn, without repetition in the story, from ``pools``."""
        eid = f"{story.id}e{number}"
        speaker = {"social": story.account, "statement": story.org}.get(kind, story.person)
        pool = pools["tweets" if kind == "social" else "quotes"]
        sizes = [1 if kind == "social" else rng.randint(1, 2) for _ in range(rng.randint(3, 6))]
        texts = [" ".join(self._fill(rng, story, s) for s in islice(pool, size)) for size in sizes]
        texts = [t for t in texts if t] or [self._fill(rng, story, data("topics")["quotes"][0])]
        utterances = tuple(Utterance(f"{eid}u{k}", t) for k, t in enumerate(texts))
        outlet = self.outlet_for(rng, language) if kind == "interview" else None
        platform = rng.choice(data("world")["platforms"]["social"]) if kind == "social" else None
        return Event(eid, kind, speaker, day, utterances, outlet, platform)

    def _fill(self, rng: random.Random, story: Story, template: str) -> str:
        values = {
            key: rng.choice(value) for key, value in story.topic.items() if isinstance(value, list)
        }
        values.update(story.fill, num=str(rng.randint(2, 12)), year=str(rng.randint(1995, 2019)))
        return template.format_map(values)
