"""Build stage, RDF side: one ArticleGraph → the quads of its named graph (graph name = article IRI).

The graph holds the article's metadata, each statement as a plain triple (so simple SPARQL works)
and as an ``rdf:Statement`` node with modality, attribution, confidence, provenance and W3C Web
Annotation evidence selectors, and the entities the statements mention (type, labels, Wikidata id),
so an article graph is self-contained: exporting or deleting it never leaves dangling statements.
"""
from __future__ import annotations

from datetime import datetime

from pyoxigraph import Literal, NamedNode, Quad

from .dates import iso
from .ids import article_iri, statement_iri
from .types import ArticleGraph, Entity, Statement
from .vocab import DCTERMS, KG, OA, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

_XSD_DT = NamedNode(str(XSD.dateTime))
_XSD_DEC = NamedNode(str(XSD.decimal))
_XSD_INT = NamedNode(str(XSD.integer))  # Oxigraph stores nonNegativeInteger as integer anyway
_TYPE = NamedNode(str(RDF.type))
#: modalities whose plain triple is written: the article (or its cited source) states it as fact
FACTUAL = ("asserted", "reported")
ENTITY_CLASSES = {"Person", "Country", "Organization", "InternationalOrganization", "GovernmentBody", "MediaOutlet",
                  "ArmedGroup", "PoliticalParty", "Location", "City", "Region"}


def n(term) -> NamedNode:
    return NamedNode(str(term))


def dt_literal(value: datetime) -> Literal:
    """xsd:dateTime; a naive value stays without zone (the source gave none)."""
    return Literal(iso(value), datatype=_XSD_DT)


def entity_quads(e: Entity, g: NamedNode) -> list[Quad]:
    s = NamedNode(e.iri)
    cls = e.type if e.type in ENTITY_CLASSES else "Actor"
    out = [Quad(s, _TYPE, n(KG[cls]), g), Quad(s, _TYPE, n(KG.Actor), g),
           Quad(s, n(RDFS.label), Literal(e.label, language="en"), g),
           Quad(s, n(SKOS.prefLabel), Literal(e.label, language="en"), g)]
    for alias in e.aliases:
        out.append(Quad(s, n(SKOS.altLabel), Literal(alias), g))
    if e.wikidata:
        out.append(Quad(s, n(KG.wikidata), Literal(e.wikidata), g))
        out.append(Quad(s, n(OWL.sameAs), NamedNode(f"http://www.wikidata.org/entity/{e.wikidata}"), g)) if not e.iri.startswith("http://www.wikidata.org/") else None
    if e.minted:
        out.append(Quad(s, n(KG.minted), Literal("true", datatype=NamedNode(str(XSD.boolean))), g))
    return out


