"""When does a predicted statement match a gold statement (the rules of gold/README.md)?

Two rule sets, chosen per gold document:
- seed rule: labels equal after alias lookup (``canon``) or case folding, or same Wikidata id;
  proposition objects by the half-of-content-words rule; predicate exact or ``predicate_alt``;
  symmetric relations also match swapped;
- PLOVER rule: half of the gold actor string's content words appear in the predicted actor's
  text (or label); gold actor null matches anything; ``reciprocal`` also matches swapped; the
  event type replaces the predicate.

And one assignment: a maximum bipartite matching (see ``max_matching``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import networkx as nx

from kg.evaluate.text import content_words, covers_half, fold

#: Relations whose two arguments can be given in either order (gold/README.md, rule 3).
SYMMETRIC = frozenset({"agree", "discuss", "talk", "meet", "negotiate", "cooperate"})


def is_plover(doc: dict) -> bool:
    """PLOVER rule when every gold statement has no predicate and an event type."""
    sts = doc.get("statements") or []
    return bool(sts) and all(s.get("predicate") is None and s.get("event_type") for s in sts)


@dataclass
class DocContext:
    """What matching needs besides the two statements: language, canon, gold label→Wikidata."""

    lang: str | None
    canon: Callable[[str], str | None]
    gold_wikidata: dict[str, str] = field(default_factory=dict)  # folded label -> Q-id

    @classmethod
    def of(cls, doc: dict, canon: Callable[[str], str | None]) -> DocContext:
        wd = {fold(e["label"]): e["wikidata"] for e in doc.get("entities") or []
              if e.get("label") and e.get("wikidata")}
        return cls(lang=doc.get("lang"), canon=canon, gold_wikidata=wd)

    def same_label(self, predicted: str | None, gold: str | None) -> bool:
        """Equal canonical keys when ``canon`` knows both labels, else equal folded labels."""
        if not predicted or not gold:
            return False
        kp, kg = self.canon(predicted), self.canon(gold)
        if kp is not None and kg is not None:
            return kp == kg
        return fold(predicted) == fold(gold)

    def same_entity(self, arg, gold_label: str | None) -> bool:
        """A predicted argument (dict or string) denotes the gold entity ``gold_label``."""
        gold_wd = self.gold_wikidata.get(fold(gold_label))
        if gold_wd and _wikidata(arg) == gold_wd:
            return True
        return self.same_label(_label(arg), gold_label)


# -- accessors: predictions may give arguments as dicts or (leniently) as plain strings ----------

def _label(arg) -> str | None:
    if isinstance(arg, dict):
        return arg.get("label") or arg.get("text")
    return arg or None


def _wikidata(arg) -> str | None:
    return arg.get("wikidata") if isinstance(arg, dict) else None


def _texts(arg) -> list[str]:
    """Texts an actor match may use: the surface text, then the canonical label."""
    if isinstance(arg, dict):
        return [t for t in (arg.get("text"), arg.get("label")) if t]
    return [arg] if arg else []


def _object_text(arg) -> str | None:
    if isinstance(arg, dict):
        return arg.get("text") or arg.get("label")
    return arg or None


def accepted_predicates(gold: dict) -> set[str]:
    """The gold predicate and its ``predicate_alt`` names, folded."""
    names = [gold.get("predicate")] + list(gold.get("predicate_alt") or [])
    return {fold(n) for n in names if n}


def same_event(pred: dict, gold: dict) -> bool:
    p, g = fold(pred.get("event_type")), fold(gold.get("event_type"))
    return bool(p) and p == g


def same_attribution(pred: dict, gold: dict, ctx: DocContext) -> bool:
    """Both null, or the same source after alias lookup / Wikidata id."""
    p, g = pred.get("attributed_to") or None, gold.get("attributed_to") or None
    if p is None or g is None:
        return p is None and g is None
    return ctx.same_entity(p, g)


# -- seed rule -------------------------------------------------------------------------------------

def seed_match(pred: dict, gold: dict, ctx: DocContext, use_predicate: bool = True) -> bool:
    """Rules 1-3 of gold/README.md; with ``use_predicate=False`` the "relaxed" variant."""
    predicate = fold(pred.get("predicate"))
    accepted = accepted_predicates(gold)
    if use_predicate and predicate not in accepted:
        return False
    subj, obj = pred.get("subject"), pred.get("object")
    if ctx.same_entity(subj, gold.get("subject")) and _seed_object(obj, gold, ctx):
        return True
    if gold.get("object_kind", "entity") != "entity":
        return False
    # The gold relation is symmetric, or the prediction uses an accepted symmetric name.
    swappable = fold(gold.get("predicate")) in SYMMETRIC or (
        predicate in SYMMETRIC and predicate in accepted)
    return swappable and ctx.same_entity(obj, gold.get("subject")) and ctx.same_entity(
        subj, gold.get("object"))


def _seed_object(obj, gold: dict, ctx: DocContext) -> bool:
    if gold.get("object_kind", "entity") == "proposition":
        return covers_half(content_words(gold.get("object"), ctx.lang), _object_text(obj))
    return ctx.same_entity(obj, gold.get("object"))


# -- PLOVER rule -----------------------------------------------------------------------------------

def plover_actor(arg, gold_text: str | None, lang: str | None) -> bool:
    """Half of the gold actor's content words appear in the predicted text or label.

    A null gold actor (no target, or a passive sentence without source) matches anything.
    """
    if gold_text is None:
        return True
    words = content_words(gold_text, lang)
    return any(covers_half(words, t) for t in _texts(arg))


def plover_match(pred: dict, gold: dict, ctx: DocContext, use_event: bool = True) -> bool:
    """Actor pair (swapped too when ``reciprocal``) and, when ``use_event``, the event type."""
    if use_event and not same_event(pred, gold):
        return False
    subj, obj = pred.get("subject"), pred.get("object")
    gs, go = gold.get("subject"), gold.get("object")
    if plover_actor(subj, gs, ctx.lang) and plover_actor(obj, go, ctx.lang):
        return True
    return bool(gold.get("reciprocal")) and plover_actor(obj, gs, ctx.lang) and plover_actor(
        subj, go, ctx.lang)


# -- assignment ------------------------------------------------------------------------------------

def max_matching(edges: dict[tuple[int, int], int], n_gold: int) -> dict[int, int]:
    """Gold index -> prediction index: a maximum-cardinality matching, of maximum total weight
    among those (weights prefer e.g. same modality), so no gold statement is lost to a greedy
    choice that a later gold statement needed.

    Nodes are ints (gold i, prediction ``n_gold + j``) and edges are added in gold, then
    prediction order: the result does not depend on hash seeds, so it is deterministic.
    """
    graph = nx.Graph()
    for (g, p), weight in edges.items():
        graph.add_edge(g, n_gold + p, weight=weight)
    pairs = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        g, p = (a, b) if a < n_gold else (b, a)
        pairs[g] = p - n_gold
    return dict(sorted(pairs.items()))
