"""Terminal views: rich renderables for who-said matches, traces and conflicts.

Input: the plain data of :mod:`quotegraph.provenance` (``who_said`` / ``describe`` dicts,
``Hop`` lists, conflict dicts); output: rich renderables.  Article text is always passed
through as :class:`rich.text.Text`, never as markup, so brackets in a quote print as they are.

>>> from rich.console import Console
>>> console = Console(width=60, color_system=None)
>>> with console.capture() as cap:
...     console.print(word_diff("it is hard to take", "it’s hard to take seriously"))
>>> cap.get().strip()
'it is it’s hard to take seriously'
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

_WORD = re.compile(r"\S+")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def _fold(word: str) -> str:
    return word.translate(_FOLD).casefold().strip(".,;:!?\"'")


def word_diff(canonical: str, variant: str) -> Text:
    """``variant`` against ``canonical`` word by word: dropped words struck through in red,
    added or changed words in green; differences of quote marks, dashes and case are not
    differences."""
    a, b = _WORD.findall(canonical), _WORD.findall(variant)
    out = Text()
    matcher = difflib.SequenceMatcher(a=[_fold(w) for w in a], b=[_fold(w) for w in b])
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(" ".join(b[j1:j2]) + " ")
            continue
        if i2 > i1:
            out.append(" ".join(a[i1:i2]) + " ", style="red strike")
        if j2 > j1:
            out.append(" ".join(b[j1:j2]) + " ", style="bold green")
    out.rstrip()
    return out


def _short(text: str, width: int = 400) -> str:
    return textwrap.shorten(" ".join(text.split()), width=width, placeholder=" …")


def _by_date(item: tuple[str, list[dict[str, Any]]]) -> tuple[str, str]:
    return (item[1][0].get("date") or "~", item[0])


def _article_rows(articles: Iterable[dict[str, Any]]) -> Table:
    table = Table(box=None, pad_edge=False, show_header=True, header_style="dim")
    for col in ("article", "date", "kind", "how it got there"):
        table.add_column(col)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        by_article.setdefault(a["article"], []).append(a)
    for art, parts in sorted(
        by_article.items(), key=lambda kv: (kv[1][0].get("date") or "~", kv[0])
    ):
        kinds = sorted(
            {p["kind"] + (" (translated)" if p.get("translated") else "") for p in parts}
        )
        hops = []
        for p in parts:
            hop = p.get("hop")
            if hop:
                how = "stated" if hop["stated"] else "inferred"
                cue = f"{hop['cue']} → " if hop.get("cue") else ""
                hops.append(f"{cue}{hop.get('label') or hop['target']} ({how})")
        label = Text(art)
        if parts[0].get("title"):
            label.append(f"\n{_short(parts[0]['title'], 60)}", style="dim")
        table.add_row(
            label,
            Text(parts[0].get("date") or "undated", style="" if parts[0].get("date") else "dim"),
            Text(", ".join(kinds) + (f" ×{len(parts)}" if len(parts) > 1 else "")),
            Text("; ".join(dict.fromkeys(hops)) or "—"),
        )
    return table


def who_said_view(match: dict[str, Any], conflicts: Iterable[dict[str, Any]] = ()) -> Tree:
    """One who-said match: speaker, quote, origin, first article, printings, variants, conflicts."""
    speaker = match["speaker"]["name"] if match.get("speaker") else "unknown speaker"
    head = Text()
    head.append(speaker, style="bold")
    head.append(": “")
    head.append(_short(match["text"]))
    head.append("”")
    head.append(f"  (match {match['score']:.2f})", style="dim")
    tree = Tree(head)
    origin = match.get("origin")
    if origin:
        text = Text("origin: ", style="cyan")
        text.append(origin["label"])
        text.append(f", {origin['date']}" if origin.get("date") else ", date unknown")
        tree.add(text)
    else:
        tree.add(Text("origin: not named by any article", style="dim"))
    articles = match.get("articles", [])
    first = match.get("first_article")
    if first:
        undated = first.get("undated")
        if undated is None:  # data from before first_appearance reported its undated rivals
            undated = sorted({a["article"] for a in articles if not a.get("date")})
        text = Text("first printed in: ", style="cyan")
        text.append(first["article"])
        if first.get("date"):
            text.append(f" ({first['date']})")
        if first.get("dated") is False:
            text.append(" (undated)", style="dim")
        elif undated and first["article"] not in undated:
            text.append(
                f" — earliest dated; {len(undated)} undated article(s) may be earlier",
                style="dim",
            )
        tree.add(text)
    n = len({a["article"] for a in articles})
    tree.add(Group(Text(f"printed in {n} article(s):", style="cyan"), _article_rows(articles)))
    variants = []
    canonical = " ".join(_fold(w) for w in _WORD.findall(match["text"]))
    seen = {canonical}
    for a in articles:
        folded = " ".join(_fold(w) for w in _WORD.findall(a["text"]))
        if a.get("translated") or folded in seen:
            continue
        seen.add(folded)
        line = Text(f"{a['article']}: ", style="dim")
        if folded in canonical:
            line.append("fragment: ", style="yellow")
            line.append(_short(a["text"], 200))
        elif difflib.SequenceMatcher(a=canonical, b=folded).ratio() < 0.5:
            line.append("other part: ", style="yellow")
            line.append(_short(a["text"], 200))
        else:
            line.append_text(word_diff(match["text"], a["text"]))
        variants.append(line)
    translated = [a for a in articles if a.get("translated")]
    if variants:
        branch = tree.add(Text("variants (red: dropped, green: added or changed)", style="cyan"))
        for v in variants:
            branch.add(v)
    if translated:
        branch = tree.add(Text("translations", style="cyan"))
        for a in translated:
            branch.add(Text(f"{a['article']} [{a.get('language')}]: {_short(a['text'], 200)}"))
    own = [c for c in conflicts if c.get("quote") == match.get("quote")]
    if own:
        branch = tree.add(Text("conflicts", style="red"))
        for c in own:
            branch.add(Text(f"{c['type']}: {c['summary']}"))
    return tree


def hop_line(hop: Any, label: str | None = None) -> Text:
    """One provenance hop: cue → target (its label when it has one), stated or inferred with
    the score, outlet, date."""
    text = Text()
    if hop.cue:
        text.append(f"{hop.cue} → ")
    text.append(str(hop.target), style="bold")
    if label and label != hop.target:
        text.append(f" “{_short(label, 80)}”")
    text.append(f" ({'stated' if hop.stated else 'inferred'}, score {hop.score:.2f})", style="dim")
    if hop.outlet and hop.outlet != label:
        text.append(f" outlet {hop.outlet}")
    if hop.date:
        text.append(f" {hop.date}")
    return text


def trace_view(start: str, hops: Iterable[Any], labels: Mapping[str, str] | None = None) -> Tree:
    """A trace as a nested tree, from ``start`` back to the origin; ``labels`` maps hop
    targets to display names."""
    tree = Tree(Text(start, style="bold"))
    node = tree
    for hop in hops:
        node = node.add(hop_line(hop, (labels or {}).get(hop.target)))
    return tree


def conflict_view(conflict: dict[str, Any]) -> Tree:
    """A conflict with its evidence, one line per article."""
    head = Text(f"{conflict['type']}: ", style="bold red")
    head.append(conflict["summary"])
    tree = Tree(head)
    for ev in conflict.get("evidence", []):
        line = Text(f"{ev['article']}: ", style="dim")
        line.append(_short(str(ev.get("sentence") or ev.get("text") or ""), 300))
        tree.add(line)
    return tree
