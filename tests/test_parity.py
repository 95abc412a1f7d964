"""Same content in both stores (issue 6, item 5), through the CLI against the real Bolt server.

The sample and three synthetic articles (French, English, one with minted actors) are ingested
with `kg ingest --to rdf,neo4j`; SPARQL on the RDF store and Cypher on the Bolt server must give
the same statement ids, entities, modalities and publication/retrieval times. `kg sync neo4j`
from an RDF-only store must give exactly the graph the direct ingest gave, and running either a
second time must add nothing.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from urllib.parse import unquote

import pytest

from conftest import SAMPLE, invoke
from kg.stores.neo4j import Neo4jStore
from kg.stores.oxigraph import OxigraphStore

pytestmark = pytest.mark.slow

# Invented people and texts: they exercise zones, languages, modalities and minted actors.
SYNTHETIC = [
    {"id": "syn-fr", "url": "https://example.org/fr/1", "published": "2025-03-04T09:30:00+01:00",
     "retrieved": "2025-03-04T10:00:00Z", "lang": "fr", "title": "Macron reçoit Zelensky à Paris",
     "text": "Emmanuel Macron a invité Volodymyr Zelensky à Paris, selon l'Élysée.\n\n"
             "Le président ukrainien a déclaré que l'Ukraine ne renoncera pas à ses territoires.\n\n"
             "Olaf Scholz n'a pas rencontré Donald Trump."},
    {"id": "syn-en", "url": "https://example.org/en/2", "published": "2025-03-05T14:00:00Z", "lang": "en",
     "title": "Starmer meets Trump in Washington",
     "text": "Keir Starmer met Donald Trump in Washington on Thursday.\n\n"
             "Trump said that NATO must spend more on defence, Reuters reported.\n\n"
             "Vladimir Putin could invite Xi Jinping to Moscow."},
    {"id": "syn-minted", "published": "2025-03-06T08:00:00+01:00", "lang": "en", "title": "Talks in Riyadh",
     "text": "Jean Dupontel invited Keir Starmer to Lyon.\n\nThe Zapatistas met Donald Trump in Riyadh.\n\n"
             "The Kurds said that they will negotiate with Ankara.\n\nJean Dupontel resigned on Friday."},
]

RDF_STATEMENTS = """
SELECT ?st ?s ?p ?o ?text ?m ?hash ?issued ?retrieved ?src ?loc ?nested WHERE {
  GRAPH ?g {
    ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; kg:objectText ?text ; kg:modality ?m .
    OPTIONAL { ?st rdf:object ?o }
    ?g kg:contentHash ?hash .
    OPTIONAL { ?g dcterms:issued ?issued } OPTIONAL { ?g kg:retrieved ?retrieved }
    OPTIONAL { ?st prov:wasAttributedTo ?src } OPTIONAL { ?st kg:location ?loc } OPTIONAL { ?st kg:nestedIn ?nested }
  }
}"""
RDF_ENTITIES = """
SELECT DISTINCT ?e ?label ?qid ?cls WHERE {
  ?e a kg:Actor ; skos:prefLabel ?label . OPTIONAL { ?e kg:wikidata ?qid }
  OPTIONAL { ?e a ?cls FILTER(?cls != kg:Actor && STRSTARTS(STR(?cls), STR(kg:))) }
}"""
NEO_STATEMENTS = """
MATCH (st:Statement)-[:EVIDENCE_IN]->(a:Article)
MATCH (st)-[:SUBJECT]->(s:Entity)
OPTIONAL MATCH (st)-[:OBJECT]->(o:Entity)
OPTIONAL MATCH (st)-[:ATTRIBUTED_TO]->(src:Entity)
OPTIONAL MATCH (st)-[:LOCATION]->(loc:Entity)
OPTIONAL MATCH (st)-[:NESTED_IN]->(parent:Statement)
RETURN st.id AS id, s.iri AS subject, st.predicate AS predicate, o.iri AS object, st.object_text AS text,
       st.modality AS modality, a.id AS article, a.published AS published, a.retrieved AS retrieved,
       st.published AS st_published, src.iri AS attributed_to, loc.iri AS location, parent.id AS nested_in
