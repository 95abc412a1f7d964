"""Issue 6's done criterion through the CLI, against the real Bolt server: Cypher queries (ad hoc and
saved), read-only by default, exports that load into the server, migrations, configuration errors."""
from __future__ import annotations

import csv
import json

import pytest

from conftest import SAMPLE, invoke
from kg.cli_neo4j import split_statements
from kg.stores.neo4j import Neo4jStore
from test_parity import snapshot

pytestmark = pytest.mark.slow

DONE = """
MATCH (a:Entity {name:'Vladimir Putin'})-[r:INVITE]->(b)
MATCH (st:Statement {id: r.statement_id})-[:EVIDENCE_IN]->(art:Article)
MATCH (st)-[:ATTRIBUTED_TO]->(src:Entity)
RETURN b.name AS whom, r.published_iso AS published, r.published AS published_value,
       toString(art.retrieved) AS retrieved, art.retrieved AS retrieved_value, r.modality AS modality,
       src.name AS source, st.evidence_text AS evidence
"""
COUNTS = "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels"


@pytest.fixture
def neo(neo4j_env):
    with Neo4jStore(migrate=False) as store:
        yield store


@pytest.fixture
def ingested(runner, neo, tmp_path):
    """The sample ingested with `--to rdf,neo4j`; the RDF store's path."""
    store = tmp_path / "store"
    r = invoke(runner, "ingest", SAMPLE, "--store", store, "--to", "rdf,neo4j", "--no-show")
    assert r.exit_code == 0, r.output
    return store


