"""Dependency patterns: one verb (or light-verb construction) of the lexicon → candidate statements.

Handles active/passive voice, subjects inherited through xcomp/conj/relative clauses, a name parsed
as an adverb before the verb, coordinated subjects and objects, appositions and role nouns,
prepositional objects, locations, speech verbs with clausal complements (claims, including the
inverted parse where the speech verb hangs as advcl/parataxis), reporting frames and modality.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..events import event_type
from ..ids import fold
from ..ontology import LexEntry, load_lexicon, load_ontology
from ..types import Argument, Candidate, Span
from .coref import Discourse
from .lang import Adapter
from .mentions import PRONOUNS, SentenceMentions
from .modality import clause_modalities, control_verbs, cues, governed_modalities, strongest, support_verbs

OPENING_QUOTES = {"«", "“", '"', "„", "‹"}
SPEAKER_PRONOUNS = {"il", "elle", "he", "she", "it"}
PLAIN_SPEECH = {"say", "announce", "write", "claim", "report", "confirm"}
AGENT_PREPS = {"par", "by", "von", "durch"}
LOCATION_PREPS = {"à", "en", "dans", "in", "at", "nach", "bei", "im", "zu"}
IMPERSONAL = {"falloir", "sembler", "agir", "pleuvoir", "paraître", "exister", "rester", "manquer", "convenir"}
COMPLEMENTIZERS = {"que", "qu'", "that", "dass", "ob"}
_OBJ_CLITICS = {"le", "la", "l'", "les", "lui", "leur", "him", "her", "them"}


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
    subjects: dict[int, list[Argument]] = field(default_factory=dict)  # verb index → subjects (cache)


class PatternMatcher:
    """Runs the lexicon's patterns over one article's sentences, in order."""

    def __init__(self, lang: str, ad: Adapter, discourse: Discourse, is_media, text: str):
        self.lang, self.ad, self.discourse, self.is_media, self.text = lang, ad, discourse, is_media, text
        self.lexicon = load_lexicon(lang)
        self.relations = load_ontology().relations
        self.cues = cues(lang)
        self.support = support_verbs(lang)
        self.control = control_verbs(lang)

    # -- triggers ------------------------------------------------------------------------------
    def triggers(self, v) -> list[tuple[LexEntry, object]]:
        """Lexicon entries a verb token triggers, most specific first, with the light-verb noun if any."""
        if v.pos_ not in ("VERB", "AUX") and not (v.pos_ == "NOUN" and v.dep_ in ("ROOT", "ccomp")):
            return []
        lemma = v.lemma_.lower()
        keys: list[tuple[str, object]] = []
        for c in v.children:
            if c.dep_ in self.ad.obj and c.pos_ == "NOUN":
                keys.append((f"{lemma}+{c.lemma_.lower()}", c))
        if any(c.dep_ in ("expl:comp", "expl:pv", "expl:pass") or (c.dep_ == "obj" and c.lower_ in ("se", "s'")) for c in v.children):
            keys.append((f"se {lemma}", None))
        for c in v.children:
            if c.dep_ == "prt":
                keys.append((f"{lemma}_{c.lower_}", None))
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
                    for n in [c] + [g for g in c.children if g.dep_ in ("compound", "nmod") and g.pos_ == "NOUN"]:
                        for e in self.lexicon.get(f"@{n.lemma_.lower()}", []):
                            out.append((e, c))
                        if out:
                            return out
        return [(e, None) for e in self.lexicon.get(lemma, []) if e.relation is not None]

    # -- arguments -----------------------------------------------------------------------------
    def expand(self, tok, m: SentenceMentions, st: SentenceState, exclude: set[str], role: str) -> list[Argument]:
        """Arguments for a token: names, roles, coordinations, or a pronoun's antecedents."""
        if m.is_pronoun(tok):
            number, gender = PRONOUNS[self.lang][tok.lower_]
            if tok.lower_ == "les" and tok.dep_ not in self.ad.obj:
                return []
            surface = m.tok_span(tok, tok)
            if number == "pl":
                ants = self.discourse.plural(st.sent_no, surface.start)
                return [Argument(a.text, surface, a.kind, a.ner, tok.text, "plural", a.role_phrase) for a in ants]
            frame = st.frames.get(tok.i)
            if frame is not None and role == "subj" and len(frame.speaker) == 1 and tok.lower_ in SPEAKER_PRONOUNS:
                # "X a affirmé qu'il…", "X said it would…": the reported clause's subject pronoun is the speaker
                a = frame.speaker[0]
                if self.discourse.key_of(a)[0] not in exclude:
                    return [Argument(a.text, surface, a.kind, a.ner, tok.text, "coref", a.role_phrase)]
            ref = self.discourse.pronoun(gender, st.sent_no, surface.start, exclude)
            if ref is None:
                return []
            a = ref.arg
            return [Argument(a.text, surface, a.kind, a.ner, tok.text, "coref", a.role_phrase)]
        if m.is_first_person(tok) and (tok.lower_ in ("je", "j'", "i", "me", "m'") or role == "subj"):
            # quoted first person is the speaker of the surrounding quote ("Nous avons convenu…" → the writer)
            speaker = self.discourse.speaker(st.sent_no)
            if speaker is not None:
                s = m.tok_span(tok, tok)
                return [Argument(speaker.text, s, speaker.kind, speaker.ner, tok.text, "quote-speaker", speaker.role_phrase)]
            return []
        if m.is_plural_group(tok):
            surface = m.tok_span(*m.phrase(tok))
            return [Argument(a.text, surface, a.kind, a.ner, surface.text, "plural", a.role_phrase)
                    for a in self.discourse.plural(st.sent_no, surface.start)]
        out = []
        for a in m.argument(tok):
            out.append(a)
        for c in tok.children:  # coordinated pronouns/plurals ("lui et Trump")
            if c.dep_ in self.ad.conj and m.is_pronoun(c):
                out.extend(self.expand(c, m, st, exclude | {self.discourse.key_of(a)[0] for a in out}, role))
        return out

    def subjects(self, v, m: SentenceMentions, st: SentenceState, depth: int = 0) -> tuple[list[Argument], str]:
        if v.i in st.subjects:
            return st.subjects[v.i], "cached"
        args, how = self._subjects(v, m, st, depth)
        st.subjects[v.i] = args
        return args, how

    def _subjects(self, v, m, st, depth):
        ad = self.ad
        passive = is_passive(v, ad)
        for c in v.children:
            personal = c.dep_ in ad.expl_subj and v.lemma_ not in IMPERSONAL and c.lower_ in ("il", "elle")
            if (c.dep_ in ad.subj or personal) and not passive or c.dep_ in ad.subj_pass and not passive:
                if c.pos_ == "VERB":  # "The Red Cross operating in Iraq said": the participle's own subject
                    c = next((g for g in c.children if g.dep_ in ad.subj and g.pos_ in ("NOUN", "PROPN")), c)
                args = self.expand(c, m, st, set(), "subj")
                # "Lui et Trump ont discuté": the parser made the first conjunct the head of the verb
                if v.dep_ in ad.conj and v.head.i < c.i and v.head.pos_ in ("PRON", "PROPN", "NOUN") and v.head.i < v.i:
                    keys = {self.discourse.key_of(a)[0] for a in args}
                    args = self.expand(v.head, m, st, keys, "subj") + args
                return args, "subj"
        if passive:
            for prep, n in ad.obliques(v):
                if prep in AGENT_PREPS:
                    return self.expand(n, m, st, set(), "subj"), "passive"
            # "reçu à la Maison Blanche par Donald Trump": the agent phrase mis-attached inside the clause
            for t in v.subtree:
                if t.i > v.i and m.ner(t) in ("PER", "ORG", "LOC") and (ad.prep_of(t) in AGENT_PREPS):
                    return self.expand(t, m, st, set(), "subj"), "passive"
            return [], "passive-no-agent"
        if v.dep_ in ad.xcomp and v.head.lemma_.lower() in self.control:
            # "appelé Moscou à accepter", "urged Iran to stop": the controller is the head's object
            for c in v.head.children:
                if c.dep_ in ad.obj or c.dep_ in ad.iobj:
                    args = self.expand(c, m, st, set(), "subj")
                    if args:
                        return args, "object-control"
        # "began a strike to protest against X", "pour protester"; free participles: "demonstrated, calling for X"
        purpose = v.dep_ in ad.advcl and (_infinitive(v) or _present_participle(v))
        if depth < 3 and v.head != v and (v.dep_ in ad.xcomp or v.dep_ in ad.conj or purpose) \
                and v.head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            args, _ = self.subjects(v.head, m, st, depth + 1)
            return args, "inherited"
        if v.dep_ in ad.relcl and v.head.pos_ in ("NOUN", "PROPN"):
            return self.expand(v.head, m, st, set(), "subj"), "relative"
        if v.dep_ in ad.acl and v.head.pos_ in ("NOUN", "PROPN"):
            if "Fin" in v.morph.get("VerbForm"):  # "L'agence Interfax rapporte que …" parsed as a noun phrase
                return self.expand(v.head, m, st, set(), "subj"), "relative"
            if "Part" in v.morph.get("VerbForm") or v.tag_ == "VBN":  # "les régions conquises par la Russie"
                for prep, n in ad.obliques(v):
                    if prep in ("par", "by", "von", "durch"):
                        return self.expand(n, m, st, set(), "subj"), "passive"
        for c in v.children:  # a name before the verb, mis-attached (md tags "Trump l'a informé" Trump=advmod)
            if c.i < v.i and m.ner(c) == "PER" and c.dep_ not in ad.obj and c.dep_ not in ("appos",):
                return self.expand(c, m, st, set(), "subj"), "name-before-verb"
        return [], "none"

    def objects(self, v, entry: LexEntry, noun, m, st, subj_keys: set[str], passive: bool, deep: bool = True):
        """(arguments, kind, spec) for the first lexicon slot that is filled."""
        ad = self.ad
        for spec in entry.args:
            toks = []
            if spec == "obj":
                # in the passive the patient is the (passive) subject, also a bare participle's nsubj
                toks = [c for c in v.children if (c.dep_ in ad.subj_pass or c.dep_ in ad.subj if passive else c.dep_ in ad.obj)
                        and (noun is None or c.i != noun.i)]
                if not toks and not passive:
                    toks = self.loose_objects(v, m)
                if v.dep_ in ad.acl and ("Part" in v.morph.get("VerbForm") or v.tag_ == "VBN"):
                    toks = [v.head]  # the noun a passive participle modifies is its patient
            elif spec == "iobj":
                toks = ad.kids(v, "iobj")
            elif spec.startswith("obl:"):
                prep = spec[4:]
                toks = [n for p, n in ad.obliques(v) if p == prep]
                if noun is not None:
                    toks += [n for p, n in ad.obliques(noun) if p == prep]
            elif spec == "ccomp":
                claim = self.claim(v, m)
                if claim is not None:
                    return [claim], "proposition", spec
                continue
            elif spec == "xcomp":
                for x in ad.kids(v, "xcomp"):
                    for t in x.subtree:
                        if t is not x and (t.dep_ in ad.obj or t.dep_ in ad.obl or t.dep_ in ad.nmod) and m.is_actor_token(t):
                            args = self.expand(t, m, st, subj_keys, "obj")
                            if args:
                                return args, "entity", spec
                    if self.relations[entry.relation].speech and deep:  # (plural symmetric subjects pair up instead)
                        # "we promised to work closely": the commitment itself is the object
                        first = next((t for t in x.subtree if t.dep_ != "mark" and t.lower_ not in ("to", "de", "d'")), x)
                        return [Argument(m.text_of(first, x.right_edge), m.tok_span(first, x.right_edge),
                                         kind="proposition")], "proposition", spec
                continue
            elif spec == "none":
                continue
            for t in toks:
                args = [a for a in self.expand(t, m, st, subj_keys, "obj") if self.discourse.key_of(a)[0] not in subj_keys]
                if args:
                    return args, "entity", spec
            if spec == "obj" and toks and self.relations[entry.relation].speech:
                t = toks[0]
                first, last = t.left_edge, t.right_edge
                return [Argument(m.text_of(first, last), m.tok_span(first, last), kind="proposition")], "proposition", spec
        found = self.deep_object(v, noun, m, st, subj_keys) if deep else []
        if found:
            return found, "entity", "deep"
        if "none" in entry.args:
            return [], "none", "none"
        return [], None, None

    def loose_objects(self, v, m) -> list:
        """Names after the verb that the parser attached as dep/advmod/flat ("a critiqué Donald[X] Trump[advmod]"):
        without a preposition they are the direct object."""
        out = []
        for c in v.children:
            if c.i > v.i and c.dep_ in ("dep", "advmod", "flat:name", "appos", "nmod", "npadvmod", "obl", "obl:arg", "obl:mod") \
                    and m.ner(c) in ("PER", "ORG", "LOC") \
                    and self.ad.prep_of(c) is None and m.entity(c).start == c.i:
                out.append(c)
        return out[:1]

    def deep_object(self, v, noun, m, st, subj_keys: set[str]) -> list[Argument]:
        """An actor inside the object or prepositional phrases when no slot names one directly:
        "demanded a truce *with Moslem forces*", "rejected an *Indian* proposal", "support *Turkey's* efforts"."""
        ad = self.ad
        roots = [c for c in v.children if c.dep_ in ad.obj or c.dep_ in ad.iobj or c.dep_ in ad.xcomp]
        # verb-level prepositional phrases only when the preposition introduces a participant
        # ("against X", "avec X"), never a topic ("parler de X", "talk about X") or a bare place
        roots += [n for p, n in ad.obliques(v) if p in ad.actor_preps and p not in ad.topic_preps]
        if noun is not None:
            roots.append(noun)
        clause = set(ad.ccomp) | set(ad.advcl) | set(ad.relcl) | set(ad.acl) | set(ad.parataxis) | set(ad.subj) | set(ad.conj)
        for r in sorted(roots, key=lambda t: t.i):
            stack = [r]
            while stack:
                t = stack.pop(0)
                if t.i != r.i and (t.dep_ in clause or ad.prep_of(t) in ad.topic_preps - {"de", "on"}
                                   or t.dep_ == "prep" and t.lower_ in ad.topic_preps - {"on"}):
                    continue
                if t.i != v.i and (noun is None or t.i != noun.i) and (m.is_actor_token(t) and not m.is_pronoun(t) or m.ner(t) == "NORP"
                                   or t.pos_ == "NOUN" and m.modifier_actors(t, t, t)):
                    args = [a for a in self.expand(t, m, st, subj_keys, "obj") if self.discourse.key_of(a)[0] not in subj_keys]
                    if args:
                        return args
                stack.extend(sorted(t.children, key=lambda c: c.i))
        return []

    # -- claims and frames ---------------------------------------------------------------------
    def claim_tokens(self, v):
        """First and last token of the clause a speech verb introduces, or None."""
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

    def frame_source(self, v, m, st) -> list[Argument]:
        """"selon X", "d'après X", "according to X", "laut X" on the verb or its clause head."""
        for t in [v] + list(v.ancestors)[:2]:
            if self.lang == "en":
                for c in t.children:
                    if c.lower_ == "according":
                        for g in c.subtree:
                            if g.dep_ == "pobj":
                                return self.expand(g, m, st, set(), "other")
            for prep, n in self.ad.obliques(t):
                if prep and self.cues.get("frame", prep) == "reported":
                    return self.expand(n, m, st, set(), "other")
        return []

    def location(self, v, m, skip: set[int]) -> Argument | None:
        """A place attached to the verb with a locative preposition ("invité Trump à Moscou")."""
        for prep, n in self.ad.obliques(v):
            if n.i not in skip and prep in LOCATION_PREPS and m.ner(n) == "LOC":
                ent = m.entity(n)
                return Argument(ent.text, m.tok_span(ent[0], ent[-1]), ner="LOC")
        return None

    # -- the pattern ---------------------------------------------------------------------------
    def run_sentence(self, sent, m: SentenceMentions, st: SentenceState, out: list[Candidate]) -> None:
        evidence = m.span(sent.start_char, sent.end_char)
        evidence = _trim(evidence)
        triggered = [(v, t) for v in sent if (t := self.triggers(v))]
        # speech verbs first, so their frames are known when the clauses they report are matched
        # ("Trump and Putin will meet in Riyadh, the Kremlin said": meet comes before said)
        triggered.sort(key=lambda vt: (not any(self.relations[e.relation].speech and "ccomp" in e.args for e, _ in vt[1]),
                                       vt[0].i))
        for v, entries in triggered:
            entry, noun = entries[0]  # the other readings are tried inside apply
            self.apply(v, entry, noun, m, st, evidence, out)

    def apply(self, v, entry: LexEntry, noun, m, st, evidence: Span, out: list[Candidate]) -> None:
        ad = self.ad
        rel = self.relations[entry.relation]
        passive = is_passive(v, ad)
        subjects, how = self.subjects(v, m, st)
        subjects = [s for s in subjects if s.kind == "entity"]
        if not subjects:
            return
        subj_keys = {self.discourse.key_of(s)[0] for s in subjects}
        entries = [entry] + [e for e, n in self.triggers(v) if e is not entry]
        objects, kind, spec = [], None, None
        fallback = None
        for e in entries:  # the first reading whose slots fill wins; an intransitive reading only if none does
            found = self.objects(v, e, noun, m, st, subj_keys, passive,
                                 deep=not (self.relations[e.relation].symmetric and len(subjects) > 1))
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
        used = {o.span.start for o in objects}
        loc = self.location(v, m, {t.i for t in v.doc[v.sent.start:v.sent.end] if t.idx + m.offset in used})
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
        return "threaten" if hostile else "promise"

    def is_speaker(self, subj, speakers, m, st) -> bool:
        """Is the reported clause's subject the speaker ("X said it…", "X a affirmé qu'il…", "X said X…")?"""
        if len(speakers) == 1 and subj.lower_ in SPEAKER_PRONOUNS and subj.pos_ == "PRON" or m.is_first_person(subj):
            return True  # "X said it/he…", and in a quote "Nous ne céderons rien", a déclaré X
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