"""
NEO_RELATIONS = """
MATCH (s:Entity)-[r]->(o:Entity)
RETURN r.statement_id AS id, type(r) AS type, s.iri AS subject, o.iri AS object, r.modality AS modality,
       r.article_id AS article, r.published AS published
"""
NEO_ENTITIES = "MATCH (e:Entity) RETURN e.iri AS iri, e.name AS name, e.wikidata AS wikidata, labels(e) AS labels"


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _sid(iri: str | None) -> str | None:
    return unquote(iri.rsplit("/", 1)[-1]) if iri else None


def _rdf_time(term) -> str | None:
    """An xsd:dateTime literal as Python's ISO form: '…Z' → '+00:00', no zone stays no zone."""
    return datetime.fromisoformat(term.value.replace("Z", "+00:00")).isoformat() if term else None


def _neo_time(value) -> str | None:
    """A Cypher DATETIME (zoned) or LOCAL DATETIME (naive) as Python's ISO form."""
    return value.to_native().isoformat() if value is not None else None


def rdf_view(store) -> dict:
    """Statements and entities as the RDF store holds them (SPARQL)."""
    with OxigraphStore(store, read_only=True) as s:
        statements = {}
        for r in s.query(RDF_STATEMENTS):
            entity_object = r["o"] is not None and r["o"].__class__.__name__ == "NamedNode"
            statements[_sid(r["st"].value)] = {
                "subject": r["s"].value, "predicate": _local(r["p"].value),
                "object": r["o"].value if entity_object else None, "text": r["text"].value,
                "modality": _local(r["m"].value), "article": r["hash"].value,
                "published": _rdf_time(r["issued"]), "retrieved": _rdf_time(r["retrieved"]),
                "attributed_to": r["src"].value if r["src"] else None,
                "location": r["loc"].value if r["loc"] else None, "nested_in": _sid(r["nested"].value if r["nested"] else None)}
        entities: dict[str, dict] = {}
        for r in s.query(RDF_ENTITIES):
            e = entities.setdefault(r["e"].value, {"name": r["label"].value, "wikidata": r["qid"].value if r["qid"] else None,
                                                   "classes": set()})
            if r["cls"]:
                e["classes"].add(_local(r["cls"].value))
    return {"statements": statements, "entities": entities}


def neo_view(neo: Neo4jStore) -> dict:
    """The same view from the Bolt server (Cypher); typed relationships checked against the statements."""
    statements = {}
    for r in neo.run(NEO_STATEMENTS):
        assert r["id"] not in statements, f"statement {r['id']} twice"
        assert _neo_time(r["st_published"]) == _neo_time(r["published"])
        statements[r["id"]] = {k: r[k] for k in ("subject", "predicate", "object", "text", "modality", "article",
                                                 "attributed_to", "location", "nested_in")}
        statements[r["id"]].update(published=_neo_time(r["published"]), retrieved=_neo_time(r["retrieved"]))
    relations = {r["id"]: r for r in neo.run(NEO_RELATIONS)}
    for sid, st in statements.items():  # one typed relationship per statement with an entity object
        if st["object"] is None:
            assert sid not in relations
            continue
        rel = relations.pop(sid)
        assert (rel["type"], rel["subject"], rel["object"], rel["modality"], rel["article"], _neo_time(rel["published"])) \
            == (st["predicate"].upper(), st["subject"], st["object"], st["modality"], st["article"], st["published"])
    assert relations == {}, "typed relationships without a statement"
    entities = {r["iri"]: {"name": r["name"], "wikidata": r["wikidata"], "labels": set(r["labels"]) - {"Entity"}}
                for r in neo.run(NEO_ENTITIES)}
    return {"statements": statements, "entities": entities}


def snapshot(neo: Neo4jStore) -> Counter:
    """Every node and relationship with its labels/type and properties (temporal values typed), as a multiset."""
    def plain(v):
        if hasattr(v, "iso_format"):
            return (type(v).__name__, v.iso_format())
        return tuple(v) if isinstance(v, list) else v

    def key(props: dict) -> tuple:
        return tuple(sorted((k, plain(v)) for k, v in props.items()))

    nodes = [("node", tuple(sorted(r["labels"])), key(r["props"]))
             for r in neo.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")]
    rels = [("rel", r["type"], r["a"], r["b"], key(r["props"])) for r in neo.run(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.iri) AS a, coalesce(b.id, b.iri) AS b, "
        "properties(r) AS props")]
    return Counter(nodes + rels)


