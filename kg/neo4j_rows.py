"""ArticleGraph → Neo4j rows and the Cypher that writes them: the single builder for Neo4j.

The Bolt writer (``kg.stores.neo4j``) and the exports (``kg.export_neo4j``) both call
:func:`build_rows` and :func:`write_plan`, so the graph in a live server and the graph loaded from
an export cannot drift. Rows hold plain values only (str, float, bool, lists, None) so they travel
as Bolt parameters, as Cypher literals and as CSV cells alike.

Graph model (DESIGN.md):

* ``(:Entity:<Type> {iri, name, wikidata, aliases, minted})``
* ``(:Article {id, iri, title, lang, source, published, published_iso, published_local,
  retrieved, retrieved_iso, extractor_version})``
* ``(:Statement {id, iri, predicate, modality, confidence, object_kind, object_text, event_type,
  cameo, pattern, evidence_text[], evidence_start[], evidence_end[], published, published_local})``
* ``(subject)-[:<RELATION> {statement_id, article_id, published, published_local, published_iso,
  modality, confidence}]->(object)`` for statements with an entity object, whatever the modality
  (filter on ``modality``: unlike the RDF store's plain triples, a negated or hypothetical
  statement has its typed relationship too);
* ``(:Statement)-[:SUBJECT|OBJECT|ATTRIBUTED_TO|LOCATION]->(:Entity)``,
  ``-[:EVIDENCE_IN]->(:Article)``, ``-[:NESTED_IN]->(:Statement)``.

Times: ``published`` keeps what the source said. A zoned time becomes a Cypher ``DATETIME`` built
in Cypher from its ISO string (a zoned Python datetime parameter comes back as naive UTC from
ArcadeDB); a naive time becomes a ``LOCAL DATETIME`` — kg never guesses a zone. Neo4j does not
order a DATETIME against a LOCAL DATETIME (the comparison is null), so every node and typed
relationship also carries ``published_local``: always a LOCAL DATETIME (the wall-clock time
as published), comparable across all sources. ``*_iso`` strings keep the exact text.

ArcadeDB (the bundled test server) vs Neo4j 5 — the Cypher below runs unchanged on both; the
forms chosen to get there:

* type labels: entities are created with ``MERGE (e:Entity:Person {iri})`` after a step adding
  a missing label, not ``MERGE … SET e:Person`` (ArcadeDB fails the uniqueness constraint when a
  label is set on a node created earlier in the same explicit transaction);
* temporal values: ISO strings + ``datetime()``/``localdatetime()`` in Cypher, never zoned Python
  datetime parameters (ArcadeDB returns them as naive UTC); ``coalesce(datetime(a),
  localdatetime(b))`` instead of ``CASE`` (ArcadeDB evaluates both CASE branches);
* ArcadeDB orders a DATETIME against a LOCAL DATETIME where Neo4j returns null: saved queries
  order by ``published_local`` so they behave the same on both.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .errors import DataError
from .ids import article_iri, statement_iri
from .types import ArticleGraph, Entity, Statement

#: Relation names become relationship types in Cypher text (types cannot be parameters).
RELATION_RE = re.compile(r"^[a-z_]+$")
#: Entity types become labels in Cypher text.
TYPE_RE = re.compile(r"^[A-Z][A-Za-z0-9_]*$")

#: Statement → entity edge types, and the statement-row field holding the entity IRI.
ROLE_EDGES = {"SUBJECT": "subject", "OBJECT": "object", "ATTRIBUTED_TO": "attributed_to", "LOCATION": "location"}


def relationship_type(relation: str) -> str:
    """``invite`` → ``INVITE``; refuses anything that could inject Cypher."""
    if not RELATION_RE.match(relation or ""):
        raise DataError(f"relation name {relation!r} is not [a-z_]+; cannot be a Neo4j relationship type")
    return relation.upper()


def type_label(type_: str) -> str:
    """An entity type as a node label (``Person``); refuses anything that could inject Cypher."""
    if not TYPE_RE.match(type_ or ""):
        raise DataError(f"entity type {type_!r} is not a valid label ([A-Z][A-Za-z0-9_]*)")
    return type_


def _times(prefix: str, value: datetime | None) -> dict[str, str | None]:
    """ISO string plus the two parameters Cypher turns into a DATETIME or a LOCAL DATETIME.

    Two separate fields rather than a flag because ArcadeDB evaluates both branches of a
    ``CASE`` (``localdatetime()`` of a zoned string then fails); ``coalesce(datetime(a),
    localdatetime(b))`` with one of them null is valid on both servers.
    """
    if value is None:
        return {f"{prefix}_iso": None, f"{prefix}_dt": None, f"{prefix}_ldt": None, f"{prefix}_local": None}
    iso = value.isoformat()
    local = value.replace(tzinfo=None).isoformat()
    zoned = value.tzinfo is not None and value.utcoffset() is not None
    return {f"{prefix}_iso": iso, f"{prefix}_dt": iso if zoned else None,
            f"{prefix}_ldt": None if zoned else iso, f"{prefix}_local": local}


@dataclass
class Neo4jRows:
    """Rows for one or more articles, grouped so each group is one parameterised UNWIND."""

    article_ids: list[str] = field(default_factory=list)
    entities: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # by type label
    articles: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    relations: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # by rel type
    roles: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # SUBJECT/OBJECT/...
    nested: list[dict] = field(default_factory=list)

    def extend(self, other: Neo4jRows) -> None:
        """Append another article's rows (entities deduplicated by IRI)."""
        self.article_ids += other.article_ids
        seen = {r["iri"] for rows in self.entities.values() for r in rows}
        for label, rows in other.entities.items():
            self.entities[label] += [r for r in rows if r["iri"] not in seen]
        self.articles += other.articles
        self.statements += other.statements
        for k, rows in other.relations.items():
            self.relations[k] += rows
        for k, rows in other.roles.items():
            self.roles[k] += rows
        self.nested += other.nested

    @property
    def n_statements(self) -> int:
        return len(self.statements)

    @property
    def n_entities(self) -> int:
        return sum(len(v) for v in self.entities.values())


