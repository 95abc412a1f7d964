"""Neo4jStore against a real Bolt server (ArcadeDB's, or the one CI configured): no mocks."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from kg.errors import ConfigError, DataError, QueryError
from kg.neo4j_rows import build_batch, relationship_type
from kg.stores.neo4j import Neo4jConfig, Neo4jStore

pytestmark = pytest.mark.slow

COUNTS = """
MATCH (n) WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels
"""


@pytest.fixture
def store(neo4j_env):
    s = Neo4jStore(batch_size=2)  # small batches: exercises chunking of rows and articles
    yield s
    s.close()


def counts(store: Neo4jStore) -> tuple[int, int]:
    row = store.run(COUNTS)[0]
    return row["nodes"], row["rels"]


def test_config_names_the_missing_variable(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_USER", "u")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret-value")
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    with pytest.raises(ConfigError, match="NEO4J_DATABASE"):
        Neo4jConfig.from_env()
    cfg = Neo4jConfig("bolt://x", "u", "secret-value", "kg")
    assert "secret-value" not in repr(cfg)


def test_unreachable_server_is_a_store_error(neo4j_graphs):
    from kg.graphdb import free_port
    from kg.stores.neo4j import Neo4jUnavailable

    cfg = Neo4jConfig(f"bolt://127.0.0.1:{free_port()}", "u", "p", "kg")
    store = Neo4jStore(cfg, migrate=False, retries=1, backoff=0.01)
    try:
        with pytest.raises(Neo4jUnavailable, match="after 1 retries"):
            store.write(neo4j_graphs)
    finally:
        store.close()


def test_relation_names_are_validated():
    assert relationship_type("invite") == "INVITE"
    for bad in ("INVITE", "x]->(y) DETACH DELETE y //", "", "say2"):
        with pytest.raises(DataError):
            relationship_type(bad)


def test_write_and_query(store, neo4j_graphs):
    report = store.write(neo4j_graphs)
    assert report.errors == []
    assert (report.articles_new, report.articles_skipped, report.statements) == (2, 0, 5)

    rows = store.run("""
        MATCH (a {name: 'Vladimir Putin'})-[r:INVITE]->(b)
        MATCH (s:Statement {id: r.statement_id})-[:EVIDENCE_IN]->(art:Article)
        RETURN b.name AS name, r.published AS published, art.retrieved AS retrieved,
               art.published_iso AS published_iso, art.retrieved_iso AS retrieved_iso,
               r.modality AS modality, r.article_id AS article_id
    """)
    assert len(rows) == 1
    row = rows[0]
    assert row["name"] == "Donald Trump"
    assert row["published_iso"] == "2025-02-12T21:36:00"
    assert row["retrieved_iso"] == "2025-02-13T08:14:49+00:00"
    # naive publication time stays a LOCAL DATETIME; the retrieval time keeps its zone
    assert row["published"].to_native() == datetime(2025, 2, 12, 21, 36, 0)
    assert row["published"].tzinfo is None
    assert row["retrieved"].to_native() == datetime(2025, 2, 13, 8, 14, 49, tzinfo=timezone.utc)
    assert row["retrieved"].utcoffset().total_seconds() == 0
    assert (row["modality"], row["article_id"]) == ("asserted", "art-one")

    # labels, properties and the entity shared by both articles (one node)
    ent = store.run("MATCH (e:Entity:Person {name: 'Vladimir Putin'}) "
                    "RETURN e.wikidata AS q, e.aliases AS aliases, e.iri AS iri")
    assert len(ent) == 1 and ent[0]["q"] == "Q7747" and "Poutine" in ent[0]["aliases"]
    arts = store.run("MATCH (:Entity {name: 'Vladimir Putin'})<-[:SUBJECT]-(s:Statement)-[:EVIDENCE_IN]->(a:Article) "
                     "RETURN DISTINCT a.id AS id ORDER BY id")
    assert [r["id"] for r in arts] == ["art-one", "art-two"]
    assert store.run("MATCH (c:Country) RETURN c.name AS n")[0]["n"] == "Russia"

    # claims: proposition objects are reachable through the statement node, with provenance
    claims = store.run("""
        MATCH (s:Statement {predicate: 'say', object_kind: 'proposition'})-[:SUBJECT]->(sp:Entity)
        MATCH (s)-[:EVIDENCE_IN]->(a:Article)
        RETURN sp.name AS speaker, s.object_text AS claim, s.evidence_start AS starts, a.id AS art
        ORDER BY speaker
    """)
    assert [(c["speaker"], c["art"]) for c in claims] == [("Dmitry Peskov", "art-two"), ("Vladimir Putin", "art-one")]
    assert claims[1]["claim"] == "la Russie est prête à négocier ; sans conditions"
    assert claims[0]["claim"] == "We're ready \\ willing."
    nested = store.run("MATCH (n:Statement)-[:NESTED_IN]->(p:Statement) RETURN n.predicate AS n, p.predicate AS p")
    assert nested == [{"n": "negotiate", "p": "say"}]
    # no typed entity relationship for proposition objects
    assert store.run("MATCH ()-[r:SAY]->() RETURN count(r) AS c")[0]["c"] == 0

    # attribution and location of a reported statement
    rep = store.run("""
        MATCH (s:Statement {predicate: 'meet'})-[:ATTRIBUTED_TO]->(src), (s)-[:LOCATION]->(loc)
        RETURN s.modality AS m, src.name AS src, loc.name AS loc, s.published AS p
    """)
    assert rep == [{"m": "reported", "src": "TASS", "loc": "Russia", "p": rep[0]["p"]}]
    assert rep[0]["p"].to_native() == datetime(2025, 2, 14, 9, 0, tzinfo=timezone.utc)
    # published_local orders naive and zoned publication times together
    order = store.run("MATCH (a:Article) RETURN a.id AS id ORDER BY a.published_local")
    assert [r["id"] for r in order] == ["art-one", "art-two"]


def test_write_is_idempotent(store, neo4j_graphs):
    store.write(neo4j_graphs)
    first = counts(store)
    assert store.has_article("art-one") and not store.has_article("nope")
    again = store.write(neo4j_graphs + neo4j_graphs[:1])
    assert (again.articles_new, again.articles_skipped, again.statements) == (0, 3, 0)
    assert counts(store) == first
    # rows MERGEd again directly (bypassing the has_article skip) still change nothing
    store.write_rows(build_batch(neo4j_graphs))
    assert counts(store) == first
    # nodes: 5 entities + 2 articles + 5 statements; relationships: 5 EVIDENCE_IN + 5 SUBJECT +
    # 2 OBJECT + 1 ATTRIBUTED_TO + 1 LOCATION + INVITE + MEET + 1 NESTED_IN
    assert first == (12, 17)


def test_failed_batch_leaves_nothing(store, neo4j_graphs):
    good, bad = neo4j_graphs
    rows = build_batch([bad])
    rows.relations["MEET"][0]["published_dt"] = "not-a-date"  # the server fails on the last steps
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="rolled back"):
        store.write_rows(rows)
    assert counts(store) == (0, 0)

    # through write(): the bad article is reported, the good one in the same group still lands
    broken = replace(bad, statements=bad.statements[:1] + (replace(bad.statements[1], predicate="Bad-Rel"),))
    report = store.write([good, broken])
    assert report.articles_new == 1 and len(report.errors) == 1 and "art-two" in report.errors[0]
    assert store.has_article("art-one") and not store.has_article("art-two")
    assert store.run("MATCH (s:Statement {article_id: 'art-two'}) RETURN count(s) AS c")[0]["c"] == 0


def test_run_cypher_is_read_only_by_default(store, neo4j_graphs):
    from kg.cli_neo4j import run_cypher

    store.write(neo4j_graphs)
    rows = run_cypher("MATCH (a:Entity {name: $name})-[r:INVITE]->(b) RETURN b.name AS b, r.published AS p",
                      {"name": "Vladimir Putin"}, write=False)
    assert rows == [{"b": "Donald Trump", "p": "2025-02-12T21:36:00"}]
    # a string mentioning CREATE is fine; a CREATE clause is not
    assert run_cypher("RETURN 'CREATE (x) // not a clause' AS s", {}, write=False)[0]["s"].startswith("CREATE")
    for q in ("CREATE (x:Hack) RETURN x", "MATCH (n) DETACH DELETE n", "MATCH (n) SET n.x = 1",
              "match (n:Entity) merge (n)-[:X]->(n)", "LOAD CSV FROM 'file:///x' AS l RETURN l",
              "MATCH (n) /* c */ REMOVE n.name", "DROP CONSTRAINT entity_iri",
              "CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1"):
        with pytest.raises(QueryError, match="read-only"):
            run_cypher(q, {}, write=False)
    with pytest.raises(QueryError, match=r"\$who"):
        run_cypher("MATCH (n {name: $who}) RETURN n", {}, write=False)
    assert store.run("MATCH (x:Hack) RETURN count(x) AS c")[0]["c"] == 0
    run_cypher("CREATE (x:Hack) RETURN 1 AS one", {}, write=True)
    assert store.run("MATCH (x:Hack) RETURN count(x) AS c")[0]["c"] == 1


def test_saved_queries_run(store, neo4j_graphs):
    from kg.cli_neo4j import run_cypher
    from kg.config import QUERIES_DIR

    store.write(neo4j_graphs)
    q = (QUERIES_DIR / "who_invited_whom.cypher").read_text()
    assert run_cypher(q, {}, write=False)[0]["inviter"] == "Vladimir Putin"
    q = (QUERIES_DIR / "actor_statements.cypher").read_text()
    rows = run_cypher(q, {"actor": "Vladimir Putin"}, write=False)
    assert {r["predicate"] for r in rows} == {"invite", "say", "meet"}
    q = (QUERIES_DIR / "claims_by_speaker.cypher").read_text()
    rows = run_cypher(q, {"speaker": "Dmitry Peskov"}, write=False)
    assert rows[0]["claim"] == "We're ready \\ willing." and rows[0]["article_id"] == "art-two"


def test_init_is_idempotent(store):
    store.init()
    store.init()
    names = {r["name"] for r in store.run("SHOW CONSTRAINTS")}
    assert {"entity_iri", "article_id", "statement_id"} <= names


def test_graphdb_cli_start_status_stop(tmp_path, monkeypatch):
    """`kg graphdb start|status|env|stop` on free ports; the password file is private and never printed."""
    from typer.testing import CliRunner

    from kg.cli_neo4j import graphdb_app, neo4j_app

    runner = CliRunner()
    home = tmp_path / "graphdb"
    try:
        res = runner.invoke(graphdb_app, ["start", "--home", str(home), "--bolt-port", "0", "--http-port", "0"])
        assert res.exit_code == 0, res.output
        password = (home / "password").read_text().strip()
        assert len(password) >= 8 and (home / "password").stat().st_mode & 0o777 == 0o600
        status = runner.invoke(graphdb_app, ["status", "--home", str(home)])
        assert status.exit_code == 0 and "bolt://127.0.0.1:" in status.output
        env = runner.invoke(graphdb_app, ["env", "--home", str(home)])
        for out in (res.output, status.output, env.output):
            assert password not in out
        uri = next(w.split("=", 1)[1] for w in env.output.split() if w.startswith("NEO4J_URI="))
        monkeypatch.setenv("NEO4J_URI", uri)
        monkeypatch.setenv("NEO4J_USER", "root")
        monkeypatch.setenv("NEO4J_PASSWORD", password)
        monkeypatch.setenv("NEO4J_DATABASE", "kg")
        init = runner.invoke(neo4j_app, ["init"])
        assert init.exit_code == 0 and "CREATE CONSTRAINT statement_id" in init.output
    finally:
        stop = runner.invoke(graphdb_app, ["stop", "--home", str(home)])
    assert "stopped" in stop.output
    assert runner.invoke(graphdb_app, ["status", "--home", str(home)]).exit_code == 1
