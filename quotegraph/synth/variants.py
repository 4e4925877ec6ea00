"""How a re-citing article changes a quote: truncations, small edits, reported speech.

Input: an utterance text and a ``random.Random``.  Output: ``(text, relation)`` where the
relation to the original is ``same``, ``truncation`` or ``edit``; or the reported-speech
form of a quote (:func:`indirect`) and a short fragment for partial quotes (:func:`fragment`).

>>> import random
>>> indirect("We will fix it.", "female")
'they would fix it'
>>> fragment(random.Random(0), "We made mistakes, and we will fix them.")
'made mistakes, and we will fix'
"""

from __future__ import annotations

import random
import re

from quotegraph.synth.lexicon import data

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def strip_stop(text: str) -> str:
    """``text`` without its final full stop (for "“…,” she said")."""
    return text[:-1] if text.endswith(".") else text


def vary(rng: random.Random, text: str, org: str) -> tuple[str, str]:
    """A rendering of ``text`` as a later article prints it, and its relation to it."""
    roll = rng.random()
    if roll < 0.6:
        return text, "same"
    if roll < 0.8:
        return truncate(rng, text), "truncation"
    return edit(rng, text, org), "edit"


def truncate(rng: random.Random, text: str) -> str:
    """Drop a sentence, or cut the quote short (with or without an ellipsis)."""
    sentences = _SENTENCE_END.split(text)
    if len(sentences) > 1:
        return " ".join(sentences[1:] if rng.random() < 0.5 else sentences[:-1])
    words = text.split(" ")
    if len(words) < 6:
        return text.rstrip(".")
    cut = rng.randint(max(3, len(words) * 6 // 10), len(words) - 1)
    return " ".join(words[:cut]).rstrip(",;:") + rng.choice(("…", " …", ""))


def edit(rng: random.Random, text: str, org: str) -> str:
    """One small edit: a word dropped or inserted, a bracketed insertion, a case change."""
    words = text.split(" ")
    choice = rng.randrange(4)
    if choice == 0 and len(words) > 4:
        del words[rng.randrange(1, len(words) - 1)]
    elif choice == 1:
        words.insert(rng.randrange(1, len(words)), rng.choice(data("patterns")["insertions"]))
    elif choice == 2 and any(w in ("it", "we", "they") for w in words):
        index = next(i for i, w in enumerate(words) if w in ("it", "we", "they"))
        words[index] = f"[{org}]" if words[index] == "it" else f"[{org} staff]"
    else:
        first = words[0]
        words[0] = first.lower() if first[:1].isupper() and first != "I" else first.capitalize()
    return " ".join(words)


def indirect(text: str, gender: str) -> str:
    """Reported speech of the first sentence: pronouns and tenses shifted, no capital, no stop."""
    shift: dict[str, str] = data("patterns")["indirect_shift"]
    he, his, him = data("patterns")["pronouns"].get(gender, ["they", "their", "them"])
    person = {"{he}": he, "{his}": his, "{him}": him, "{He}": he.capitalize()}
    words = []
    first = _SENTENCE_END.split(text)[0]
    for word in strip_stop(first).split(" "):
        core = word.rstrip(",;:")
        if core in shift:
            new = shift[core]
            for key, value in person.items():
                new = new.replace(key, value)
            word = new + word[len(core) :]
        words.append(word)
    out = " ".join(words)
    return out[:1].lower() + out[1:] if out[:1].isupper() and not out.startswith("I ") else out


def fragment(rng: random.Random, text: str) -> str:
    """A run of three to six words from ``text`` (a partial quote)."""
    words = strip_stop(text).split(" ")
    size = min(len(words), rng.randint(3, 6))
    start = rng.randint(0, len(words) - size)
    return " ".join(words[start : start + size]).strip(",;:")
