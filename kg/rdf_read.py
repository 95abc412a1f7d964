"""Read ArticleGraphs back from the RDF store (for `kg sync neo4j` and Neo4j exports without
re-extracting). The inverse of ``rdf_build``; tests/test_rdf_read.py keeps them in step.

What the RDF graph does not hold cannot come back: the article body (``paragraphs`` is empty;
evidence spans keep their text and offsets), the boilerplate removed by cleaning, the input's own
document id, the order of tags and aliases (sorted here, and sorted by the Neo4j builder too, so
both ways into Neo4j agree), and the mention text of an attribution or location (its entity label
stands in). Everything the Neo4j rows use does come back.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from urllib.parse import unquote

import pyoxigraph as ox

from .errors import DataError
from .ids import WIKIDATA
from .types import Article, ArticleGraph, Entity, Resolution, Span, Statement
from .vocab import DCTERMS, KG, OA, PROV, RDF, RDFS, SCHEMA, SKOS

_KG = str(KG._NS)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _entity(iri: str, entities: dict[str, Entity], where: str) -> Entity:
    try:
        return entities[iri]
    except KeyError:
        raise DataError(f"{where}: statement mentions {iri}, which the article graph does not describe") from None


def _resolution(iri: str, mention: str, how: str, entities: dict[str, Entity], where: str) -> Resolution:
    method, _, detail = (how or "exact").partition(" ")
    score = float(detail) if method == "fuzzy" and detail else 1.0
    return Resolution(mention, _entity(iri, entities, where), method, score, detail if method != "fuzzy" else "")


def _stored(iri: str | None, entities: dict[str, Entity], where: str) -> Resolution | None:
    """An attribution or location: the RDF keeps the entity, not the words that named it."""
    if iri is None:
        return None
    e = _entity(iri, entities, where)
    return Resolution(e.label, e, "stored")


def _entity_type(iri: str, classes: list[str], minted: bool) -> str:
    """The entity type: its specific kg class; for a minted actor of a type the ontology lacks (the
    RDF says only kg:Actor), the type segment of its minted IRI (``…/entity/minted/group/x`` → Group)."""
    if classes:
        return classes[0]
    if minted:
        m = re.search(r"/entity/minted/([a-z]+)/[^/]*$", iri)
        if m:
            return m.group(1).capitalize()
    return "Actor"


def read_article_graph(store, graph_iri: str) -> ArticleGraph:
    """The ArticleGraph stored in one named graph of a pyoxigraph ``Store`` (see the module docstring
    for what cannot come back). Raises DataError when the graph is not a kg article."""
    g = ox.NamedNode(graph_iri)
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in store.quads_for_pattern(None, None, None, g):
        props[q.subject.value][q.predicate.value].append(q.object)

    def one(s: str, p, default=None):
        vals = props[s].get(str(p), [])
        return vals[0].value if vals else default

    entities: dict[str, Entity] = {}
    for s, p in props.items():
        types = {t.value for t in p.get(str(RDF.type), [])}
        if str(KG.Actor) in types:
            cls = sorted(t[len(_KG):] for t in types if t.startswith(_KG) and t != str(KG.Actor))
            qid = one(s, KG.wikidata) or (s[len(WIKIDATA):] if s.startswith(WIKIDATA) else None)
            minted = one(s, KG.minted) == "true"
            entities[s] = Entity(s, one(s, SKOS.prefLabel) or one(s, RDFS.label) or s, _entity_type(s, cls, minted), qid,
                                 tuple(sorted(a.value for a in p.get(str(SKOS.altLabel), []))), minted)
    if one(graph_iri, KG.contentHash) is None:
        raise DataError(f"{graph_iri}: not a kg article graph (no kg:contentHash)")
    article = Article(
        id=one(graph_iri, KG.contentHash), title=one(graph_iri, DCTERMS.title, ""), paragraphs=(),
        lang=one(graph_iri, DCTERMS.language, ""), lang_source=one(graph_iri, KG.languageSource, ""),
        published=_dt(one(graph_iri, DCTERMS.issued)), published_source=one(graph_iri, KG.publishedSource, ""),
        retrieved=_dt(one(graph_iri, KG.retrieved)), retrieved_source=one(graph_iri, KG.retrievedSource, ""),
        source=one(graph_iri, DCTERMS.source, ""),
        tags=tuple(sorted(t.value for t in props[graph_iri].get(str(SCHEMA.keywords), []))),
    )
    statements = []
    version = ""
    for s, p in props.items():
        if str(KG.Statement) not in {t.value for t in p.get(str(RDF.type), [])}:
            continue
        obj = p[str(RDF.object)][0] if str(RDF.object) in p else None
        spans = []
        for ev in p.get(str(KG.evidence), []):
            spans.append(Span(int(one(ev.value, OA.start)), int(one(ev.value, OA.end)), one(ev.value, OA.exact)))
        nested = one(s, KG.nestedIn)
        version = version or one(s, KG.extractorVersion, "")
        statements.append(Statement(
            id=unquote(s.rsplit("/", 1)[-1]), article_id=article.id,
            subject=_resolution(one(s, RDF.subject), one(s, KG.subjectText, ""), one(s, KG.subjectResolution), entities, s),
            predicate=one(s, RDF.predicate)[len(_KG):],
            object_kind="none" if obj is None else "entity" if isinstance(obj, ox.NamedNode) else "proposition",
            object=_resolution(obj.value, one(s, KG.objectText, ""), one(s, KG.objectResolution), entities, s)
            if isinstance(obj, ox.NamedNode) else None,
            object_text=one(s, KG.objectText, ""), modality=one(s, KG.modality)[len(_KG):],
            attributed_to=_stored(one(s, PROV.wasAttributedTo), entities, s),
            location=_stored(one(s, KG.location), entities, s),
            event_type=one(s, KG.eventType), cameo=one(s, KG.cameo),
            evidence=tuple(sorted(spans, key=lambda x: x.start)), confidence=float(one(s, KG.confidence, 0)),
            pattern=one(s, KG.pattern, ""), nested_in=unquote(nested.rsplit("/", 1)[-1]) if nested else None,
        ))
    statements.sort(key=lambda st: (st.evidence[0].start if st.evidence else 0, st.predicate, st.id))
    ents = tuple(sorted(entities.values(), key=lambda e: e.iri))
    return ArticleGraph(article, tuple(statements), ents, version)


def read_all(store, graph_iris: list[str]) -> list[ArticleGraph]:
    """``read_article_graph`` for each graph IRI, in the given order."""
    return [read_article_graph(store, g) for g in graph_iris]