@pytest.fixture
def corpus(tmp_path) -> list:
    path = tmp_path / "synthetic.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in SYNTHETIC), encoding="utf-8")
    return [SAMPLE, path]


@pytest.fixture
def neo(neo4j_env):
    with Neo4jStore(migrate=False) as store:
        yield store


def ingest(runner, store, corpus, to: str):
    r = invoke(runner, "ingest", *corpus, "--store", store, "--to", to, "--no-show")
    assert r.exit_code == 0, r.output
    return r


def test_ingest_to_both_stores_gives_the_same_statements(runner, neo, corpus, tmp_path):
    store = tmp_path / "store"
    ingest(runner, store, corpus, "rdf,neo4j")
    rdf, graph = rdf_view(store), neo_view(neo)

    assert graph["statements"] == rdf["statements"]
    assert {k: (v["name"], v["wikidata"]) for k, v in graph["entities"].items()} == \
           {k: (v["name"], v["wikidata"]) for k, v in rdf["entities"].items()}
    for iri, e in rdf["entities"].items():  # an RDF class is the Neo4j label; a minted type the RDF lacks is kept
        assert e["classes"] <= graph["entities"][iri]["labels"] and len(graph["entities"][iri]["labels"]) == 1

    # the corpus really exercises what parity is about
    st = rdf["statements"].values()
    assert len({s["article"] for s in st}) == 4 and len(st) >= 20
    assert {s["modality"] for s in st} >= {"asserted", "reported", "negated", "hypothetical"}
    assert {s["published"] for s in st} >= {"2025-02-12T21:36:00", "2025-03-04T09:30:00+01:00", "2025-03-05T14:00:00+00:00"}
    assert {s["retrieved"] for s in st} >= {"2025-02-13T08:14:49+00:00", "2025-03-04T10:00:00+00:00", None}
    assert any(s["object"] is None for s in st) and any(s["attributed_to"] for s in st)
    assert any(s["predicate"] == "withdraw" and s["object"] is None and s["text"] == "" for s in st)  # one-actor event
    assert any(lab - {"Person", "Organization"} for e, lab in ((k, v["labels"]) for k, v in graph["entities"].items())
               if "/minted/" in e)

    # a second ingest adds nothing to either store
    before = snapshot(neo)
    r = ingest(runner, store, corpus, "rdf,neo4j")
    assert r.stderr.count("already ingested") == 4
    assert snapshot(neo) == before and rdf_view(store) == rdf


def test_sync_from_an_rdf_only_store_equals_the_direct_ingest(runner, neo, corpus, tmp_path, monkeypatch):
    ingest(runner, tmp_path / "both", corpus, "rdf,neo4j")
    direct = snapshot(neo)
    neo.run("MATCH (n) DETACH DELETE n")

    rdf_only = tmp_path / "rdf-only"
    with monkeypatch.context() as m:  # the RDF-only ingest needs no Neo4j at all
        for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
            m.delenv(var)
        ingest(runner, rdf_only, corpus, "rdf")
    assert neo.run("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0

    r = invoke(runner, "sync", "neo4j", "--store", rdf_only, "--batch", "2")
    assert r.exit_code == 0, r.output
    assert "4 article(s) written, 0 already there" in r.stdout
    assert snapshot(neo) == direct  # node for node, property for property
    assert neo_view(neo)["statements"] == rdf_view(rdf_only)["statements"]

    r = invoke(runner, "sync", "neo4j", "--store", rdf_only)
    assert r.exit_code == 0 and "0 article(s) written, 4 already there, 0 statement(s)" in r.stdout
    assert snapshot(neo) == direct


def test_sync_adds_only_what_neo4j_lacks(runner, neo, corpus, tmp_path):
    store = tmp_path / "store"
    ingest(runner, store, corpus[:1], "rdf,neo4j")  # the sample in both stores
    ingest(runner, store, corpus[1:], "rdf")  # the synthetic articles in RDF only
    r = invoke(runner, "sync", "neo4j", "--store", store)
    assert r.exit_code == 0, r.output
    assert "3 article(s) written, 1 already there" in r.stdout
    assert neo_view(neo)["statements"] == rdf_view(store)["statements"]