def cypher_json(runner, *args) -> list[dict]:
    r = invoke(runner, "query", *args, "--cypher", "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_done_criterion_putin_invited_trump(runner, ingested):
    rows = cypher_json(runner, DONE)
    assert len(rows) == 1
    row = rows[0]
    assert (row["whom"], row["modality"], row["source"]) == ("Donald Trump", "reported", "TASS")
    assert row["published"] == "2025-02-12T21:36:00"  # as published: no zone given, none invented
    assert row["published_value"] == "2025-02-12T21:36:00"  # a LOCAL DATETIME
    assert row["retrieved"] == "2025-02-13T08:14:49Z"  # a zoned DATETIME, Cypher's own rendering
    assert row["retrieved_value"] == "2025-02-13T08:14:49+00:00"
    assert any("Poutine a invité Trump à Moscou" in e for e in row["evidence"])


def test_parameters_are_bound_not_pasted(runner, ingested):
    q = "MATCH (a:Entity {name: $who})-[r:INVITE]->(b) RETURN b.name AS whom"
    assert cypher_json(runner, q, "--param", "who=Vladimir Putin") == [{"whom": "Donald Trump"}]
    assert cypher_json(runner, q, "--param", "who=x'}) DETACH DELETE b //") == []
    r = invoke(runner, "query", q, "--cypher")
    assert r.exit_code == 5 and "unbound parameter(s): $who" in r.stderr


def test_saved_cypher_queries_by_name(runner, ingested):
    rows = cypher_json(runner, "who_invited_whom")
    assert [(r["inviter"], r["invitee"], r["modality"], r["published"]) for r in rows] == \
           [("Vladimir Putin", "Donald Trump", "reported", "2025-02-12T21:36:00")]
    rows = cypher_json(runner, "actor_statements", "--param", "actor=Poutine")  # an alias finds the actor
    assert rows and {r["actor"] for r in rows} == {"Vladimir Putin"}
    assert ("invite", "Donald Trump") in {(r["predicate"], r["object"]) for r in rows}
    rows = cypher_json(runner, "claims_by_speaker", "--param", "speaker=Pete Hegseth")
    claims = [r for r in rows if "OTAN" in r["claim"]]
    assert claims and claims[0]["source"] == str(SAMPLE)
    ev = claims[0]
    assert len(ev["evidence"]) == len(ev["evidence_start"]) == len(ev["evidence_end"])
    r = invoke(runner, "query", "actor_statements", "--cypher")
    assert r.exit_code == 5 and "needs --param actor" in r.stderr
    r = invoke(runner, "query", "no_such_query", "--cypher")
    assert r.exit_code == 5 and "no saved Cypher query named" in r.stderr


def test_writes_are_refused_without_write(runner, neo):
    for q in ("CREATE (n:Probe {x: 1}) RETURN n.x AS x", "MATCH (n) DETACH DELETE n",
              "MATCH (n:Entity) SET n.name = 'x'", "merge (n:Probe {x: 1})"):
        r = invoke(runner, "query", q, "--cypher")
        assert r.exit_code == 5, q
        assert "read-only by default (pass --write to allow)" in r.stderr
    assert neo.run("MATCH (n:Probe) RETURN count(n) AS n")[0]["n"] == 0
    # write words inside strings, comments and property names are not clauses
    rows = cypher_json(runner, "RETURN 'CREATE (x)' AS s // DELETE everything")
    assert rows == [{"s": "CREATE (x)"}]
    r = invoke(runner, "query", "CREATE (n:Probe {x: 1}) RETURN n.x AS x", "--cypher", "--write", "--format", "json")
    assert r.exit_code == 0, r.output
    assert neo.run("MATCH (n:Probe) RETURN count(n) AS n")[0]["n"] == 1


def test_cypher_export_loads_into_the_server_like_the_direct_write(runner, ingested, neo, tmp_path):
    direct = snapshot(neo)
    direct_counts = neo.run(COUNTS)[0]
    out = tmp_path / "x.cypher"
    r = invoke(runner, "export", "--format", "cypher", "-o", out, "--store", ingested, "--manifest", tmp_path / "m.json")
    assert r.exit_code == 0, r.output
    neo.run("MATCH (n) DETACH DELETE n")
    statements = split_statements(out.read_text(encoding="utf-8"))
    assert "CREATE CONSTRAINT" in statements[0]
    for stmt in statements:  # what `cypher-shell -f x.cypher` does: one statement at a time
        neo.run(stmt)
    assert neo.run(COUNTS)[0] == direct_counts
    assert snapshot(neo) == direct
    for stmt in statements:  # idempotent: loading it again changes nothing
        neo.run(stmt)
    assert snapshot(neo) == direct
    manifest = json.loads((tmp_path / "m.json").read_text())
    assert manifest["counts"]["articles"] == 1
    assert manifest["counts"]["statements"] == neo.run("MATCH (s:Statement) RETURN count(s) AS n")[0]["n"]
    # same store, same bytes
    again = tmp_path / "y.cypher"
    invoke(runner, "export", "--format", "cypher", "-o", again, "--store", ingested)
    assert again.read_bytes() == out.read_bytes()


def test_neo4j_csv_export_follows_neo4j_admin_headers(runner, sample_store, tmp_path):
    out = tmp_path / "csv"
    r = invoke(runner, "export", "--format", "neo4j-csv", "-o", out, "--store", sample_store)
    assert r.exit_code == 0, r.output

    def read(name):
        with open(out / name, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        return rows[0], rows[1:]

    header, entities = read("nodes_entity.csv")
    assert header[:2] == ["iri:ID(Entity)", ":LABEL"] and "aliases:string[]" in header and "minted:boolean" in header
    assert all(row[1].startswith("Entity;") for row in entities)
    header, articles = read("nodes_article.csv")
    assert header[:2] == ["id:ID(Article)", ":LABEL"] and len(articles) == 1
    assert "published:localdatetime" in header and "retrieved:datetime" in header  # naive vs zoned, as published
    assert articles[0][header.index("retrieved:datetime")] == "2025-02-13T08:14:49+00:00"
    header, statements = read("nodes_statement.csv")
    assert {"confidence:float", "evidence_start:long[]", "evidence_end:long[]", "evidence_text:string[]"} <= set(header)
    header, rels = read("rels_relation.csv")
    assert header[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"] and "INVITE" in {r[2] for r in rels}
    header, roles = read("rels_roles.csv")
    assert header == [":START_ID(Statement)", ":END_ID(Entity)", ":TYPE"]
    assert sum(1 for r in roles if r[2] == "SUBJECT") == len(statements)
    header, evidence = read("rels_evidence.csv")
    assert header == [":START_ID(Statement)", ":END_ID(Article)", ":TYPE"] and len(evidence) == len(statements)
    script = " ".join((out / "import.sh").read_text().replace("\\\n", " ").split())
    assert "neo4j-admin database import full" in script and "--nodes=nodes_entity.csv" in script
    r = invoke(runner, "export", "--format", "neo4j-csv", "--store", sample_store)
    assert r.exit_code == 2 and "give a directory with -o DIR" in r.stderr


def test_neo4j_init_is_idempotent_and_constraints_hold(runner, neo):
    for _ in range(2):
        r = invoke(runner, "neo4j", "init")
        assert r.exit_code == 0, r.output
        assert "CREATE CONSTRAINT article_id IF NOT EXISTS" in r.stdout
    r = invoke(runner, "query", "CREATE (:Article {id: 'dup'}) CREATE (:Article {id: 'dup'})", "--cypher", "--write")
    assert r.exit_code == 5 and "Cypher failed" in r.stderr
    assert neo.run("MATCH (a:Article {id: 'dup'}) RETURN count(a) AS n")[0]["n"] == 0  # rolled back


@pytest.mark.parametrize("args", [
    ("query", "RETURN 1 AS x", "--cypher"),
    ("neo4j", "init"),
    ("ingest", SAMPLE, "--to", "rdf,neo4j", "--no-show"),
    ("sync", "neo4j"),
])
def test_missing_configuration_names_the_variable(runner, bolt_server, monkeypatch, tmp_path, args, sample_store):
    for k, v in bolt_server.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("NEO4J_PASSWORD")
    extra = ("--store", sample_store) if args[0] in ("ingest", "sync") else ()
    r = invoke(runner, *args, *extra)
    assert r.exit_code == 3, r.output
    assert "NEO4J_PASSWORD" in r.stderr and "Traceback" not in r.output
    assert "kg graphdb start" in r.stderr


def test_the_password_is_never_printed(runner, ingested, bolt_server):
    password = bolt_server["NEO4J_PASSWORD"]
    outputs = [invoke(runner, "query", "RETURN 1 AS x", "--cypher"),
               invoke(runner, "neo4j", "init"),
               invoke(runner, "sync", "neo4j", "--store", ingested),
               invoke(runner, "query", "RETURN nonsense(", "--cypher")]
    assert outputs[-1].exit_code == 5
    for r in outputs:
        assert password not in r.output and password not in r.stderr


@pytest.mark.parametrize("var, value, code, message", [
    ("NEO4J_PASSWORD", "wrong-password", 3, "check NEO4J_USER and NEO4J_PASSWORD"),
    ("NEO4J_DATABASE", "no_such_db", 3, "has no database 'no_such_db': check NEO4J_DATABASE"),
])
def test_wrong_configuration_is_one_message(runner, bolt_server, monkeypatch, var, value, code, message):
    for k, v in bolt_server.items():
        monkeypatch.setenv(k, v)
    monkeypatch.setenv(var, value)
    for args in (("query", "RETURN 1 AS x", "--cypher"), ("neo4j", "init")):
        r = invoke(runner, *args)
        assert r.exit_code == code, r.output
        assert message in r.stderr and "Traceback" not in r.output


def test_unreachable_server_is_one_message(runner, monkeypatch):
    from kg.graphdb import free_port

    for k, v in {"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p",
                 "NEO4J_DATABASE": "kg"}.items():
        monkeypatch.setenv(k, v)
    r = invoke(runner, "query", "RETURN 1 AS x", "--cypher")
    assert r.exit_code == 4 and "Neo4j unavailable" in r.stderr
