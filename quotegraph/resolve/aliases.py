"""The alias registry: entities loaded from YAML files, looked up by folded surface name.

Input: the shipped ``quotegraph/data/entities.yaml`` plus user files (same format);
output: a mutable :class:`Registry` that :func:`quotegraph.resolve.resolve` grows and
freezes into :class:`quotegraph.model.Entity` values.

>>> key("The Daily Planet's") == key("the daily planet")
True
>>> slug("José Núñez")
'jose-nunez'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from quotegraph.errors import InputError
from quotegraph.link.text import fold
from quotegraph.model import Entity, EntityType, Merge

_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE = re.compile(r"[’']s\b")
_ARTICLE = re.compile(r"^(?:the|a|an) ")


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """Lookup key of a name: folded, possessive and a leading article dropped, punctuation gone."""
    text = fold(name).strip()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    return _ARTICLE.sub("", text, count=1)


def slug(name: str) -> str:
    """Stable id of a name: lowercase ASCII words joined by dashes."""
    return "-".join(key(name).split()) or "unnamed"


@dataclass
class Record:
    """An entity while it is being resolved."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    owner: str | None = None
    role: str | None = None
    language: str | None = None
    domains: list[str] = field(default_factory=list)

    def freeze(self) -> Entity:
        aliases = tuple(dict.fromkeys(a for a in self.aliases if a != self.name))
        return Entity(self.id, self.name, self.type, aliases, self.wikidata, self.owner, self.role)


class Registry:
    """Entities by id and by the key of every alias; merges recorded as they happen."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.index: dict[str, str] = {}
        self.merges: list[Merge] = []
        # alias keys by first letter and length (typo search) and person ids by surname
        self.by_initial: dict[tuple[str, int], set[tuple[str, str]]] = {}
        self.by_surname: dict[str, set[str]] = {}
        # bumped whenever an alias or a type changes, so lookups can be cached in between
        self.version = 0
        self.cache: dict[object, tuple[int, object]] = {}

    def load(self, source: str, raw: Any) -> None:
        """Add the ``entities`` list of one parsed alias file (``source`` names it in errors)."""
        items = (raw or {}).get("entities") if isinstance(raw, dict) else None
        if not isinstance(items, list):
            raise InputError(source, "an alias file needs a top-level 'entities' list")
        for item in items:
            if not isinstance(item, dict) or "name" not in item:
                raise InputError(source, f"entity without a name: {item!r}")
            try:
                etype = EntityType(item.get("type", "person"))
            except ValueError:
                raise InputError(source, f"unknown entity type {item.get('type')!r}") from None
            eid = str(item.get("id") or slug(item["name"]))
            rec = self.records.get(eid) or self.records.get(self.index.get(key(item["name"]), ""))
            if rec is None:
                rec = Record(eid, str(item["name"]), etype)
                self.records[eid] = rec
            rec.name, rec.type = str(item["name"]), etype
            self.version += 1
            for attr in ("wikidata", "owner", "role", "language"):
                if item.get(attr):
                    setattr(rec, attr, str(item[attr]))
            rec.domains += [str(d) for d in item.get("domains") or []]
            for alias in [item["name"], *(item.get("aliases") or [])]:
                self.alias(rec.id, str(alias))

    def load_file(self, path: Path) -> None:
        """Add the entities of the YAML alias file at ``path``."""
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(str(path), f"cannot read alias file: {exc}") from None
        self.load(str(path), raw)

    def load_shipped(self) -> None:
        """Add the entities of the alias file shipped with quotegraph."""
        text = resources.files("quotegraph").joinpath("data", "entities.yaml").read_text("utf-8")
        self.load("quotegraph/data/entities.yaml", yaml.safe_load(text))

    def find(self, name: str) -> str | None:
        """The entity id whose alias has the same key as ``name``."""
        return self.index.get(key(name))

    def alias(self, eid: str, name: str) -> None:
        """Record ``name`` as an alias of ``eid`` (no merge record)."""
        rec, k = self.records[eid], key(name)
        if name not in rec.aliases:
            rec.aliases.append(name)
        self.index.setdefault(k, eid)
        if k and (k, eid) not in self.by_initial.setdefault((k[0], len(k)), set()):
            self.version += 1
            self.by_initial[k[0], len(k)].add((k, eid))
            if rec.type == EntityType.PERSON and len(k.split()) >= 2:
                self.by_surname.setdefault(k.split()[-1], set()).add(eid)

    def merge(self, eid: str, name: str, reason: str, score: float = 1.0) -> str:
        """Record ``name`` as an alias of ``eid`` with the reason; return ``eid``."""
        if self.find(name) != eid or name not in self.records[eid].aliases:
            self.merges.append(Merge(name, eid, reason, round(score, 3)))
        self.alias(eid, name)
        return eid

    def new(self, name: str, etype: EntityType) -> str:
        """A new entity for ``name``; its id is the slug of the name (made unique)."""
        base = eid = slug(name)
        n = 2
        while eid in self.records:
            eid, n = f"{base}-{n}", n + 1
        self.records[eid] = Record(eid, name, etype)
        self.alias(eid, name)
        return eid

    def of_type(self, *types: EntityType) -> list[Record]:
        return [r for r in self.records.values() if r.type in types]

    def entities(self) -> tuple[Entity, ...]:
        return tuple(r.freeze() for r in sorted(self.records.values(), key=lambda r: r.id))
