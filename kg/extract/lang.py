"""Dependency-label adapters: the French model speaks Universal Dependencies, the English one
ClearNLP labels. Patterns ask the adapter, never a label literal, so they work for both."""
from __future__ import annotations

from dataclasses import dataclass

_PREP_NORMAL = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "à_le": "à", "zum": "zu", "zur": "zu",
                "beim": "bei", "im": "in", "am": "an", "vom": "von",
                "d'_après": "d'après", "de_après": "d'après", "according_to": "according"}


@dataclass(frozen=True)
class Adapter:
    lang: str
    subj: frozenset[str]
    subj_pass: frozenset[str]
    expl_subj: frozenset[str]
    obj: frozenset[str]
    iobj: frozenset[str]
    obl: frozenset[str]  # prepositional complements of a verb (UD: obl*; ClearNLP: prep)
    nmod: frozenset[str]  # prepositional modifiers of a noun
    agent: frozenset[str]
    aux_pass: frozenset[str]
    ccomp: frozenset[str]
    xcomp: frozenset[str]
    advcl: frozenset[str]
    parataxis: frozenset[str]
    relcl: frozenset[str]
    acl: frozenset[str]
    appos: frozenset[str]
    conj: frozenset[str]
    name_parts: frozenset[str]  # flat:name, compound (multiword names)
    neg_words: frozenset[str]
    actor_preps: frozenset[str] = frozenset()  # prepositions that introduce a participant, not a topic or place
    topic_preps: frozenset[str] = frozenset()  # prepositions that introduce what is talked about

    def kids(self, tok, group: str) -> list:
        labels = getattr(self, group)
        return [c for c in tok.children if c.dep_ in labels]

    def prep_of(self, tok) -> str | None:
        """The preposition introducing a nominal (UD: its ``case`` child; ClearNLP: its ``prep`` head)."""
        if self.lang == "en":
            if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in ("prep", "agent", "dative"):
                return "by" if tok.head.dep_ == "agent" else tok.head.lower_
            return None
        cases = [c for c in tok.children if c.dep_ in ("case", "fixed") and c.i < tok.i]
        # multiword prepositions hang their second word on the first ("d'[case] après[fixed]")
        cases += [f for c in list(cases) for f in c.children if f.dep_ == "fixed"]
        if not cases:
            return None
        word = "_".join(c.lower_ for c in sorted(cases, key=lambda c: c.i))
        return _PREP_NORMAL.get(word, _PREP_NORMAL.get(cases[0].lower_, word))

    def obliques(self, tok) -> list[tuple[str | None, object]]:
        """(preposition, nominal) pairs attached to a verb or noun."""
        out = []
        if self.lang == "en":
            for c in tok.children:
                if c.dep_ in ("prep", "agent", "dative"):
                    for g in c.children:
                        if g.dep_ in ("pobj", "pcomp"):
                            out.append(("by" if c.dep_ == "agent" else c.lower_, g))
                    if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
                        out.append(("to", c))
                elif c.dep_ == "prt" and c.lower_ == "up":
                    # "kidnapped up[prt] to[prep] 16 advisers": a quantity misparsed as a particle
                    out += [(p.lower_, g) for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            return out
        for c in tok.children:
            if c.dep_ in self.obl or c.dep_ in self.nmod or c.dep_ in self.agent:
                out.append(("par" if c.dep_ in self.agent and self.lang == "fr" else self.prep_of(c), c))
        return out


FR = Adapter(
    lang="fr",
    subj=frozenset({"nsubj", "csubj"}),
    subj_pass=frozenset({"nsubj:pass"}),
    expl_subj=frozenset({"expl:subj"}),
    obj=frozenset({"obj"}),
    iobj=frozenset({"iobj"}),
    obl=frozenset({"obl", "obl:arg", "obl:mod"}),
    nmod=frozenset({"nmod"}),
    agent=frozenset({"obl:agent"}),
    aux_pass=frozenset({"aux:pass"}),
    ccomp=frozenset({"ccomp"}),
    xcomp=frozenset({"xcomp"}),
    advcl=frozenset({"advcl"}),
    parataxis=frozenset({"parataxis"}),
    relcl=frozenset({"acl:relcl"}),
    acl=frozenset({"acl"}),
    appos=frozenset({"appos"}),
    conj=frozenset({"conj"}),
    name_parts=frozenset({"flat:name", "flat", "flat:foreign"}),
    neg_words=frozenset({"pas", "jamais", "point", "guère", "aucunement", "nullement"}),
    actor_preps=frozenset({"contre", "avec", "à", "entre", "envers", "auprès", "pour", "vers", "par"}),
    topic_preps=frozenset({"sur", "de", "concernant", "quant"}),
)

EN = Adapter(
    lang="en",
    subj=frozenset({"nsubj", "csubj"}),
    subj_pass=frozenset({"nsubjpass", "csubjpass"}),
    expl_subj=frozenset(),
    obj=frozenset({"dobj"}),
    iobj=frozenset({"dative"}),
    obl=frozenset({"prep"}),
    nmod=frozenset({"prep"}),
    agent=frozenset({"agent"}),
    aux_pass=frozenset({"auxpass"}),
    ccomp=frozenset({"ccomp"}),
    xcomp=frozenset({"xcomp"}),
    advcl=frozenset({"advcl"}),
    parataxis=frozenset({"parataxis"}),
    relcl=frozenset({"relcl"}),
    acl=frozenset({"acl"}),
    appos=frozenset({"appos"}),
    conj=frozenset({"conj"}),
    name_parts=frozenset({"compound"}),
    neg_words=frozenset({"not", "n't", "never", "no"}),
    actor_preps=frozenset({"against", "with", "to", "on", "from", "between", "toward", "towards", "for", "into", "by", "upon"}),
    topic_preps=frozenset({"about", "over", "regarding", "concerning", "on"}),
)

ADAPTERS = {"fr": FR, "en": EN}
