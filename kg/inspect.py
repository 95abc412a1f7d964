"""Read-side library calls behind `kg statements`, `kg stats`, `kg entity`, `kg entities`, `kg sync`."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from .errors import KGError
from .ids import fold
from .resolve import Resolver, gazetteer
from .stores.oxigraph import OxigraphStore

STATEMENTS = """
SELECT ?st ?s ?sl ?p ?o ?ol ?text ?modality ?src ?srcl ?issued ?retrieved ?exact ?start ?end ?g WHERE {
  GRAPH ?g {
    ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; kg:modality ?modality ;
        kg:objectText ?text ; kg:evidence ?ev .
    ?ev oa:exact ?exact ; oa:start ?start ; oa:end ?end .
    ?s skos:prefLabel ?sl .
    OPTIONAL { ?st rdf:object ?o . OPTIONAL { ?o skos:prefLabel ?ol } }
    OPTIONAL { ?st prov:wasAttributedTo ?src . ?src skos:prefLabel ?srcl }
    OPTIONAL { ?st dcterms:issued ?issued }
    OPTIONAL { ?st kg:retrieved ?retrieved }
  }
  FILTER(!BOUND(?actor) || ?s = ?actor || ?o = ?actor)
} ORDER BY ?issued ?g ?start ?st
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def actor_iri(name: str, when: date | None = None) -> str:
    """IRI for a user-given actor: an IRI as is, else the resolver's entity (gazetteer or minted)."""
    if name.startswith(("http://", "https://")):
        return name
    r = Resolver().resolve(name, None, "en", when or date.today())
    return r.entity.iri


def list_statements(store: OxigraphStore, actor: str | None, limit: int) -> list[dict]:
    params = {"actor": ox.NamedNode(actor_iri(actor))} if actor else {}
    rows, seen = [], set()
    for r in store.query(STATEMENTS, params):
        key = r["st"].value
        if key in seen:
            continue
        seen.add(key)
        rows.append({
            "statement": key, "subject": r["sl"].value, "predicate": _local(r["p"].value),
            "object": r["ol"].value if r["ol"] else r["text"].value if r["o"] else None, "modality": _local(r["modality"].value),
            "attributed_to": r["srcl"].value if r["srcl"] else None,
            "published": r["issued"].value if r["issued"] else None,
            "retrieved": r["retrieved"].value if r["retrieved"] else None,
            "evidence": r["exact"].value, "start": int(r["start"].value), "end": int(r["end"].value),
            "article": r["g"].value,
        })
        if len(rows) >= limit:
            break
    return rows


def store_stats(store: OxigraphStore) -> dict:
    def count(q: str) -> int:
        return int(next(iter(store.query(q)))["n"].value)

    data = {"path": str(store.path),
            "articles": count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a kg:Article } }"),
            "statements": count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statement }"),
            "claims": count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Claim }"),
            "entities": count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Actor }"),
            "quads": len(store)}
    for r in store.query("SELECT ?m (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s kg:modality ?m } GROUP BY ?m ORDER BY ?m"):
        data[f"modality {_local(r['m'].value)}"] = int(r["n"].value)
    return data


def describe_entity(name: str, when: date, lang: str, store_dir=None) -> dict:
    resolver = Resolver()
    r = resolver.resolve(name, None, lang, when)
    if r.method == "minted":
        raise KGError(f"no entity known as {name!r} (not in the gazetteer, not a role at {when.isoformat()})")
    e = r.entity
    gaz = resolver.gaz
    eid = gaz.by_iri.get(e.iri)
    roles = []
    for t in gaz.tenures:
        if t.person == eid:
            roles.append(f"{t.office}: {t.start.isoformat()} – {t.end.isoformat() if t.end else 'present'}"
                         + (" (acting)" if t.acting else ""))
    info = {"label": e.label, "type": e.type, "wikidata": e.wikidata or "", "iri": e.iri,
            "resolved by": f"{r.method} {r.detail}".strip(), "aliases": list(e.aliases), "roles": sorted(roles)}
    try:
        with OxigraphStore(store_dir, read_only=True) as s:
            q = "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a kg:Statement { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } }"
            info["statements in store"] = int(next(iter(s.query(q, {"e": ox.NamedNode(e.iri)})))["n"].value)
    except KGError:
        info["statements in store"] = "no store"
    return info


def list_entities(type_: str | None, search: str | None, limit: int) -> list[dict]:
    gaz = gazetteer()
    needle = fold(search) if search else None
    out = []
    for entry in gaz.entries.values():
        e = entry.entity
        if type_ and e.type.lower() != type_.lower():
            continue
        if needle and not any(needle in fold(n) for n in entry.names):
            continue
        out.append({"label": e.label, "type": e.type, "wikidata": e.wikidata, "iri": e.iri})
    out.sort(key=lambda r: (r["type"], fold(r["label"])))
    return out[:limit]


def sync_neo4j(store: OxigraphStore, batch: int):
    """Load the articles the RDF store holds into Neo4j (``kg sync neo4j``), without re-extracting.

    Articles already in Neo4j are skipped before anything is read from the RDF store, so a second
    sync costs one id lookup per batch and writes nothing. ``batch`` articles are read and written
    at a time (the Neo4j store groups them into transactions of whole articles).
    """
    from urllib.parse import unquote

    from .rdf_read import read_all
    from .stores.neo4j import Neo4jStore
    from .types import WriteReport

    total = WriteReport("neo4j")
    iris = [iri for iri, _, _ in store.articles()]
    with Neo4jStore() as neo:
        for i in range(0, len(iris), max(1, batch)):
            chunk = {unquote(iri.rsplit("/", 1)[-1]): iri for iri in iris[i:i + max(1, batch)]}
            present = neo.existing_articles(list(chunk))
            total.articles_skipped += len(present)
            todo = [iri for aid, iri in chunk.items() if aid not in present]
            if not todo:
                continue
            rep = neo.write(read_all(store.store, todo))
            total.articles_new += rep.articles_new
            total.articles_skipped += rep.articles_skipped
            total.statements += rep.statements
            total.entities += rep.entities
            total.errors += rep.errors
    return total