# Lists the RDF store keeps as unordered sets (aliases, tags) are sorted and deduplicated, so an
# article written directly and the same article synced from RDF (kg.rdf_read) give equal rows.
def entity_row(e: Entity) -> dict:
    return {"iri": e.iri, "name": e.label, "type": e.type, "wikidata": e.wikidata,
            "aliases": sorted(set(e.aliases)), "minted": e.minted}


def article_row(g: ArticleGraph) -> dict:
    a = g.article
    return {"id": a.id, "iri": article_iri(a.id), "title": a.title, "lang": a.lang, "source": a.source,
            "published_source": a.published_source, "retrieved_source": a.retrieved_source,
            "tags": sorted(set(a.tags)), "extractor_version": g.extractor_version,
            **_times("published", a.published), **_times("retrieved", a.retrieved)}


def statement_row(s: Statement, published: datetime | None) -> dict:
    return {
        "id": s.id, "iri": statement_iri(s.id), "article_id": s.article_id, "predicate": s.predicate,
        "modality": s.modality, "confidence": float(s.confidence), "object_kind": s.object_kind,
        "object_text": s.object_text, "event_type": s.event_type, "cameo": s.cameo, "pattern": s.pattern,
        "evidence_text": [sp.text for sp in s.evidence], "evidence_start": [sp.start for sp in s.evidence],
        "evidence_end": [sp.end for sp in s.evidence],
        "subject": s.subject.entity.iri, "object": s.object.entity.iri if s.object else None,
        "attributed_to": s.attributed_to.entity.iri if s.attributed_to else None,
        "location": s.location.entity.iri if s.location else None, "nested_in": s.nested_in,
        **_times("published", published),
    }


