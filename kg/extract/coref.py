"""Rule-based coreference over the article's previous sentences.

Salience follows the usual centering intuition: nearer sentences first, then grammatical role
(subject > object > other), then recency. Pronouns agree in gender/number where known (gazetteer
gender); object clitics never take the clause's own subject; plural pronouns and "the two men"
take the last coordinated group, else the two most salient people.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..types import Argument

ROLE_RANK = {"subj": 0, "obj": 1, "other": 2}
WINDOW = 5  # sentences looked back


@dataclass(frozen=True)
class Referent:
    arg: Argument
    key: str  # canonical key (entity IRI when the gazetteer knows it, else folded text)
    gender: str | None
    sent_no: int
    role: str
    person: bool
    plural: bool = False
    etype: str | None = None  # gazetteer entity type (Country, ArmedGroup, …) for definite descriptions


class Discourse:
    """What has been said about whom so far in one article."""

    def __init__(self, key_of: Callable[[Argument], tuple[str, str | None, bool]],
                 type_of: Callable[[Argument], str | None] | None = None):
        self.key_of = key_of  # argument → (key, gender, is_person)
        self.type_of = type_of  # argument → its entity's type, for "the country", "le mouvement"
        self.referents: list[Referent] = []
        self.groups: list[tuple[int, tuple[Argument, ...]]] = []
        self.speakers: list[tuple[int, Argument]] = []

    def add(self, arg: Argument, sent_no: int, role: str, plural: bool = False) -> None:
        key, gender, person = self.key_of(arg)
        etype = self.type_of(arg) if self.type_of is not None else None
        self.referents.append(Referent(arg, key, gender, sent_no, role, person, plural, etype))

    def add_group(self, args: list[Argument], sent_no: int) -> None:
        keys = {self.key_of(a)[0] for a in args}
        if len(keys) > 1:
            self.groups.append((sent_no, tuple(args)))

    def add_speaker(self, arg: Argument, sent_no: int) -> None:
        self.speakers.append((sent_no, arg))

    def _ranked(self, sent_no: int, position: int, persons_only: bool = True) -> list[Referent]:
        cands = [r for r in self.referents
                 if sent_no - WINDOW <= r.sent_no <= sent_no and (r.sent_no < sent_no or r.arg.span.start < position)
                 and (r.person or not persons_only)]
        return sorted(cands, key=lambda r: (sent_no - r.sent_no, ROLE_RANK[r.role], -r.arg.span.start))

    def pronoun(self, gender: str | None, sent_no: int, position: int, exclude: set[str]) -> Referent | None:
        """Antecedent of a singular pronoun: a person, or for neuter "it" a state or organisation."""
        neuter = gender == "n"
        for r in self._ranked(sent_no, position, persons_only=not neuter):
            if neuter and r.person:
                continue
            if r.key in exclude or r.plural:  # "the activists … saying he must resign": not them
                continue
            if gender and not neuter and r.gender and r.gender != gender:
                continue
            return r
        return None

    def described(self, types: frozenset[str], sent_no: int, position: int, exclude: set[str]) -> Referent | None:
        """Antecedent of a definite description ("the country", "le mouvement islamiste"): the most
        salient earlier actor of one of ``types`` (a name the gazetteer types, never a minted one)."""
        for r in self._ranked(sent_no, position, persons_only=False):
            if r.etype in types and r.key not in exclude and not r.plural:
                return r
        return None

    def pair(self, sent_no: int, position: int) -> list[Argument]:
        """Antecedents of "les deux dirigeants", "both leaders": the last coordinated group, else the two
        most salient people (never a plural noun such as "the unions")."""
        groups = [g for s, g in self.groups if sent_no - WINDOW <= s <= sent_no]
        if groups:
            return list(groups[-1])
        out, seen = [], set()
        for r in self._ranked(sent_no, position):
            if r.key not in seen and not r.plural:
                seen.add(r.key)
                out.append(r.arg)
            if len(out) == 2:
                return out
        return []

    def plural(self, sent_no: int, position: int) -> list[Argument]:
        """Antecedents of "ils/they/les deux hommes": the nearest plural actor ("the rebels") or
        coordinated group ("Lui et Trump"), else the two most salient people."""
        groups = [(s, g) for s, g in self.groups if sent_no - WINDOW <= s <= sent_no]
        nouns = [r for r in self._ranked(sent_no, position, persons_only=False) if r.plural]
        if nouns and (not groups or nouns[0].sent_no >= groups[-1][0]):
            return [nouns[0].arg]
        if groups:
            return list(groups[-1][1])
        out, seen = [], set()
        for r in self._ranked(sent_no, position):
            if r.key not in seen:
                seen.add(r.key)
                out.append(r.arg)
            if len(out) == 2:
                return out
        return []

    def speaker(self, sent_no: int) -> Argument | None:
        """Speaker of the quote a first-person sentence belongs to (the last speech subject nearby)."""
        for s, arg in reversed(self.speakers):
            if sent_no - 3 <= s <= sent_no:
                return arg
        return None
