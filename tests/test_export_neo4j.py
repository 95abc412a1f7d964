"""Neo4j exports: the Cypher script loads into a real Bolt server and equals the Bolt writer's graph;
the CSV files follow neo4j-admin's header conventions."""
from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli_neo4j import split_statements
from kg.export_neo4j import cypher_literal, export_neo4j, write_cypher, write_neo4j_csv
from kg.stores.neo4j import Neo4jStore

SNAPSHOT = """
MATCH (s:Statement)-[:EVIDENCE_IN]->(a:Article)
OPTIONAL MATCH (s)-[:SUBJECT]->(sub:Entity)
RETURN s.id AS id, s.modality AS modality, s.object_text AS text, s.evidence_text AS ev,
       s.evidence_start AS starts, toString(s.published) AS published, a.id AS article, sub.iri AS subject
ORDER BY id
"""
COUNTS = "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels"
LABELS = "MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c ORDER BY l"
TYPES = "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c ORDER BY t"


def _load_script(store: Neo4jStore, script: str) -> int:
    statements = split_statements(script)
    for stmt in statements:
        store.run(stmt)
    return len(statements)


@pytest.mark.slow
def test_cypher_export_round_trip(neo4j_env, neo4j_graphs):
    with Neo4jStore() as store:
        store.write(neo4j_graphs)
        expected = [store.run(q) for q in (COUNTS, LABELS, TYPES, SNAPSHOT)]
        store.run("MATCH (n) DETACH DELETE n")
        assert store.run(COUNTS)[0]["nodes"] == 0

        buf = io.StringIO()
        n = write_cypher(neo4j_graphs, buf, batch_size=2)
        script = buf.getvalue()
        assert "$rows" not in script and ":param" not in script
        assert _load_script(store, script) == n
        assert [store.run(q) for q in (COUNTS, LABELS, TYPES, SNAPSHOT)] == expected
        _load_script(store, script)  # idempotent: loading twice changes nothing
        assert store.run(COUNTS) == expected[0]


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=40) | st.lists(st.text(max_size=8), max_size=3)
       | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-2**63, 2**63 - 1) | st.none())
def test_literals_are_safe(neo4j_env, value):
    """Whatever the text (quotes, backslashes, newlines, `;`, `//`), the literal reads back equal."""
    with Neo4jStore(migrate=False) as store:
        stmts = split_statements(f"RETURN {cypher_literal(value)} AS v;")
        assert len(stmts) == 1
        assert store.run(stmts[0]) == [{"v": value}]


def test_export_is_deterministic(neo4j_graphs, tmp_path):
    a, b = tmp_path / "a.cypher", tmp_path / "b.cypher"
    export_neo4j(neo4j_graphs, "cypher", a)
    export_neo4j(neo4j_graphs, "cypher", b)
    assert a.read_bytes() == b.read_bytes()
    assert "CREATE CONSTRAINT entity_iri IF NOT EXISTS" in a.read_text()


def _read(path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_neo4j_csv_headers(neo4j_graphs, tmp_path):
    script = write_neo4j_csv(neo4j_graphs, tmp_path)
    files = sorted(p.name for p in tmp_path.glob("*.csv"))
    text = script.read_text()
    for name in files:
        assert f"={name}" in text
    assert "neo4j-admin database import full" in text.replace(" \\\n  ", " ")

    header, rows = _read(tmp_path / "nodes_entity.csv")
    assert header[:2] == ["iri:ID(Entity)", ":LABEL"] and "aliases:string[]" in header
    assert {r[1] for r in rows} == {"Entity;Person", "Entity;Country", "Entity;MediaOutlet"}

    # the naive publication time is a localdatetime column, the zoned one a datetime column
    art_files = sorted(tmp_path.glob("nodes_article*.csv"))
    headers = [_read(p)[0] for p in art_files]
    assert any("published:localdatetime" in h for h in headers)
    assert any("published:datetime" in h for h in headers)
    assert all("retrieved:datetime" in h and "published_local:localdatetime" in h for h in headers)

    stmt_rows = [r for p in tmp_path.glob("nodes_statement*.csv") for r in _read(p)[1]]
    assert len(stmt_rows) == 5
    h, _ = _read(next(tmp_path.glob("nodes_statement*.csv")))
    assert {"confidence:float", "evidence_start:long[]", "evidence_text:string[]", "id:ID(Statement)"} <= set(h)
    # the array delimiter never occurs inside an exported text (one claim contains ';')
    delim = text.split("--array-delimiter=")[1].split()[0].strip("'")
    ev = [r[h.index("evidence_text:string[]")] for r in stmt_rows]
    assert all(len(e.split(delim)) == 1 for e in ev) and any(";" in e for e in ev)

    rels = []
    for p in sorted(tmp_path.glob("rels_relation*.csv")):
        rel_header, rows = _read(p)
        assert rel_header[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
        assert "confidence:float" in rel_header
        rels += rows
    assert sorted(r[2] for r in rels) == ["INVITE", "MEET"]


def test_unknown_format_is_refused(neo4j_graphs, tmp_path):
    from kg.errors import KGError

    with pytest.raises(KGError, match="format"):
        export_neo4j(neo4j_graphs, "graphml", tmp_path / "x")