def build_rows(graph: ArticleGraph) -> Neo4jRows:
    """The rows one article contributes. Validates relation names and entity types."""
    out = Neo4jRows(article_ids=[graph.article.id])
    entities = {e.iri: e for e in graph.entities}
    for s in graph.statements:  # statements may mention entities the graph forgot to list
        for r in (s.subject, s.object, s.attributed_to, s.location):
            if r is not None:
                entities.setdefault(r.entity.iri, r.entity)
    for e in entities.values():
        out.entities[type_label(e.type)].append(entity_row(e))
    out.articles.append(article_row(graph))
    for s in graph.statements:
        row = statement_row(s, graph.article.published)
        out.statements.append(row)
        for edge, key in ROLE_EDGES.items():
            if row[key]:
                out.roles[edge].append({"statement_id": s.id, "iri": row[key]})
        if s.object_kind == "entity" and s.object is not None:
            out.relations[relationship_type(s.predicate)].append({
                "statement_id": s.id, "article_id": s.article_id, "subject": row["subject"],
                "object": row["object"], "modality": s.modality, "confidence": row["confidence"],
                **{k: row[k] for k in ("published_iso", "published_dt", "published_ldt", "published_local")},
            })
        else:
            relationship_type(s.predicate)  # validate even when no typed edge is written
        if s.nested_in:
            out.nested.append({"statement_id": s.id, "parent": s.nested_in})
    return out


def build_batch(graphs: Iterable[ArticleGraph]) -> Neo4jRows:
    """Rows for several articles in one group."""
    out = Neo4jRows()
    for g in graphs:
        out.extend(build_rows(g))
    return out


# --- Cypher ---------------------------------------------------------------------------------
# Valid on Neo4j 5 and on ArcadeDB's Bolt server. Every data query is `UNWIND $rows AS r ...`.

_PUB = "coalesce(datetime(r.published_dt), localdatetime(r.published_ldt))"
_PUB_LOCAL = "localdatetime(r.published_local)"

MIGRATIONS: tuple[str, ...] = (
    "CREATE CONSTRAINT entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata)",
    "CREATE INDEX statement_predicate IF NOT EXISTS FOR (n:Statement) ON (n.predicate)",
    "CREATE INDEX statement_article IF NOT EXISTS FOR (n:Statement) ON (n.article_id)",
    "CREATE INDEX article_published_local IF NOT EXISTS FOR (n:Article) ON (n.published_local)",
)


def entity_queries(label: str) -> tuple[str, str]:
    """Two steps: add the type label to entities that exist without it, then MERGE with both labels.

    Why not ``MERGE (e:Entity {iri}) SET e:Person``: ArcadeDB re-creates a record to change its
    label, and doing so for a node created earlier in the same explicit transaction trips the
    uniqueness constraint. Creating the node with both labels avoids that; the first step keeps
    Neo4j's MERGE from creating a duplicate (a constraint error) when an entity's type changed.
    """
    label = type_label(label)
    return (f"UNWIND $rows AS r MATCH (e:Entity {{iri: r.iri}}) WHERE NOT e:{label} SET e:{label}",
            f"UNWIND $rows AS r MERGE (e:Entity:{label} {{iri: r.iri}}) SET e.name = r.name, "
            "e.wikidata = r.wikidata, e.aliases = r.aliases, e.type = r.type, e.minted = r.minted")


ARTICLE_QUERY = (
    "UNWIND $rows AS r MERGE (a:Article {id: r.id}) SET a.iri = r.iri, a.title = r.title, a.lang = r.lang, "
    "a.source = r.source, a.published_source = r.published_source, a.retrieved_source = r.retrieved_source, "
    "a.tags = r.tags, a.extractor_version = r.extractor_version, "
    f"a.published = {_PUB}, a.published_local = {_PUB_LOCAL}, a.published_iso = r.published_iso, "
    "a.retrieved = coalesce(datetime(r.retrieved_dt), localdatetime(r.retrieved_ldt)), "
    "a.retrieved_local = localdatetime(r.retrieved_local), a.retrieved_iso = r.retrieved_iso"
)

