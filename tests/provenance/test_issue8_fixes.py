"""Descriptions are not people, scare quotes are not Quotes, traces show names, and
first_appearance says when an undated printing may be earlier."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.link import link
from quotegraph.model import Article, EntityType, QuoteKind
from quotegraph.provenance import first_appearance, project, trace, who_said
from quotegraph.provenance.query import label_of
from quotegraph.resolve import resolve
from quotegraph.resolve.describe import description

from .helpers import mention

ALIASES = "entities:\n  - {name: Orbital Widgets, type: organization}\n"
BODY = "Some filler here. “{q}” said {who}. Orbital Widgets makes widgets."


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("A recent survey", "document"),
        ("the leaked memo", "document"),
        ("una encuesta reciente", "document"),
        ("eine Studie", "document"),
        ("an Orbital Widgets-affiliated handle", "account"),
        ("Orbital Widgets' account", "account"),
        ("Dana Whitfield", None),  # a name
        ("The Survey Institute", None),  # capitalised: a name, not a description
        ("the spokeswoman", None),  # a role phrase, handled elsewhere
    ],
)
def test_description_kinds(name: str, kind: str | None) -> None:
    found = description(name)
    assert (found[0] if found else None) == kind


def _resolve(names: list[str], tmp_path: Path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(ALIASES, encoding="utf-8")
    arts, ments = [], []
    for i, name in enumerate(names):
        art = Article(f"d{i}", BODY.format(q=f"statement number {i} given", who=name))
        arts.append(art)
        ments.append(mention(art, f"statement number {i} given", speaker=name))
    res = resolve(arts, ments, aliases)
    types = {e.id: e for e in res.entities}
    return [types.get(res.speaker_of.get(m.id, "")) for m in ments]


@pytest.mark.parametrize(
    ("name", "etype", "owner"),
    [
        ("A recent survey", None, None),  # no named entity recoverable: left unresolved
        ("a report by Orbital Widgets", EntityType.ORGANIZATION, None),  # the named org
        ("an Orbital Widgets-affiliated handle", EntityType.ACCOUNT, "orbital-widgets"),
        ("an anonymous user", EntityType.ACCOUNT, None),
        ("Dana Whitfield", EntityType.PERSON, None),  # negative: a real name stays a person
    ],
)
def test_descriptions_never_become_people(
    name: str, etype: EntityType | None, owner: str | None, tmp_path: Path
) -> None:
    (entity,) = _resolve([name], tmp_path)
    assert (entity.type if entity else None) == etype
    if entity is not None and etype == EntityType.ACCOUNT:
        assert entity.owner == owner
    if etype == EntityType.ORGANIZATION:
        assert entity is not None and entity.id == "orbital-widgets"


def _scare_corpus():
    art = Article(
        "s",
        "Rivals call the move a “gambit” today. Dana Whitfield said: “we will keep building "
        "the bridge over the river this year.” End.",
        "en",
        date="2024-02-02",
    )
    ms = [
        mention(art, "gambit", kind=QuoteKind.SCARE),
        mention(
            art, "we will keep building the bridge over the river this year.", "Dana Whitfield"
        ),
    ]
    return [art], ms


def test_scare_quotes_stay_mentions_but_are_not_quotes() -> None:
    arts, ms = _scare_corpus()
    corpus = link(arts, ms, resolve(arts, ms))
    assert ms[0].id not in corpus.quote_of  # scare quote: no Quote
    assert ms[1].id in corpus.quote_of  # negative row: the real quote still is one
    G = project(corpus)
    assert G.nodes[f"mention:{ms[0].id}"]["kind"] == "scare"  # the fact is kept
    quotes = [d["text"] for _, d in G.nodes(data=True) if d["type"] == "quote"]
    assert quotes == [ms[1].text]
    assert who_said(G, "gambit") == []
    assert who_said(G, "keep building the bridge over the river")


def _venue_graph():
    a = Article(
        "v1",
        "Dana Whitfield told the Harbor Gazette: “the bridge opens in the spring for all.” End.",
        "en",
        date="2024-03-01",
    )
    b = Article(
        "v2",
        "Dana Whitfield said: “the bridge opens in the spring for all.” Fin.",
        "en",
        outlet="The Valley Courier",
    )
    ms = [
        mention(
            a,
            "the bridge opens in the spring for all.",
            "Dana Whitfield",
            venue="the Harbor Gazette",
            cue="told",
        ),
        mention(b, "the bridge opens in the spring for all.", "Dana Whitfield"),
    ]
    return project(link([a, b], ms, resolve([a, b], ms))), ms


def test_trace_hops_carry_outlet_names_and_targets_stay_ids() -> None:
    G, ms = _venue_graph()
    hop = trace(G, ms[0].id)[0]
    assert hop.outlet == "the Harbor Gazette" or hop.outlet == "Harbor Gazette"
    assert f"venue:{hop.target}" in G  # still an id
    assert "Harbor Gazette" in label_of(G, hop.target)
    assert label_of(G, "no-such-node") == "no-such-node"


def test_first_appearance_flags_undated_rivals() -> None:
    G, _ = _venue_graph()
    quote = next(n for n, d in G.nodes(data=True) if d["type"] == "quote")
    first = first_appearance(G, quote)
    assert first is not None and first["article"] == "v1"
    assert first["dated"] is True and first["undated_earlier_possible"] is True
    assert first["undated"] == ["v2"]
    match = who_said(G, "the bridge opens in the spring")[0]
    rows = {a["article"]: a for a in match["articles"]}
    assert rows["v2"]["outlet"] == "valley-courier"  # the id stays
    assert rows["v2"]["outlet_name"] == "The Valley Courier"  # and the name comes with it
    assert rows["v1"]["outlet_name"] is None  # negative: no publisher, no invented name


@pytest.mark.parametrize("dates", [("2024-03-01", "2024-03-05"), (None, None)])
def test_first_appearance_without_undated_rivals(dates: tuple[str | None, str | None]) -> None:
    arts = [
        Article(
            f"w{i}",
            f"Dana Whitfield said: “the ferry runs twice a day now.” Story {i}.",
            "en",
            date=d,
        )
        for i, d in enumerate(dates)
    ]
    ms = [mention(a, "the ferry runs twice a day now.", "Dana Whitfield") for a in arts]
    G = project(link(arts, ms, resolve(arts, ms)))
    quote = next(n for n, d in G.nodes(data=True) if d["type"] == "quote")
    first = first_appearance(G, quote)
    assert first is not None
    assert first["dated"] is (dates[0] is not None)
    assert first["undated_earlier_possible"] is False and first["undated"] == []
