"""Read ArticleGraphs back from the RDF store (for `kg sync neo4j` and Neo4j exports without
re-extracting). The inverse of ``rdf_build``; a round-trip test keeps them in step."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from urllib.parse import unquote

import pyoxigraph as ox

from .ids import WIKIDATA
from .types import Article, ArticleGraph, Entity, Resolution, Span, Statement
from .vocab import DCTERMS, KG, OA, PROV, RDF, RDFS, SCHEMA, SKOS

_KG = str(KG._NS)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _resolution(iri: str, mention: str, how: str, entities: dict[str, Entity]) -> Resolution:
    method, _, detail = (how or "exact").partition(" ")
    score = float(detail) if method == "fuzzy" and detail else 1.0
    return Resolution(mention, entities[iri], method, score, detail if method != "fuzzy" else "")


def read_article_graph(store, graph_iri: str) -> ArticleGraph:
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
            entities[s] = Entity(s, one(s, SKOS.prefLabel) or one(s, RDFS.label) or s, cls[0] if cls else "Actor", qid,
                                 tuple(sorted(a.value for a in p.get(str(SKOS.altLabel), []))), one(s, KG.minted) == "true")
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
        obj = p[str(RDF.object)][0]
        spans = []
        for ev in p.get(str(KG.evidence), []):
            spans.append(Span(int(one(ev.value, OA.start)), int(one(ev.value, OA.end)), one(ev.value, OA.exact)))
        attributed = one(s, PROV.wasAttributedTo)
        location = one(s, KG.location)
        nested = one(s, KG.nestedIn)
        version = version or one(s, KG.extractorVersion, "")
        statements.append(Statement(
            id=unquote(s.rsplit("/", 1)[-1]), article_id=article.id,
            subject=_resolution(one(s, RDF.subject), one(s, KG.subjectText, ""), one(s, KG.subjectResolution), entities),
            predicate=one(s, RDF.predicate)[len(_KG):],
            object_kind="entity" if isinstance(obj, ox.NamedNode) else "proposition",
            object=_resolution(obj.value, one(s, KG.objectText, ""), one(s, KG.objectResolution), entities)
            if isinstance(obj, ox.NamedNode) else None,
            object_text=one(s, KG.objectText, ""), modality=one(s, KG.modality)[len(_KG):],
            attributed_to=Resolution(attributed, entities[attributed], "stored") if attributed else None,
            location=Resolution(location, entities[location], "stored") if location else None,
            event_type=one(s, KG.eventType), cameo=one(s, KG.cameo),
            evidence=tuple(sorted(spans, key=lambda x: x.start)), confidence=float(one(s, KG.confidence, 0)),
            pattern=one(s, KG.pattern, ""), nested_in=unquote(nested.rsplit("/", 1)[-1]) if nested else None,
        ))
    statements.sort(key=lambda st: (st.evidence[0].start if st.evidence else 0, st.predicate, st.id))
    ents = tuple(sorted(entities.values(), key=lambda e: e.iri))
    return ArticleGraph(article, tuple(statements), ents, version)


def read_all(store, graph_iris: list[str]) -> list[ArticleGraph]:
    return [read_article_graph(store, g) for g in graph_iris]
