"""Resolve speakers and outlets across articles: one entity per real speaker or outlet.

Input: articles and their quote mentions (and optional alias files); output: a
:class:`Resolution` mapping every mention to its speaker entity, every article to its
publisher and every venue to the outlet or platform it names.  Names are matched in this
order, each merge recorded with its reason: alias files, same key (case, diacritics, "the",
"'s"), role phrase held by a person the corpus shows ("the company's CEO"), acronym, same
surname with an equivalent given name, typo distance, unique surname in the corpus.  Two
people sharing only a surname are never merged.

>>> from quotegraph.model import Article, QuoteMention, QuoteKind, Span
>>> a = Article("a1", "Jane Roe said “hi there you”. Roe said “bye now all”.")
>>> ms = [QuoteMention("a1", Span.of(a.body, 15, 26), QuoteKind.DIRECT, speaker="Jane Roe"),
...       QuoteMention("a1", Span.of(a.body, 40, 51), QuoteKind.DIRECT, speaker="Roe")]
>>> sorted(set(resolve([a], ms).speaker_of.values()))
['jane-roe']
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlparse

from quotegraph.link.credits import credits
from quotegraph.link.text import data, fold, top_items
from quotegraph.model import Article, Entity, EntityType, Merge, QuoteMention, VenueType
from quotegraph.resolve.aliases import Registry, key, slug
from quotegraph.resolve.describe import description
from quotegraph.resolve.names import (
    find_role,
    generic_org_words,
    is_acronym,
    is_org_name,
    member_phrases,
    not_names,
    org_in,
    person_match,
    role_match,
    surname_match,
    typo_match,
)
from quotegraph.shelf import Shelf, shelve

__all__ = ["Resolution", "key", "resolve", "slug"]

_ORGS = (EntityType.ORGANIZATION, EntityType.OUTLET, EntityType.PLATFORM)
_CAPITALISED = re.compile(r"\b[A-Z][\w]*(?:[A-Z][\w]*)+\b|\b[A-Z][a-z]{4,}\b")


@dataclass(frozen=True)
class Resolution:
    """Entities, the merges that built them, and what each mention/article resolves to."""

    entities: tuple[Entity, ...]
    merges: tuple[Merge, ...]
    speaker_of: Mapping[str, str] = field(default_factory=dict)
    publisher_of: Mapping[str, str] = field(default_factory=dict)
    venue_outlet_of: Mapping[str, str] = field(default_factory=dict)


def _alias_files(articles: Iterable[Article], entities_file: Path | None) -> list[Path]:
    found = []
    folders = dict.fromkeys(os.path.dirname(art.source) for art in articles if art.source)
    for folder in folders:
        candidate = Path(folder or ".") / "entities.yaml"
        if candidate.is_file():
            found.append(candidate)
    if entities_file is not None:
        found.append(Path(entities_file))
    return found


def _role_facts(reg: Registry, articles: Shelf) -> dict[tuple[str, str], set[str]]:
    """``(org id, role) -> person ids``: from alias files and from appositions in the bodies."""
    facts: dict[tuple[str, str], set[str]] = {}
    for rec in reg.of_type(EntityType.PERSON):
        if rec.owner and rec.role:
            facts.setdefault((rec.owner, rec.role), set()).add(rec.id)
    names = _full_names(reg)
    for art in articles:
        body = fold(art.body)
        main_org: list[str | None] = []  # computed once, when a phrase needs it
        for person, start, end in _name_spans(body, names):
            window = body[max(0, start - 70) : end + 50]
            wkey = key(window)
            found = role_match(wkey)
            if found is None:
                continue
            org = org_in(reg, window.replace(body[start:end], " "))
            if org is None and not generic_org_words().isdisjoint(wkey.split()):
                main_org = main_org or [_main_org(reg, art)]
                org = main_org[0]
            if org:
                facts.setdefault((org, found[1]), set()).add(person)
    return facts


_WORD = re.compile(r"\w+")


def _full_names(reg: Registry) -> dict[tuple[str, str], list[tuple[tuple[str, ...], str]]]:
    """Last two words -> ``(words, person id)`` of every full-name alias (two words or more)
    of the people of ``reg``: finds them in a body in one pass over its words."""
    names: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
    for rec in reg.of_type(EntityType.PERSON):
        for words in {tuple(key(a).split()) for a in rec.aliases}:
            if len(words) >= 2:
                names.setdefault((words[-2], words[-1]), []).append((words, rec.id))
    return names


def _name_spans(
    body: str, names: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]]
) -> Iterator[tuple[str, int, int]]:
    """``(person id, start, end)`` of each full name of ``names`` in the folded ``body``,
    matched on whole words."""
    words = _WORD.findall(body)
    ends = [i for i, pair in enumerate(pairwise(words), 1) if pair in names]
    if not ends:
        return
    spans = [m.span() for m in _WORD.finditer(body)]
    for i in ends:
        for name, person in names[words[i - 1], words[i]]:
            first = i - len(name) + 1
            if first >= 0 and (len(name) == 2 or tuple(words[first : i + 1]) == name):
                yield person, spans[first][0], spans[i][1]


def _main_org(reg: Registry, art: Article) -> str | None:
    """The organisation the article names most often (for "the company's CEO")."""
    counts: Counter[str] = Counter()
    for word in _CAPITALISED.findall(art.body):
        eid = reg.find(word)
        if eid and reg.records[eid].type == EntityType.ORGANIZATION:
            counts[eid] += 1
    return top_items(counts, 1)[0][0] if counts else None


class _Resolver:
    def __init__(self, reg: Registry, articles: Shelf) -> None:
        self.reg = reg
        self.articles = articles
        self.facts: dict[tuple[str, str], set[str]] = {}

    def speaker(self, name: str, article_id: str, *, final: bool) -> str | None:
        """Entity id of speaker ``name``; ``final`` allows creating entities and surname merges."""
        reg, k = self.reg, key(name)
        if not k:
            return None
        found = reg.find(name)
        if found:
            if name not in reg.records[found].aliases:
                reg.merge(found, name, "same name up to case, diacritics or article")
            return found
        desc = description(name)
        if desc:
            return self._described(name, *desc, article_id) if final else None
        role = find_role(name)
        if role and final:
            return self._contains_person(name) or self._role(name, role, article_id)
        if role or k in not_names():
            return None
        for phrase in member_phrases():
            if k.startswith(phrase + " ") and (org := org_in(reg, k[len(phrase) + 1 :])):
                return reg.merge(org, name, "members of the organisation", 0.7)
        if k in generic_org_words() and final:
            art = self.articles.get(article_id)
            org = _main_org(reg, art) if art else None
            reason = "generic word for the organisation the article names most"
            return reg.merge(org, name, reason, 0.6) if org else None
        if " " in k:
            hit = person_match(reg, name)
            if hit:
                return reg.merge(hit[0], name, hit[1], 0.9)
        typo = typo_match(reg, name, (EntityType.PERSON, *_ORGS))
        if typo:
            return reg.merge(typo[0], name, f"typo distance {typo[1]:.0f}", typo[1] / 100)
        if " " not in k and final:
            hit2 = surname_match(reg, name)
            if hit2:
                return reg.merge(hit2, name, "surname unique among people of the corpus", 0.8)
        if " " not in k and not final:
            return None
        etype = EntityType.ORGANIZATION if is_org_name(name) else EntityType.PERSON
        return reg.new(name, etype)

    def _described(self, name: str, kind: str, modifier: str, article_id: str) -> str | None:
        """An account (ACCOUNT entity, owner from the capitalised names of the modifier) or a
        document (the organisation the modifier names, else unresolved): never a person."""
        reg, words = self.reg, modifier.split()
        spans = sorted(
            ((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)),
            key=lambda ij: (ij[0] - ij[1], ij[0]),
        )  # longest word span first: "by acme widgets" -> "acme widgets"
        spans = [(i, j) for i, j in spans if words[i][:1].isupper()]  # names are capitalised
        owner = next((e for i, j in spans if (e := reg.find(" ".join(words[i:j])))), None)
        if owner is None and (names := " ".join(w for w in words if w[:1].isupper())):
            owner = org_in(reg, names)
        if owner is None and {key(w) for w in words} & generic_org_words():
            art = self.articles.get(article_id)
            owner = _main_org(reg, art) if art else None
        if kind == "document":
            reason = "document attributed to the organisation named in it"
            return reg.merge(owner, name, reason, 0.7) if owner else None
        eid = reg.new(name, EntityType.ACCOUNT)
        reg.records[eid].owner = owner
        return eid

    def _contains_person(self, name: str) -> str | None:
        """A known person whose full name is part of ``name`` ("Acme CEO Jane Roe")."""
        k = f" {key(name)} "
        people = {eid for w in k.split() for eid in self.reg.by_surname.get(w, ())}
        for rec in (self.reg.records[eid] for eid in sorted(people)):
            if any(len(key(a).split()) >= 2 and f" {key(a)} " in k for a in rec.aliases):
                return self.reg.merge(rec.id, name, "role phrase around a known full name", 0.9)
        return None

    def _role(self, name: str, role: tuple[str, str], article_id: str) -> str | None:
        canonical, rest = role
        org = org_in(self.reg, rest) if rest else None
        if org is None and (not rest or set(rest.split()) & generic_org_words()):
            art = self.articles.get(article_id)
            org = _main_org(self.reg, art) if art else None
        people = self.facts.get((org, canonical), set()) if org else set()
        if len(people) == 1:
            person = next(iter(people))
            reason = f"role: {canonical} of {org} is {person} in the corpus"
            return self.reg.merge(person, name, reason, 0.85)
        return None

    def outlet(self, name: str, etype: EntityType) -> str | None:
        """Entity id of an outlet/platform name, created when unknown."""
        reg = self.reg
        if not key(name):
            return None
        found = reg.find(name)
        if found:
            if name not in reg.records[found].aliases:
                reg.merge(found, name, "same name up to case, diacritics or article")
            return found
        for rec in reg.of_type(*_ORGS):
            if any(is_acronym(name.strip(), a) for a in rec.aliases):
                return reg.merge(rec.id, name, f"acronym of {rec.name}", 0.9)
        typo = typo_match(reg, name, _ORGS)
        if typo:
            return reg.merge(typo[0], name, f"typo distance {typo[1]:.0f}", typo[1] / 100)
        return reg.new(name, etype)


@cache
def _venue_words() -> list[tuple[str, str]]:
    """``(word, folded word)`` of the venue phrases' lead words, longest first."""
    strip = data("provenance/venues.yaml")["strip"]
    words = sorted({w for ws in strip.values() for w in ws}, key=len, reverse=True)
    return [(w, fold(w) + " ") for w in words]