def statement_quads(st: Statement, a: ArticleGraph, g: NamedNode) -> list[Quad]:
    art = a.article
    node = NamedNode(statement_iri(st.id))
    subj = NamedNode(st.subject.entity.iri)
    pred = n(KG[st.predicate])
    obj = (NamedNode(st.object.entity.iri) if st.object is not None else
           None if st.object_kind == "none" else Literal(st.object_text, language=art.lang))
    # a one-actor event ("X resigned") has no rdf:object and no plain triple
    out = [Quad(subj, pred, obj, g)] if st.modality in FACTUAL and obj is not None else []
    out += [
        Quad(node, _TYPE, n(RDF.Statement), g),
        Quad(node, _TYPE, n(KG.Statement), g),
        Quad(node, n(RDF.subject), subj, g),
        Quad(node, n(RDF.predicate), pred, g),
        Quad(node, n(KG.modality), n(KG[st.modality]), g),
        Quad(node, n(KG.confidence), Literal(f"{st.confidence:.3f}", datatype=_XSD_DEC), g),
        Quad(node, n(KG.objectText), Literal(st.object_text, language=art.lang), g),
        Quad(node, n(KG.pattern), Literal(st.pattern), g),
        Quad(node, n(KG.extractorVersion), Literal(a.extractor_version), g),
        Quad(node, n(KG.subjectText), Literal(st.subject.mention), g),
        Quad(node, n(KG.subjectResolution), Literal(_how(st.subject)), g),
        Quad(node, n(PROV.wasDerivedFrom), g, g),
    ]
    if obj is not None:
        out.append(Quad(node, n(RDF.object), obj, g))
    if st.object_kind == "proposition":
        out.append(Quad(node, _TYPE, n(KG.Claim), g))
    elif st.object_kind == "none":
        out.append(Quad(node, _TYPE, n(KG.OneActorEvent), g))
    if st.object is not None:
        out.append(Quad(node, n(KG.objectResolution), Literal(_how(st.object)), g))
    if art.published:
        out.append(Quad(node, n(DCTERMS.issued), dt_literal(art.published), g))
    if art.retrieved:
        out.append(Quad(node, n(KG.retrieved), dt_literal(art.retrieved), g))
    if st.attributed_to is not None:
        out.append(Quad(node, n(PROV.wasAttributedTo), NamedNode(st.attributed_to.entity.iri), g))
    if st.location is not None:
        out.append(Quad(node, n(KG.location), NamedNode(st.location.entity.iri), g))
    if st.event_type:
        out.append(Quad(node, n(KG.eventType), Literal(st.event_type), g))
    if st.cameo:
        out.append(Quad(node, n(KG.cameo), Literal(st.cameo), g))
    if st.nested_in:
        out.append(Quad(node, n(KG.nestedIn), NamedNode(statement_iri(st.nested_in)), g))
    for i, span in enumerate(st.evidence):
        ev = NamedNode(f"{statement_iri(st.id)}/evidence/{i}")
        out += [
            Quad(node, n(KG.evidence), ev, g),
            Quad(ev, _TYPE, n(OA.TextQuoteSelector), g),
            Quad(ev, _TYPE, n(OA.TextPositionSelector), g),
            Quad(ev, n(OA.exact), Literal(span.text), g),
            Quad(ev, n(OA.start), Literal(str(span.start), datatype=_XSD_INT), g),
            Quad(ev, n(OA.end), Literal(str(span.end), datatype=_XSD_INT), g),
            Quad(ev, n(OA.hasSource), g, g),
        ]
    return out


def _how(r) -> str:
    return f"{r.method} {r.detail}".strip() if r.method != "fuzzy" else f"fuzzy {r.score:.3f}"


def article_quads(a: ArticleGraph) -> list[Quad]:
    """All quads of one article's named graph."""
    art = a.article
    g = NamedNode(article_iri(art.id))
    out = [
        Quad(g, _TYPE, n(SCHEMA.NewsArticle), g),
        Quad(g, _TYPE, n(KG.Article), g),
        Quad(g, n(DCTERMS.title), Literal(art.title, language=art.lang), g),
        Quad(g, n(DCTERMS.language), Literal(art.lang), g),
        Quad(g, n(DCTERMS.source), Literal(art.source), g),
        Quad(g, n(KG.contentHash), Literal(art.id), g),
        Quad(g, n(KG.publishedSource), Literal(art.published_source), g),
        Quad(g, n(KG.retrievedSource), Literal(art.retrieved_source), g),
        Quad(g, n(KG.languageSource), Literal(art.lang_source), g),
    ]
    if art.published:
        out.append(Quad(g, n(DCTERMS.issued), dt_literal(art.published), g))
    if art.retrieved:
        out.append(Quad(g, n(KG.retrieved), dt_literal(art.retrieved), g))
    for tag in art.tags:
        out.append(Quad(g, n(SCHEMA.keywords), Literal(tag), g))
    for st in a.statements:
        out.extend(statement_quads(st, a, g))
    for e in a.entities:
        out.extend(entity_quads(e, g))
    return out
