"""Analytics on the fixture store's actor graph, through the library and the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import invoke
from fixture_graph import build_store, memory_store
from kg.analyze import Filters, analyze
from kg.errors import KGError, QueryError

PUTIN, TRUMP = "http://www.wikidata.org/entity/Q7747", "http://www.wikidata.org/entity/Q22686"
ZELENSKY, MACRON = "http://www.wikidata.org/entity/Q3881", "http://www.wikidata.org/entity/Q3052772"


@pytest.fixture(scope="module")
def mem():
    return memory_store()


def test_centrality_weights_are_distinct_articles(mem):
    cols, rows = analyze(mem, "centrality")
    by = {r[1]: dict(zip(cols, r)) for r in rows}
    # Trump–Putin: articles a1, a2, a3; Trump–Macron: a4; Trump–Zelensky: a3
    assert by["Donald Trump"]["weighted_degree"] == 5 and by["Donald Trump"]["degree"] == 3
    assert rows[0][1] == "Donald Trump"  # the only broker (Putin–Macron go through him)
    assert by["Pete Hegseth" if "Pete Hegseth" in by else "Donald Trump"]  # Hegseth only made a claim: no node
    assert "Pete Hegseth" not in by


def test_filters_modality_and_dates(mem):
    _, rows = analyze(mem, "centrality", filters=Filters(modalities=("asserted",)))
    assert {r[1]: r[3] for r in rows} == {"Emmanuel Macron": 3, "Donald Trump": 2, "Volodymyr Zelenskyy": 2,
                                          "Vladimir Putin": 1}
    _, rows = analyze(mem, "ego", "Putin", Filters(start="2025-02-11", end="2025-02-13"))
    assert [(r[1], r[2], r[3]) for r in rows] == [("Donald Trump", 1, "call")]
    _, rows = analyze(mem, "ego", "Putin", Filters(relations=("invite",)))
    assert [(r[1], r[2], r[4]) for r in rows] == [("Donald Trump", 2, "asserted,denied")]


def test_communities_split_the_two_pairs(mem):
    _, rows = analyze(mem, "communities")
    groups = {}
    for c, iri, _ in rows:
        groups.setdefault(c, set()).add(iri)
    assert sorted(map(sorted, groups.values())) == sorted([sorted({TRUMP, PUTIN}), sorted({MACRON, ZELENSKY})])


def test_ego_and_timeline(mem):
    _, rows = analyze(mem, "ego", "Poutine")
    assert [(r[1], r[2]) for r in rows] == [("Donald Trump", 3), ("Volodymyr Zelenskyy", 1)]
    cols, rows = analyze(mem, "timeline", "Zelensky")
    assert [(r[0][:10], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("2025-02-12", "Volodymyr Zelenskyy", "meet", "Emmanuel Macron", "asserted"),
        ("2025-02-14", "Volodymyr Zelenskyy", "meet", "Vladimir Putin", "hypothetical"),
        ("2025-02-14", "Donald Trump", "call", "Volodymyr Zelenskyy", "negated"),
        ("2025-03-01", "Volodymyr Zelenskyy", "meet", "Emmanuel Macron", "asserted")]


def test_errors(mem):
    with pytest.raises(QueryError):
        analyze(mem, "pagerank")
    with pytest.raises(QueryError):
        analyze(mem, "ego")
    with pytest.raises(KGError, match="no actor"):
        analyze(mem, "ego", "Nobody Known")


def test_cli_formats(tmp_path, runner):
    store = build_store(tmp_path / "store")
    res = invoke(runner, "analyze", "centrality", "--store", store, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["label"] == "Donald Trump"
    res = invoke(runner, "analyze", "ego", "Trump", "--store", store, "--format", "csv", "--relation", "call")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [(r["label"], r["articles"]) for r in rows] == [("Emmanuel Macron", "1"), ("Vladimir Putin", "1"),
                                                          ("Volodymyr Zelenskyy", "1")]
    res = invoke(runner, "analyze", "timeline", "Trump", "--store", store, "--from", "2025-03-01")
    assert res.exit_code == 0 and "Emmanuel Macron" in res.output and "1 row(s)" in res.output
    res = invoke(runner, "analyze", "ego", "Nobody Known", "--store", store)
    assert res.exit_code == 1 and "no actor" in res.output
    res = invoke(runner, "analyze", "centrality", "--store", store, "--from", "not-a-date")
    assert res.exit_code == 2
