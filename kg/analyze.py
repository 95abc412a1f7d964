"""Graph analytics (networkx) on the actor graph projected from the store's statements.

One SPARQL query reads every statement node (so negated, denied and hypothetical statements are
there too, with their modality); filters pick relation, modality and a publication-date window;
the projection is an undirected weighted graph whose edge weight is the number of distinct
articles linking two actors. Everything is sorted so the same store gives the same answer.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from .errors import KGError, QueryError

STATEMENT_ROWS = """
SELECT ?st ?g ?s ?p ?o ?m ?text ?issued ?src ?exact ?title WHERE {
  GRAPH ?g {
    ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; kg:modality ?m ; kg:objectText ?text .
    OPTIONAL { ?st rdf:object ?o }
    OPTIONAL { ?st dcterms:issued ?issued }
    OPTIONAL { ?st prov:wasAttributedTo ?src }
    OPTIONAL { ?st kg:evidence/oa:exact ?exact }
    OPTIONAL { ?g dcterms:title ?title }
  }
}
"""
ENTITIES = """
SELECT DISTINCT ?e ?label ?type ?qid WHERE {
  ?e a kg:Actor ; skos:prefLabel ?label .
  OPTIONAL { ?e a ?type . FILTER(?type != kg:Actor && STRSTARTS(STR(?type), STR(kg:))) }
  OPTIONAL { ?e kg:wikidata ?qid }
}
"""


@dataclass(frozen=True)
class Row:
    """One statement as the analytics see it (dates are the published day, YYYY-MM-DD)."""

    statement: str
    article: str
    title: str
    subject: str
    relation: str
    object: str | None  # entity IRI, None for a claim (proposition object) or a one-actor event
    object_text: str
    modality: str
    published: str  # ISO timestamp as stored ("" if unknown)
    attributed_to: str | None
    evidence: str
    one_actor: bool = False  # "X resigned": no object at all (kg:OneActorEvent)

    @property
    def day(self) -> str:
        return self.published[:10]


@dataclass(frozen=True)
class Filters:
    relations: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    start: str | None = None  # YYYY-MM-DD inclusive
    end: str | None = None
    articles: frozenset[str] | None = None  # graph IRIs (a snapshot selection)

    def keep(self, r: Row) -> bool:
        if self.relations and r.relation not in self.relations:
            return False
        if self.modalities and r.modality not in self.modalities:
            return False
        if self.start and (not r.day or r.day < self.start):
            return False
        if self.end and (not r.day or r.day > self.end):
            return False
        return self.articles is None or r.article in self.articles


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def read_rows(store, filters: Filters | None = None) -> list[Row]:
    """Every statement in the store (one row per statement, first evidence span), filtered, sorted."""
    filters = filters or Filters()
    seen: dict[str, Row] = {}
    for r in store.query(STATEMENT_ROWS):
        st = r["st"].value
        o = r["o"]
        row = Row(st, r["g"].value, r["title"].value if r["title"] else "", r["s"].value, _local(r["p"].value),
                  o.value if isinstance(o, ox.NamedNode) else None, r["text"].value, _local(r["m"].value),
                  r["issued"].value if r["issued"] else "", r["src"].value if r["src"] else None,
                  r["exact"].value if r["exact"] else "", o is None)
        # several evidence spans → keep the first by text, so the choice is stable
        if st not in seen or row.evidence < seen[st].evidence:
            seen[st] = row
    rows = [r for r in seen.values() if filters.keep(r)]
    return sorted(rows, key=lambda r: (r.published, r.article, r.statement))


def entities(store) -> dict[str, dict[str, str]]:
    """IRI → {label, type, wikidata} for every actor in the store."""
    out: dict[str, dict[str, str]] = {}
    for r in store.query(ENTITIES):
        info = out.setdefault(r["e"].value, {"label": r["label"].value, "type": "Actor", "wikidata": ""})
        if r["type"] is not None:  # the most specific class; alphabetical first if several (stable)
            t = _local(r["type"].value)
            info["type"] = t if info["type"] == "Actor" else min(info["type"], t)
        if r["qid"] is not None:
            info["wikidata"] = r["qid"].value
    return out


def actor_graph(rows: Iterable[Row], ents: dict[str, dict[str, str]]) -> nx.Graph:
    """Undirected actor graph: weight = distinct articles with a statement between the two actors."""
    g = nx.Graph()
    links: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in rows:
        if r.object is None or r.object == r.subject:
            continue
        links[tuple(sorted((r.subject, r.object)))].append(r)
    for iri in sorted({i for pair in links for i in pair}):
        g.add_node(iri, **ents.get(iri, {"label": _local(iri), "type": "Actor", "wikidata": ""}))
    for (a, b), rs in sorted(links.items()):
        g.add_edge(a, b, weight=len({r.article for r in rs}), relations=",".join(sorted({r.relation for r in rs})),
                   modalities=",".join(sorted({r.modality for r in rs})), statements=len(rs),
                   first=min(r.day for r in rs), last=max(r.day for r in rs))
    return g


def find_node(g: nx.Graph, name: str) -> str:
    """The node for a user-given actor name (resolved like saved-query actor parameters)."""
    from .inspect import actor_iri

    iri = actor_iri(name)
    if iri in g:
        return iri
    folded = name.casefold()
    for n in sorted(g.nodes):
        if g.nodes[n].get("label", "").casefold() == folded:
            return n
    raise KGError(f"no actor {name!r} in the graph (resolved to {iri}); check the name and the filters")


# -- analyses: each returns (columns, rows) ------------------------------------------------------
Table = tuple[list[str], list[list]]


def centrality(g: nx.Graph) -> Table:
    """Degree, weighted degree (articles), degree and betweenness centrality per actor."""
    if g.number_of_nodes() == 0:
        return ["actor", "label", "degree", "weighted_degree", "degree_centrality", "betweenness"], []
    dc = nx.degree_centrality(g)
    # betweenness on distances 1/weight: links backed by more articles are "shorter"
    for _, _, d in g.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    bc = nx.betweenness_centrality(g, weight="distance", normalized=True)
    rows = [[n, g.nodes[n]["label"], g.degree(n), g.degree(n, weight="weight"), round(dc[n], 4), round(bc[n], 4)]
            for n in g.nodes]
    rows.sort(key=lambda r: (-r[5], -r[3], r[1]))
    return ["actor", "label", "degree", "weighted_degree", "degree_centrality", "betweenness"], rows


def communities(g: nx.Graph) -> Table:
    """Greedy modularity communities (deterministic), largest first."""
    cols = ["community", "actor", "label"]
    if g.number_of_edges() == 0:
        return cols, [[i, n, g.nodes[n]["label"]] for i, n in enumerate(sorted(g.nodes))]
    groups = nx.community.greedy_modularity_communities(g, weight="weight")
    groups = sorted((sorted(c) for c in groups), key=lambda c: (-len(c), c))
    return cols, [[i, n, g.nodes[n]["label"]] for i, c in enumerate(groups) for n in c]


def ego(g: nx.Graph, node: str) -> Table:
    """The actor's neighbours with the link weight, relations, modalities and dates."""
    rows = []
    for nb in g.neighbors(node):
        d = g.edges[node, nb]
        rows.append([nb, g.nodes[nb]["label"], d["weight"], d["relations"], d["modalities"], d["first"], d["last"]])
    rows.sort(key=lambda r: (-r[2], r[1]))
    return ["actor", "label", "articles", "relations", "modalities", "first", "last"], rows


