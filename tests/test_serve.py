"""`kg serve`: SPARQL 1.1 Protocol over HTTP, with SPARQLWrapper and plain urllib."""
from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from fixture_graph import build_store
from kg.serve import HTTPError, negotiate, open_server, start_in_thread

INVITES = "SELECT ?a ?b WHERE { ?a kg:invite ?b }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("serve") / "store")
    srv = open_server(store, "127.0.0.1", 0, timeout=0.5)
    start_in_thread(srv)
    yield srv
    srv.shutdown()
    srv.server_close()


def http(url, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers.get("Content-Type"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()


def test_sparqlwrapper_select_json_and_xml(server):
    sw = SPARQLWrapper(server.url)
    sw.setQuery("PREFIX kg: <http://kg.example.org/ontology#> SELECT ?a ?b WHERE { ?a kg:invite ?b }")
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    # only the asserted invitation has the plain triple (the denial in a3 does not)
    assert [(b["a"]["value"], b["b"]["value"]) for b in res["results"]["bindings"]] == [
        ("http://www.wikidata.org/entity/Q7747", "http://www.wikidata.org/entity/Q22686")]
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert len(doc.getElementsByTagName("result")) == 1
    sw.setMethod("POST")
    sw.setReturnFormat(CSV)
    rows = list(csv.reader(io.StringIO(sw.query().convert().decode())))
    assert rows[0] == ["a", "b"] and len(rows) == 2


def test_sparqlwrapper_construct_turtle(server):
    sw = SPARQLWrapper(server.url)
    sw.setQuery("CONSTRUCT { ?a <http://example.org/invited> ?b } WHERE { ?a kg:invite ?b }")
    sw.setReturnFormat(TURTLE)
    body = sw.query().convert()
    assert b"<http://example.org/invited>" in body and b"Q22686" in body


def test_plain_http_negotiation(server):
    q = urllib.parse.quote(INVITES)
    status, ctype, body = http(f"{server.url}?query={q}", headers={"Accept": "text/tab-separated-values"})
    assert status == 200 and ctype.startswith("text/tab-separated-values")
    assert body.decode().splitlines()[0] == "?a\t?b"
    status, ctype, body = http(f"{server.url}?query={q}")  # no Accept: JSON
    assert status == 200 and json.loads(body)["head"]["vars"] == ["a", "b"]
    status, ctype, _ = http(f"{server.url}?query={q}", headers={"Accept": "image/png"})
    assert status == 406
    ask = urllib.parse.quote("ASK { ?a kg:call ?b }")
    assert json.loads(http(f"{server.url}?query={ask}")[2])["boolean"] is True
    c = urllib.parse.quote("CONSTRUCT WHERE { ?a kg:call ?b }")
    status, ctype, body = http(f"{server.url}?query={c}", headers={"Accept": "application/n-triples"})
    assert status == 200 and ctype.startswith("application/n-triples") and body.count(b" .\n") == 2
    status, _, body = http(server.url, data=INVITES.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 1


def test_read_only(server):
    upd = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    status, _, _ = http(server.url, data=upd.encode(), headers={"Content-Type": "application/sparql-update"})
    assert status == 405
    status, _, _ = http(server.url, data=urllib.parse.urlencode({"update": upd}).encode(),
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 405
    status, _, body = http(f"{server.url}?query={urllib.parse.quote(upd)}")
    assert status == 400 and b"read-only" in body
    status, _, _ = http(server.url, method="DELETE")
    assert status == 405
    ask = urllib.parse.quote("ASK { <http://x/a> ?p ?o }")
    assert json.loads(http(f"{server.url}?query={ask}")[2])["boolean"] is False


def test_errors_and_timeout(server):
    assert http(f"{server.url}?query={urllib.parse.quote('SELEC nonsense')}")[0] == 400
    assert http(server.url)[0] == 400
    assert http(server.url.replace("/sparql", "/nope") + "?query=x")[0] == 404
    # a cross product too big for the 0.5 s limit (~1-2 s of work; the worker then finishes by itself)
    values = " ".join(str(i) for i in range(250))
    slow = f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} VALUES ?c {{ {values} }} }}"
    status, _, body = http(f"{server.url}?query={urllib.parse.quote(slow)}")
    assert status == 503 and b"timed out" in body


def test_negotiate():
    offers = {"application/sparql-results+json": 1, "text/csv": 2}
    assert negotiate("text/csv;q=0.5, application/sparql-results+json", offers, "x") == "application/sparql-results+json"
    assert negotiate("text/*", offers, "x") == "text/csv"
    assert negotiate("*/*", offers, "application/sparql-results+json") == "application/sparql-results+json"
    with pytest.raises(HTTPError):
        negotiate("text/csv;q=0", offers, "x")
