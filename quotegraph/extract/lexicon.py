"""Per-language extraction knowledge, read once from ``quotegraph/data/lang/<code>.yaml``.

Input: a language code.  Output: a :class:`Lexicon` of word sets and precompiled regexes
(the file schema is documented at the top of ``en.yaml``).  Unknown languages fall back to
English; a user adds a language by dropping a new YAML file next to the others (or into the
directory named by ``$QUOTEGRAPH_LANG_DIR``).  Phrase lists (cues, roles, sources) are
compiled into :class:`~quotegraph.extract.phraseindex.Phrases` indexes.

>>> lex = lexicon("en")
>>> "told" in lex.cue_forms and lex.cue_lemma["told"]
'tell'
>>> lexicon("xx").language
'en'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from quotegraph.errors import InputError
from quotegraph.extract.phraseindex import Phrases, last_lowered

_UPPER = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper())
UPPER = f"[{re.escape(_UPPER)}]"
"""A regex character class of upper-case letters (Latin, Greek, Cyrillic...)."""


@dataclass(frozen=True)
class Pronoun:
    """What a pronoun can refer to."""

    type: str = "any"  # person | organization | any
    gender: str = "any"  # m | f | n | any
    plural: bool = False


@dataclass
class Lexicon:
    """Compiled word lists of one language (see ``en.yaml`` for the meaning of each)."""

    language: str
    cue_lemma: dict[str, str] = field(default_factory=dict)  # form -> lemma
    cue_nouns: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    bare_clause: frozenset[str] = frozenset()
    source_before: tuple[str, ...] = ()
    source_after: tuple[str, ...] = ()
    auxiliaries: frozenset[str] = frozenset()
    pronouns: dict[str, Pronoun] = field(default_factory=dict)
    determiners: frozenset[str] = frozenset()
    post_determiners: frozenset[str] = frozenset()
    reported_runs_on: bool = False
    roles: frozenset[str] = frozenset()
    org_nouns: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)
    credit_prefixes: tuple[str, ...] = ()
    conjunctions: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    participles: tuple[str, ...] = ()
    nouns_capitalised: bool = False
    comma_clause: bool = False  # reported speech may follow "said," (German "sagte, die …")
    time_words: frozenset[str] = frozenset()  # weekdays etc.: never a speaker ("dijo el lunes")
    prepositions: frozenset[str] = frozenset()
    group_heads: tuple[str, ...] = ()  # "members of" X: the group X speaks
    venue_after: list[tuple[str, str]] = field(default_factory=list)  # (phrase, type)
    venue_after_words: frozenset[str] = frozenset()  # one-word ones ("told"): cue, then venue
    venue_before: list[tuple[str, str]] = field(default_factory=list)
    venue_phrases: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list)
    inverted: list[re.Pattern[str]] = field(default_factory=list)
    venue_phrase_re: re.Pattern[str] = re.compile(r"(?!)")  # all `phrases`, group v<k> each
    cue_index: Phrases = field(default_factory=lambda: Phrases([]))
    role_index: Phrases = field(default_factory=lambda: Phrases([]))
    source_index: Phrases = field(default_factory=lambda: Phrases([]))
    cue_re: re.Pattern[str] = re.compile(r"(?!)")
    role_re: re.Pattern[str] = re.compile(r"(?!)")
    source_before_re: re.Pattern[str] = re.compile(r"(?!)")
    venue_after_re: re.Pattern[str] = re.compile(r"(?!)")
    venue_before_re: re.Pattern[str] = re.compile(r"(?!)")
    venue_after_low: re.Pattern[str] | None = None  # venue_after_re for a lower-cased body
    venue_phrase_low: re.Pattern[str] | None = None  # venue_phrase_re for a lower-cased body
    venue_before_low: re.Pattern[str] | None = None  # venue_before_re for a lower-cased body
    memo: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)
    """Results that depend on a short text alone (a name run's parts), kept across articles."""

    def memo_for(self, kind: str) -> dict[str, Any]:
        """The memo table ``kind`` (emptied when it grows past 100,000 entries)."""
        table = self.memo.setdefault(kind, {})
        if len(table) > 100_000:
            table.clear()
        return table

    @property
    def cue_forms(self) -> frozenset[str]:
        """Every listed word form of a reporting verb (lower case)."""
        return frozenset(self.cue_lemma)

    def is_cue(self, word: str) -> bool:
        """Whether ``word`` is a reporting verb form (listed, or lemmatised to a listed lemma)."""
        low = word.lower()
        if low in self.cue_lemma:
            return True
        return _lemma(low, self.language) in self.cue_lemma


def lemma_forms(lemma: str, language: str) -> list[str]:
    """Every word form that simplemma's dictionary of ``language`` lemmatises to ``lemma``
    (with the lemma itself), lower case; just the lemma for a language simplemma lacks.

    >>> {"says", "said", "saying"} <= set(lemma_forms("say", "en"))
    True
    """
    forms = _forms_by_lemma(language).get(lemma, [])
    return sorted({lemma, *forms})


@cache
def _forms_by_lemma(language: str) -> dict[str, list[str]]:
    """simplemma's form -> lemma dictionary of ``language``, inverted (read once)."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DefaultDictionaryFactory,
        )

        table = DefaultDictionaryFactory().get_dictionary(language)
    except (ValueError, KeyError, ImportError, OSError):
        return {}
    out: dict[str, list[str]] = {}
    for form, lemma in table.items():
        out.setdefault(str(lemma).lower(), []).append(str(form).lower())
    return out


def _lemma(word: str, language: str) -> str:
    try:
        import simplemma

        return str(simplemma.lemmatize(word, lang=language))
    except (ValueError, KeyError, ImportError):
        return word


def _words(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, dict):
        return [str(k) for k in value]
    return [str(v) for v in value if v is not None]


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    uniq = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in uniq) or "(?!)"


def _lower_case_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """``venue_after_re`` for :func:`safe_lower` text: case-sensitive, grouped by first letter.

    Each group starts with a plain letter, so the regex engine skips ahead to those letters
    (several times faster than the case-insensitive alternation behind a lookbehind).  None
    when a phrase does not start with an ASCII letter or is not ASCII.
    """
    uniq = sorted({p for p in phrases if p}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for p in uniq:
        if not (p.isascii() and p[0].isalpha() and p == p.lower()):
            return None
        groups.setdefault(p[0], []).append(_alternation([p])[1:])
    if not groups:
        return None
    alts = "|".join(rf"{c}(?<![\w-].)(?:{'|'.join(rests)})" for c, rests in groups.items())
    return re.compile(rf"(?:{alts})\s+")


# a regex of literals, (?:…) groups, ? * + | and \w \s only: lower-casing it keeps its meaning
_PLAIN_REGEX = re.compile(r"(?:[A-Za-z0-9 '\-|?*+)]|\(\?:|\\[ws])*")


def _alternatives(regex: str) -> list[str]:
    """The top-level alternatives of ``regex`` ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    out, depth, last = [], 0, 0
    for i, c in enumerate(regex):
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append(regex[last:i])
            last = i + 1
    return [*out, regex[last:]]


def _lower_case_phrases(matches: list[str]) -> re.Pattern[str] | None:
    """``venue_phrase_re`` for :func:`safe_lower` text: case-sensitive, grouped by first letter.

    Alternative ``j`` of phrase ``k`` is group ``v<k>_<j>``; its first letter is matched
    before the lookbehind, so the regex engine skips ahead to those letters.  None unless
    every alternative opens with a plain ASCII letter and is a :data:`_PLAIN_REGEX`.
    """
    groups: dict[str, list[str]] = {}
    for k, match in enumerate(matches):
        if not match.isascii() or not _PLAIN_REGEX.fullmatch(match):
            return None
        for j, alt in enumerate(_alternatives(match)):
            if not alt[:1].isalpha() or alt[1:2] in ("?", "*", "+"):
                return None
            groups.setdefault(alt[0].lower(), []).append(f"(?P<v{k}_{j}>{alt[1:].lower()})")
    if not groups:
        return None
    alts = "|".join(rf"{c}(?<!\w.)(?:{'|'.join(rests)})" for c, rests in groups.items())
    return re.compile(rf"(?:{alts})(?!\w)")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CASE_ODD = frozenset("\u0130\u0131\u017f")  # İ ı ſ: equal to i or s when ignoring case


def safe_lower(text: str) -> str | None:
    """``text`` lower-cased when an ASCII case-sensitive regex on it equals a case-insensitive
    one on ``text`` (same length, no character that lower-cases to or folds with ASCII, word
    and space classes kept); else None.

    >>> safe_lower("Doe TOLD “Le Monde”"), safe_lower("\u212a")
    ('doe told “le monde”', None)
    """
    low = last_lowered(text) or text.lower()  # (the phrase indexes lower-cased it already)
    if len(low) != len(text):
        return None
    if not text.isascii():
        for c in set(_NON_ASCII.findall(text)):
            lc = c.lower()
            if (
                c in _CASE_ODD
                or len(lc) != 1
                or (
                    lc != c
                    and (lc.isascii() or lc.isalnum() != c.isalnum() or lc.isspace() != c.isspace())
                )
            ):
                return None
    return low


def compile_lexicon(data: dict[str, Any]) -> Lexicon:
    """Build a :class:`Lexicon` from one parsed YAML mapping."""
    lang = str(data.get("language") or "und")
    lex = Lexicon(language=lang)
    for lemma, forms in (data.get("cues") or {}).items():
        for form in [lemma, *(forms or [])]:
            lex.cue_lemma[str(form).lower()] = str(lemma).lower()
    for lemma in _words(data, "cue_lemmas"):  # word forms from the lemmatiser's dictionary
        for form in lemma_forms(lemma.lower(), lang):
            lex.cue_lemma.setdefault(form, lemma.lower())
    lex.cue_nouns = frozenset(w.lower() for w in _words(data, "cue_nouns"))
    lex.complementizers = frozenset(w.lower() for w in _words(data, "complementizers"))
    lex.bare_clause = frozenset(w.lower() for w in _words(data, "bare_clause_cues"))
    lex.source_before = tuple(w.lower() for w in _words(data, "source_before"))
    lex.source_after = tuple(w.lower() for w in _words(data, "source_after"))
    lex.auxiliaries = frozenset(w.lower() for w in _words(data, "auxiliaries"))
    for word, spec in (data.get("pronouns") or {}).items():
        spec = spec or {}
        lex.pronouns[str(word).lower()] = Pronoun(
            str(spec.get("type", "any")), str(spec.get("gender", "any")), bool(spec.get("plural"))
        )
    lex.determiners = frozenset(w.lower() for w in _words(data, "determiners"))
    lex.post_determiners = frozenset(w.lower() for w in _words(data, "post_determiners"))
    lex.reported_runs_on = bool(data.get("reported_runs_on"))
    lex.roles = frozenset(w.lower() for w in _words(data, "roles"))
    lex.org_nouns = frozenset(w.lower() for w in _words(data, "org_nouns"))
    lex.org_suffixes = frozenset(_words(data, "org_suffixes"))
    lex.organisations = frozenset(_words(data, "organisations"))
    lex.abbreviations = frozenset(w.lower().rstrip(".") for w in _words(data, "abbreviations"))
    lex.not_names = frozenset(_words(data, "not_names"))
    lex.titles = {str(k): str(v) for k, v in (data.get("titles") or {}).items()}
    lex.credit_prefixes = tuple(_words(data, "credit_prefixes"))
    lex.conjunctions = frozenset(w.lower() for w in _words(data, "conjunctions"))
    lex.relatives = frozenset(w.lower() for w in _words(data, "relatives"))
    lex.clause_breaks = frozenset(w.lower() for w in _words(data, "clause_breaks"))
    lex.nouns_capitalised = bool(data.get("nouns_capitalised"))
    lex.comma_clause = bool(data.get("comma_clause"))
    lex.time_words = frozenset(w.lower() for w in _words(data, "time_words"))
    lex.participles = tuple(w.lower() for w in _words(data, "participle_endings"))
    lex.prepositions = frozenset(w.lower() for w in _words(data, "prepositions"))
    lex.group_heads = tuple(
        sorted((w.lower() + " " for w in _words(data, "group_heads")), key=len, reverse=True)
    )
    venues = data.get("venues") or {}
    for key, target in (("named_after", lex.venue_after), ("named_before", lex.venue_before)):
        for vtype, phrases in (venues.get(key) or {}).items():
            target.extend((str(p).lower(), str(vtype)) for p in phrases or [])
    lex.venue_after_words = frozenset(p for p, _ in lex.venue_after if " " not in p)
    groups, matches = [], []
    for k, item in enumerate(venues.get("phrases") or []):
        pattern = re.compile(rf"(?<!\w)(?:{item['match']})(?!\w)", re.IGNORECASE)
        lex.venue_phrases.append((pattern, str(item["venue"]), str(item["type"])))
        groups.append(f"(?P<v{k}>{item['match']})")
        matches.append(str(item["match"]))
    if groups:
        lex.venue_phrase_re = re.compile(rf"(?<!\w)(?:{'|'.join(groups)})(?!\w)", re.I)
        lex.venue_phrase_low = _lower_case_phrases(matches)
    for pattern in data.get("inverted_tags") or []:
        lex.inverted.append(re.compile(str(pattern), re.IGNORECASE))
    lex.cue_index = Phrases(list(lex.cue_lemma))
    lex.role_index = Phrases(list(lex.roles))
    lex.source_index = Phrases(list(lex.source_before))
    lex.cue_re = re.compile(rf"(?<![\w-])(?:{_alternation(list(lex.cue_lemma))})(?!\w)", re.I)
    lex.role_re = re.compile(rf"(?<![\w-])(?:{_alternation(list(lex.roles))})(?![\w-])", re.I)
    lex.source_before_re = re.compile(
        rf"(?<![\w-])(?:{_alternation(list(lex.source_before))})(?![\w-])", re.I
    )
    lex.venue_after_re = re.compile(
        rf"(?<![\w-])(?:{_alternation([p for p, _ in lex.venue_after])})\s+", re.I
    )
    lex.venue_after_low = _lower_case_pattern([p for p, _ in lex.venue_after])
    before = [p for p, _ in lex.venue_before]
    if before and all(p.isascii() and p == p.lower() for p in before):
        lex.venue_before_low = re.compile(rf"\s\s*(?:{_alternation(before)})(?![\w-])")
    lex.venue_before_re = re.compile(
        rf"\s+(?:{_alternation([p for p, _ in lex.venue_before])})(?![\w-])", re.I
    )
    return lex


class _Loader(yaml.SafeLoader):
    """YAML 1.2 booleans: only true/false, so the words On, No, Yes, Off stay words."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _lang_dirs() -> list[Path]:
    dirs = []
    extra = os.environ.get("QUOTEGRAPH_LANG_DIR")
    if extra:
        dirs.append(Path(extra))
    dirs.append(Path(str(resources.files("quotegraph") / "data" / "lang")))
    return dirs


def available_languages() -> list[str]:
    """Codes of every language that has a data file."""
    return sorted({p.stem for d in _lang_dirs() if d.is_dir() for p in d.glob("*.yaml")})


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language`` (English when there is no file for it)."""
    code = (language or "en").lower().split("-")[0].split("_")[0]
    for directory in _lang_dirs():
        path = directory / f"{code}.yaml"
        if path.is_file():
            try:
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
            except yaml.YAMLError as exc:
                raise InputError(str(path), f"not a valid language file: {exc}") from exc
            if not isinstance(data, dict):
                raise InputError(str(path), "a language file must be a YAML mapping")
            data.setdefault("language", code)
            return compile_lexicon(data)
    return lexicon("en") if code != "en" else compile_lexicon({"language": "en"})
