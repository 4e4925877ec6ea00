"""Project a :class:`~quotegraph.model.Corpus` onto a networkx MultiDiGraph (shared schema).

Input: a Corpus; output: ``nx.MultiDiGraph`` with nodes ``article:<id>``, ``outlet:<id>``,
``speaker:<id>``, ``quote:<id>``, ``mention:<id>``, ``venue:<id>`` (each with ``type`` and
``label``) and typed edges (said, denotes, printed_in, published_by, given_at, told_to,
quoted_from, translation_of, republished_from, rewrite_of, cites, variant_of).  Mention nodes
also carry ``speaker`` (entity id), ``language`` and ``venue``; article bodies are kept in
``G.graph["bodies"]`` for the figure-drift check.

>>> from quotegraph.model import Article, Corpus
>>> G = project(Corpus(articles=(Article("a", "Body.", "en", title="T"),)))
>>> G.nodes["article:a"]["type"], G.nodes["article:a"]["label"]
('article', 'T')
"""

from __future__ import annotations

import networkx as nx

from quotegraph.link.text import sentences
from quotegraph.model import Corpus, EntityType, Relation

EDGE_OF_RELATION = {
    Relation.TRANSLATION: "translation_of",
    Relation.REPUBLICATION: "republished_from",
    Relation.REWRITE: "rewrite_of",
    Relation.CITES: "cites",
}
DERIVATION_EDGES = frozenset(EDGE_OF_RELATION.values())


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _sentence(body: str, start: int, end: int) -> str:
    sents = sentences(body)
    first = max((off for off, _ in sents if off <= start), default=0)
    last = min((off + len(s) for off, s in sents if off + len(s) >= end), default=len(body))
    return body[first:last].strip()


def project(corpus: Corpus) -> nx.MultiDiGraph:
    """The provenance graph of ``corpus`` in the shared networkx schema."""
    G = nx.MultiDiGraph()
    G.graph["bodies"] = {a.id: a.body for a in corpus.articles}
    entities = {e.id: e for e in corpus.entities}

    def outlet(eid: str) -> str:
        node = f"outlet:{eid}"
        if node not in G:
            e = entities.get(eid)
            name = e.name if e else eid
            G.add_node(
                node, type="outlet", label=name, name=name, aliases=list(e.aliases) if e else []
            )
        return node

    def speaker(eid: str) -> str:
        node = f"speaker:{eid}"
        if node not in G:
            e = entities.get(eid)
            G.add_node(
                node,
                type="speaker",
                label=e.name if e else eid,
                name=e.name if e else eid,
                entity_type=(e.type if e else EntityType.PERSON).value,
                aliases=list(e.aliases) if e else [],
            )
        return node

    for a in corpus.articles:
        pub = corpus.publisher_of.get(a.id)
        G.add_node(
            f"article:{a.id}",
            type="article",
            label=_short(a.title or a.id, 40),
            title=a.title,
            date=a.date,
            language=a.language,
            outlet=pub or a.outlet,
        )
        if pub:
            G.add_edge(f"article:{a.id}", outlet(pub), type="published_by", label="published by")
    for v in corpus.venues:
        G.add_node(
            f"venue:{v.id}",
            type="venue",
            label=v.label,
            venue_type=v.type.value,
            date=v.date,
            speaker=v.speaker_id,
            outlet=v.outlet_id,
        )
        if v.outlet_id:
            G.add_edge(f"venue:{v.id}", outlet(v.outlet_id), type="told_to", label="told to")
    for q in corpus.quotes:
        G.add_node(
            f"quote:{q.id}",
            type="quote",
            label=_short(q.text),
            text=q.text,
            language=q.language,
            speaker=q.speaker_id,
            venue=q.venue_id,
        )
        if q.speaker_id:
            G.add_edge(speaker(q.speaker_id), f"quote:{q.id}", type="said", label="said")
        if q.venue_id:
            G.add_edge(f"quote:{q.id}", f"venue:{q.venue_id}", type="given_at", label="given at")
    bodies = G.graph["bodies"]
    for m in corpus.mentions:
        node = f"mention:{m.id}"
        G.add_node(
            node,
            type="mention",
            label=_short(m.text, 40),
            text=m.text,
            kind=m.kind.value,
            sentence=_sentence(bodies.get(m.article_id, ""), m.content.start, m.content.end),
            article=m.article_id,
            start=m.content.start,
            end=m.content.end,
            cue=m.cue.text if m.cue else None,
            speaker_mention=m.speaker_mention.text if m.speaker_mention else None,
            confidence=m.confidence,
            rule=m.rule,
            speaker=corpus.speaker_of.get(m.id),
            language=m.language,
            venue=m.venue,
        )
        if sp := corpus.speaker_of.get(m.id):
            speaker(sp)
        G.add_edge(node, f"article:{m.article_id}", type="printed_in", label="printed in")
        if qid := corpus.quote_of.get(m.id):
            G.add_edge(node, f"quote:{qid}", type="denotes", label="denotes")
    mention_ids = {m.id for m in corpus.mentions}
    for h in corpus.hops:
        target = f"mention:{h.target}" if h.target in mention_ids else f"venue:{h.target}"
        G.add_edge(
            f"mention:{h.source}",
            target,
            type="quoted_from",
            label="quoted from" if h.stated else "quoted from (inferred)",
            cue=h.cue,
            stated=h.stated,
            score=h.score,
            outlet=h.outlet,
            date=h.date,
        )
    article_ids = {a.id for a in corpus.articles}
    for r in corpus.relations:
        target = f"article:{r.target}" if r.target in article_ids else outlet(r.target)
        kind = EDGE_OF_RELATION[r.relation]
        G.add_edge(
            f"article:{r.source}",
            target,
            type=kind,
            label=kind.replace("_", " "),
            stated=r.stated,
            evidence=r.evidence,
            score=r.score,
            directed=r.directed,
        )
    for e in corpus.variants:
        G.add_edge(
            f"mention:{e.source}",
            f"mention:{e.target}",
            type="variant_of",
            label=e.relation.value,
            relation=e.relation.value,
            score=e.score,
        )
    return G
