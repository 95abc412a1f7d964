"""The ontology, the SHACL shapes, the KG namespace class and the verb lexicons agree."""
from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from kg.config import ONTO, ONTOLOGY_DIR
from kg.errors import DataError
from kg.ontology import load_lexicon, load_ontology, ontology_graph, shapes_graph
from kg.types import MODALITIES
from kg import vocab
from kg.vocab import DCTERMS, KG, MODALITY, OA, OWL, PROV, RDF, RDFS, SCHEMA

# rdflib's XSD namespace warns when pytest inspects module globals, so keep only the terms
DATETIME, NONNEG = vocab.XSD.dateTime, vocab.XSD.integer  # as Oxigraph stores offsets

PLOVER_0_5B1 = {
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "REJECT", "DEMAND",
    "THREATEN", "PROTEST", "DISAPPROVE", "INVESTIGATE", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT", "FIGHT",
}
REQUIRED_RELATIONS = """invite inform say discuss agree talk meet call visit negotiate cooperate support
praise reject criticize condemn threaten demand urge ask accuse sanction attack fight kill arrest
confirm deny announce warn promise propose offer appoint host welcome congratulate sign aid
investigate protest withdraw concede mobilize coerce expel ban recognize endorse oppose veto
apologize thank mediate elect conquer occupy seize invade bomb release consult write""".split()


def kg_terms(graph: Graph) -> set[str]:
    """Local names of every kg: IRI that appears anywhere in the graph."""
    return {str(t)[len(ONTO):] for triple in graph for t in triple
            if isinstance(t, URIRef) and str(t).startswith(ONTO)}


# --- ontology -----------------------------------------------------------------------------

def test_relations_load_with_labels_and_codes():
    onto = load_ontology()
    assert set(REQUIRED_RELATIONS) <= set(onto.relations)
    for rel in onto.relations.values():
        assert set(rel.labels) >= {"en", "fr", "de"}, rel.name
        assert rel.plover is None or rel.plover in PLOVER_0_5B1, rel.name
        assert rel.cameo is None or rel.cameo.startswith(rel.cameo_root), rel.name
    # every PLOVER type the gold uses has at least one relation
    assert {r.plover for r in onto.relations.values()} - {None} == PLOVER_0_5B1
    invite = onto.relation("invite")
    assert (invite.plover, invite.cameo_root, invite.speech) == ("CONSULT", "04", False)
    assert onto.relation("visit").cameo == "042"
    with pytest.raises(DataError):
        onto.relation("invitee")


def test_symmetric_and_speech_flags():
    onto = load_ontology()
    symmetric = {n for n, r in onto.relations.items() if r.symmetric}
    # the gold's symmetric relations, plus fight and sign; call is directed (caller -> callee)
    assert {"agree", "discuss", "talk", "meet", "negotiate", "cooperate"} <= symmetric
    assert "call" not in symmetric and "invite" not in symmetric
    speech = {n for n, r in onto.relations.items() if r.speech}
    assert {"say", "confirm", "deny", "announce", "warn", "claim", "accuse"} <= speech
    assert "meet" not in speech


def test_owl_typing_matches_flags():
    g = ontology_graph()
    onto = load_ontology()
    for rel in onto.relations.values():
        iri = URIRef(rel.iri)
        # a speech act's object may be a literal, so only actor-only relations are ObjectProperty
        assert ((iri, RDF.type, OWL.ObjectProperty) in g) == (not rel.speech), rel.name
        if (iri, RDF.type, OWL.SymmetricProperty) in g:
            assert rel.symmetric, rel.name


def test_modalities_are_the_skos_scheme():
    g = ontology_graph()
    assert set(load_ontology().modalities) == set(MODALITIES)
    for name in MODALITIES:
        concept = MODALITY[name]
        assert (concept, URIRef("http://www.w3.org/2004/02/skos/core#inScheme"), KG.modalities) in g


# --- namespace drift ----------------------------------------------------------------------

def test_kg_namespace_matches_ontology_and_shapes():
    used = kg_terms(ontology_graph()) | kg_terms(shapes_graph())
    declared = set(KG.__annotations__)
    assert used - declared == set(), "kg: terms used in the .ttl files but missing from kg.vocab.KG"
    assert declared - used == set(), "terms in kg.vocab.KG that neither kg.ttl nor shapes.ttl uses"
    defined = {str(s)[len(ONTO):] for s in ontology_graph().subjects() if str(s).startswith(ONTO)}
    assert declared == defined, "every KG term must be defined (be a subject) in kg.ttl"


