"""Namespaces as closed classes, so a misspelt term fails where it is written.

``KG.invite`` is a ``URIRef``; ``KG.invitee`` raises ``AttributeError`` (rdflib's
``DefinedNamespace`` with ``_fail = True``). ``KG`` mirrors ``ontology/kg.ttl`` term for term;
``tests/test_ontology.py`` fails when they drift. The standard vocabularies are rdflib's own,
except ``SCHEMA`` (rdflib's ``SDO`` uses ``https://schema.org/``; we use ``http://schema.org/``
as Wikidata and most RDF data do) and ``OA`` (rdflib has none).

For pyoxigraph, use the IRI strings: ``pyoxigraph.NamedNode(str(KG.invite))`` or
``named_node(KG.invite)``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib.namespace import (
    DCTERMS,
    OWL,
    PROV,
    RDF,
    RDFS,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

from .config import ONTO

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "KG", "SCHEMA", "OA", "PROV", "DCTERMS", "SKOS", "RDF", "RDFS", "XSD", "OWL", "SH",
    "KG_NS", "SCHEMA_NS", "OA_NS", "WIKIDATA_NS", "SHAPES_NS", "PREFIXES", "MODALITY",
    "named_node", "bind_prefixes",
]


class KG(DefinedNamespace):
    """The project ontology (``ontology/kg.ttl``)."""

    _fail = True
    _NS = Namespace(ONTO)

    # Classes
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    InternationalOrganization: URIRef
    GovernmentBody: URIRef
    MediaOutlet: URIRef
    ArmedGroup: URIRef
    PoliticalParty: URIRef
    Location: URIRef
    City: URIRef
    Region: URIRef
    Office: URIRef
    Role: URIRef
    Article: URIRef
    Statement: URIRef
    Claim: URIRef
    OneActorEvent: URIRef
    Relation: URIRef
    Modality: URIRef

    # Entities and offices
    wikidata: URIRef
    minted: URIRef
    holder: URIRef
    office: URIRef
    jurisdiction: URIRef

    # Articles
    retrieved: URIRef  # retrieval time (xsd:dateTime); publication time is dcterms:issued
    contentHash: URIRef
    publishedSource: URIRef
    retrievedSource: URIRef
    languageSource: URIRef
    ingested: URIRef  # when the store wrote the article (set by the store)

    # Statements
    modality: URIRef
    polarity: URIRef
    confidence: URIRef
    location: URIRef
    eventType: URIRef
    cameo: URIRef
    extractorVersion: URIRef
    pattern: URIRef
    objectText: URIRef
    nestedIn: URIRef
    evidence: URIRef
    subjectText: URIRef
    subjectResolution: URIRef
    objectResolution: URIRef

    # Relation annotations and super-properties
    relation: URIRef
    speechRelation: URIRef
    symmetric: URIRef
    speechAct: URIRef
    ploverEventType: URIRef
    cameoRoot: URIRef
    cameoCode: URIRef

    # Modality concept scheme and its six concepts
    modalities: URIRef
    asserted: URIRef
    reported: URIRef
    negated: URIRef
    hypothetical: URIRef
    planned: URIRef
    denied: URIRef

    # Relations (rdfs:subPropertyOf kg:relation)
    invite: URIRef
    inform: URIRef
    consult: URIRef
    meet: URIRef
    talk: URIRef
    discuss: URIRef
    negotiate: URIRef
    call: URIRef
    visit: URIRef
    host: URIRef
    welcome: URIRef
    mediate: URIRef
    agree: URIRef
    promise: URIRef
    offer: URIRef
    propose: URIRef
    support: URIRef
    praise: URIRef
    endorse: URIRef
    congratulate: URIRef
    thank: URIRef
    recognize: URIRef
    apologize: URIRef
    sign: URIRef
    cooperate: URIRef
    extradite: URIRef
    aid: URIRef
    concede: URIRef
    ease: URIRef
    release: URIRef
    withdraw: URIRef
    investigate: URIRef
    demand: URIRef
    urge: URIRef
    ask: URIRef
    criticize: URIRef
    condemn: URIRef
    accuse: URIRef
    sue: URIRef
    reject: URIRef
    oppose: URIRef
    veto: URIRef
    threaten: URIRef
    warn: URIRef
    protest: URIRef
    mobilize: URIRef
    sanction: URIRef
    expel: URIRef
    coerce: URIRef
    seize: URIRef
    ban: URIRef
    arrest: URIRef
    deport: URIRef
    occupy: URIRef
    kill: URIRef
    assassinate: URIRef
    abduct: URIRef
    torture: URIRef
    attack: URIRef
    fight: URIRef
    bomb: URIRef
    invade: URIRef
    conquer: URIRef
    say: URIRef
    confirm: URIRef
    deny: URIRef
    announce: URIRef
    claim: URIRef
    report: URIRef
    write: URIRef
    appoint: URIRef
    dismiss: URIRef
    elect: URIRef

class SCHEMA(DefinedNamespace):
    """The schema.org terms the project uses (``http://schema.org/``)."""

    _fail = True
    _NS = Namespace("http://schema.org/")

    NewsArticle: URIRef
    Person: URIRef
    Organization: URIRef
    GovernmentOrganization: URIRef
    NewsMediaOrganization: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    AdministrativeArea: URIRef
    keywords: URIRef
    name: URIRef
    startDate: URIRef
    endDate: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation terms used for evidence spans (``http://www.w3.org/ns/oa#``)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    SpecificResource: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef
    hasSource: URIRef
    hasSelector: URIRef


#: Plain IRI strings, for pyoxigraph and SPARQL text.
KG_NS = ONTO
SCHEMA_NS = "http://schema.org/"
OA_NS = "http://www.w3.org/ns/oa#"
WIKIDATA_NS = "http://www.wikidata.org/entity/"
SHAPES_NS = "http://kg.example.org/shapes#"

#: Prefixes for serialisations and SPARQL headers.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "owl": str(OWL._NS),
    "xsd": str(XSD._NS),
    "skos": str(SKOS._NS),
    "prov": str(PROV._NS),
    "dcterms": str(DCTERMS._NS),
    "schema": SCHEMA_NS,
    "oa": OA_NS,
    "wd": WIKIDATA_NS,
}

#: Modality name (kg.types.MODALITIES) -> concept IRI.
MODALITY: dict[str, URIRef] = {
    name: getattr(KG, name)
    for name in ("asserted", "reported", "negated", "hypothetical", "planned", "denied")
}


def named_node(term: URIRef | str) -> "pyoxigraph.NamedNode":
    """A pyoxigraph ``NamedNode`` for an rdflib term or IRI string."""
    import pyoxigraph  # imported here so vocab stays importable without the store

    return pyoxigraph.NamedNode(str(term))


def bind_prefixes(graph) -> None:
    """Bind the project prefixes on an rdflib graph (for readable Turtle/TriG)."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