def timeline(rows: Sequence[Row], node: str, ents: dict[str, dict[str, str]]) -> Table:
    """The actor's statements (as subject, object or cited source) in publication order."""
    def label(iri: str | None) -> str:
        return ents.get(iri, {}).get("label", _local(iri)) if iri else ""

    def obj(r: Row) -> str:
        return label(r.object) if r.object else f"— {r.object_text}".strip() if r.one_actor else f"“{r.object_text}”"

    out = [[r.published, label(r.subject), r.relation, obj(r),
            r.modality, label(r.attributed_to), r.article, r.statement]
           for r in rows if node in (r.subject, r.object, r.attributed_to)]
    return ["published", "subject", "relation", "object", "modality", "attributed_to", "article", "statement"], out


ANALYSES = ("centrality", "communities", "ego", "timeline")


def analyze(store, what: str, name: str | None = None, filters: Filters | None = None) -> Table:
    """Run one analysis on the store: centrality | communities | ego NAME | timeline NAME."""
    if what not in ANALYSES:
        raise QueryError(f"unknown analysis {what!r} (one of {', '.join(ANALYSES)})")
    if what in ("ego", "timeline") and not name:
        raise QueryError(f"`{what}` needs an actor name")
    rows = read_rows(store, filters)
    ents = entities(store)
    g = actor_graph(rows, ents)
    if what == "centrality":
        return centrality(g)
    if what == "communities":
        return communities(g)
    if what == "ego":
        return ego(g, find_node(g, name))
    from .inspect import actor_iri

    return timeline(rows, actor_iri(name), ents)
