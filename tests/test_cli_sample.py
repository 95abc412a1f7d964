"""The vertical slice through the CLI on the sample article, against a real Oxigraph store."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from conftest import SAMPLE, invoke

pytestmark = pytest.mark.slow

WHO_INVITED = """
SELECT ?who ?whom ?issued ?retrieved ?source ?exact ?start ?end ?modality WHERE {
  ?st rdf:subject ?s ; rdf:predicate kg:invite ; rdf:object ?o ; kg:modality ?modality ;
      dcterms:issued ?issued ; kg:retrieved ?retrieved ; prov:wasAttributedTo ?src ; kg:evidence ?ev .
  ?ev oa:exact ?exact ; oa:start ?start ; oa:end ?end .
  ?s skos:prefLabel ?who . ?o skos:prefLabel ?whom . ?src skos:prefLabel ?source .
}"""


def query_json(runner, store, sparql, *params):
    r = invoke(runner, "query", sparql, "--store", store, "--format", "json", *params)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def quad_count(store) -> int:
    s = ox.Store.read_only(str(store))
    return len(s)


def test_who_invited_whom_with_provenance(runner, sample_store):
    rows = query_json(runner, sample_store, WHO_INVITED)
    assert len(rows) == 1
    row = rows[0]
    assert (row["who"], row["whom"], row["source"]) == ("Vladimir Putin", "Donald Trump", "TASS")
    assert row["issued"] == "2025-02-12T21:36:00"
    assert row["retrieved"] == "2025-02-13T08:14:49Z"
    assert row["modality"].endswith("#reported")
    text = SAMPLE.read_text(encoding="utf-8").split("\n")
    body = "\n".join(text[1:7])
    assert body[int(row["start"]):int(row["end"])] == row["exact"]
    assert "Poutine a invité Trump à Moscou" in row["exact"]


def test_location_and_parameter_binding(runner, sample_store):
    q = "SELECT ?place WHERE { ?st rdf:predicate ?rel ; kg:location ?l . ?l skos:prefLabel ?place }"
    rows = query_json(runner, sample_store, q, "--param", "rel=<http://kg.example.org/ontology#invite>")
    assert [r["place"] for r in rows] == ["Moscow"]
    # a parameter value is bound as a term, never pasted: quotes in it cannot break the query
    rows = query_json(runner, sample_store, "SELECT ?x WHERE { ?x skos:prefLabel ?name }", "--param", 'name=x" } ; DROP ALL ; {')
    assert rows == []


def test_boilerplate_never_reaches_the_graph(runner, sample_store):
    rows = query_json(runner, sample_store, "SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }")
    literals = " ".join(r["o"] for r in rows)
    for phrase in ("Taz peut lire chacun", "Soutien maintenant", "coopérative", "#Parle"):
        assert phrase not in literals


def test_required_statements_are_in_the_store(runner, sample_store):
    r = invoke(runner, "statements", "--store", sample_store, "--format", "jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    triples = {(x["subject"], x["predicate"], x["object"]) for x in rows}
    assert ("Donald Trump", "inform", "Volodymyr Zelenskyy") in triples
    hegseth = [x for x in rows if x["subject"] == "Pete Hegseth" and x["predicate"] == "say"]
    assert any("OTAN" in x["object"] and "réaliste" in x["object"] for x in hegseth)
    r = invoke(runner, "statements", "--store", sample_store, "--actor", "Poutine", "--format", "jsonl")
    assert r.exit_code == 0
    assert all("Vladimir Putin" in (json.loads(x)["subject"], json.loads(x)["object"]) for x in r.stdout.splitlines())


def test_ingesting_twice_changes_nothing(runner, sample_store):
    before = quad_count(sample_store)
    r = invoke(runner, "ingest", SAMPLE, "--store", sample_store)
    assert r.exit_code == 0
    assert "already ingested" in r.stderr
    assert quad_count(sample_store) == before


def test_export_trig_round_trip(runner, sample_store, tmp_path):
    out = tmp_path / "snap.trig"
    r = invoke(runner, "export", "--format", "trig", "-o", out, "--store", sample_store, "--manifest", tmp_path / "m.json")
    assert r.exit_code == 0, r.output
    from kg.stores.oxigraph import OxigraphStore

    fresh = OxigraphStore(tmp_path / "fresh")  # a new kg store (it holds the ontology graph from the start)
    fresh.load_file(out, ox.RdfFormat.TRIG)
    original = ox.Store.read_only(str(sample_store))
    assert set(fresh.store) == set(original)
    manifest = json.loads((tmp_path / "m.json").read_text())
    assert manifest["counts"]["articles"] == 1 and len(manifest["sha256"]) == 64


@pytest.mark.parametrize("fmt", ["trig", "nq", "ttl", "jsonld"])
def test_export_is_byte_identical_and_as_of_filters(runner, sample_store, tmp_path, fmt):
    a, b = tmp_path / "a", tmp_path / "b"
    invoke(runner, "export", "--format", fmt, "-o", a, "--store", sample_store)
    invoke(runner, "export", "--format", fmt, "-o", b, "--store", sample_store)
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1000
    early = tmp_path / "early"
    invoke(runner, "export", "--format", fmt, "-o", early, "--store", sample_store, "--as-of", "2025-02-11")
    assert early.stat().st_size < 200


def test_stats_and_validate(runner, sample_store):
    r = invoke(runner, "stats", "--store", sample_store)
    assert r.exit_code == 0 and "statements" in r.stdout
    r = invoke(runner, "validate", "--store", sample_store)
    assert r.exit_code == 0, r.output
    assert "1 of 1 graph(s) conform" in r.stdout


def test_one_actor_event_is_stored_and_valid(runner, tmp_path):
    """A resignation has no second actor: the JSON Lines object is kind "none", the store has the
    statement without rdf:object and SHACL accepts it."""
    text = tmp_path / "resign.txt"
    text.write_text("Minister resigns\n\nFinance Minister Maria Kowalska resigned on Friday after the vote.\n",
                    encoding="utf-8")
    opts = ("--lang", "en", "--published", "2025-03-07T10:00:00")
    r = invoke(runner, "extract", text, *opts, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {(x["subject"]["label"], x["predicate"], x["object"]["kind"], x["object"]["text"]) for x in rows} \
        >= {("Maria Kowalska", "withdraw", "none", None)}
    store = tmp_path / "store"
    assert invoke(runner, "ingest", text, *opts, "--store", store, "--no-show").exit_code == 0
    r = invoke(runner, "validate", "--store", store)
    assert r.exit_code == 0 and "1 of 1 graph(s) conform" in r.stdout, r.output
    r = invoke(runner, "statements", "--store", store, "--format", "jsonl")
    assert r.exit_code == 0, r.output
    assert any(x["predicate"] == "withdraw" and x["object"] is None for x in map(json.loads, r.stdout.splitlines()))
    r = invoke(runner, "query", "actor_statements", "-p",
               "actor=http://kg.example.org/entity/minted/person/maria-kowalska", "--store", store, "--format", "json")
    assert r.exit_code == 0, r.output
    assert [row["predicate"] for row in json.loads(r.stdout)] == ["withdraw"]


def test_extract_jsonl_contract(runner):
    r = invoke(runner, "extract", SAMPLE, "--format", "jsonl")
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows
    for row in rows:
        assert set(row) == {"document", "published", "subject", "predicate", "object", "modality", "attributed_to",
                            "event_type", "evidence", "confidence"}
        assert set(row["subject"]) == {"label", "text", "wikidata", "iri"}
        assert set(row["object"]) == {"label", "text", "kind", "wikidata", "iri"}
        assert row["object"]["kind"] in ("entity", "proposition")
        assert set(row["evidence"]) == {"text", "start", "end"}
    invite = [r for r in rows if r["predicate"] == "invite"][0]
    assert invite["subject"]["wikidata"] == "Q7747" and invite["object"]["wikidata"] == "Q22686"
    assert invite["attributed_to"] == "TASS" and invite["modality"] == "reported"
