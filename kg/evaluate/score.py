"""Scoring predictions against gold documents: counts, matched pairs and errors per document."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kg.evaluate.match import (
    DocContext, accepted_predicates, is_plover, max_matching, plover_match, same_attribution,
    same_event, seed_match,
)
from kg.evaluate.report import Counts, ErrorItem, EvalReport
from kg.evaluate.text import fold

Canon = Callable[[str], "str | None"]
Link = Callable[[str, dict], "tuple[str | None, str | None]"]


def score(gold_docs: list[dict], predictions: dict[str, list[dict]], canon: Canon,
          link: Link | None = None) -> EvalReport:
    """Score ``predictions`` (document id -> predicted statements) against ``gold_docs``.

    ``canon(label)`` maps a label or alias to a canonical key (None when unknown: then folded
    labels are compared). ``link(mention, gold_doc)`` returns the ``(label, wikidata)`` the
    resolver gives a mention in that document; without it entity linking is not scored.
    Figures are micro-averaged per gold file (``gold_file``, set by ``load_gold``) and overall.
    """
    canon = _safe_cache(canon)
    report = EvalReport()
    for doc in gold_docs:
        ctx = DocContext.of(doc, canon)
        rule = "plover" if is_plover(doc) else "seed"
        counts = _score_document(doc, predictions.get(doc["id"], []), rule, ctx, report)
        if link is not None:
            _score_linking(doc, link, ctx, counts, report)
        report.rules[doc["id"]] = rule
        report.documents[doc["id"]] = counts
        report.files.setdefault(doc.get("gold_file", "gold"), Counts()).add(counts)
        report.overall.add(counts)
    known = {doc["id"] for doc in gold_docs}
    report.unscored_documents = sorted(d for d in predictions if d not in known)
    return report


def _safe_cache(canon: Canon) -> Canon:
    cached = lru_cache(maxsize=None)(canon)
    return lambda label: cached(label) if label else None


@dataclass
class _Assignment:
    pairs: dict[int, int]  # required gold index -> prediction index
    false_positives: list[int]
    ignored: int


def _assign(required: list[dict], optional: list[dict], preds: list[dict],
            ok: Callable[[dict, dict], bool], weight: Callable[[dict, dict], int],
            never_fp: Callable[[dict], bool]) -> _Assignment:
    """Match predictions to required gold statements; classify the rest.

    An unmatched prediction is ignored (not a false positive) when it matches a required gold
    statement that another prediction already matched (a duplicate), matches an optional gold
    statement, or ``never_fp`` says it cannot count against precision.
    """
    edges = {(gi, pj): weight(p, g) for gi, g in enumerate(required)
             for pj, p in enumerate(preds) if ok(p, g)}
    pairs = max_matching(edges, len(required))
    used, matchable = set(pairs.values()), {pj for _, pj in edges}
    fps, ignored = [], 0
    for pj, p in enumerate(preds):
        if pj in used:
            continue
        if pj in matchable or any(ok(p, g) for g in optional) or never_fp(p):
            ignored += 1
        else:
            fps.append(pj)
    return _Assignment(pairs, fps, ignored)


def _score_document(doc: dict, preds: list[dict], rule: str, ctx: DocContext,
                    report: EvalReport) -> Counts:
    statements = doc.get("statements") or []
    required = [s for s in statements if s.get("required", True)]
    optional = [s for s in statements if not s.get("required", True)]

    def weight(p: dict, g: dict) -> int:
        # Tie-breaks among maximum matchings: the predicate/event, then modality, attribution.
        strict = (fold(p.get("predicate")) in accepted_predicates(g)) if rule == "seed" \
            else same_event(p, g)
        return (1 + 8 * strict + 4 * (p.get("modality") == g.get("modality"))
                + 2 * same_attribution(p, g, ctx))

    if rule == "plover":
        def strict(p, g): return plover_match(p, g, ctx, use_event=True)
        def relaxed(p, g): return plover_match(p, g, ctx, use_event=False)
        # PLOVER gold codes only events: a prediction without an event type that matches
        # nothing is not an error of this gold set.
        def never_fp(p): return not p.get("event_type")
    else:
        def strict(p, g): return seed_match(p, g, ctx, use_predicate=True)
        def relaxed(p, g): return seed_match(p, g, ctx, use_predicate=False)
        def never_fp(p): return False

    s = _assign(required, optional, preds, strict, weight, never_fp)
    r = _assign(required, optional, preds, relaxed, weight, never_fp)
    c = Counts(documents=1, gold=len(required), predicted=len(preds),
               tp=len(s.pairs), fp=len(s.false_positives), fn=len(required) - len(s.pairs),
               ignored=s.ignored, relaxed_tp=len(r.pairs), relaxed_fp=len(r.false_positives),
               relaxed_fn=len(required) - len(r.pairs), relaxed_ignored=r.ignored)
    doc_id, sentence = doc["id"], doc.get("text") if rule == "plover" else None

    for gi, pj in s.pairs.items():
        g, p = required[gi], preds[pj]
        if g.get("modality") is not None:
            c.modality_total += 1
            if p.get("modality") == g["modality"]:
                c.modality_correct += 1
            else:
                report.mismatches.append(ErrorItem(
                    doc_id, "modality", g, p, _evidence(p, g, sentence),
                    f"gold {g['modality']}, predicted {p.get('modality')}"))
        if "attributed_to" in g:
            c.attribution_total += 1
            if same_attribution(p, g, ctx):
                c.attribution_correct += 1
            else:
                report.mismatches.append(ErrorItem(
                    doc_id, "attribution", g, p, _evidence(p, g, sentence),
                    f"gold {g.get('attributed_to')!r}, predicted {p.get('attributed_to')!r}"))
    for gi, pj in r.pairs.items():
        g, p = required[gi], preds[pj]
        if g.get("event_type"):
            c.event_type_total += 1
            if same_event(p, g):
                c.event_type_correct += 1
            else:
                report.mismatches.append(ErrorItem(
                    doc_id, "event_type", g, p, _evidence(p, g, sentence),
                    f"gold {g['event_type']}, predicted {p.get('event_type')}"))

    for gi, g in enumerate(required):
        if gi not in s.pairs:
            near = preds[r.pairs[gi]] if gi in r.pairs else None
            detail = "" if near is None else (
                f"arguments match a prediction with predicate {near.get('predicate')!r}, "
                f"event type {near.get('event_type')!r}")
            report.misses.append(ErrorItem(doc_id, "miss", g, near, _evidence(None, g, sentence),
                                           detail))
    relaxed_partner = {pj: gi for gi, pj in r.pairs.items()}
    for pj in s.false_positives:
        p = preds[pj]
        gi = relaxed_partner.get(pj)
        detail = "" if gi is None else "arguments match a gold statement, predicate/event differ"
        report.false_positives.append(ErrorItem(
            doc_id, "false_positive", None if gi is None else required[gi], p,
            _evidence(p, None, sentence), detail))
    return c


def _score_linking(doc: dict, link: Link, ctx: DocContext, c: Counts,
                   report: EvalReport) -> None:
    """Correct when the linked Wikidata id equals the gold one, or the labels match."""
    for ent in doc.get("entities") or []:
        label, wikidata = link(ent["mention"], doc)
        ok = bool(ent.get("wikidata")) and wikidata == ent["wikidata"]
        ok = ok or ctx.same_label(label, ent["label"])
        c.linking_total += 1
        c.linking_correct += ok
        if not ok:
            report.linking_errors.append(ErrorItem(
                doc["id"], "linking", ent, {"label": label, "wikidata": wikidata},
                ent["mention"], f"linked to {label!r} ({wikidata}), gold {ent['label']!r} "
                                f"({ent.get('wikidata')})"))


def _evidence(pred: dict | None, gold: dict | None, sentence: str | None) -> str | None:
    """The predicted evidence text, else the gold evidence, else the gold sentence (PLOVER)."""
    ev = (pred or {}).get("evidence")
    if isinstance(ev, dict):
        ev = ev.get("text")
    return ev or (gold or {}).get("evidence") or sentence
