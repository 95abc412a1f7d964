"""Confidence of a statement, from how it was found and how its actors were resolved.

A product of factors, each documented here (docs/decisions.md points to this table):
the base of the pattern that produced it, times a factor per weaker step on the way (coreference,
inherited subject, mis-attached name, inverted parse), times the weakest actor resolution
(exact/alias 1.0, role at date 0.95, fuzzy = its similarity, minted 0.8).
"""
from __future__ import annotations

from .types import Resolution

BASE = {"obj": 0.9, "iobj": 0.9, "obl": 0.85, "ccomp": 0.85, "xcomp": 0.75, "none": 0.7, "symmetric": 0.75,
        "claim": 0.85, "claim-inverted": 0.7, "claim-parataxis": 0.7, "claim-deontic": 0.65, "deep": 0.6}
STEP = {"coref": 0.85, "plural": 0.8, "quote-speaker": 0.75, "inherited": 0.9, "relative": 0.85,
        "name-before-verb": 0.8, "passive": 0.95, "nested": 0.9, "according-to": 1.0, "role": 0.95,
        "apposition": 1.0, "noun": 0.9, "propn": 0.85, "plural-symmetric": 0.9, "modifier": 0.85}
RESOLUTION = {"exact": 1.0, "alias": 1.0, "role": 0.95, "coref": 1.0, "minted": 0.8}


def confidence(pattern: str, resolutions: list[Resolution | None]) -> float:
    parts = pattern.split("+")
    head = parts[0].split(":")[0]
    value = BASE.get(head, 0.7)
    for p in parts[1:]:
        value *= STEP.get(p, 1.0)
    res = [RESOLUTION.get(r.method, r.score) if r.method != "fuzzy" else r.score for r in resolutions if r is not None]
    if res:
        value *= min(res)
    return round(value, 3)
