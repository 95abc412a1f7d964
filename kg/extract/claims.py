"""Speech acts: the clause a speech verb introduces (claims, also in inverted and parataxis parses),
reporting frames, and what a claim means for coding: a commitment ("X said it will Y" → promise,
threat, refusal), the speaker's own reported act, an obligation put on someone else (demand)."""
from __future__ import annotations

from ..events import event_type
from ..types import Argument, Candidate
from .clause import COMPLEMENTIZERS, OPENING_QUOTES, SPEAKER_PRONOUNS, Frame, SentenceState, _via
from .modality import clause_modalities, governed_modalities, strongest, ultimatum


class ClaimRules:
    """Mixin of PatternMatcher: needs ``ad``, ``discourse``, ``relations``, ``cues``, ``triggers``, ``expand`` and
    ``_claim_cache`` (cleared for each sentence)."""

    def claim_tokens(self, v):
        """(first token, last token, clause head, pattern) of the clause a speech verb introduces, or None.
        Asked for several times per verb (claim, frame, commitment, demand): computed once per sentence."""
        if v.i not in self._claim_cache:
            self._claim_cache[v.i] = self._find_claim(v)
        return self._claim_cache[v.i]

    def _find_claim(self, v):
        ad = self.ad
        for c in v.children:
            if c.dep_ in ad.ccomp:
                toks = [t for t in c.subtree]
                while toks and (toks[0].lower_ in COMPLEMENTIZERS or toks[0].dep_ == "mark" and toks[0].i < c.i):
                    toks.pop(0)
                while toks and toks[-1].is_punct and toks[-1].text not in ("”", "»", '"'):
                    toks.pop()
                if toks:
                    return toks[0], toks[-1], c, "claim"
        if v.dep_ in ad.advcl or v.dep_ in ad.parataxis:
            h = v.head
            doc = v.doc
            for t in doc[v.right_edge.i + 1:h.right_edge.i + 1]:
                if t.lower_ in COMPLEMENTIZERS and t.pos_ == "SCONJ" and (t.head == h or h in t.head.ancestors):
                    last = h.right_edge
                    while last.is_punct and last.i > t.i:
                        last = doc[last.i - 1]
                    if t.i + 1 <= last.i:
                        return doc[t.i + 1], last, h, "claim-inverted"
            if v.dep_ in ad.parataxis and v.i > h.i:
                first, last = h.left_edge, doc[v.left_edge.i - 1]
                while last.is_punct and last.i > first.i:
                    last = doc[last.i - 1]
                if first.text in OPENING_QUOTES and first.i < last.i:  # « Nous ne céderons rien », a déclaré X
                    first = doc[first.i + 1]
                if first.i <= last.i:
                    return first, last, h, "claim-parataxis"
        return None

    def claim(self, v, m) -> Argument | None:
        found = self.claim_tokens(v)
        if found is None:
            return None
        first, last, _, _ = found
        return Argument(m.text_of(first, last), m.tok_span(first, last), kind="proposition")

    def register_frames(self, v, speaker: list[Argument], st: SentenceState, index: int | None) -> None:
        found = self.claim_tokens(v)
        if found is None or not speaker:
            return
        first, last, head, _ = found
        frame = Frame(speaker, v, index)
        for i in range(first.i, last.i + 1):
            st.frames.setdefault(i, frame)

    def commitment(self, v, speakers, m, st) -> str | None:
        """"X said it will Y" is a promise (or a threat, or a refusal): CAMEO/PLOVER code the intent.

        Applies when the reported clause is the speaker's own future/conditional action."""
        found = self.claim_tokens(v)
        if found is None:
            return None
        head = found[2]
        mods = clause_modalities(head, self.ad) + governed_modalities(head, self.ad, stop=lambda h: h.i == v.i)
        if not {"planned", "hypothetical", "negated"} & set(mods) or head.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in head.children if c.dep_ in self.ad.subj or c.dep_ in self.ad.expl_subj), None)
        if subj is None or not self.is_speaker(subj, speakers, m, st):
            return None
        if "negated" in mods:
            return "reject"
        inner = next((e.relation for e, _ in self.triggers(head)), None)
        hostile = inner is not None and event_type(self.relations[inner].plover, "planned") == "THREATEN"
        return "threaten" if hostile or ultimatum(head, self.ad) else "promise"

    def is_speaker(self, subj, speakers, m, st) -> bool:
        """Is the reported clause's subject the speaker ("X said it…", "X a affirmé qu'il…", "X said X…")?"""
        if len(speakers) == 1 and subj.lower_ in SPEAKER_PRONOUNS and subj.pos_ == "PRON" \
                and self.same_number(subj, speakers[0], m) or m.is_first_person(subj):
            return True  # "X said it/he…" (in number), and in a quote "Nous ne céderons rien", a déclaré X
        keys = {self.discourse.key_of(s)[0] for s in speakers}
        return bool({self.discourse.key_of(a)[0] for a in self.expand(subj, m, st, set(), "subj")} & keys)

    def own_act_event(self, v, speakers, m, st) -> str | None:
        """"Bosnian Serbs said their forces had completed their withdrawal": a speaker reporting its own
        act is coded with that act's event type (PLOVER codes the act, not the speaking)."""
        found = self.claim_tokens(v)
        if found is None:
            return None
        head = found[2]
        inner = next((e.relation for e, _ in self.triggers(head)), None)
        subj = next((c for c in head.children if c.dep_ in self.ad.subj or c.dep_ in self.ad.expl_subj), None)
        if inner is None or subj is None:
            return None
        possessive = any(c.dep_ in ("poss", "nmod:poss") and m.is_pronoun(c) or c.lower_ in ("their", "its", "leurs", "leur", "ses", "son", "sa")
                         for c in subj.children)
        if not (self.is_speaker(subj, speakers, m, st) or possessive):
            return None
        return event_type(self.relations[inner].plover, strongest(clause_modalities(head, self.ad)))

    def deontic_demand(self, v, speakers, m, st, modality, evidence, out) -> None:
        """"X said Y must …" / "X a déclaré que Y devait …": the speech act is a demand on Y."""
        found = self.claim_tokens(v)
        if found is None or "demand" not in self.relations:
            return
        head = found[2]
        verbs = [head] + [c for c in head.children if c.dep_ in self.ad.xcomp]
        modal = [t for t in verbs + [c for c in head.children if c.dep_.startswith("aux")]
                 if self.cues.get("deontic", t.lemma_) or self.cues.get("deontic", t.lower_)]
        if not modal:
            return
        for c in head.children:
            if c.dep_ in self.ad.subj:
                keys = {self.discourse.key_of(s)[0] for s in speakers}
                for target in self.expand(c, m, st, keys, "obj"):
                    if target.kind == "entity" and self.discourse.key_of(target)[0] not in keys:
                        for s in speakers:
                            out.append(Candidate(subject=s, relation="demand", object=target, modality=modality,
                                                 evidence=evidence, pattern="claim-deontic" + _via(s, target),
                                                 trigger=f"{v.text} … {modal[0].text}"))
                break
