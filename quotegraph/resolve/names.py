"""Name matching rules: typo distance, given-name equivalents, acronyms, role phrases.

Input: surface names and the :class:`~quotegraph.resolve.aliases.Registry`; output: the
entity id a name denotes with the reason, or ``None``.  Language knowledge (role words,
given-name equivalents, generic words) is read from ``quotegraph/data/provenance/``.

>>> same_given_name("pyotr", "peter"), same_given_name("john", "jane")
(True, False)
>>> is_acronym("DPT", "Daily Planet Times")
True
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from quotegraph.link.text import data, fold
from quotegraph.model import EntityType
from quotegraph.resolve.aliases import Registry, key

TYPO_MIN = 85.0  # rapidfuzz ratio for a misspelling of a known name
_SKIP_INITIALS = {"of", "the", "and", "for", "de", "la", "&"}


@cache
def _given_groups() -> dict[str, int]:
    groups = data("provenance/names.yaml")["given_names"]
    return {fold(n): i for i, group in enumerate(groups) for n in group}


def same_given_name(a: str, b: str) -> bool:
    """Given names ``a`` and ``b`` (folded) denote the same name: equal, variant or initial."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    groups = _given_groups()
    if a in groups and groups.get(a) == groups.get(b):
        return True
    return fuzz.ratio(a, b) >= TYPO_MIN


def is_acronym(short: str, name: str) -> bool:
    """``short`` is the initials of the words of ``name`` ("DPT" of "Daily Planet
    Times")."""
    if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
        return False
    words = [w for w in re.findall(r"[\w]+", name) if w.lower() not in _SKIP_INITIALS]
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == short


@cache
def role_phrases() -> list[tuple[str, str]]:
    """``(folded phrase, canonical role)`` for every language, longest phrase first."""
    roles = data("provenance/roles.yaml")["roles"]
    pairs = {
        (key(p), role) for role, by_lang in roles.items() for ps in by_lang.values() for p in ps
    }
    return sorted(pairs, key=lambda pr: -len(pr[0]))


@cache
def generic_org_words() -> frozenset[str]:
    words = data("provenance/roles.yaml")["generic_org"]
    return frozenset(key(w) for ws in words.values() for w in ws)


@cache
def member_phrases() -> tuple[str, ...]:
    """Folded "members of" phrases, longest first."""
    words = data("provenance/roles.yaml")["members"]
    return tuple(sorted({key(w) for ws in words.values() for w in ws}, key=len, reverse=True))


@cache
def not_names() -> frozenset[str]:
    words = data("provenance/roles.yaml")["not_names"]
    return frozenset(key(w) for ws in words.values() for w in ws)


def is_org_name(name: str) -> bool:
    """``name`` ends with an organisation suffix (Inc, Ltd, GmbH...)."""
    suffixes = {key(s) for s in data("provenance/roles.yaml")["org_suffixes"]}
    words = key(name).split()
    return bool(words) and words[-1] in suffixes


@cache
def role_patterns() -> list[tuple[re.Pattern[str], str]]:
    """:func:`role_phrases` as patterns matching whole words of a :func:`key`."""
    return [(re.compile(rf"(?:^| ){re.escape(p)}(?: |$)"), role) for p, role in role_phrases()]


@cache
def any_role() -> re.Pattern[str]:
    """One pattern matching any role phrase (a quick test before :func:`role_patterns`)."""
    phrases = "|".join(re.escape(p) for p, _ in role_phrases())
    return re.compile(rf"(?:^| )(?:{phrases})(?: |$)")


@cache
def _roles_by_first_word() -> dict[str, list[tuple[int, re.Pattern[str], str]]]:
    """:func:`role_patterns` by the first word of their phrase, with their rank (a phrase can
    only match a key holding its first word)."""
    out: dict[str, list[tuple[int, re.Pattern[str], str]]] = {}
    for rank, ((phrase, _), (pattern, role)) in enumerate(
        zip(role_phrases(), role_patterns(), strict=True)
    ):
        out.setdefault(phrase.split(" ", 1)[0], []).append((rank, pattern, role))
    return out


def role_match(k: str) -> tuple[re.Match[str], str] | None:
    """The match and canonical role of the first of :func:`role_phrases` (longest first)
    found in the key ``k``."""
    if not any_role().search(k):
        return None
    index = _roles_by_first_word()
    found = sorted(entry for word in set(k.split()) for entry in index.get(word, ()))
    for _, pattern, role in found:
        match = pattern.search(k)
        if match:
            return match, role
    return None


def find_role(name: str) -> tuple[str, str] | None:
    """``(role, rest of the name)`` when ``name`` contains a role phrase ("Acme's CEO")."""
    k = key(name)
    found = role_match(k)
    if found is None:
        return None
    match, role = found
    rest = (k[: match.start()] + " " + k[match.end() :]).split()
    rest = [w for w in rest if w not in {"of", "at", "from", "dari", "de", "von", "du"}]
    return role, " ".join(rest)


def typo_match(reg: Registry, name: str, types: tuple[EntityType, ...]) -> tuple[str, float] | None:
    """The entity of ``types`` with an alias within typo distance of ``name``, if exactly one."""
    k = key(name)
    if len(k) < 5:
        return None
    cached = reg.cache.get(("typo", k, types))
    if cached and cached[0] == reg.version:
        return cached[1]  # type: ignore[return-value]
    best: dict[str, float] = {}
    for size in range(len(k) - 3, len(k) + 4):
        for ak, eid in reg.by_initial.get((k[0], size), ()):
            if reg.records[eid].type not in types:
                continue
            score = fuzz.ratio(k, ak)
            if score >= TYPO_MIN:
                best[eid] = max(best.get(eid, 0.0), score)
    found = next(iter(best.items())) if len(best) == 1 else None
    reg.cache[("typo", k, types)] = (reg.version, found)
    return found


def person_match(reg: Registry, name: str) -> tuple[str, str] | None:
    """A known person with the same surname and an equivalent given name, if exactly one."""
    words = key(name).split()
    if len(words) < 2:
        return None
    hits = {}
    for eid in reg.by_surname.get(words[-1], ()):
        rec = reg.records[eid]
        for alias in rec.aliases:
            other = key(alias).split()
            if len(other) >= 2 and other[-1] == words[-1] and same_given_name(words[0], other[0]):
                hits[rec.id] = f"same surname, given name {words[0]!r} ~ {other[0]!r}"
    return next(iter(hits.items())) if len(hits) == 1 else None


def surname_match(reg: Registry, name: str) -> str | None:
    """The only person whose surname is ``name`` (one word), or ``None`` when 0 or several."""
    k = key(name)
    if " " in k or not k:
        return None
    ids = reg.by_surname.get(k, set())
    return next(iter(ids)) if len(ids) == 1 else None


def org_in(reg: Registry, text: str) -> str | None:
    """The organisation or outlet named in ``text`` (exactly or within typo distance)."""
    k = key(text)
    if not k:
        return None
    found = reg.find(k)
    if found and reg.records[found].type != EntityType.PERSON:
        return found
    for word in k.split():
        hit = reg.find(word)
        if hit and reg.records[hit].type != EntityType.PERSON:
            return hit
        typo = typo_match(reg, word, (EntityType.ORGANIZATION, EntityType.OUTLET))
        if typo:
            return typo[0]
    return None
