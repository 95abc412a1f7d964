"""Dependency patterns: one verb (or light-verb construction) of the lexicon → candidate statements.

Handles active/passive voice, subjects inherited through xcomp/conj/relative clauses, a name parsed
as an adverb before the verb, coordinated subjects and objects, appositions and role nouns,
prepositional objects, locations, speech verbs with clausal complements (claims, including the
inverted parse where the speech verb hangs as advcl/parataxis), reporting frames and modality.
"""
from __future__ import annotations

from ..ontology import LexEntry, load_lexicon, load_ontology
from ..types import Argument, Candidate, Span
from .arguments import ArgumentRules
from .claims import ClaimRules
from .clause import PLAIN_SPEECH, SentenceState, _trim, _via, is_passive
from .coref import Discourse
from .lang import Adapter
from .mentions import SentenceMentions
from .modality import clause_modalities, control_verbs, cues, governed_modalities, strongest, support_verbs, ultimatum


class PatternMatcher(ArgumentRules, ClaimRules):
    """Runs the lexicon's patterns over one article's sentences, in order."""

    def __init__(self, lang: str, ad: Adapter, discourse: Discourse, is_media, text: str):
        self.lang, self.ad, self.discourse, self.is_media, self.text = lang, ad, discourse, is_media, text
        self.lexicon = load_lexicon(lang)
        self.relations = load_ontology().relations
        self.cues = cues(lang)
        self.support = support_verbs(lang)
        self.control = control_verbs(lang)
        self._claim_cache: dict[int, tuple | None] = {}
        self._passive_cache: dict[int, bool] = {}

    # -- triggers ------------------------------------------------------------------------------
    def verb_lemma(self, v) -> str:
        """The lemma, or for English a regular-inflection repair when the model's lemma is unknown to the
        lexicon ("staged" → "stag" by en_core_web_sm; the lexicon knows "stage")."""
        lemma = v.lemma_.lower()
        if lemma in self.lexicon or lemma in self.support or self.lang != "en":
            return lemma
        word = v.lower_
        for cut, add in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
            if word.endswith(cut):
                guess = word[: -len(cut)] + add
                if guess in self.lexicon or guess in self.support:
                    return guess
        return lemma

    def predicative(self, v) -> bool:
        """An adjective used as the predicate ("X is willing to…", "X est prêt à…", "opposed to X"):
        the lexicon's adjective rows apply to it like verb rows."""
        return v.dep_ == "acomp" or any(c.dep_ == "cop" for c in v.children) or v.dep_ in ("ROOT", "ccomp", "advcl") \
            and any(c.dep_ in self.ad.subj for c in v.children)

    def adjective_key(self, v) -> str | None:
        """The lexicon's adjective row for a participle read as an adjective ("is opposed to", "est disposée
        à": masculine singular in French), or None."""
        if v.pos_ != "VERB":
            return None
        w = v.lower_
        forms = [w] + ([w[:-2], w[:-1]] if self.lang == "fr" and w.endswith("es") else
                       [w[:-1]] if self.lang == "fr" and w[-1:] in ("e", "s") else [])
        key = next((f for f in forms if f != v.lemma_.lower() and f in self.lexicon), None)
        return key if key is not None and is_passive(v, self.ad) else None

    def adjectival(self, v) -> bool:
        """A participle the lexicon knows as an adjective: not a passive."""
        return self.adjective_key(v) is not None

    def passive(self, v) -> bool:
        if v.i not in self._passive_cache:  # asked for the same verb by subjects, objects and deep search
            self._passive_cache[v.i] = is_passive(v, self.ad) and not self.adjectival(v)
        return self._passive_cache[v.i]

    def triggers(self, v) -> list[tuple[LexEntry, object]]:
        """Lexicon entries a verb token triggers, most specific first, with the light-verb noun if any."""
        if v.pos_ not in ("VERB", "AUX") and not (v.pos_ == "NOUN" and v.dep_ in ("ROOT", "ccomp")) \
                and not (v.pos_ == "ADJ" and v.lemma_.lower() in self.lexicon and self.predicative(v)):
            return []
        lemma = self.adjective_key(v) or self.verb_lemma(v)
        keys: list[tuple[str, object]] = []
        for c in v.children:
            if c.dep_ in self.ad.obj and c.pos_ == "NOUN":
                keys.append((f"{lemma}+{c.lemma_.lower()}", c))
        if any(c.dep_ in ("expl:comp", "expl:pv", "expl:pass") or (c.dep_ == "obj" and c.lower_ in ("se", "s'")) for c in v.children):
            keys.append((f"se {lemma}", None))
        for c in v.children:
            if c.dep_ == "prt":
                keys.append((f"{lemma}_{c.lower_}", None))
            elif c.dep_ in self.ad.obl and f"{lemma}_{c.lower_}" in self.lexicon and c.i == v.i + 1:
                keys.append((f"{lemma}_{c.lower_}", None))  # "called for[prep] sanctions": the phrasal verb call_for
        keys.append((lemma, None))
        out = []
        for key, noun in keys[:-1]:  # light-verb, reflexive and phrasal readings first
            out += [(e, noun) for e in self.lexicon.get(key, []) if e.relation is not None]
            if out:
                return out
        # "launched an offensive against X", "gave a warm welcome to X": a support verb whose object
        # noun names the event; the event noun wins over the support verb's own reading
        if lemma in self.support or any(k in self.support for k, _ in keys if "_" in k):
            for c in sorted(v.children, key=lambda c: c.i):
                # the object noun ("launched an offensive"), or a noun the parser attached otherwise
                # right after the verb ("a lancé une nouvelle[obj] offensive[obl]")
                if c.pos_ == "NOUN" and (c.dep_ in self.ad.obj or c.i <= v.i + 4 and c.i > v.i and self.ad.prep_of(c) is None):
                    # the object noun, or its noun modifier ("a *mediation* effort", "un effort de *médiation*")
                    # ... or the noun it quantifies ("a new package *of sanctions*")
                    for n in [c] + [g for g in c.children if g.dep_ in ("compound", "nmod") and g.pos_ == "NOUN"] \
                            + [n for p, n in self.ad.obliques(c) if p in ("of", "de") and n.pos_ == "NOUN"]:
                        for e in self.lexicon.get(f"@{n.lemma_.lower()}", []):
                            out.append((e, c))
                        if out:
                            return out
        out = [(e, None) for e in self.lexicon.get(lemma, []) if e.relation is not None]
        if (v.pos_ == "ADJ" or self.adjectival(v)) and all(e.args == ("xcomp",) for e, _ in out) \
                and any(self.triggers(x) for x in self.ad.kids(v, "xcomp")):
            return []  # "ready to attack Y": the attack, planned, is the statement; the readiness is not another
        return out

    def theme(self, v, noun, m: SentenceMentions) -> Argument:
        """The object of a one-actor event: its direct-object phrase ("declared *a unilateral ceasefire*")
        as text, or empty."""
        head = noun if noun is not None else next((c for c in v.children if c.dep_ in self.ad.obj), None)
        if head is None:
            s = m.tok_span(v, v)
            return Argument("", Span(s.start, s.start, ""), kind="none")
        first, last = m.extent(head)
        return Argument(m.text_of(first, last), m.tok_span(first, last), kind="none")

    # -- the pattern ---------------------------------------------------------------------------
    def run_sentence(self, sent, m: SentenceMentions, st: SentenceState, out: list[Candidate]) -> None:
        evidence = m.span(sent.start_char, sent.end_char)
        evidence = _trim(evidence)
        triggered = [(v, t) for v in sent if (t := self.triggers(v))]
        # speech verbs first, so their frames are known when the clauses they report are matched
        # ("Trump and Putin will meet in Riyadh, the Kremlin said": meet comes before said)
        triggered.sort(key=lambda vt: (not any(self.relations[e.relation].speech and "ccomp" in e.args for e, _ in vt[1]),
                                       vt[0].i))
        self._claim_cache = {}  # claim_tokens per verb index, for this sentence
        self._passive_cache = {}
        for v, entries in triggered:
            self.apply(v, entries, m, st, evidence, out)

    def apply(self, v, entries: list[tuple[LexEntry, object]], m, st, evidence: Span, out: list[Candidate]) -> None:
        """Candidates for verb ``v`` with its lexicon readings ``entries`` (most specific first)."""
        ad = self.ad
        entry, noun = entries[0]
        rel = self.relations[entry.relation]
        passive = self.passive(v)
        subjects, how = self.subjects(v, m, st)
        subjects = [s for s in subjects if s.kind == "entity"]
        if not subjects:
            return
        subj_keys = {self.discourse.key_of(s)[0] for s in subjects}
        objects, kind, spec = [], None, None
        fallback = None
        if v.lemma_.lower() in self.control and ad.kids(v, "xcomp"):
            # an object-control verb with an infinitive ("appeler X à faire"): the reading that takes it first
            entries = sorted(entries, key=lambda en: "xcomp" not in en[0].args)
        for e, _ in entries:  # the first reading whose slots fill wins; an intransitive reading only if none does
            found = self.objects(v, e, noun, m, st, subj_keys, passive,
                                 deep=not (self.relations[e.relation].symmetric and len(subjects) > 1))
            if found[1] == "entity" and self.relations[e.relation].plover in ("CONSULT", None) \
                    and all(self.is_media(o) for o in found[0]):
                continue  # "an official told Reuters (that …)": a news outlet is the channel, not a partner
            if found[1] in ("entity", "proposition"):
                (objects, kind, spec), entry, rel = found, e, self.relations[e.relation]
                break
            if found[1] == "none" and fallback is None:
                fallback = (found, e)
        else:
            if fallback is not None:
                (objects, kind, spec), entry = fallback
                rel = self.relations[entry.relation]
        frame = st.frames.get(v.i)
        # a news agency "reporting" is a source, not an actor making a claim: frame only
        if kind == "proposition" and all(self.is_media(s) for s in subjects):
            self.register_frames(v, subjects, st, None)
            return
        pattern = [how]
        pairs: list[tuple[Argument, Argument]] = []
        if kind in ("entity", "proposition"):
            pairs = [(s, o) for s in subjects for o in objects]
        elif rel.symmetric and len(subjects) > 1:
            pairs = [(subjects[0], o) for o in subjects[1:]]
            pattern.append("plural-symmetric")
        elif kind == "none" and not rel.speech:
            # the lexicon allows this event without a second actor ("X resigned", "the rebels surrendered")
            theme = self.theme(v, noun, m)
            pairs = [(s, theme) for s in subjects]
            pattern.append("one-actor")
        if not pairs:
            if rel.speech:
                self.register_frames(v, subjects, st, None)
            return
        found = clause_modalities(v, ad) + governed_modalities(v, ad, stop=lambda h: bool(self.claim_tokens(h)) and any(
            e.relation and self.relations[e.relation].speech for e, _ in self.triggers(h)))
        attributed: list[Argument] = []
        parent = None
        if frame is not None and frame.verb.i != v.i:
            attributed, parent = frame.speaker, frame.candidate_index
            found.append("reported")
            pattern.append("nested")
        else:
            src = self.frame_source(v, m, st)
            if src:
                attributed = src
                found.append("reported")
                pattern.append("according-to")
        modality = strongest(found)
        claim_kind = self.claim_tokens(v)[3] if kind == "proposition" and spec == "ccomp" else spec
        pattern.insert(0, claim_kind or "symmetric")
        relation, own_event = entry.relation, None
        if kind == "proposition" and spec == "ccomp" and relation in PLAIN_SPEECH:
            relation = self.commitment(v, subjects, m, st) or relation
            if relation in PLAIN_SPEECH:
                own_event = self.own_act_event(v, subjects, m, st)
        elif {"planned", "hypothetical"} & set(found) and not rel.speech and ultimatum(v, ad):
            own_event = "THREATEN"  # "X will withdraw unless Y …"
        loc = self.location(v, m, objects)
        first_index = len(out)
        for s, o in pairs:
            if o.kind == "entity" and self.discourse.key_of(s)[0] == self.discourse.key_of(o)[0]:
                continue
            out.append(Candidate(
                subject=s, relation=relation, object=o, modality=modality, evidence=evidence,
                pattern="+".join(p for p in pattern if p) + _via(s, o),
                attributed_to=attributed[0] if attributed else None, location=loc,
                trigger=v.text if noun is None else f"{v.text} {noun.text}", parent=parent, event_type=own_event,
            ))
        if rel.speech and kind == "proposition":
            self.register_frames(v, subjects, st, first_index if len(out) > first_index else None)
            self.deontic_demand(v, subjects, m, st, modality, evidence, out)
        if len(subjects) > 1:
            self.discourse.add_group(subjects, st.sent_no)