def test_typo_in_namespace_fails():
    assert str(KG.invite) == ONTO + "invite"
    with pytest.raises(AttributeError):
        KG.invitee  # noqa: B018
    with pytest.raises(AttributeError):
        SCHEMA.NewsArticel  # noqa: B018


# --- lexicons -----------------------------------------------------------------------------

@pytest.mark.parametrize("lang,minimum", [("en", 150), ("fr", 150), ("de", 100)])
def test_lexicon_is_valid_and_covers_every_relation(lang, minimum):
    lexicon = load_lexicon(lang)
    rows = [e for entries in lexicon.values() for e in entries]
    assert len(rows) >= minimum
    relations = load_ontology().relations
    assert {e.relation for e in rows} - {None} <= set(relations)
    assert set(relations) <= {e.relation for e in rows}, "a relation has no verb in this language"


@pytest.mark.parametrize("lang,lemma,relation", [
    ("fr", "inviter", "invite"), ("en", "invite", "invite"), ("de", "einladen", "invite"),
    ("fr", "déclarer", "say"), ("en", "say", "say"), ("de", "sagen", "say"),
    ("fr", "se entendre", "agree"), ("fr", "avoir+appel", "talk"), ("en", "hold+talk", "talk"),
    ("en", "call_for", "demand"), ("de", "führen+gespräch", "talk"), ("en", "pull_out", "withdraw"),
])
def test_lexicon_maps_core_verbs(lang, lemma, relation):
    assert relation in {e.relation for e in load_lexicon(lang)[lemma]}


def test_modal_verbs_pass_their_modality():
    fr, en, de = load_lexicon("fr"), load_lexicon("en"), load_lexicon("de")
    assert {e.modality for e in fr["démentir"]} == {"denied"}
    assert ("reject", "negated") in {(e.relation, e.modality) for e in fr["refuser"] if "xcomp" in e.args}
    assert [(e.relation, e.modality) for e in en["plan"]] == [(None, "planned")]
    assert {e.modality for e in de["dementieren"]} == {"denied"}


HEADER = "lemma\trelation\targs\tmodality\tnote\n"


@pytest.mark.parametrize("body,problem", [
    ("inviter\tinvitee\tobj\t\t\n", "unknown relation"),
    ("inviter\tinvite\tobj|dobj\t\t\n", "bad args"),
    ("inviter\tinvite\tobl:\t\t\n", "bad args"),
    ("inviter\tinvite\tobj\n", "columns"),
    ("inviter\tinvite\tobj\tmaybe\t\n", "unknown modality"),
    ("rencontrer\tmeet\tccomp\t\t\n", "not a speech act"),
    ("prévoir\t-\tobj\tplanned\t\n", "'-' row"),
    ("Inviter 2\tinvite\tobj\t\t\n", "bad lemma"),
    ("inviter\tinvite\tobj\t\t\ninviter\tinvite\tobj\t\t\n", "duplicate"),
])
def test_invalid_lexicon_rows_name_file_and_line(tmp_path: Path, body: str, problem: str):
    path = tmp_path / "xx.tsv"
    path.write_text("# comment\n" + HEADER + body, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_lexicon("xx", path)
    assert problem in str(err.value)
    assert f"{path}:" in str(err.value)


def test_lexicon_without_header_fails(tmp_path: Path):
    path = tmp_path / "yy.tsv"
    path.write_text("inviter\tinvite\tobj\t\t\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"yy\.tsv:1: expected header"):
        load_lexicon("yy", path)


# --- SHACL --------------------------------------------------------------------------------

ARTICLE = URIRef("http://kg.example.org/article/0123456789abcdef")
STATEMENT = URIRef("http://kg.example.org/statement/s1")
CLAIM = URIRef("http://kg.example.org/statement/s2")
PUTIN = URIRef("http://www.wikidata.org/entity/Q7747")
TRUMP = URIRef("http://www.wikidata.org/entity/Q22686")


def _evidence(g: Graph, statement: URIRef, exact: str, start: int, n: int = 0) -> URIRef:
    node = URIRef(f"{statement}/evidence/{n}")
    g.add((statement, KG.evidence, node))
    g.add((node, RDF.type, OA.TextQuoteSelector))
    g.add((node, RDF.type, OA.TextPositionSelector))
    g.add((node, OA.exact, Literal(exact)))
    g.add((node, OA.start, Literal(start, datatype=NONNEG)))
    g.add((node, OA.end, Literal(start + len(exact), datatype=NONNEG)))
    g.add((node, OA.hasSource, ARTICLE))
    return node


def _statement(g: Graph, node: URIRef, s, p, o, modality: str, claim: bool = False) -> None:
    g.add((s, p, o))  # the plain triple
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.type, KG.Statement))
    if claim:
        g.add((node, RDF.type, KG.Claim))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, KG.modality, MODALITY[modality]))
    g.add((node, KG.confidence, Literal(0.8)))
    g.add((node, PROV.wasDerivedFrom, ARTICLE))
    g.add((node, DCTERMS.issued, Literal("2025-02-12T21:36:00", datatype=DATETIME)))