def _venue_name(venue: str) -> str:
    """The outlet a venue phrase names: "an interview with DPT" -> "DPT"."""
    text = venue.strip()
    changed = True
    while changed:
        changed, lead = False, fold(text)
        for w, folded in _venue_words():
            if lead.startswith(folded):
                text, changed = text[len(w) + 1 :].strip(), True
                lead = fold(text)
    return text


def _publisher(reg: Registry, art: Article, res: _Resolver) -> str | None:
    if art.outlet:
        return res.outlet(art.outlet, EntityType.OUTLET)
    if art.url:
        host = (urlparse(art.url).hostname or "").removeprefix("www.")
        for rec in reg.of_type(EntityType.OUTLET):
            if any(host == d or host.endswith("." + d) for d in rec.domains):
                return rec.id
    return None


def _body_variants(reg: Registry, articles: Shelf) -> None:
    """Record misspelt organisation names seen in the bodies ("ClouFare") as merges."""
    seen: set[str] = set()
    for art in articles:
        for word in sorted(set(_CAPITALISED.findall(art.body)) - seen):
            seen.add(word)
            if len(word) >= 6 and reg.find(word) is None:
                typo = typo_match(reg, word, (EntityType.ORGANIZATION, EntityType.OUTLET))
                if typo:
                    reg.merge(typo[0], word, f"typo distance {typo[1]:.0f}", typo[1] / 100)


