"""Resolve: aliases, automatic merges with reasons, and no merge of people sharing a surname."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotegraph.model import Article
from quotegraph.resolve import resolve

from .helpers import mention

BODY = "Filler text. “{q}” said {who}."


def _speakers(names: list[str], context: str = "") -> list[str | None]:
    arts, ments = [], []
    for i, name in enumerate(names):
        art = Article(f"a{i}", context + BODY.format(q=f"quote number {i} here", who=name))
        arts.append(art)
        ments.append(mention(art, f"quote number {i} here", speaker=name))
    res = resolve(arts, ments)
    return [res.speaker_of.get(m.id) for m in ments]


@pytest.mark.parametrize(
    ("names", "same"),
    [
        (["Jane Roe", "Jane Roe"], True),
        (["Jane Roe", "jane roe"], True),  # case
        (["José Núñez", "Jose Nunez"], True),  # diacritics folded
        (["Jane Roe", "Roe"], True),  # unique surname in the corpus
        (["Margaret Thatcherson", "Margaret Thatchersen"], True),  # typo distance
        (["Peter Novak", "Pyotr Novak"], True),  # given-name variant (names.yaml)
        (["Matthew Prince", "Matius Prince"], True),  # shipped alias file
        (["John Smith", "Jane Smith"], False),  # shared surname, different people
        (["Ann Lee", "Bob Ray"], False),
    ],
)
def test_speaker_merging(names: list[str], same: bool) -> None:
    ids = _speakers(names)
    assert all(ids)
    assert (len(set(ids)) == 1) is same


def test_shared_surname_alone_is_not_merged() -> None:
    ids = _speakers(["John Smith", "Jane Smith", "Smith"])
    assert ids[0] != ids[1]
    assert ids[2] not in (ids[0], ids[1])


def test_merges_record_a_reason() -> None:
    arts, ments = [], []
    for i, name in enumerate(["Jane Roe", "Roe"]):
        art = Article(f"r{i}", BODY.format(q=f"words number {i} now", who=name))
        arts.append(art)
        ments.append(mention(art, f"words number {i} now", speaker=name))
    res = resolve(arts, ments)
    merge = next(m for m in res.merges if m.alias == "Roe")
    assert merge.entity_id == "jane-roe" and "surname" in merge.reason


def test_role_phrase_resolves_to_role_holder_shown_in_corpus(tmp_path: Path) -> None:
    a = Article("r1", "Acmetron CEO Dana Whitfield said “we grow fast now”. More text.")
    b = Article("r2", "“Prices will fall soon,” said Acmetron's chief executive. End.")
    ments = [
        mention(a, "we grow fast now", speaker="Dana Whitfield"),
        mention(b, "Prices will fall soon,", speaker="Acmetron's chief executive"),
    ]
    path = tmp_path / "aliases.yaml"
    path.write_text("entities:\n  - {name: Acmetron, type: organization}\n", encoding="utf-8")
    res = resolve([a, b], ments, entities_file=path)
    assert res.speaker_of[ments[1].id] == "dana-whitfield"
    assert any("role" in m.reason for m in res.merges if m.entity_id == "dana-whitfield")


def test_role_phrase_without_a_holder_stays_unresolved() -> None:
    b = Article("r2", "“Prices will fall soon,” said the Zentrix CEO. End.")
    res = resolve([b], [mention(b, "Prices will fall soon,", speaker="the Zentrix CEO")])
    assert res.speaker_of == {}


def test_outlets_acronym_and_case() -> None:
    a = Article("o1", "“It is fine,” he told the Daily Planet Times. Also “yes sir” he told DPT.")
    ments = [
        mention(a, "It is fine,", speaker="Ann Lee", venue="the Daily Planet Times"),
        mention(a, "yes sir", speaker="Ann Lee", venue="DPT"),
    ]
    res = resolve([a], ments)
    assert res.venue_outlet_of[ments[0].id] == res.venue_outlet_of[ments[1].id]
    assert any("acronym" in m.reason for m in res.merges)


def test_user_alias_file_and_corpus_local_file(tmp_path: Path) -> None:
    (tmp_path / "entities.yaml").write_text(
        "entities:\n  - {id: zed, name: Zed Qux, type: person, aliases: [The Zedster]}\n",
        encoding="utf-8",
    )
    art = Article(
        "u1", BODY.format(q="keep it short", who="The Zedster"), source=str(tmp_path / "u1.txt")
    )
    res = resolve([art], [mention(art, "keep it short", speaker="The Zedster")])
    assert set(res.speaker_of.values()) == {"zed"}


def test_bad_alias_file_is_an_input_error(tmp_path: Path) -> None:
    from quotegraph.errors import InputError

    bad = tmp_path / "bad.yaml"
    bad.write_text("people: []\n", encoding="utf-8")
    with pytest.raises(InputError):
        resolve([], [], entities_file=bad)


def test_misspelt_organisation_in_body_is_merged() -> None:
    art = Article("t1", "Cloudflare said no. Later ClouFare said yes and CloudFare agreed.")
    res = resolve([art], [])
    merged = {m.alias for m in res.merges if m.entity_id == "cloudflare"}
    assert {"ClouFare", "CloudFare"} <= merged