def article_graph() -> Graph:
    """One synthetic article graph the way the builder writes it."""
    g = Graph()
    g.add((ARTICLE, RDF.type, SCHEMA.NewsArticle))
    g.add((ARTICLE, RDF.type, KG.Article))
    g.add((ARTICLE, DCTERMS.title, Literal("Un titre")))
    g.add((ARTICLE, DCTERMS.issued, Literal("2025-02-12T21:36:00", datatype=DATETIME)))
    g.add((ARTICLE, KG.retrieved, Literal("2025-02-13T08:14:49+00:00", datatype=DATETIME)))
    g.add((ARTICLE, DCTERMS.language, Literal("fr")))
    g.add((ARTICLE, KG.contentHash, Literal("0123456789abcdef")))
    for iri, label in ((PUTIN, "Vladimir Putin"), (TRUMP, "Donald Trump")):
        g.add((iri, RDF.type, KG.Person))
        g.add((iri, RDFS.label, Literal(label, lang="en")))
        g.add((iri, KG.wikidata, Literal(str(iri).rsplit("/", 1)[1])))
    _statement(g, STATEMENT, PUTIN, KG.invite, TRUMP, "reported")
    g.add((STATEMENT, PROV.wasAttributedTo, TRUMP))
    _evidence(g, STATEMENT, "Poutine a invité Trump", 10)
    _statement(g, CLAIM, TRUMP, KG.say, Literal("l'appel était long"), "asserted", claim=True)
    _evidence(g, CLAIM, "Trump a dit que l'appel était long", 50)
    return g


def conforms(g: Graph) -> tuple[bool, str]:
    ok, _, text = validate(g, shacl_graph=shapes_graph())
    return ok, text


def test_builder_shaped_graph_conforms():
    ok, text = conforms(article_graph())
    assert ok, text


def test_statement_without_evidence_fails():
    g = article_graph()
    g.remove((STATEMENT, KG.evidence, None))
    ok, text = conforms(g)
    assert not ok and "kg:evidence" in text


@pytest.mark.parametrize("breakage", [
    "start_after_end", "no_modality", "unknown_modality", "confidence_above_1", "literal_object",
    "no_plain_triple", "article_without_issued", "two_sources",
])
def test_shapes_catch_broken_graphs(breakage: str):
    g = article_graph()
    evidence = URIRef(f"{STATEMENT}/evidence/0")
    if breakage == "start_after_end":
        g.set((evidence, OA.start, Literal(999, datatype=NONNEG)))
    elif breakage == "no_modality":
        g.remove((STATEMENT, KG.modality, None))
    elif breakage == "unknown_modality":
        g.set((STATEMENT, KG.modality, KG.Person))
    elif breakage == "confidence_above_1":
        g.set((STATEMENT, KG.confidence, Literal(1.5)))
    elif breakage == "literal_object":  # only a kg:Claim may have a literal object
        g.set((STATEMENT, RDF.object, Literal("Trump")))
        g.add((PUTIN, KG.invite, Literal("Trump")))
    elif breakage == "no_plain_triple":
        g.remove((PUTIN, KG.invite, TRUMP))
    elif breakage == "article_without_issued":
        g.remove((ARTICLE, DCTERMS.issued, None))
    elif breakage == "two_sources":
        other = URIRef("http://kg.example.org/article/other")
        g.add((STATEMENT, PROV.wasDerivedFrom, other))
    ok, _ = conforms(g)
    assert not ok, breakage


def test_ontology_files_exist_where_config_says():
    assert (ONTOLOGY_DIR / "kg.ttl").is_file() and (ONTOLOGY_DIR / "shapes.ttl").is_file()
