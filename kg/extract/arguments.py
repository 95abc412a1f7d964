"""Finding a verb's arguments: subjects (direct, passive agents, inherited through control, relative
and participial clauses, mis-attached names), objects by the lexicon's slots, loose and deep objects,
reporting-frame sources ("selon X", "according to X") and locations."""
from __future__ import annotations

from dataclasses import replace
from itertools import chain

from ..ontology import LexEntry
from ..types import Argument, Span
from .clause import (AGENT_PREPS, IMPERSONAL, LOCATION_PREPS, SPEAKER_PRONOUNS, SentenceState, _infinitive,
                     _present_participle)
from .mentions import PRONOUNS, SentenceMentions, plural_token


class ArgumentRules:
    """Mixin of PatternMatcher: needs ``ad``, ``lang``, ``discourse``, ``relations``, ``cues``, ``control``."""

    def expand(self, tok, m: SentenceMentions, st: SentenceState, exclude: set[str], role: str) -> list[Argument]:
        """Arguments for a token: names, roles, coordinations, or a pronoun's antecedents."""
        if m.is_pronoun(tok):
            number, gender = PRONOUNS[self.lang][tok.lower_]
            if tok.lower_ == "les" and tok.dep_ not in self.ad.obj:
                return []
            surface = m.tok_span(tok, tok)
            if number == "pl":
                ants = self.discourse.plural(st.sent_no, surface.start)
                return [Argument(a.text, surface, a.kind, a.ner, tok.text, "plural", a.role_phrase, a.antecedent or a.span.text)
                        for a in ants]
            frame = st.frames.get(tok.i)
            if frame is not None and role == "subj" and len(frame.speaker) == 1 and tok.lower_ in SPEAKER_PRONOUNS \
                    and self.same_number(tok, frame.speaker[0], m):
                # "X a affirmé qu'il…", "X said it would…": the reported clause's subject pronoun is the speaker
                a = frame.speaker[0]
                if self.discourse.key_of(a)[0] not in exclude:
                    return [Argument(a.text, surface, a.kind, a.ner, tok.text, "coref", a.role_phrase, a.antecedent or a.span.text)]
            ref = self.discourse.pronoun(gender, st.sent_no, surface.start, exclude)
            if ref is None:
                return []
            a = ref.arg
            return [Argument(a.text, surface, a.kind, a.ner, tok.text, "coref", a.role_phrase, a.antecedent or a.span.text)]
        if m.is_first_person(tok) and (tok.lower_ in ("je", "j'", "i", "me", "m'") or role == "subj"):
            # quoted first person is the speaker of the surrounding quote ("Nous avons convenu…" → the writer)
            speaker = self.discourse.speaker(st.sent_no)
            if speaker is not None:
                s = m.tok_span(tok, tok)
                return [Argument(speaker.text, s, speaker.kind, speaker.ner, tok.text, "quote-speaker", speaker.role_phrase,
                                 speaker.antecedent or speaker.span.text)]
            return []
        types = m.definite_description(tok)
        if types is not None:
            first, last = m.phrase(tok)
            surface = m.tok_span(first, last)
            ref = self.discourse.described(types, st.sent_no, surface.start, exclude)
            if ref is not None:
                a = ref.arg
                return [Argument(a.text, surface, a.kind, a.ner, surface.text, "coref", a.role_phrase,
                                 a.antecedent or a.span.text)]
        if m.is_plural_group(tok):
            surface = m.tok_span(*m.phrase(tok))
            return [Argument(a.text, surface, a.kind, a.ner, surface.text, "plural", a.role_phrase, a.antecedent or a.span.text)
                    for a in self.discourse.pair(st.sent_no, surface.start)]
        out = []
        for a in m.argument(tok):
            out.append(a)
        for c in tok.children:  # coordinated pronouns/plurals ("lui et Trump")
            if c.dep_ in self.ad.conj and m.is_pronoun(c):
                out.extend(self.expand(c, m, st, exclude | {self.discourse.key_of(a)[0] for a in out}, role))
        return out

    def same_number(self, pronoun, a: Argument, m: SentenceMentions) -> bool:
        """Whether a pronoun agrees in number with the phrase an argument was read from ("activists …,
        saying he must resign": "he" is someone else)."""
        inside = [t for t in m.sent if a.span.start <= m.offset + t.idx < a.span.end]
        root = next((t for t in inside if not (a.span.start <= m.offset + t.head.idx < a.span.end) or t.head == t), None)
        plural = root is not None and plural_token(root)
        return (PRONOUNS[self.lang].get(pronoun.lower_, ("sg", None))[0] == "pl") == plural

    def subjects(self, v, m: SentenceMentions, st: SentenceState, depth: int = 0) -> tuple[list[Argument], str]:
        if v.i not in st.subjects:
            st.subjects[v.i] = self._subjects(v, m, st, depth)
        return st.subjects[v.i]

    def _subjects(self, v, m, st, depth):
        ad = self.ad
        passive = self.passive(v)
        # the subject, also when the parser hung it on the auxiliary ("Hungary[nsubj→is] is opposed to")
        kids = list(v.children) + [g for c in v.children if c.dep_.startswith("aux") or c.dep_ == "cop"
                                   for g in c.children if g.dep_ in ad.subj and g.i < c.i]
        for c in kids:
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
            controllers = [c for c in v.head.children if c.dep_ in ad.obj or c.dep_ in ad.iobj]
            # "called on[prep] Iran to release", "a appelé à[…]": the particle parsed as a preposition
            controllers += [n for p, n in ad.obliques(v.head) if p in ("on", "upon") and n.i < v.i]
            for c in controllers:
                args = self.expand(c, m, st, set(), "subj")
                if args:
                    return args, "object-control"
        # "began a strike to protest against X", "pour protester"; free participles: "demonstrated, calling for X"
        purpose = v.dep_ in ad.advcl and (_infinitive(v) or _present_participle(v))
        if v.dep_ in ad.conj and self.passive(v.head) and not passive:
            # "X has been indicted by Y and will resign": the coordinated active verb shares the surface subject
            for c in v.head.children:
                if c.dep_ in ad.subj_pass:
                    return self.expand(c, m, st, set(), "subj"), "inherited"
        if depth < 3 and v.head != v and (v.dep_ in ad.xcomp or v.dep_ in ad.conj or purpose or v.dep_ == "acomp") \
                and v.head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            args, _ = self.subjects(v.head, m, st, depth + 1)
            return args, "inherited"
        if v.dep_ in ad.relcl and v.head.pos_ in ("NOUN", "PROPN"):
            return self.expand(v.head, m, st, set(), "subj"), "relative"
        if v.dep_ in ad.acl and v.head.pos_ in ("NOUN", "PROPN"):
            if "Fin" in v.morph.get("VerbForm"):  # "L'agence Interfax rapporte que …" parsed as a noun phrase
                return self.expand(v.head, m, st, set(), "subj"), "relative"
            if _infinitive(v) and v.head.dep_ in ad.obj and v.head.head.i != v.head.i:
                # "a l'intention d'attaquer", "took the decision to withdraw": the subject of the verb whose
                # object the noun is
                args, _ = self.subjects(v.head.head, m, st, depth + 1)
                return args, "inherited"
            if ("Part" in v.morph.get("VerbForm") or v.tag_ in ("VBN", "VBD")) and any(c.dep_ in ad.obj for c in v.children):
                # "Israeli airstrikes killed[acl] 30 people, officials said": a past tense misread as a
                # participle modifying its agent (a participle with a direct object is active); the mention
                # stops where the verb's phrase starts
                return [_cut(a, m.offset + v.left_edge.idx, m.text) for a in self.expand(v.head, m, st, set(), "subj")], \
                    "relative"
            if "Part" in v.morph.get("VerbForm") or v.tag_ == "VBN":  # "les régions conquises par la Russie"
                for prep, n in ad.obliques(v):
                    if prep in ("par", "by", "von", "durch"):
                        return self.expand(n, m, st, set(), "subj"), "passive"
        for c in v.children:  # a name before the verb, mis-attached (md tags "Trump l'a informé" Trump=advmod)
            if c.i < v.i and m.ner(c) == "PER" and c.dep_ not in ad.obj and c.dep_ not in ("appos",):
                return self.expand(c, m, st, set(), "subj"), "name-before-verb"
        orphan = self._orphan_name(v, m)
        if orphan is not None:
            return self.expand(orphan, m, st, set(), "subj"), "name-before-verb"
        return [], "none"

    def _orphan_name(self, v, m: SentenceMentions):
        """"Pékin[ROOT] a menacé Taïwan": a name opening the sentence that the parser left as a fragment of
        its own, followed by nothing but the verb's auxiliaries, clitics and adverbs."""
        toks = [t for t in m.sent if t.i < v.i]
        while toks and toks[0].pos_ == "DET":
            toks = toks[1:]
        if not toks or toks[0].sent == v.sent:
            return None
        ent = m.entity(toks[0])
        if ent is None or m.ner(toks[0]) not in ("PER", "ORG", "LOC") or ent.root.head != ent.root:
            return None
        last = max([ent[-1]] + [t for c in ent.root.children if c.dep_ in self.ad.conj for t in c.subtree], key=lambda t: t.i)
        between = [t for t in toks if t.i > last.i]
        if all(t.head == v and (t.dep_.startswith("aux") or t.dep_ in ("advmod", "expl", "neg") or t.pos_ == "PRON")
               for t in between):
            return ent.root
        return None

    def objects(self, v, entry: LexEntry, noun, m, st, subj_keys: set[str], passive: bool, deep: bool = True):
        """(arguments, kind, spec) for the first lexicon slot that is filled."""
        ad = self.ad
        # a speech act's non-actor object ("announced new talks", "demanded immediate elections") is its
        # content; for a directed act (demand, threaten) only when no actor is found inside it
        theme = None
        generic = None  # unnamed actor nouns ("offered its troops to X"): used only when no named actor is found
        for spec in entry.args:
            toks = []
            if spec == "obj":
                # in the passive the patient is the (passive) subject, also a bare participle's nsubj
                toks = [c for c in v.children if (c.dep_ in ad.subj_pass or c.dep_ in ad.subj if passive else c.dep_ in ad.obj)
                        and (noun is None or c.i != noun.i)]
                if not toks and not passive and "_" in entry.lemma:
                    # a phrasal verb whose particle was parsed as a preposition: "called on[prep] Arabs[pobj]"
                    toks = [n for p, n in ad.obliques(v) if p == entry.lemma.split("_", 1)[1]]
                if not toks and not passive:
                    toks = self.loose_objects(v, m)
                if v.dep_ in ad.acl and ("Part" in v.morph.get("VerbForm") or v.tag_ == "VBN") and not toks:
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
            elif spec == "cond":
                cond = self._condition_subject(v, m, st, subj_keys)
                if cond:
                    return cond, "entity", spec
                continue
            elif spec == "advcl":
                # the target named in a purpose or participial clause: "demonstrated, calling for the removal
                # of X", "began a hunger strike to demand X's release", "manifesté pour exiger le départ de X"
                for x in ad.kids(v, "advcl"):
                    if _infinitive(x) or _present_participle(x):
                        named, _ = self._clause_actor(x, m, st, subj_keys)
                        if named:
                            return named, "entity", spec
                continue
            elif spec == "xcomp":
                for x in ad.kids(v, "xcomp"):
                    named, unnamed = self._clause_actor(x, m, st, subj_keys)
                    if named:
                        return named, "entity", spec
                    if generic is not None:  # "pressuring workers to cancel the strike": the workers, not the troops
                        return generic
                    if unnamed:
                        return unnamed, "entity", spec
                    if self.relations[entry.relation].speech and deep:  # (plural symmetric subjects pair up instead)
                        if "cond" in entry.args and (cond := self._condition_subject(v, m, st, subj_keys)):
                            return cond, "entity", "cond"
                        # "we promised to work closely": the commitment itself is the object
                        first = next((t for t in x.subtree if t.dep_ != "mark" and t.lower_ not in ("to", "de", "d'")), x)
                        return [Argument(m.text_of(first, x.right_edge), m.tok_span(first, x.right_edge),
                                         kind="proposition")], "proposition", spec
                continue
            elif spec == "none":
                continue
            for t in toks:
                args = [a for a in self.expand(t, m, st, subj_keys, "obj") if self.discourse.key_of(a)[0] not in subj_keys]
                if args and _generic(args):
                    generic = generic or (args, "entity", spec)
                elif args:
                    return args, "entity", spec
            if spec == "obj" and toks and self.relations[entry.relation].speech and theme is None:
                t = toks[0]
                first, last = t.left_edge, t.right_edge
                theme = [Argument(m.text_of(first, last), m.tok_span(first, last), kind="proposition")], "proposition", spec
                if self.relations[entry.relation].plover is None:  # plain speech: what was said is the object
                    return theme
        found = self.deep_object(v, noun, m, st, subj_keys) if deep else []
        # a place found deep is often only where it happened ("arrêtés par la police à Téhéran"): it does
        # not replace an unnamed participant from a slot
        if found and not (generic and (_generic(found) or all(a.ner == "LOC" for a in found))):
            return found, "entity", "deep"
        if generic is not None:
            return generic
        if theme is not None:
            return theme
        if "none" in entry.args:
            return [], "none", "none"
        return [], None, None

    def _clause_actor(self, x, m, st, subj_keys: set[str]) -> tuple[list[Argument], list[Argument] | None]:
        """(first named actor, first unnamed actor) among the objects and prepositional phrases of the
        clause headed by ``x`` ("ready to send troops to Y": Y is named, the troops are not)."""
        ad, unnamed = self.ad, None
        # a condition is not part of the act ("threatened to stop the talks if the US deploys missiles in Europe")
        skip = {y.i for t in x.subtree if self._conditional(t) for y in t.subtree}
        for t in x.subtree:
            if t.i in skip:
                continue
            if t is not x and (t.dep_ in ad.obj or t.dep_ in ad.obl or t.dep_ in ad.nmod or ad.prep_of(t)) \
                    and m.is_actor_token(t):
                args = self.expand(t, m, st, subj_keys, "obj")
                if args and _generic(args):
                    unnamed = unnamed or args
                elif args:
                    return args, unnamed
        return [], unnamed

    def _conditional(self, t) -> bool:
        """An adverbial clause introduced by "if", "unless", "si", "à moins que"."""
        return t.dep_ in self.ad.advcl and any(
            g.dep_ == "mark" and (self.cues.get("mark", g.lower_) or self.cues.get("ultimatum", g.lower_)) for g in t.children)

    def _condition_subject(self, v, m, st, subj_keys: set[str]) -> list[Argument]:
        """The party a threat is addressed to: the named subject of its condition ("threatened to stop the
        talks *if the United States* goes ahead", "menace de … *si Kiev* refuse")."""
        for t in v.subtree:
            if self._conditional(t):
                for s in t.children:
                    if s.dep_ in self.ad.subj:
                        args = [a for a in self.expand(s, m, st, subj_keys, "obj")
                                if self.discourse.key_of(a)[0] not in subj_keys]
                        if args and not _generic(args):
                            return args
        return []

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
        passive = self.passive(v)
        # in the passive the patient phrase is the subject ("a camp *for Congolese refugees* was attacked by X")
        patient = ad.subj_pass if passive else ad.obj
        roots = [c for c in v.children if c.dep_ in patient or c.dep_ in ad.iobj or c.dep_ in ad.xcomp]
        # verb-level prepositional phrases only when the preposition introduces a participant
        # ("against X", "avec X"), never a topic ("parler de X", "talk about X") or a bare place, nor the agent
        roots += [n for p, n in ad.obliques(v) if p in ad.actor_preps and p not in ad.topic_preps
                  and not (passive and p in AGENT_PREPS)]
        if noun is not None:
            roots.append(noun)
        clause = set(ad.ccomp) | set(ad.advcl) | set(ad.relcl) | set(ad.acl) | set(ad.parataxis) | set(ad.subj) | set(ad.conj)
        generic = []
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
                    if args and _generic(args):  # "sent troops to Bosnia": a named actor later wins
                        generic = generic or args
                    elif args:
                        return args
                stack.extend(sorted(t.children, key=lambda c: c.i))
        return generic

    # -- claims and frames ---------------------------------------------------------------------
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

    def location(self, v, m, objects: list[Argument]) -> Argument | None:
        """A place attached to the verb with a locative preposition ("invité Trump à Moscou"), unless it is
        one of the statement's objects."""
        inside = lambda t: any(o.span.start <= m.offset + t.idx < o.span.end for o in objects)  # noqa: E731
        # the verb's own place phrases, then (only when needed) one the parser hung on a person object
        # ("rencontré Poutine à Sotchi")
        hung = (pn for t in m.sent if m.ner(t) == "PER" and inside(t) for pn in self.ad.obliques(t)) \
            if any(o.ner == "PER" for o in objects) else ()
        for prep, n in chain(self.ad.obliques(v), hung):
            if prep in LOCATION_PREPS and m.ner(n) == "LOC" and not inside(n):
                ent = m.entity(n)
                return Argument(ent.text, m.tok_span(ent[0], ent[-1]), ner="LOC")
        return None

    # -- the pattern ---------------------------------------------------------------------------


def _generic(args: list[Argument]) -> bool:
    """Only unnamed actor nouns ("troops", "des soldats", "officials"): a weaker object than a name."""
    return all(a.via == "noun" for a in args)


def _cut(a: Argument, end: int, text: str) -> Argument:
    """The argument with its mention span ending before ``end`` (a character offset in the article)."""
    if a.span.end <= end:
        return a
    stop = a.span.start + len(text[a.span.start:end].rstrip())
    return replace(a, span=Span(a.span.start, stop, text[a.span.start:stop]))
