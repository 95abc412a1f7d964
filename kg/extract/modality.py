"""Modality of a statement from its verb: negation, conditional/future morphology, auxiliaries,
adverbs, governing verbs (refuse to, plan to, deny that), if-clauses and reporting frames.
Cues are data (ontology/lexicon/modality.tsv)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..config import ONTOLOGY_DIR
from ..errors import DataError
from ..ids import fold
from ..types import MODALITIES
from .clause import _infinitive
from .lang import Adapter

PRECEDENCE = ("denied", "negated", "hypothetical", "planned", "reported", "asserted")
KINDS = ("aux", "adverb", "governor", "mark", "frame", "deontic", "ultimatum")


@dataclass(frozen=True)
class Cues:
    by_kind: dict[str, dict[str, str]]  # kind → folded cue → modality

    def get(self, kind: str, word: str) -> str | None:
        return self.by_kind.get(kind, {}).get(fold(word))


@lru_cache(maxsize=None)
def cues(lang: str) -> Cues:
    path = ONTOLOGY_DIR / "lexicon" / "modality.tsv"
    by_kind: dict[str, dict[str, str]] = defaultdict(dict)
    with path.open(encoding="utf-8") as f:
        lines = [(n, line.rstrip("\n")) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
    for n, line in lines[1:]:
        row = line.split("\t")
        if len(row) != 4 or row[2] not in KINDS or row[3] not in MODALITIES:
            raise DataError(f"{path}:{n}: expected lang, cue, kind ({'|'.join(KINDS)}), modality")
        if row[0] == lang:
            by_kind[row[2]][fold(row[1])] = row[3]
    try:  # governing verbs declared in the relation lexicon (deny → denied, refuse → negated)
        from ..ontology import load_lexicon

        for lemma, entries in load_lexicon(lang).items():
            for e in entries:
                if e.modality and "+" not in lemma:
                    by_kind["governor"].setdefault(fold(lemma), e.modality)
    except (ImportError, FileNotFoundError, DataError):
        pass
    return Cues(dict(by_kind))


def strongest(found: list[str]) -> str:
    for m in PRECEDENCE:
        if m in found:
            return m
    return "asserted"


NEG_DETERMINERS = {"aucun", "aucune", "nul", "nulle", "no", "kein", "keine", "keinen", "keinem", "keiner"}


def is_negated(verb, ad: Adapter) -> bool:
    # "n'accepterait aucun accord", "accepted no deal", "akzeptiert keinen Deal": a negative determiner on the object
    for c in verb.children:
        if c.dep_ in ad.obj and any(d.lower_ in NEG_DETERMINERS for d in c.children if d.i < c.i):
            return True
    for c in verb.children:
        if c.lower_ in ad.neg_words or c.lemma_.lower() in ad.neg_words or (c.dep_ == "neg" and ad.lang == "en"):
            return True
        if ad.lang == "fr" and "Neg" in c.morph.get("Polarity") and c.lower_ not in ("ne", "n'"):
            return True
    return False


def clause_modalities(verb, ad: Adapter) -> list[str]:
    """Modalities marked on the verb's own clause (not inherited from governors)."""
    cue = cues(ad.lang)
    found = []
    if is_negated(verb, ad):
        found.append("negated")
    marked = [verb] + [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    for t in marked:
        if "Cnd" in t.morph.get("Mood"):
            # the French "conditionnel journalistique": reported unless a modal (devrait/pourrait)
            found.append("hypothetical" if t.lemma_ in ("pouvoir",) else "planned" if t.lemma_ == "devoir" else "reported")
        if "Fut" in t.morph.get("Tense"):
            found.append("planned")
        if t.i != verb.i:
            m = cue.get("aux", t.lower_) or cue.get("aux", t.lemma_)
            if m:
                found.append(m)
    for c in verb.children:
        if c.dep_ in ("advmod", "advcl") and (m := cue.get("adverb", c.lower_)):
            found.append(m)
        if c.dep_ == "mark" and (m := cue.get("mark", c.lower_)):
            found.append(m)
    return found


def governed_modalities(verb, ad: Adapter, stop) -> list[str]:
    """Modalities from verbs governing this one: "refuse de signer", "plans to visit", "nie avoir…".

    ``stop(token)`` tells where to stop climbing (a speech verb that is a reporting frame).
    """
    cue = cues(ad.lang)
    found, t = [], verb
    for _ in range(3):
        if t.dep_ in ad.acl and t.head.dep_ in ad.obj and t.head.head.i != t.head.i and _infinitive(t):
            # "n'a pas l'intention d'attaquer", "has no plan to attack": the noun governs the infinitive,
            # the verb it is the object of carries the clause's own negation or tense
            m = cue.get("governor", t.head.lemma_)
            if m:
                found.append(m)
            found.extend(x for x in clause_modalities(t.head.head, ad) if x != "reported")
            t = t.head.head
            continue
        if t.dep_ not in ad.xcomp and t.dep_ not in ad.ccomp and t.dep_ not in ad.conj:
            break
        head = t.head
        if head.i == t.i:
            break
        if t.dep_ not in ad.conj:
            m = cue.get("governor", head.lemma_)
            if m and (t.dep_ in ad.xcomp or m == "denied"):
                found.append(m)
            if stop(head):
                break
            found.extend(x for x in clause_modalities(head, ad) if x != "reported" or t.dep_ in ad.xcomp)
        t = head
    return found


@lru_cache(maxsize=None)
def _lemmas(filename: str, lang: str) -> frozenset[str]:
    """A ``lang<TAB>lemma`` list in ontology/lexicon/."""
    path = ONTOLOGY_DIR / "lexicon" / filename
    with path.open(encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    if not rows or rows[0] != ["lang", "lemma"] or any(len(r) != 2 for r in rows[1:]):
        raise DataError(f"{path}: expected a 'lang<TAB>lemma' header and two columns per row")
    return frozenset(r[1] for r in rows[1:] if r[0] == lang)


def support_verbs(lang: str) -> frozenset[str]:
    """Light verbs whose object noun names the event (support_verbs.tsv)."""
    return _lemmas("support_verbs.tsv", lang)


def control_verbs(lang: str) -> frozenset[str]:
    """Object-control verbs: their object is their infinitive's subject (control_verbs.tsv)."""
    return _lemmas("control_verbs.tsv", lang)


def ultimatum(verb, ad: Adapter) -> bool:
    """"X will withdraw *unless* Y …", "*à moins que* Y …": an act announced on a condition the other side
    must meet is a threat (CAMEO 13 / PLOVER THREATEN), whatever the act."""
    cue = cues(ad.lang)
    for c in verb.children:
        if c.dep_ in ad.advcl:
            for g in c.children:
                if g.dep_ == "mark":
                    words = " ".join([g.lower_] + [f.lower_ for f in g.children if f.dep_ == "fixed"])
                    if cue.get("ultimatum", words) or cue.get("ultimatum", g.lower_):
                        return True
    return False
