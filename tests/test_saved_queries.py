"""Every saved SPARQL query, run on the hand-made fixture store, with its expected rows."""
from __future__ import annotations

import json

import pytest

from conftest import invoke
from fixture_graph import CLAIM_A1, CLAIM_A2, build_store
from kg.errors import DataError, QueryError
from kg.ids import article_iri
from kg.saved import parse_saved, run_query, saved_queries

A = {k: article_iri(f"fx-{k}") for k in ("a1", "a2", "a3", "a4")}
PUTIN, TRUMP = "http://www.wikidata.org/entity/Q7747", "http://www.wikidata.org/entity/Q22686"
ZELENSKY, MACRON = "http://www.wikidata.org/entity/Q3881", "http://www.wikidata.org/entity/Q3052772"
TESTED: set[str] = set()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("fixture") / "store")


def run(store, name: str, *params: str) -> list[dict]:
    TESTED.add(name)
    columns, rows = run_query(name, None, list(params), store=store)
    return [dict(zip(columns, r)) for r in rows]


def test_actor_statements_in_date_range(store):
    rows = run(store, "actor_statements", "actor=Poutine")  # a French alias resolves to Putin
    assert [(r["predicate"], r["object"], r["modality"]) for r in rows] == [
        ("invite", "Donald Trump", "denied"), ("invite", "Donald Trump", "asserted"), ("say", CLAIM_A1, "asserted")]
    rows = run(store, "actor_statements", "actor=Putin", "from=2025-02-11", "to=2025-02-20")
    assert [(r["modality"], r["article"]) for r in rows] == [("denied", A["a3"])]
    assert run(store, "actor_statements", "actor=Putin", "to=2025-02-09") == []


def test_claims_by_speaker(store):
    rows = run(store, "claims_by_speaker", "speaker=Hegseth")
    assert [(r["claim"], r["modality"], r["article"]) for r in rows] == [(CLAIM_A2, "asserted", A["a2"])]
    assert rows[0]["evidence"] == "Hegseth said NATO membership for Ukraine is not realistic."
    assert (rows[0]["evidence_start"], rows[0]["evidence_end"]) == ("70", "128")  # after the title and the first paragraph


def test_said_about(store):
    rows = run(store, "said_about", "speaker=Putin", "about=Trump")
    assert [(r["claim"], r["modality"], r["article"]) for r in rows] == [(CLAIM_A1, "asserted", A["a1"])]
    assert run(store, "said_about", "speaker=Putin", "about=Zelensky") == []


def test_who_invited_whom(store):
    rows = run(store, "who_invited_whom")
    assert [(r["inviter"], r["invitee"], r["modality"], r["article"]) for r in rows] == [
        ("Vladimir Putin", "Donald Trump", "asserted", A["a1"]), ("Vladimir Putin", "Donald Trump", "denied", A["a3"])]


def test_interactions_in_period(store):
    rows = run(store, "interactions", "from=2025-02-12", "to=2025-02-12")
    assert [(r["subject"], r["relation"], r["object"], r["modality"]) for r in rows] == [
        ("Donald Trump", "call", "Vladimir Putin", "reported"),
        ("Volodymyr Zelenskyy", "meet", "Emmanuel Macron", "asserted")]
    assert len(run(store, "interactions")) == 9  # every invite/meet/call in the store


def test_attributed_to_source(store):
    rows = run(store, "attributed_to", "source=Tass")
    assert [(r["subject"], r["relation"], r["object"], r["modality"]) for r in rows] == [
        ("Donald Trump", "call", "Vladimir Putin", "reported")]
    assert rows[0]["evidence"] == "Trump called Putin on Wednesday, according to TASS."


def test_modality_counts(store):
    rows = {r["label"]: (r["asserted"], r["reported"], r["negated"], r["hypothetical_or_planned"], r["total"])
            for r in run(store, "modality_counts")}
    assert rows == {"Donald Trump": ("0", "1", "1", "1", "3"), "Vladimir Putin": ("2", "0", "1", "0", "3"),
                    "Volodymyr Zelenskyy": ("2", "0", "0", "1", "3"), "Emmanuel Macron": ("1", "0", "0", "0", "1"),
                    "Pete Hegseth": ("1", "0", "0", "0", "1")}
    assert {r["label"] for r in run(store, "modality_counts", "from=2025-03-01")} == {"Volodymyr Zelenskyy", "Emmanuel Macron"}


