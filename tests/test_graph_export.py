"""GraphML/GEXF snapshots of the actor graph: content, manifest, byte-identical output."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from conftest import invoke
from fixture_graph import build_store

PUTIN, TRUMP = "http://www.wikidata.org/entity/Q7747", "http://www.wikidata.org/entity/Q22686"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("gx") / "store")


def test_graphml_as_of_content_and_manifest(store, runner, tmp_path):
    out, man = tmp_path / "g.graphml", tmp_path / "m.json"
    res = invoke(runner, "export", "--format", "graphml", "--as-of", "2025-02-12", "-o", out, "--manifest", man, "--store", store)
    assert res.exit_code == 0, res.output
    g = nx.read_graphml(out, force_multigraph=True)
    assert g.nodes[PUTIN]["label"] == "Vladimir Putin" and g.nodes[PUTIN]["wikidata"] == "Q7747"
    assert g.nodes[PUTIN]["type"] == "Person"
    edges = sorted((g.nodes[u]["label"], d["relation"], g.nodes[v]["label"], d["modality"], d["weight"], d["first"])
                   for u, v, d in g.edges(data=True))
    assert edges == [("Donald Trump", "call", "Vladimir Putin", "reported", 1, "2025-02-12"),
                     ("Vladimir Putin", "invite", "Donald Trump", "asserted", 1, "2025-02-10"),
                     ("Volodymyr Zelenskyy", "meet", "Emmanuel Macron", "asserted", 1, "2025-02-12")]
    m = json.loads(man.read_text())
    assert m["counts"] == {"articles": 2, "actors": 4, "edges": 3, "statements": 3, "claims_left_out": 2,
                           "one_actor_events_left_out": 0}
    assert m["as_of"] == "2025-02-12" and len(m["articles"]) == 2


def test_gexf_aggregates_and_is_byte_identical(store, runner, tmp_path):
    paths = [tmp_path / "a.gexf", tmp_path / "b.gexf"]
    for p in paths:
        assert invoke(runner, "export", "--format", "gexf", "-o", p, "--store", store).exit_code == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    root = ET.parse(paths[0]).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert root.find("g:meta", ns).get("lastmodifieddate") == "2025-03-01"  # last publication day, not today
    g = nx.read_gexf(paths[0])
    weights = {(d["label"], d["modality"]): d["weight"] for _, _, d in g.edges(data=True)}
    assert weights[("meet", "asserted")] in (2, 2.0)  # Zelensky meets Macron in a2 and a4
    assert len(g.edges) == 8


def test_stdout(store, runner):
    res = invoke(runner, "export", "--format", "graphml", "--store", store)
    assert res.exit_code == 0 and res.output.startswith("<?xml") and "Vladimir Putin" in res.output
