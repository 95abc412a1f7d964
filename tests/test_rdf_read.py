"""ArticleGraph → Oxigraph → kg.rdf_read → the same statements, article metadata and entities.

`kg sync neo4j` and the Neo4j exports read articles back from the RDF store; whatever this round
trip loses would make Neo4j differ between a direct ingest and a later sync.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from conftest_neo4j import PUTIN, TRUMP, _article, _statement, make_graphs
from kg.errors import DataError
from kg.ids import article_iri, minted_entity_iri
from kg.neo4j_rows import build_rows
from kg.rdf_read import read_all, read_article_graph
from kg.stores.oxigraph import OxigraphStore
from kg.types import ArticleGraph, Entity


def statement_view(s) -> dict:
    """What a statement carries into either store (mention texts and resolution methods aside)."""
    iri = lambda r: r.entity.iri if r is not None else None  # noqa: E731
    return {"id": s.id, "article_id": s.article_id, "subject": iri(s.subject), "predicate": s.predicate,
            "object_kind": s.object_kind, "object": iri(s.object), "object_text": s.object_text,
            "modality": s.modality, "attributed_to": iri(s.attributed_to), "location": iri(s.location),
            "event_type": s.event_type, "cameo": s.cameo, "confidence": s.confidence, "pattern": s.pattern,
            "evidence": [(sp.start, sp.end, sp.text) for sp in s.evidence], "nested_in": s.nested_in}


def entity_view(e: Entity) -> tuple:
    return (e.iri, e.label, e.type, e.wikidata, frozenset(e.aliases), e.minted)


def article_view(a) -> dict:
    return {"id": a.id, "title": a.title, "lang": a.lang, "lang_source": a.lang_source, "published": a.published,
            "published_iso": a.published.isoformat() if a.published else None,
            "published_source": a.published_source, "retrieved": a.retrieved,
            "retrieved_iso": a.retrieved.isoformat() if a.retrieved else None,
            "retrieved_source": a.retrieved_source, "source": a.source, "tags": sorted(a.tags)}


def round_trip(graphs: list[ArticleGraph]) -> list[ArticleGraph]:
    store = OxigraphStore.memory()
    report = store.write(graphs)
    assert report.errors == [] and report.articles_new == len(graphs)
    return read_all(store.store, [article_iri(g.article.id) for g in graphs])


def assert_same(original: ArticleGraph, back: ArticleGraph) -> None:
    assert article_view(back.article) == article_view(original.article)
    assert {s.id: statement_view(s) for s in back.statements} == {s.id: statement_view(s) for s in original.statements}
    assert sorted(map(entity_view, back.entities)) == sorted(map(entity_view, original.entities))
    assert back.extractor_version == original.extractor_version
    # the rows Neo4j gets are identical, whichever way the article arrives (order aside)
    assert rows_view(build_rows(back)) == rows_view(build_rows(original))


def rows_view(rows) -> dict:
    key = lambda r: repr(sorted(r.items()))  # noqa: E731
    groups = {"articles": rows.articles, "statements": rows.statements, "nested": rows.nested}
    for name in ("entities", "relations", "roles"):
        groups.update({f"{name}:{k}": v for k, v in getattr(rows, name).items()})
    return {k: sorted(map(key, v)) for k, v in groups.items()}


def test_hand_built_graphs_round_trip():
    graphs = make_graphs()
    for original, back in zip(graphs, round_trip(graphs)):
        assert_same(original, back)
    back = round_trip(graphs)[0]
    invite = next(s for s in back.statements if s.predicate == "invite")
    assert entity_view(invite.subject.entity) == entity_view(PUTIN)
    assert invite.object.entity.iri == TRUMP.iri


@pytest.mark.parametrize("published, retrieved", [
    (datetime(2025, 2, 12, 21, 36), datetime(2025, 2, 13, 8, 14, 49, tzinfo=timezone.utc)),  # naive + UTC
    (datetime(2025, 2, 12, 21, 36, tzinfo=timezone(timedelta(hours=1))), None),  # +01:00, no retrieval
    (datetime(2025, 7, 1, 6, 0, tzinfo=timezone(timedelta(hours=-4))), datetime(2025, 7, 1, 12, 0)),
    (None, None),
])
def test_times_keep_their_zone_or_its_absence(published, retrieved):
    g = make_graphs()[0]
    g = replace(g, article=replace(g.article, published=published, retrieved=retrieved))
    back = round_trip([g])[0]
    for name, value in (("published", published), ("retrieved", retrieved)):
        got = getattr(back.article, name)
        assert got == value
        if value is not None:
            assert got.isoformat() == value.isoformat()  # same zone, or none, not just the same instant
    rows = build_rows(back)
    assert rows.articles[0]["published_iso"] == (published.isoformat() if published else None)


def test_several_evidence_spans_and_minted_type_come_back():
    a = _article("art-three", ("Trump invite Poutine", "Trump a invité Poutine.", "Les Kurdes a invité Trump.",
                               "Encore: Trump a invité Poutine."), datetime(2025, 3, 1, 12, 0), None)
    kurds = Entity(minted_entity_iri("Les Kurdes", "Group"), "Les Kurdes", "Group", minted=True)
    twice = _statement(a, TRUMP, "invite", PUTIN, "asserted", "Trump a invité Poutine.")
    second = _statement(a, TRUMP, "invite", PUTIN, "asserted", "Encore: Trump a invité Poutine.").evidence[0]
    twice = replace(twice, evidence=(twice.evidence[0], second))
    group = _statement(a, kurds, "invite", TRUMP, "planned", "Les Kurdes a invité Trump.", confidence=0.433)
    g = ArticleGraph(a, (twice, group), (PUTIN, TRUMP, kurds), "test-1")
    back = round_trip([g])[0]
    assert_same(g, back)
    (kept,) = [e for e in back.entities if e.minted]
    assert (kept.type, kept.label) == ("Group", "Les Kurdes")  # RDF types it kg:Actor only
    assert [len(s.evidence) for s in back.statements if s.subject.entity.iri == TRUMP.iri] == [2]


def test_not_an_article_graph_is_a_data_error():
    store = OxigraphStore.memory()
    with pytest.raises(DataError, match="not a kg article"):
        read_article_graph(store.store, "http://kg.example.org/article/none")


@pytest.mark.slow  # the sample goes through the NLP pipeline once per session
def test_ingested_sample_round_trips(sample_store):
    """The sample as the CLI stored it reads back whole, and re-writing what was read gives the same quads."""
    with OxigraphStore(sample_store, read_only=True) as s:
        (iri, _, _), = s.articles()
        back = read_article_graph(s.store, iri)
        stored = {q for q in s.graph_quads([iri]) if not q.predicate.value.endswith("#ingested")}
    assert back.article.published.isoformat() == "2025-02-12T21:36:00"
    assert back.article.retrieved.isoformat() == "2025-02-13T08:14:49+00:00"
    invite = [s for s in back.statements if s.predicate == "invite"]
    assert [(s.subject.entity.label, s.object.entity.label, s.modality, s.attributed_to.entity.label)
            for s in invite] == [("Vladimir Putin", "Donald Trump", "reported", "TASS")]
    assert len(back.statements) >= 10 and all(s.evidence for s in back.statements)
    # the inverse: writing what was read reproduces the stored graph (Oxigraph normalises literals
    # such as decimals on the way in, so compare store contents, not freshly built quads)
    again = OxigraphStore.memory()
    again.write([back])
    assert {q for q in again.graph_quads([iri]) if not q.predicate.value.endswith("#ingested")} == stored


def test_one_actor_event_round_trips_without_object_or_plain_triple():
    """"X resigned": no rdf:object, no plain triple, typed kg:OneActorEvent, read back as "none"."""
    from kg.vocab import KG

    a = _article("art-four", ("Poutine démissionne", "Vladimir Poutine a démissionné."), datetime(2025, 3, 2, 9, 0), None)
    one = replace(_statement(a, PUTIN, "withdraw", None, "asserted", "Vladimir Poutine a démissionné."),
                  object_kind="none")
    g = ArticleGraph(a, (one,), (PUTIN,), "test-1")
    store = OxigraphStore.memory()
    assert store.write([g]).errors == []
    back = read_all(store.store, [article_iri(a.id)])[0]
    assert_same(g, back)
    assert back.statements[0].object_kind == "none" and back.statements[0].object is None
    ask = lambda q: bool(store.store.query(q))  # noqa: E731
    assert ask(f"ASK {{ GRAPH ?g {{ ?st a <{KG.OneActorEvent}> }} }}")
    assert not ask("ASK { GRAPH ?g { ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ; "
                   "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o } }")
    assert not ask(f"ASK {{ GRAPH ?g {{ <{PUTIN.iri}> <{KG.withdraw}> ?o }} }}")
    assert build_rows(back).relations == {}  # no typed relationship in Neo4j: the statement node only
