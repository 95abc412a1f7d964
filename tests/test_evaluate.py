"""The scorer behind `kg eval`: matching rules of gold/README.md on hand-made gold and predictions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.table import Table

from kg.errors import InputError
from kg.evaluate import (
    is_plover, load_gold, load_predictions, render_table, score, to_json, write_errors,
)
from kg.evaluate.text import content_words, covers_half

GOLD_DIR = Path("/work/shared/gold")

# A stand-in for the resolver's alias table: label/alias (folded) -> canonical key.
ALIASES = {
    "vladimir putin": "E:putin", "poutine": "E:putin", "putin": "E:putin",
    "donald trump": "E:trump", "trump": "E:trump",
    "tass": "E:tass", "tass agency": "E:tass",
}


def canon(label: str) -> str | None:
    return ALIASES.get(label.casefold())


def no_canon(label: str) -> str | None:
    return None


def gst(subject, predicate, obj, **kw) -> dict:
    """A seed-style gold statement."""
    return {"subject": subject, "predicate": predicate, "object": obj, "object_kind": "entity",
            "modality": "asserted", "attributed_to": None, "required": True, **kw}


def pst(subject, predicate, obj, doc="d1", kind="entity", **kw) -> dict:
    """A prediction in the `kg extract --format jsonl` shape; string arguments become labels."""
    def arg(a):
        return a if isinstance(a, dict) or a is None else {"label": a, "text": a}
    o = arg(obj)
    if o is not None:
        o = {**o, "kind": kind}
    return {"document": doc, "subject": arg(subject), "predicate": predicate, "object": o,
            "modality": kw.pop("modality", "asserted"), "attributed_to": kw.pop("attributed_to", None),
            "event_type": kw.pop("event_type", None), "evidence": {"text": "…", "start": 0, "end": 1},
            **kw}


def doc(statements, id="d1", lang="en", entities=(), gold_file=None, text="") -> dict:
    d = {"id": id, "lang": lang, "text": text, "entities": list(entities), "statements": statements}
    if gold_file:
        d["gold_file"] = gold_file
    return d


def run(gold_docs, preds, canon_fn=canon, link=None):
    grouped: dict[str, list[dict]] = {}
    for p in preds:
        grouped.setdefault(p["document"], []).append(p)
    return score(gold_docs if isinstance(gold_docs, list) else [gold_docs], grouped, canon_fn, link)


# -- seed rule ---------------------------------------------------------------------------------------

def test_exact_match():
    r = run(doc([gst("Vladimir Putin", "invite", "Donald Trump")]),
            [pst("vladimir  PUTIN", "invite", "Donald Trump")], no_canon)
    c = r.overall
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)
    assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)


def test_alias_match_goes_through_canon():
    gold = doc([gst("Vladimir Putin", "invite", "Donald Trump")])
    pred = [pst("Poutine", "invite", "Trump")]
    assert run(gold, pred, canon).overall.tp == 1
    unmatched = run(gold, pred, no_canon).overall
    assert (unmatched.tp, unmatched.fp, unmatched.fn) == (0, 1, 1)


def test_wikidata_match_uses_gold_entities():
    gold = doc([gst("Vladimir Putin", "invite", "Donald Trump")],
               entities=[{"mention": "Poutine", "label": "Vladimir Putin", "wikidata": "Q7747"},
                         {"mention": "Trump", "label": "Donald Trump", "wikidata": "Q22686"}])
    right = pst({"label": "Putin V.", "text": "le président russe", "wikidata": "Q7747"}, "invite",
                {"label": "D. J. Trump", "wikidata": "Q22686"})
    wrong = pst({"label": "Putin V.", "wikidata": "Q1"}, "invite", "Donald Trump")
    assert run(gold, [right], no_canon).overall.tp == 1
    assert run(gold, [wrong], no_canon).overall.tp == 0


def test_predicate_alt_and_relaxed_vs_strict():
    gold = doc([gst("Donald Trump", "talk", "Vladimir Putin", predicate_alt=["call", "speak"])])
    assert run(gold, [pst("Trump", "call", "Putin")]).overall.tp == 1
    c = run(gold, [pst("Trump", "invite", "Putin")]).overall
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert (c.relaxed_tp, c.relaxed_fp, c.relaxed_fn) == (1, 0, 0)
    assert c.relaxed_f1 == 1.0 and c.f1 == 0.0


def test_symmetric_relation_matches_swapped_but_directed_one_does_not():
    sym = doc([gst("Donald Trump", "meet", "Vladimir Putin")])
    assert run(sym, [pst("Putin", "meet", "Trump")]).overall.tp == 1
    directed = doc([gst("Vladimir Putin", "invite", "Donald Trump")])
    c = run(directed, [pst("Trump", "invite", "Putin")]).overall
    assert (c.tp, c.fp, c.relaxed_tp) == (0, 1, 0)


def test_symmetric_predicate_alt_allows_swap():
    gold = doc([gst("Donald Trump", "reach", "Vladimir Putin", predicate_alt=["agree"])])
    assert run(gold, [pst("Putin", "agree", "Trump")]).overall.tp == 1
    assert run(gold, [pst("Putin", "reach", "Trump")]).overall.tp == 0


def test_proposition_needs_half_of_the_content_words():
    gold = doc([gst("Donald Trump", "say", "sanctions hurt Russian banks",
                    object_kind="proposition")])

    def tp(text):
        return run(gold, [pst("Trump", "say", {"text": text, "label": None}, kind="proposition")]
                   ).overall.tp
    assert tp("the sanctions will hurt Russian lenders") == 1  # 3 of 4
    assert tp("sanctions against banks") == 1  # exactly 2 of 4
    assert tp("sanctions are coming") == 0  # 1 of 4


def test_stop_words_do_not_count_as_content_words():
    gold = doc([gst("Donald Trump", "say", "il avait un appel très productif avec Poutine",
                    object_kind="proposition")], lang="fr")
    assert content_words("il avait un appel très productif avec Poutine", "fr") == [
        "appel", "productif", "poutine"]
    pred = [pst("Trump", "say", {"text": "il avait un très long échange avec"}, kind="proposition")]
    assert run(gold, pred).overall.tp == 0
    pred = [pst("Trump", "say", {"text": "un appel productif"}, kind="proposition")]
    assert run(gold, pred).overall.tp == 1


def test_optional_gold_is_neither_tp_nor_fp():
    gold = doc([gst("Donald Trump", "invite", "Vladimir Putin"),
                gst("Donald Trump", "talk", "Vladimir Putin", required=False)])
    c = run(gold, [pst("Trump", "talk", "Putin")]).overall
    assert (c.gold, c.tp, c.fp, c.fn, c.ignored) == (1, 0, 0, 1, 1)
    assert c.precision is None and c.recall == 0.0


def test_duplicates_count_once_and_false_positives_count():
    gold = doc([gst("Donald Trump", "invite", "Vladimir Putin")])
    preds = [pst("Trump", "invite", "Putin"), pst("Donald Trump", "invite", "Poutine"),
             pst("Putin", "threaten", "Trump")]
    r = run(gold, preds)
    c = r.overall
    assert (c.tp, c.fp, c.fn, c.ignored) == (1, 1, 0, 1)
    assert c.precision == 0.5 and c.recall == 1.0
    assert [e.predicted["predicate"] for e in r.false_positives] == ["threaten"]


def test_maximum_matching_beats_greedy_order():
    # gold 1 accepts both predictions, gold 2 only the first: greedy in gold order would give
    # gold 1 the first prediction and miss gold 2.
    gold = doc([gst("Donald Trump", "say", "sanctions banks", object_kind="proposition"),
                gst("Donald Trump", "say", "sanctions banks oil gas", object_kind="proposition")])
    preds = [pst("Trump", "say", {"text": "sanctions on banks, oil and gas"}, kind="proposition"),
             pst("Trump", "say", {"text": "sanctions"}, kind="proposition")]
    c = run(gold, preds).overall
    assert (c.tp, c.fp, c.fn) == (2, 0, 0)


def test_preferences_never_cost_a_match():
    # Relaxed: pairing gold 1 with its "better" prediction (same predicate and modality) would
    # leave gold 2 unmatched; cardinality comes first, preferences only break ties.
    gold = doc([gst("Donald Trump", "say", "sanctions banks", object_kind="proposition"),
                gst("Donald Trump", "warn", "sanctions banks oil gas", object_kind="proposition")])
    preds = [pst("Trump", "say", {"text": "sanctions on banks, oil and gas"}, kind="proposition"),
             pst("Trump", "deny", {"text": "sanctions"}, kind="proposition",
                 modality="hypothetical")]
    c = run(gold, preds).overall
    assert (c.relaxed_tp, c.relaxed_fn) == (2, 0)
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


def test_modality_and_attribution_accuracy_on_matched_pairs():
    gold = doc([gst("Vladimir Putin", "invite", "Donald Trump", modality="reported",
                    attributed_to="TASS"),
                gst("Donald Trump", "meet", "Vladimir Putin", modality="planned"),
                gst("Donald Trump", "threaten", "Vladimir Putin")])
    preds = [pst("Putin", "invite", "Trump", modality="reported",
                 attributed_to={"label": "Tass agency", "wikidata": None}),
             pst("Trump", "meet", "Putin", modality="asserted", attributed_to="TASS"),
             pst("Trump", "threaten", "Putin")]
    r = run(gold, preds)
    c = r.overall
    assert (c.modality_correct, c.modality_total) == (2, 3)
    assert (c.attribution_correct, c.attribution_total) == (2, 3)
    assert sorted(e.kind for e in r.mismatches) == ["attribution", "modality"]
    assert all(e.gold["predicate"] == "meet" for e in r.mismatches)


def test_matching_prefers_the_prediction_with_the_same_modality():
    gold = doc([gst("Donald Trump", "invite", "Vladimir Putin", modality="reported")])
    preds = [pst("Trump", "invite", "Putin", modality="asserted"),
             pst("Trump", "invite", "Putin", modality="reported")]
    c = run(gold, preds).overall
    assert c.modality_accuracy == 1.0 and c.tp == 1 and c.fp == 0


# -- PLOVER rule -------------------------------------------------------------------------------------

def pgst(subject, obj, event, **kw) -> dict:
    return {"subject": subject, "object": obj, "object_kind": "entity", "predicate": None,
            "event_type": event, "required": True, **kw}


def test_plover_detection():
    assert is_plover(doc([pgst("Israel", "Lebanon", "CONSULT")]))
    assert not is_plover(doc([gst("Donald Trump", "meet", "Vladimir Putin", event_type="CONSULT")]))


def test_plover_actor_pair_recall_event_accuracy_and_strict_figures():
    gold = [doc([pgst("Senior Hungarian officials", "Romanian refugees", "AGREE")], id="p1"),
            doc([pgst("Israeli army", "Palestinian protesters", "ASSAULT")], id="p2")]
    preds = [pst({"text": "Hungarian officials", "label": "Hungary"}, "agree",
                 {"text": "the Romanian refugees"}, doc="p1", event_type="AGREE"),
             pst({"text": "the Israeli army"}, "attack", {"text": "Palestinians protesting"},
                 doc="p2", event_type="FIGHT")]
    r = run(gold, preds, no_canon)
    c = r.overall
    assert c.relaxed_recall == 1.0  # actor-pair recall
    assert (c.event_type_correct, c.event_type_total) == (1, 2)
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)
    assert [e.kind for e in r.mismatches] == ["event_type"]
    assert r.misses[0].evidence == ""  # the gold sentence (empty in this hand-made doc)


def test_plover_half_of_actor_words_and_label_fallback():
    gold = doc([pgst("U.S. Secretary of State Warren Christopher", "United States", "CONSULT")])

    def tp(subject, obj="U.S."):
        return run(gold, [pst(subject, "x", obj, event_type="CONSULT")], no_canon).overall.tp
    assert tp({"text": "Warren Christopher"}, {"text": "it", "label": "United States"}) == 1
    assert tp({"text": "Christopher"}, {"text": "United States"}) == 0  # 1 of 4 content words
    assert tp({"text": "Warren Christopher"}, {"text": "the States"}) == 1  # 1 of 2 is half


def test_plover_whitespace_is_collapsed():
    gold = doc([pgst("Greek  Cypriot   leaders ", " Turkish\tgovernment", "REJECT")])
    pred = pst({"text": "Greek Cypriot\nleaders"}, "reject", {"text": "the Turkish  government"},
               event_type="REJECT")
    assert run(gold, [pred], no_canon).overall.tp == 1


def test_plover_reciprocal_matches_swapped_and_plain_does_not():
    recip = doc([pgst("Jordan", "Britain", "AGREE", reciprocal=True)])
    plain = doc([pgst("Jordan", "Britain", "AGREE")])
    swapped = [pst({"text": "Britain"}, "agree", {"text": "Jordan"}, event_type="AGREE")]
    assert run(recip, swapped, no_canon).overall.tp == 1
    assert run(plain, swapped, no_canon).overall.relaxed_tp == 0


def test_plover_null_gold_actor_matches_any():
    gold = doc([pgst("Iraqi troops", None, "MOBILIZE"), pgst(None, "Iraqi civilians", "ASSAULT")])
    preds = [pst({"text": "Iraqi troops"}, "mobilize", None, event_type="MOBILIZE"),
             pst({"text": "someone"}, "kill", {"text": "people in Iraq"}, event_type="ASSAULT")]
    c = run(gold, preds, no_canon).overall
    assert (c.tp, c.fn) == (1, 1)  # the null subject matches, but "iraqi" is not in "Iraq"
    preds[1]["object"]["text"] = "civilians"  # 1 of 2 content words: half
    assert run(gold, preds, no_canon).overall.tp == 2


def test_plover_prediction_without_event_type_is_not_a_false_positive():
    gold = doc([pgst("Israel", "Lebanon", "CONSULT")])
    preds = [pst({"text": "Israel"}, "say", {"text": "something"}),
             pst({"text": "Israel"}, "meet", {"text": "Lebanon"}, event_type="CONSULT")]
    c = run(gold, preds, no_canon).overall
    assert (c.tp, c.fp, c.ignored) == (1, 0, 1)


# -- aggregation, linking, output --------------------------------------------------------------------

def test_per_file_and_overall_are_micro_averaged():
    gold = [doc([gst("Donald Trump", "invite", "Vladimir Putin")], id="a", gold_file="a.jsonl"),
            doc([gst("Donald Trump", "meet", "Vladimir Putin"),
                 gst("Donald Trump", "threaten", "Vladimir Putin")], id="b", gold_file="b.jsonl")]
    preds = [pst("Trump", "invite", "Putin", doc="a"), pst("Trump", "meet", "Putin", doc="b"),
             pst("Putin", "praise", "Trump", doc="b"), pst("X", "y", "Z", doc="elsewhere")]
    r = run(gold, preds)
    assert r.files["a.jsonl"].f1 == 1.0
    b = r.files["b.jsonl"]
    assert (b.tp, b.fp, b.fn, b.precision, b.recall) == (1, 1, 1, 0.5, 0.5)
    o = r.overall
    assert (o.documents, o.gold, o.predicted, o.tp, o.fp, o.fn) == (2, 3, 3, 2, 1, 1)
    assert o.precision == pytest.approx(2 / 3) and o.recall == pytest.approx(2 / 3)
    assert r.unscored_documents == ["elsewhere"]


def test_entity_linking_accuracy():
    entities = [{"mention": "Poutine", "label": "Vladimir Putin", "wikidata": "Q7747"},
                {"mention": "Trump", "label": "Donald Trump", "wikidata": "Q22686"},
                {"mention": "Tass", "label": "TASS", "wikidata": None},
                {"mention": "Kremlin", "label": "Moscow Kremlin", "wikidata": None}]
    answers = {"Poutine": ("Putin (unknown label)", "Q7747"), "Trump": ("Trump", None),
               "Tass": ("Tass agency", None), "Kremlin": ("Kremlin", None)}
    gold = doc([], entities=entities)
    r = run(gold, [], canon, link=lambda mention, d: answers[mention])
    assert (r.overall.linking_correct, r.overall.linking_total) == (3, 4)
    assert [e.gold["mention"] for e in r.linking_errors] == ["Kremlin"]
    assert run(gold, [], canon, link=None).overall.linking_accuracy is None


def test_outputs_table_json_and_error_files(tmp_path):
    gold = doc([gst("Donald Trump", "invite", "Vladimir Putin", evidence="Trump invited Putin"),
                gst("Donald Trump", "meet", "Vladimir Putin", modality="planned")],
               gold_file="g.jsonl")
    preds = [pst("Trump", "meet", "Putin"), pst("Putin", "praise", "Trump")]
    r = run(gold, preds)
    table = render_table(r)
    assert isinstance(table, Table) and table.row_count == 2
    data = json.loads(json.dumps(to_json(r)))
    assert data["files"]["g.jsonl"]["counts"]["tp"] == 1
    assert data["errors"] == {"false_positives": 1, "misses": 1, "mismatches": 1,
                              "linking_errors": 0}
    paths = write_errors(r, tmp_path / "errs")
    assert [p.name for p in paths][:3] == ["false_positives.jsonl", "misses.jsonl",
                                           "mismatches.jsonl"]
    misses = [json.loads(x) for x in (tmp_path / "errs/misses.jsonl").read_text().splitlines()]
    assert misses[0]["document"] == "d1" and misses[0]["evidence"] == "Trump invited Putin"
    fps = [json.loads(x) for x in (tmp_path / "errs/false_positives.jsonl").read_text().splitlines()]
    assert fps[0]["predicted"]["predicate"] == "praise"


def test_load_gold_and_predictions(tmp_path):
    good = tmp_path / "g.jsonl"
    good.write_text(json.dumps({"id": "x", "statements": [gst("A", "meet", "B")]}) + "\n\n")
    docs = load_gold(good)
    assert docs[0]["gold_file"] == "g.jsonl"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "statements": []}) + "\n{not json\n")
    with pytest.raises(InputError) as err:
        load_gold(bad)
    assert err.value.line == 2 and err.value.source == str(bad)
    dup = tmp_path / "dup.jsonl"
    dup.write_text(json.dumps({"id": "x"}) + "\n" + json.dumps({"id": "x"}) + "\n")
    with pytest.raises(InputError, match="duplicate"):
        load_gold(dup)
    nopred = tmp_path / "np.jsonl"
    nopred.write_text(json.dumps({"id": "x", "statements": [{"subject": "A", "object": "B"}]}))
    with pytest.raises(InputError, match="neither"):
        load_gold(nopred)
    with pytest.raises(InputError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(pst("A", "meet", "B", doc="x")) + "\n")
    assert list(load_predictions(preds)) == ["x"]


def test_covers_half_needs_a_word_start():
    assert covers_half(["israeli"], "The Israelis")
    assert not covers_half(["us"], "business leaders")


# -- the real gold files, scored against themselves ---------------------------------------------------

def _as_predictions(d: dict) -> list[dict]:
    wikidata = {e["label"]: e.get("wikidata") for e in d.get("entities", [])}
    out = []
    for s in d["statements"]:
        entity = s.get("object_kind", "entity") == "entity"
        subject = {"label": s["subject"], "text": s["subject"], "wikidata": wikidata.get(s["subject"])}
        obj = None if s["object"] is None else {
            "label": s["object"] if entity else None, "text": s["object"],
            "kind": s.get("object_kind", "entity"), "wikidata": wikidata.get(s["object"])}
        out.append({"document": d["id"], "subject": subject, "predicate": s.get("predicate"),
                    "object": obj, "modality": s.get("modality"),
                    "attributed_to": s.get("attributed_to"), "event_type": s.get("event_type"),
                    "evidence": {"text": s.get("evidence") or d.get("text")}})
    return out


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="shared gold directory absent")
def test_real_gold_scored_against_itself_is_perfect():
    docs = load_gold(GOLD_DIR)
    preds = {d["id"]: _as_predictions(d) for d in docs}

    def link(mention, d):
        e = next(e for e in d["entities"] if e["mention"] == mention)
        return e["label"], e.get("wikidata")

    r = score(docs, preds, no_canon, link)
    assert {"plover_gsr.en.jsonl", "seed.fr.jsonl"} <= set(r.files)
    for counts in [r.overall, *r.files.values()]:
        assert counts.fp == counts.fn == counts.relaxed_fp == counts.relaxed_fn == 0
        figures = {k: v for k, v in counts.figures().items() if v is not None}
        assert figures and all(v == 1.0 for v in figures.values()), figures
    assert r.files["plover_gsr.en.jsonl"].gold == 345
    assert r.files["seed.fr.jsonl"].linking_total == 20
    assert not (r.false_positives or r.misses or r.mismatches or r.linking_errors)
