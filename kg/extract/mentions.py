"""Actor mentions in a parsed sentence: named entities (model NER + gazetteer ruler), role phrases
(*le président américain*), generic actor nouns (*officials*, *les autorités*), pronouns, and the
argument phrases built from them (apposition, coordination, names hanging after a role noun)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ..config import ONTOLOGY_DIR
from ..errors import DataError
from ..ids import fold
from ..nlp import COARSE
from ..types import Argument, Span
from .lang import Adapter

PRONOUNS = {
    # form → (number, gender, person-only)
    "fr": {"il": ("sg", "m"), "elle": ("sg", "f"), "lui": ("sg", None), "le": ("sg", "m"), "la": ("sg", "f"),
           "l'": ("sg", None), "ils": ("pl", None), "elles": ("pl", "f"), "eux": ("pl", None), "les": ("pl", None),
           "leur": ("pl", None), "celui-ci": ("sg", "m"), "celle-ci": ("sg", "f")},
    "en": {"he": ("sg", "m"), "him": ("sg", "m"), "she": ("sg", "f"), "her": ("sg", "f"), "they": ("pl", None),
           "them": ("pl", None), "it": ("sg", "n")},  # "it": a state or organisation, never a person
}
FIRST_PERSON = {"fr": {"je", "j'", "nous", "me", "m'"}, "en": {"i", "we", "me", "us"}}
ACTOR_NER = {"PER", "ORG", "LOC", "NORP", "MISC"}
def plural_token(tok) -> bool:
    """A plural noun or pronoun, from the French morphology or the English tag."""
    return "Plur" in tok.morph.get("Number") or tok.tag_ in ("NNS", "NNPS")


DEFINITE_ARTICLES = {"the", "le", "la", "l'", "der", "die", "das", "den", "dem", "des"}
PLURAL_WORDS = {"deux", "two", "both", "beide", "beiden", "zwei", "les deux", "tous deux", "all"}
_ARG_LEFT = {"det", "amod", "compound", "nummod", "nmod:poss", "poss", "flat", "flat:name", "nn", "advmod"}
_ARG_RIGHT = {"flat", "flat:name", "flat:foreign", "compound", "amod", "fixed"}


@dataclass(frozen=True)
class Lexicons:
    role_heads: frozenset[str]  # head words of role phrases (président, minister, kanzler)
    actor_nouns: dict[str, str]  # lemma → type for generic collective actors
    person_nouns: frozenset[str]  # homme, leader, dirigeant (for "les deux hommes")
    demonyms: frozenset[str]  # folded adjectives naming a state (russe, américaines, German)
    definite: dict[str, frozenset[str]]  # "country", "mouvement" → entity types a definite description refers to


@lru_cache(maxsize=None)
def lexicons(lang: str) -> Lexicons:
    from ..resolve import gazetteer

    gaz = gazetteer()
    heads = set()
    preps = {"of", "for", "de", "du", "des", "d'", "à", "au", "aux", "von", "der", "für"}
    prenominal = {"premier", "premiere", "premiers", "premieres", "haut", "haute", "vice", "ex", "grand"}  # folded
    for phrase in gaz.role_nouns.get(lang, {}):
        words = phrase.replace("-", " ").replace("'", "' ").split()
        cut = next((i for i, w in enumerate(words) if w in preps), None)
        if cut:  # "head of government", "ministre de la défense": the noun before the preposition
            heads.add(words[cut - 1])
        elif lang != "fr":  # English and German noun phrases end with their head ("defense secretary", "russischer Präsident")
            heads.add(words[-1])
        else:  # French puts the head first ("président américain"), after a pre-nominal adjective ("premier ministre")
            heads.add(words[1] if words[0] in prenominal and len(words) > 1 else words[0])
    actors: dict[str, str] = {}
    persons: set[str] = set()
    path = ONTOLOGY_DIR / "lexicon" / "actor_nouns.tsv"
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t")]
    for n, row in enumerate(rows[1:], start=2):
        if len(row) < 3:
            raise DataError(f"{path}: row {n}: expected lang, lemma, type")
        if row[0] == lang:
            actors[fold(row[1])] = row[2]
            if row[2] == "Person":
                persons.add(fold(row[1]))
    definite: dict[str, frozenset[str]] = {}
    path = ONTOLOGY_DIR / "lexicon" / "definite_nouns.tsv"
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t")]
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != 3:
            raise DataError(f"{path}: row {n}: expected lang, lemma, types")
        if row[0] == lang:
            definite[fold(row[1])] = frozenset(row[2].split("|"))
    return Lexicons(frozenset(heads), actors, frozenset(persons), frozenset(gaz.by_adjective), definite)


class SentenceMentions:
    """Index of entity spans in one sentence (token index → span) plus argument building."""

    def __init__(self, sent, offset: int, ad: Adapter, text: str):
        self.sent, self.offset, self.ad, self.text = sent, offset, ad, text
        self.lex = lexicons(ad.lang)
        self.ent_of: dict[int, object] = {}
        self._arguments: dict[int, tuple[Argument, ...]] = {}  # argument() per head token (pure given the parse)
        for ent in sent.ents:
            for t in ent:
                self.ent_of[t.i] = ent

    # -- spans ---------------------------------------------------------------------------------
    def span(self, start_char: int, end_char: int) -> Span:
        s, e = self.offset + start_char, self.offset + end_char
        return Span(s, e, self.text[s:e])

    def tok_span(self, first, last) -> Span:
        return self.span(first.idx, last.idx + len(last.text))

    def entity(self, tok):
        return self.ent_of.get(tok.i)

    def ner(self, tok) -> str | None:
        ent = self.entity(tok)
        return COARSE.get(ent.label_, ent.label_) if ent is not None else None

    # -- classification ------------------------------------------------------------------------
    def is_pronoun(self, tok) -> bool:
        return tok.pos_ == "PRON" and tok.lower_ in PRONOUNS.get(self.ad.lang, {}) and self.entity(tok) is None

    def is_first_person(self, tok) -> bool:
        return tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON.get(self.ad.lang, set())

    def is_role(self, tok) -> bool:
        if tok.dep_ == "amod" or tok.pos_ == "ADJ" and tok.dep_ != "ROOT":  # "a general strike": a modifier, not a general
            return False
        return fold(tok.lemma_) in self.lex.role_heads or fold(tok.text) in self.lex.role_heads

    def actor_noun_type(self, tok) -> str | None:
        if tok.pos_ not in ("NOUN", "PROPN"):  # "infrastructures civiles": an adjective is not an actor
            return None
        kind = self.lex.actor_nouns.get(fold(tok.lemma_)) or self.lex.actor_nouns.get(fold(tok.text))
        if kind == "Partitive":  # an actor only through its complement (see _one)
            return "Partitive" if any(c.dep_ in self.ad.nmod or c.dep_ == "prep" for c in tok.children) else None
        return kind

    def definite_description(self, tok) -> frozenset[str] | None:
        """Entity types "the country", "le mouvement islamiste" may refer back to, or None: a singular
        noun with a definite article and no name, demonym or possessor of its own."""
        types = self.lex.definite.get(fold(tok.lemma_))
        if types is None or tok.pos_ != "NOUN" or self.entity(tok) is not None or plural_token(tok):
            return None
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE_ARTICLES for c in kids):
            return None
        if any(c.dep_ in ("poss", "nmod:poss", "nummod", "compound") for c in kids) or self.modifier_actors(tok, tok, tok) \
                or any(self.ner(c) is not None for c in tok.subtree if c.i != tok.i):
            return None
        return types

    def is_plural_group(self, tok) -> bool:
        """"les deux hommes", "both leaders", "the two presidents"."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if not (fold(tok.lemma_) in self.lex.person_nouns or self.is_role(tok)):
            return False
        return any(c.lower_ in PLURAL_WORDS for c in tok.children if c.i < tok.i)

    # -- phrases -------------------------------------------------------------------------------
    def phrase(self, tok, max_tokens: int = 10, by_entity: bool = True) -> tuple[object, object]:
        """First and last token of the noun phrase headed by ``tok`` (no clauses, no appositions)."""
        ent = self.entity(tok)
        if ent is not None and by_entity:
            return ent[0], ent[-1]
        keep = {tok.i}

        def add(t):
            for c in t.children:
                if c.dep_ in _ARG_LEFT and c.i < t.i or c.dep_ in _ARG_RIGHT and c.i > t.i:
                    keep.add(c.i)
                    add(c)
                elif c.dep_ in self.ad.nmod and c.i > t.i and self.ad.prep_of(c) in ("de", "of", "von"):
                    keep.update(x.i for x in c.subtree if x.i <= c.i)  # "de la Défense": case, det, head
                    add(c)
        add(tok)
        idx = sorted(keep)
        # keep it contiguous around the head
        lo = hi = tok.i
        for i in reversed([i for i in idx if i < tok.i]):
            if i == lo - 1:
                lo = i
        for i in [i for i in idx if i > tok.i]:
            if i == hi + 1:
                hi = i
        doc = tok.doc
        while lo < tok.i and (doc[lo].is_punct or doc[lo].dep_ == "advmod"):
            lo += 1
        if hi - lo + 1 > max_tokens:
            hi = min(hi, lo + max_tokens - 1)
        while hi > tok.i and doc[hi].is_punct:
            hi -= 1
        return doc[lo], doc[hi]

    def name_after(self, tok, last):
        """A name right after a role or actor noun, inside or just after its phrase: ", Pete Hegseth,",
        "le président ukrainien Wolodymyr Selenskyj", "l'agence de presse RIA"."""
        doc = tok.doc
        for i in range(tok.i + 1, min(len(doc), self.sent.end, last.i + 3)):
            t = doc[i]
            ent = self.entity(t)
            if ent is not None and ent.start == i and self.ner(t) in ("PER", "ORG"):
                if self.ner(t) == "ORG" and self.ad.prep_of(ent.root) is not None:
                    continue  # "le chef *de la diplomatie russe*": a complement of the role, not its holder's name
                return ent
            if not (t.is_punct or t.pos_ in ("ADJ", "DET", "ADP") or t.dep_ in ("amod", "det", "case", "nmod") and i <= last.i):
                return None
        return None

    def _buried_conjuncts(self, tok) -> list:
        """Names coordinated inside the head's pre-modifiers, where taggers bury them in long titled
        subjects: "US President Donald Trump and Russian President Vladimir Putin" parsed with Trump
        and the second "President" deep in the compounds of "Putin"."""
        out, own = [], self.entity(tok)
        for c in tok.subtree:
            if c.i >= tok.i or c.dep_ not in self.ad.conj or not any(x.dep_ == "cc" for x in c.head.children):
                continue
            for x in (c, c.head):
                ent = self.entity(x)
                if ent is not None and ent != own and self.ner(x) == "PER" and x not in out:
                    out.append(x)
        return out

    def _is_place_conj(self, tok, c) -> bool:
        """"les présidents des États-Unis et *de la Russie*": a place coordinated under a role noun with its
        own preposition modifies the role (parsers attach it as conj of the noun)."""
        return c.dep_ in self.ad.conj and self.is_role(tok) and self.ner(c) == "LOC" and self.ad.prep_of(c) is not None

    def argument(self, tok) -> list[Argument]:
        """Arguments standing for the phrase headed by ``tok`` (several for coordinations)."""
        if tok.i not in self._arguments:
            self._arguments[tok.i] = tuple(self._argument(tok))
        return list(self._arguments[tok.i])

    def _argument(self, tok) -> list[Argument]:
        heads, todo = [tok], [tok]
        while todo:  # coordination chains: "Iran, Libya, North Korea, Sudan and Cuba"
            t = todo.pop()
            for c in t.children:
                if c.dep_ in self.ad.conj and c.pos_ in ("NOUN", "PROPN", "PRON") and not self._is_place_conj(tok, c) \
                        and len(heads) < 12:
                    heads.append(c)
                    todo.append(c)
        heads += self._buried_conjuncts(tok)
        out: list[Argument] = []
        for h in heads:
            out.extend(self._one(h))
        return out

    def _one(self, tok) -> list[Argument]:
        if self.lex.actor_nouns.get(fold(tok.lemma_)) == "Partitive" or self.lex.actor_nouns.get(fold(tok.text)) == "Partitive":
            # "thousands of Iraqi Kurds", "52 members of MASSOB": the actor is the of/de complement
            for c in tok.children:
                if (c.dep_ in self.ad.nmod and self.ad.prep_of(c) in ("de", "of", "von")) or (c.dep_ == "prep" and c.lower_ == "of"):
                    target = next((g for g in c.children if g.dep_ == "pobj"), c) if c.dep_ == "prep" else c
                    inner = self._one(target)
                    if inner:
                        span = self.tok_span(*self.extent(tok))
                        return [Argument(a.text, span, a.kind, a.ner, a.surface, a.via, a.role_phrase) for a in inner]
            # "the Hizbollah group", "Palestinian groups": a named or national modifier is the actor
            return self.modifier_actors(tok, *self.extent(tok))
        ent = self.entity(tok)
        if ent is not None and self.ner(tok) not in ACTOR_NER:
            return []  # dates, amounts, works of art: never actors
        if ent is not None and self.ner(tok) != "PER":
            # "le ministre russe des Affaires étrangères, Sergueï Lavrov": the apposed person is the actor
            for c in ent.root.children:
                if c.dep_ in self.ad.appos and self.ner(c) == "PER":
                    person = self.entity(c)
                    return [Argument(person.text, self.tok_span(ent[0], person[-1]), ner="PER", via="apposition",
                                     role_phrase=ent.text)]
        if ent is not None:
            first, last = self.extent(ent.root)
            first, last = min(first, ent[0], key=lambda t: t.i), max(last, ent[-1], key=lambda t: t.i)
            for c in sorted(ent.root.children, key=lambda c: c.i):
                # "Vladimir Poutine à Sotchi": a place phrase the parser hung on a person is not part of the
                # mention (the statement's location is read from it); "King Hassan of Morocco" keeps its "of"
                prep = self.ad.prep_of(c) or (c.lower_ if c.dep_ == "prep" else None)
                if self.ner(tok) == "PER" and c.i > ent[-1].i and prep is not None and prep not in ("of", "de"):
                    last = min(last, tok.doc[c.left_edge.i - 1], key=lambda t: t.i)
                    break
            for c in ent.root.children:
                # "Kenzo Oshima, the UN Emergency Relief Coordinator,": the mention keeps its apposed title
                if c.dep_ in self.ad.appos and c.i > last.i and self.entity(c) is None and self.is_role(c):
                    last = self.phrase(c, max_tokens=12, by_entity=False)[1]
            return [Argument(ent.text, self.tok_span(first, last), ner=self.ner(tok))]
        # apposition: "le ministre américain de la Défense, Pete Hegseth"
        for c in tok.children:
            if c.dep_ in self.ad.appos and self.entity(c) is not None and self.ner(c) in ("PER", "ORG"):
                ent = self.entity(c)
                first, last = self.phrase(tok)
                # the mention is the whole "role, Name" phrase; the name is what gets resolved
                return [Argument(ent.text, self.tok_span(min(first, ent[0], key=lambda t: t.i), ent[-1]), ner=self.ner(c),
                                 via="apposition", role_phrase=self.text_of(first, tok) if self.is_role(tok) else None)]
        first, last = self.phrase(tok)
        phrase_text = self.text_of(first, last)
        if self.is_role(tok) or self.actor_noun_type(tok):
            ent = self.name_after(tok, last)
            if ent is not None:
                return [Argument(ent.text, self.tok_span(first, ent[-1]), ner=self.ner(ent[0]), via="apposition",
                                 role_phrase=phrase_text if self.is_role(tok) else None)]
        if self.is_role(tok):
            # "les présidents des États-Unis et de la Russie": one role per coordinated country
            places = [c for c in tok.children if (c.dep_ in self.ad.nmod or self._is_place_conj(tok, c)) and self.ner(c) == "LOC"]
            for p in list(places):
                places += [c for c in p.children if c.dep_ in self.ad.conj and self.ner(c) == "LOC"]
            if len(places) > 1:
                return [Argument(f"{tok.text} {self.entity(p).text}", self.tok_span(first, last), ner="ROLE",
                                 via="role", role_phrase=f"{tok.lemma_} {self.entity(p).text}") for p in places]
            return [Argument(phrase_text, self.tok_span(*self.extent(tok)), ner="ROLE", via="role", role_phrase=phrase_text)]
        by_modifier = self.modifier_actors(tok, *self.extent(tok))
        if by_modifier:
            return by_modifier
        kind = self.actor_noun_type(tok)
        if kind is not None:
            return [Argument(phrase_text, self.tok_span(*self.extent(tok)), ner={"Person": "PER", "Location": "LOC"}.get(kind, "ORG"),
                             via="noun")]
        if tok.pos_ == "PROPN":
            return [Argument(phrase_text, self.tok_span(*self.extent(tok)), ner="MISC", via="propn")]
        return []

    def modifier_actors(self, tok, first, last) -> list[Argument]:
        """"Israeli tanks", "Hungarian and Romanian officials", "Israel's Cabinet": a noun whose modifier
        names a state, people or organisation stands for that actor (one per coordinated modifier)."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        # modifiers before the noun, adjectives after it (French: "les sanctions américaines"), and for
        # institutions the state or organisation they belong to ("the government of Iraq", "l'armée de l'Ukraine")
        mods, stack = [], [c for c in tok.children if c.i < tok.i or c.dep_ == "amod" and c.pos_ == "ADJ"]
        if self.actor_noun_type(tok) == "Organization":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    mods += [g for g in c.children if g.dep_ == "pobj" and self.ner(g) in ("LOC", "ORG")]
                elif c.dep_ in self.ad.nmod and c.i > tok.i and self.ad.prep_of(c) == "de" and self.ner(c) in ("LOC", "ORG"):
                    mods.append(c)
        while stack:  # through compound chains: "US Predator attacks", "al-Qaeda leaders"
            c = stack.pop(0)
            if c.dep_ not in ("amod", "compound", "poss", "nmod:poss", "nmod", "nummod"):
                continue
            if self.ner(c) in ("NORP", "LOC", "ORG", "PER") or c.pos_ == "ADJ" and self.is_demonym(c):
                if self.entity(c) is None or not any(self.entity(c) == self.entity(x) for x in mods):
                    mods.append(c)
            elif c.dep_ == "compound":
                stack.extend(x for x in c.children if x.i < c.i)
        for m in list(mods):
            mods += [c for c in m.children if c.dep_ in self.ad.conj and self.ner(c) in ("NORP", "LOC", "ORG", "PER")]
        out = []
        span = self.tok_span(first, last)
        for m in mods:
            ent = self.entity(m)
            text = ent.text if ent is not None else m.text
            out.append(Argument(text, span, ner=self.ner(m) if self.ner(m) not in ("NORP", None) else "LOC", via="modifier"))
        return out

    def is_demonym(self, tok) -> bool:
        """"russe", "américaines", "German": an adjective the gazetteer knows as a state's."""
        return fold(tok.text) in self.lex.demonyms

    def extent(self, tok, max_tokens: int = 16) -> tuple[object, object]:
        """The whole noun phrase of ``tok`` as an argument span (OpenIE-style): its subtree, stopping
        at a relative clause, an apposition or a comma on the right."""
        doc = tok.doc
        first = tok.left_edge
        last = tok
        for c in sorted((c for c in tok.children if c.i > tok.i), key=lambda c: c.i):
            if c.dep_ in self.ad.relcl or c.dep_ in self.ad.appos or c.dep_ in self.ad.conj or c.dep_ == "cc" \
                    or c.is_punct or c.dep_ in self.ad.acl and c.pos_ == "VERB" and "Fin" in c.morph.get("VerbForm"):
                break
            last = c.right_edge
        first = max(first, doc[max(tok.i - max_tokens, self.sent.start)], key=lambda t: t.i)
        last = min(last, doc[min(tok.i + max_tokens, self.sent.end - 1)], key=lambda t: t.i)
        while last.i > tok.i and last.is_punct:
            last = doc[last.i - 1]
        # the preposition is not part of the mention ("à la Russie" → "la Russie")
        while first.i < tok.i and (first.is_punct or first.dep_ in ("cc", "case", "fixed") and first.head.i >= tok.i):
            first = doc[first.i + 1]
        return first, last

    def text_of(self, first, last) -> str:
        return self.text[self.offset + first.idx:self.offset + last.idx + len(last.text)]

    def is_actor_token(self, tok) -> bool:
        return bool(self.entity(tok) is not None and self.ner(tok) in ("PER", "ORG", "LOC", "NORP") or self.is_role(tok)
                    or self.actor_noun_type(tok) or self.is_pronoun(tok) or self.is_plural_group(tok))
