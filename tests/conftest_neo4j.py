"""pytest plugin: a real Bolt server for the Neo4j tests, and hand-built ArticleGraph fixtures.

Register from tests/conftest.py with ``pytest_plugins = ["tests.conftest_neo4j"]``.

``bolt_server`` uses NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/NEO4J_DATABASE when all are set (CI
starts one server with ``.ci/bolt-server start``); otherwise it starts the bundled ArcadeDB
server through ``kg.graphdb`` on free ports in a temp dir and stops it at the end of the session.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest

from kg.ids import entity_iri, statement_id, wikidata_iri
from kg.types import Article, ArticleGraph, Entity, Resolution, Span, Statement

ENV = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory):
    """A dict of NEO4J_* settings for a running Bolt server (started here if none is configured)."""
    if all(os.environ.get(v) for v in ENV):
        yield {v: os.environ[v] for v in ENV}
        return
    from kg import graphdb

    home = tmp_path_factory.mktemp("bolt")
    info = graphdb.start(home, bolt_port=0, http_port=0, timeout=90)
    try:
        yield info.env()
    finally:
        graphdb.stop(home)


@pytest.fixture
def neo4j_env(bolt_server, monkeypatch):
    """The NEO4J_* variables set for the test, and an empty database."""
    for k, v in bolt_server.items():
        monkeypatch.setenv(k, v)
    from kg.stores.neo4j import Neo4jConfig, Neo4jStore

    store = Neo4jStore(Neo4jConfig.from_env(), migrate=False)
    try:
        store.run("MATCH (n) DETACH DELETE n")
    finally:
        store.close()
    return bolt_server


# --- hand-built graphs ----------------------------------------------------------------------
def _entity(key: str, label: str, type_: str, qid: str | None = None, aliases=()) -> Entity:
    iri = wikidata_iri(qid) if qid else entity_iri(key)
    return Entity(iri=iri, label=label, type=type_, wikidata=qid, aliases=tuple(aliases))


PUTIN = _entity("putin", "Vladimir Putin", "Person", "Q7747", ("Poutine", "Wladimir Putin"))
TRUMP = _entity("trump", "Donald Trump", "Person")
RUSSIA = _entity("russia", "Russia", "Country", aliases=("Russie",))
TASS = _entity("tass", "TASS", "MediaOutlet")
PESKOV = _entity("peskov", "Dmitry Peskov", "Person")


def _res(e: Entity, mention: str | None = None) -> Resolution:
    return Resolution(mention=mention or e.label, entity=e, method="exact")


def _article(aid: str, paragraphs: tuple[str, ...], published: datetime | None, retrieved: datetime | None,
             lang: str = "fr") -> Article:
    return Article(id=aid, title=paragraphs[0], paragraphs=paragraphs, lang=lang, lang_source="given",
                   published=published, published_source="line 1", retrieved=retrieved,
                   retrieved_source="last line", source=f"tests/{aid}.txt")


def _span(article: Article, sentence: str) -> Span:
    start = article.text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def _statement(article: Article, subj: Entity, pred: str, obj: Entity | None, modality: str, evidence: str,
               object_text: str = "", attributed_to: Entity | None = None, location: Entity | None = None,
               nested_in: str | None = None, confidence: float = 0.8) -> Statement:
    key = obj.iri if obj else object_text.casefold()
    sid = statement_id(article.id, subj.iri, pred, key, modality)
    return Statement(
        id=sid, article_id=article.id, subject=_res(subj), predicate=pred,
        object_kind="entity" if obj else "proposition", object=_res(obj) if obj else None,
        object_text=object_text or (obj.label if obj else ""), modality=modality,
        attributed_to=_res(attributed_to) if attributed_to else None,
        location=_res(location) if location else None, event_type="CONSULT" if pred == "invite" else None,
        cameo="036" if pred == "invite" else None, evidence=(_span(article, evidence),),
        confidence=confidence, pattern="test", nested_in=nested_in)


def make_graphs() -> list[ArticleGraph]:
    """Two synthetic articles: an INVITE between people, a SAY claim with a nested statement,
    a statement reported by a media outlet, and Putin in both articles."""
    a1 = _article(
        "art-one",
        ("Poutine invite Trump à Moscou",
         "Vladimir Poutine a invité Donald Trump à Moscou, selon le Kremlin.",
         "Il a dit que « la Russie est prête à négocier ; sans conditions »."),
        published=datetime(2025, 2, 12, 21, 36, 0),  # naive: the source gave no zone
        retrieved=datetime(2025, 2, 13, 8, 14, 49, tzinfo=timezone.utc))
    invite = _statement(a1, PUTIN, "invite", TRUMP, "asserted",
                        "Vladimir Poutine a invité Donald Trump à Moscou, selon le Kremlin.", confidence=0.9)
    claim_text = "la Russie est prête à négocier ; sans conditions"
    say = _statement(a1, PUTIN, "say", None, "asserted",
                     "Il a dit que « la Russie est prête à négocier ; sans conditions ».",
                     object_text=claim_text)
    nested = _statement(a1, RUSSIA, "negotiate", None, "hypothetical",
                        "Il a dit que « la Russie est prête à négocier ; sans conditions ».",
                        object_text="sans conditions", nested_in=say.id, confidence=0.5)
    g1 = ArticleGraph(article=a1, statements=(invite, say, nested), entities=(PUTIN, TRUMP, RUSSIA),
                      extractor_version="test-1")

    a2 = _article(
        "art-two",
        ("Putin meets Peskov",
         "Putin met Peskov in Moscow, TASS reported.",
         'Peskov said: "We\'re ready \\ willing."'),
        published=datetime(2025, 2, 14, 9, 0, 0, tzinfo=timezone.utc),
        retrieved=datetime(2025, 2, 14, 10, 0, 0, tzinfo=timezone.utc), lang="en")
    meet = _statement(a2, PUTIN, "meet", PESKOV, "reported", "Putin met Peskov in Moscow, TASS reported.",
                      attributed_to=TASS, location=RUSSIA)
    say2 = _statement(a2, PESKOV, "say", None, "asserted", 'Peskov said: "We\'re ready \\ willing."',
                      object_text="We're ready \\ willing.")
    g2 = ArticleGraph(article=a2, statements=(meet, say2), entities=(PUTIN, PESKOV, TASS, RUSSIA),
                      extractor_version="test-1")
    return [g1, g2]


@pytest.fixture
def neo4j_graphs() -> list[ArticleGraph]:
    return make_graphs()