def resolve(
    articles: Iterable[Article],
    mentions: Iterable[QuoteMention],
    entities_file: Path | None = None,
) -> Resolution:
    """Resolve every speaker, venue and publisher name of ``mentions``/``articles`` to entities.

    ``articles`` may be a :class:`~quotegraph.shelf.Shelf` whose bodies are on disk:
    resolve reads each body in passes over the articles and keeps none.
    """
    arts, ments = shelve(articles), list(mentions)
    reg = Registry()
    reg.load_shipped()
    for path in _alias_files(arts.metas(), entities_file):
        reg.load_file(path)
    res = _Resolver(reg, arts)
    named = [(m, m.speaker or (m.speaker_mention.text if m.speaker_mention else "")) for m in ments]
    # full names first, so that surnames and role phrases find them
    for m, name in sorted(named, key=lambda mn: -len(key(mn[1]).split())):
        if name and len(key(name).split()) >= 2 and not find_role(name):
            res.speaker(name, m.article_id, final=False)
    _body_variants(reg, arts)
    res.facts = _role_facts(reg, arts)
    speaker_of = {}
    for m, name in named:
        eid = res.speaker(name, m.article_id, final=True) if name else None
        if eid:
            speaker_of[m.id] = eid
    venue_of = {}
    for m in ments:
        if not m.venue:
            continue
        etype = EntityType.PLATFORM if m.venue_type == VenueType.SOCIAL else EntityType.OUTLET
        name = _venue_name(m.venue)
        if m.venue_type in (None, VenueType.OUTLET, VenueType.SOCIAL):
            eid = res.outlet(name, etype)
        else:
            eid = reg.find(name) if key(name) else None
        if eid:
            venue_of[m.id] = eid
    publisher_of = {a.id: p for a in arts.metas() if (p := _publisher(reg, a, res))}
    for art in arts:
        for credit in credits(art):
            if credit.outlet:
                res.outlet(credit.outlet, EntityType.OUTLET)
    return Resolution(reg.entities(), tuple(reg.merges), speaker_of, publisher_of, venue_of)
