"""Mentions → canonical entities: exact label, alias, transliteration-aware fuzzy match, role
phrases at the article's date, and minted IRIs for unknown actors (stable across runs)."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process

from ..ids import fold, minted_entity_iri
from ..types import Entity, Resolution
from .gazetteer import Gazetteer, Tenure, gazetteer

NER_TYPES = {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "LOC": "Location", "GPE": "Location",
             "FAC": "Location", "NORP": "Group", "ROLE": "Person", "MISC": "Actor"}
_TYPE_FAMILY = {"Person": {"Person"}, "Organization": {"Organization", "InternationalOrganization", "GovernmentBody",
                "MediaOutlet", "ArmedGroup", "PoliticalParty"}, "Location": {"Location", "City", "Region", "Country"}}
_DETERMINERS = re.compile(r"^(?:(?:le|la|les|l'|l’|un|une|des|du|the|a|an|der|die|das|den|dem|des|ein|eine|einen)\s+|l['’])", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
FUZZY_MIN = 88.0
_ROLE_STOP = {"le", "la", "les", "l", "un", "une", "du", "des", "the", "a", "an", "der", "die", "das", "den", "dem", "des",
              "ein", "eine", "einen", "of", "de"}
_FUNCTION_ORDER = ["head_of_state", "head_of_government", "foreign_minister", "defence_minister", "secretary_general",
                   "commission_president", "council_president", "high_representative", "counterpart"]


def translit_key(name: str) -> str:
    """Collapse Latin transliteration variants (Selenskyj / Zelenskyy / Zelensky / Zelenskiy → selenski)."""
    k = fold(name)
    for a, b in (("tsch", "ch"), ("sch", "sh"), ("kh", "h"), ("ou", "u"), ("w", "v"), ("z", "s"), ("j", "i"), ("y", "i"),
                 ("ck", "k"), ("ph", "f")):
        k = k.replace(a, b)
    k = re.sub(r"(.)\1+", r"\1", k)
    return re.sub(r"[^a-z ]", "", k)


def clean_mention(text: str, person: bool = False) -> str:
    """The mention without quotes, possessive and leading articles. In a person's name a capitalised
    particle is part of the name ("Le Pen", "La Fontaine"), so it stays."""
    text = _POSSESSIVE.sub("", text.strip(" ,.;:\"“”«»'’"))
    prev = None
    while prev != text:
        if person and text[:1].isupper():
            break
        prev, text = text, _DETERMINERS.sub("", text).strip()
    return text


class Resolver:
    """Resolve mentions against a gazetteer. One instance per process (indexes are built lazily)."""

    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer()
        self._nouns_cache: dict[str, dict] = {}

    # -- indexes -------------------------------------------------------------------------------
    @cached_property
    def _surnames(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for eid, e in self.gaz.entries.items():
            if e.entity.type == "Person":
                for name in e.names:
                    parts = fold(name).split()
                    if len(parts) > 1 and eid not in index[parts[-1]]:
                        index[parts[-1]].append(eid)
        return index

    @cached_property
    def _fuzzy_keys(self) -> tuple[list[str], list[str]]:
        keys, ids = [], []
        for eid, e in self.gaz.entries.items():
            for name in e.names:
                keys.append(translit_key(name))
                ids.append(eid)
        return keys, ids

    @cached_property
    def _tenures_by_function(self) -> dict[tuple[str, str], list[Tenure]]:
        index: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
        for t in self.gaz.tenures:
            jurisdiction, functions = self.gaz.office_functions[t.office]
            for f in functions:
                index[(jurisdiction, f)].append(t)
        return index

    # -- public --------------------------------------------------------------------------------
    @lru_cache(maxsize=100_000)  # a pure function of the gazetteer; news repeats its names across articles
    def lookup(self, name: str, ner: str | None = None, fuzzy: bool = True) -> Resolution | None:
        """Gazetteer entity for a name (exact, alias, surname, then fuzzy unless ``fuzzy=False``), or None."""
        cleaned = clean_mention(name, person=ner in ("PER", "PERSON"))
        if not cleaned:
            return None
        family = _TYPE_FAMILY.get(NER_TYPES.get(ner or "", ""), None)
        ids = self.gaz.by_name.get(fold(cleaned)) or self.gaz.by_name.get(fold(name))
        if ids:
            eid = self._prefer(ids, family)
            ent = self.gaz.entity(eid)
            method = "exact" if fold(cleaned) == fold(ent.label) else "alias"
            return Resolution(name, ent, method)
        country = self.gaz.by_adjective.get(fold(cleaned))
        if country is not None:  # "Israeli", "les Américains", "russische": the state they name
            return Resolution(name, self.gaz.entity(country), "alias", 1.0, "demonym")
        parts = fold(cleaned).split()
        if len(parts) == 1 and family in (None, _TYPE_FAMILY["Person"]):
            ids = self._surnames.get(parts[0], [])
            if len(ids) == 1:
                return Resolution(name, self.gaz.entity(ids[0]), "alias", 1.0, "surname")
        return self._fuzzy(name, cleaned, family) if fuzzy else None

    @cached_property
    def _surname_keys(self) -> tuple[list[str], list[str]]:
        """Transliteration keys of people's last names (for "Selenski" against "Wolodymyr Selenskyj")."""
        keys, ids = [], []
        for k, eid in zip(*self._fuzzy_keys):
            last = k.split()[-1] if k else ""
            if len(last) >= 5 and self.gaz.entity(eid).type == "Person":
                keys.append(last)
                ids.append(eid)
        return keys, ids

    def _fuzzy(self, name: str, cleaned: str, family) -> Resolution | None:
        found = self._fuzzy_key(translit_key(cleaned), frozenset(family) if family else None) if len(cleaned) >= 4 else None
        if found is None:
            return None
        eid, score = found
        return Resolution(name, self.gaz.entity(eid), "fuzzy", round(score / 100, 3), f"score {score:.1f}")

    @lru_cache(maxsize=50_000)
    def _fuzzy_key(self, key: str, family: frozenset | None) -> tuple[str, float] | None:
        keys, ids = self._fuzzy_keys
        best = None
        for _, score, i in process.extract(key, keys, scorer=fuzz.ratio, limit=5, score_cutoff=FUZZY_MIN):
            if (family is None or self.gaz.entity(ids[i]).type in family) and (best is None or score > best[1]):
                best = (ids[i], score)
        if best is None and len(key.split()) == 1 and (family is None or "Person" in family):
            # a surname alone against the surname of a listed full name
            skeys, sids = self._surname_keys
            hit = process.extractOne(key, skeys, scorer=fuzz.ratio, score_cutoff=92)
            if hit is not None:
                best = (sids[hit[2]], hit[1])
        return best

    def _prefer(self, ids: list[str], family) -> str:
        if family:
            for eid in ids:
                if self.gaz.entries[eid].entity.type in family:
                    return eid
        return ids[0]

    def country_of(self, word: str) -> str | None:
        """Jurisdiction id for a demonym/adjective or a country/organisation name."""
        key = fold(clean_mention(word))
        if key in self.gaz.by_adjective:
            return self.gaz.by_adjective[key]
        for eid in self.gaz.by_name.get(key, []):
            if self.gaz.entries[eid].entity.type in ("Country", "InternationalOrganization"):
                return eid
        return None

    def role(self, phrase: str, lang: str, when: date | datetime | None, jurisdiction: str | None = None) -> Resolution | None:
        """Office holder for a role phrase at a date ("le président américain" → the US president then).

        The jurisdiction comes from an adjective or a country/organisation name anywhere in the phrase
        ("le ministre *américain* de la Défense", "der *russische* Präsident", "*US*-Präsident"); it is
        removed before matching the role noun so that inserted adjectives do not break the noun.
        """
        if when is None:
            return None
        day = when.date() if isinstance(when, datetime) else when
        words = _role_words(fold(phrase))
        # "us-präsident", "kremlin-chef": try the parts of hyphenated words too
        expanded: list[str] = []
        nouns = self._role_nouns(lang)
        for w in words:
            parts = [p for p in w.split("-") if p]
            if len(parts) > 1 and self.country_of(w) is None and w not in nouns:
                expanded += parts  # "US-Präsident", "president-elect"
            else:
                expanded.append(w)
        words = expanded
        rest: list[str] = []
        i = 0
        while i < len(words):
            for k in (3, 2, 1):
                cand = " ".join(words[i:i + k])
                j = self.country_of(cand) if i + k <= len(words) else None
                if j and not self._is_role_word(cand, lang):
                    jurisdiction = jurisdiction or j
                    i += k
                    break
            else:
                rest.append(words[i])
                i += 1
        functions = None
        best = 0
        for i in range(len(rest)):
            for j in range(min(len(rest), i + 6), i, -1):
                cand = " ".join(rest[i:j])
                if cand in nouns and j - i > best:
                    (functions, juris), best = nouns[cand], j - i
                    jurisdiction = jurisdiction or juris
        if functions is None or jurisdiction is None or "counterpart" in functions:
            return None
        mods = self._role_modifiers(lang)
        effect = next((mods[w] for w in rest if w in mods), None)
        for function in sorted(functions, key=_FUNCTION_ORDER.index):
            holder = self._holder(jurisdiction, function, day, effect)
            if holder is not None:
                break
        else:
            return None
        detail = f"{holder.office} ({function}) {'holder' if not effect else effect + ' holder'} at {day.isoformat()}"
        return Resolution(phrase, self.gaz.entity(holder.person), "role", 1.0, detail)

    def counterpart(self, phrase: str, lang: str, when: date | datetime | None, of: str) -> Resolution | None:
        """"son homologue chinois", "his French counterpart": the holder, in the phrase's jurisdiction and at
        the date, of the office the entity ``of`` (an IRI) holds then — the same function elsewhere."""
        if when is None or of not in self.gaz.by_iri:
            return None
        day = when.date() if isinstance(when, datetime) else when
        words = _role_words(fold(phrase))
        nouns = self._role_nouns(lang)
        if not any("counterpart" in nouns.get(w, ((),))[0] for w in words):
            return None
        jurisdiction = next((j for w in words if (j := self.country_of(w)) is not None and w not in nouns), None)
        person = self.gaz.by_iri[of]
        held = [t for t in self.gaz.tenures if t.person == person and _in_office(t, day)]
        if jurisdiction is None or not held:
            return None
        functions = {f for t in held for f in self.gaz.office_functions[t.office][1]}
        for function in sorted(functions, key=_FUNCTION_ORDER.index):
            holder = self._holder(jurisdiction, function, day, None)
            if holder is not None and holder.person != person:
                detail = f"counterpart: {holder.office} ({function}) holder at {day.isoformat()}"
                return Resolution(phrase, self.gaz.entity(holder.person), "role", 1.0, detail)
        return None

    def _is_role_word(self, word: str, lang: str) -> bool:
        return word in self._role_nouns(lang)

    def _role_nouns(self, lang: str) -> dict:
        """Role phrases of every language (the article's own last, so it wins), without articles."""
        if lang not in self._nouns_cache:
            merged: dict = {}
            for lg in [x for x in self.gaz.role_nouns if x != lang] + [lang]:
                for key, value in self.gaz.role_nouns.get(lg, {}).items():
                    merged[" ".join(_role_words(key))] = value
            self._nouns_cache[lang] = merged
        return self._nouns_cache[lang]

    def _role_modifiers(self, lang: str) -> dict:
        merged: dict = {}
        for lg in [x for x in self.gaz.role_modifiers if x != lang] + [lang]:
            merged.update(self.gaz.role_modifiers.get(lg, {}))
        return merged

    def _holder(self, jurisdiction: str, function: str, day: date, effect: str | None) -> Tenure | None:
        tenures = self._tenures_by_function.get((jurisdiction, function), [])
        if effect == "future":
            later = [t for t in tenures if t.start > day]
            return min(later, key=lambda t: t.start) if later else None
        if effect == "past":
            earlier = [t for t in tenures if t.end is not None and t.end <= day]
            return max(earlier, key=lambda t: t.end) if earlier else None
        current = [t for t in tenures if _in_office(t, day)]
        current.sort(key=lambda t: (t.acting, -t.start.toordinal()))
        return current[0] if current else None

    def mint(self, name: str, ner: str | None) -> Resolution:
        label = clean_mention(name, person=ner in ("PER", "PERSON")) or name.strip()
        type_ = NER_TYPES.get(ner or "", "Actor")
        return Resolution(name, Entity(minted_entity_iri(label, type_), label, type_, minted=True), "minted", 0.5)

    def resolve(self, text: str, ner: str | None, lang: str, when, role_phrase: str | None = None) -> Resolution:
        """Best resolution of a mention: name first, then the role phrase, then a minted entity."""
        found = self.lookup(text, ner, fuzzy=False)
        if found is not None:
            return found
        for phrase in (role_phrase, text):  # a role phrase beats a fuzzy look-alike name
            if phrase:
                by_role = self.role(phrase, lang, when)
                if by_role is not None:
                    return by_role
        return self.lookup(text, ner) or self.mint(text, ner)


def _role_words(folded: str) -> list[str]:
    """The words of a folded role phrase, without articles and "of/de"."""
    return [w for w in re.split(r"[\s'’]+", folded) if w and w not in _ROLE_STOP]


def _in_office(t: Tenure, day: date) -> bool:
    return t.start <= day and (t.end is None or day < t.end)