STATEMENT_QUERY = (
    "UNWIND $rows AS r MATCH (a:Article {id: r.article_id}) MERGE (s:Statement {id: r.id}) "
    "SET s.iri = r.iri, s.article_id = r.article_id, s.predicate = r.predicate, s.modality = r.modality, "
    "s.confidence = r.confidence, s.object_kind = r.object_kind, s.object_text = r.object_text, "
    "s.event_type = r.event_type, s.cameo = r.cameo, s.pattern = r.pattern, "
    "s.evidence_text = r.evidence_text, s.evidence_start = r.evidence_start, s.evidence_end = r.evidence_end, "
    f"s.published = {_PUB}, s.published_local = {_PUB_LOCAL}, s.published_iso = r.published_iso "
    "MERGE (s)-[:EVIDENCE_IN]->(a)"
)


def role_query(edge: str) -> str:
    if edge not in ROLE_EDGES:
        raise DataError(f"unknown statement edge {edge!r}")
    return ("UNWIND $rows AS r MATCH (s:Statement {id: r.statement_id}) MATCH (e:Entity {iri: r.iri}) "
            f"MERGE (s)-[:{edge}]->(e)")


def relation_query(rel_type: str) -> str:
    if not RELATION_RE.match(rel_type.lower()):
        raise DataError(f"relationship type {rel_type!r} is not valid")
    return ("UNWIND $rows AS r MATCH (s:Entity {iri: r.subject}) MATCH (o:Entity {iri: r.object}) "
            f"MERGE (s)-[x:{rel_type} {{statement_id: r.statement_id}}]->(o) "
            f"SET x.article_id = r.article_id, x.modality = r.modality, x.confidence = r.confidence, "
            f"x.published = {_PUB}, x.published_local = {_PUB_LOCAL}, x.published_iso = r.published_iso")


NESTED_QUERY = ("UNWIND $rows AS r MATCH (s:Statement {id: r.statement_id}) "
                "MERGE (p:Statement {id: r.parent}) MERGE (s)-[:NESTED_IN]->(p)")


def write_plan(rows: Neo4jRows, batch_size: int = 1000) -> list[tuple[str, list[dict]]]:
    """(query, rows) pairs in dependency order, each rows list at most ``batch_size`` long.

    Entities and articles first, then statements (they MATCH their article), then the edges
    that MATCH statements and entities. Run them all in one transaction for atomicity.
    """
    steps: list[tuple[str, list[dict]]] = []
    for label, r in sorted(rows.entities.items()):
        steps += [(q, r) for q in entity_queries(label)]
    steps.append((ARTICLE_QUERY, rows.articles))
    steps.append((STATEMENT_QUERY, rows.statements))
    steps += [(role_query(edge), rows.roles[edge]) for edge in ROLE_EDGES if rows.roles.get(edge)]
    steps += [(relation_query(t), r) for t, r in sorted(rows.relations.items())]
    steps.append((NESTED_QUERY, rows.nested))
    out = []
    for query, data in steps:
        for i in range(0, len(data), max(1, batch_size)):
            out.append((query, data[i:i + batch_size]))
    return out


def chunk_articles(graphs: Sequence[ArticleGraph], max_statements: int) -> list[list[ArticleGraph]]:
    """Group whole articles so a group has at most ``max_statements`` statements (at least one article)."""
    groups: list[list[ArticleGraph]] = []
    current: list[ArticleGraph] = []
    size = 0
    for g in graphs:
        n = max(1, len(g.statements))
        if current and size + n > max_statements:
            groups.append(current)
            current, size = [], 0
        current.append(g)
        size += n
    if current:
        groups.append(current)
    return groups