def test_conflicting_statements(store):
    rows = run(store, "conflicting_statements")
    assert [(r["subject"], r["relation"], r["object"], r["affirmed_article"], r["contradicting_modality"],
             r["contradicting_article"]) for r in rows] == [
        ("Vladimir Putin", "invite", "Donald Trump", A["a1"], "denied", A["a3"])]


def test_statement_provenance(store):
    sid = run(store, "attributed_to", "source=TASS")[0]["statement"]
    rows = run(store, "statement_provenance", f"statement={sid}")
    assert len(rows) == 1
    r = rows[0]
    assert (r["article"], r["title"], r["source"], r["modality"]) == (A["a2"], "Trump calls Putin", "fixture/fx-a2.txt", "reported")
    assert r["published"] == "2025-02-12T21:36:00Z" and r["ingested"] == "2025-03-02T12:00:00Z"
    assert (r["evidence"], r["start"], r["end"]) == ("Trump called Putin on Wednesday, according to TASS.", "18", "69")


def test_most_active_actors(store):
    rows = run(store, "most_active_actors")
    assert [(r["label"], r["statements"], r["articles"]) for r in rows] == [
        ("Donald Trump", "6", "4"), ("Vladimir Putin", "6", "3"), ("Volodymyr Zelenskyy", "4", "3"),
        ("Emmanuel Macron", "3", "2"), ("Pete Hegseth", "1", "1")]
    rows = run(store, "most_active_actors", "from=2025-03-01", "to=2025-03-31")
    assert [(r["label"], r["statements"]) for r in rows] == [("Emmanuel Macron", "2"), ("Donald Trump", "1"),
                                                             ("Volodymyr Zelenskyy", "1")]


def test_new_relations(store):
    rows = run(store, "new_relations", "since=2025-02-12")
    assert [(r["subject"], r["relation"], r["object"], r["first"]) for r in rows] == [
        ("Donald Trump", "call", "Volodymyr Zelenskyy", "2025-02-14"), ("Donald Trump", "meet", "Vladimir Putin", "2025-02-14"),
        ("Volodymyr Zelenskyy", "meet", "Vladimir Putin", "2025-02-14"), ("Emmanuel Macron", "call", "Donald Trump", "2025-03-01")]


def test_role_holders_from_gazetteer(store):
    rows = run(store, "role_holders", "office=USA/president", "at=2025-02-12")
    assert [(r["holder"], r["label"], r["start"]) for r in rows] == [(TRUMP, "Donald Trump", "2025-01-20")]
    rows = run(store, "role_holders", "office=President of the United States", "at=2020-06-01")
    assert [r["label"] for r in rows] == ["Donald Trump"]  # first term (tenures.tsv), by English office label
    assert run(store, "role_holders", "office=USA/president", "at=1990-01-01") == []


def test_articles_mentioning(store):
    rows = run(store, "articles_mentioning", "actor=Selenskyj")
    assert [(r["article"], r["statements"]) for r in rows] == [(A["a2"], "1"), (A["a3"], "2"), (A["a4"], "1")]
    rows = run(store, "articles_mentioning", "actor=TASS")  # as a cited source
    assert [r["article"] for r in rows] == [A["a2"]]


def test_cooccurrence(store):
    rows = run(store, "cooccurrence", "min=3")
    assert [(r["a_label"], r["b_label"], r["articles"]) for r in rows] == [
        ("Donald Trump", "Vladimir Putin", "3"), ("Donald Trump", "Volodymyr Zelenskyy", "3")]
    assert len(run(store, "cooccurrence")) > 5  # default min=1 applies


def test_every_saved_sparql_query_has_a_test():
    names = {q.name for q in saved_queries() if q.language == "sparql"}
    assert len(names) >= 14
    assert names <= TESTED, f"untested saved queries: {sorted(names - TESTED)}"


def test_required_param_and_bad_type(store):
    with pytest.raises(QueryError, match="needs --param since"):
        run_query("new_relations", None, [], store=store)
    with pytest.raises(QueryError, match="not a valid date"):
        run_query("new_relations", None, ["since=yesterday"], store=store)


def test_header_rejects_unknown_type(tmp_path):
    p = tmp_path / "x.rq"
    p.write_text("# name: x\n# description: d\n# param: a person\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(DataError, match="TYPE in"):
        parse_saved(p)


def test_cli_query_and_queries(store, runner):
    res = invoke(runner, "query", "attributed_to", "--param", "source=TASS", "--store", store, "--format", "json")
    assert res.exit_code == 0, res.output
    assert [r["relation"] for r in json.loads(res.output)] == ["call"]
    res = invoke(runner, "queries")
    assert res.exit_code == 0 and "conflicting_statements" in res.output and "cypher, sparql" in res.output
