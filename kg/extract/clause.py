"""What the pattern rules share: constants of the grammar, the per-sentence state (reporting
frames, cached subjects) and small tests on verb forms."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..types import Argument, Span

OPENING_QUOTES = {"«", "“", '"', "„", "‹"}
SPEAKER_PRONOUNS = {"il", "elle", "he", "she", "it"}
PLAIN_SPEECH = {"say", "announce", "write", "claim", "report", "confirm"}
AGENT_PREPS = {"par", "by", "von", "durch"}
LOCATION_PREPS = {"à", "en", "dans", "in", "at", "nach", "bei", "im", "zu"}
IMPERSONAL = {"falloir", "sembler", "agir", "pleuvoir", "paraître", "exister", "rester", "manquer", "convenir"}
COMPLEMENTIZERS = {"que", "qu'", "that", "dass", "ob"}


@dataclass
class Frame:
    """A reporting frame: who is the source of what a clause says."""

    speaker: list[Argument]
    verb: object
    candidate_index: int | None  # the speech statement, when one was emitted


@dataclass
class SentenceState:
    sent_no: int
    frames: dict[int, Frame] = field(default_factory=dict)  # token index → frame of the clause it is in
    subjects: dict[int, tuple[list[Argument], str]] = field(default_factory=dict)  # verb index → (subjects, how)

def is_passive(v, ad) -> bool:
    """A passive auxiliary, or a bare past participle heading its clause ("Zelensky reçu à la Maison
    Blanche", "Zelensky received at the White House": headline and reduced-clause passives)."""
    if any(c.dep_ in ad.aux_pass for c in v.children):
        return True
    bare = not any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in v.children)
    if ad.lang == "en":
        # taggers often read a headline participle as a past tense: no object and a "by" agent tell
        by_agent = any(c.dep_ == "prep" and c.lower_ == "by" and any(g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                                                                    for g in c.children) for c in v.children)
        participle = v.tag_ == "VBN" or v.tag_ == "VBD" and by_agent and not any(c.dep_ in ad.obj for c in v.children)
    else:
        participle = "Part" in v.morph.get("VerbForm") and "Past" in v.morph.get("Tense")
    return bare and participle and v.dep_ in ("ROOT", "conj", "parataxis")


def _present_participle(v) -> bool:
    return v.tag_ == "VBG" or "Part" in v.morph.get("VerbForm") and "Pres" in v.morph.get("Tense")


def _infinitive(v) -> bool:
    return "Inf" in v.morph.get("VerbForm") or v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children)


def _via(s: Argument, o: Argument) -> str:
    vias = sorted({a.via for a in (s, o) if a.via not in ("direct",)})
    return ("+" + "+".join(vias)) if vias else ""


def _trim(span: Span) -> Span:
    text = span.text
    lead = len(text) - len(text.lstrip(" ,;:-–—“”\"«»"))
    trail = len(text) - len(text.rstrip(" \n"))
    return Span(span.start + lead, span.end - trail, text[lead:len(text) - trail])
