"""The actor gazetteer: TSV data files in ontology/gazetteer/, loaded and validated once.

Entity files share the columns ``id type wikidata label label_fr label_de aliases`` and may add
``gender`` (people), ``adjectives``/``iso2`` (countries) or ``country`` (organisations, places).
``offices.tsv``, ``tenures.tsv``, ``role_nouns.tsv`` and ``role_modifiers.tsv`` describe
time-bounded roles so that "the US president" resolves at an article's date.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..config import ONTOLOGY_DIR
from ..errors import DataError
from ..ids import entity_iri, fold, wikidata_iri
from ..types import Entity

ENTITY_COLUMNS = ("id", "type", "wikidata", "label", "label_fr", "label_de", "aliases")
ROLE_FILES = {"offices.tsv", "tenures.tsv", "role_nouns.tsv", "role_modifiers.tsv"}
FUNCTIONS = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "secretary_general",
             "commission_president", "council_president", "high_representative",
             "counterpart"}  # "son homologue chinois": the other actor's function, in the phrase's jurisdiction
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class GazEntry:
    entity: Entity
    names: tuple[str, ...]  # label, language labels and aliases
    gender: str | None = None
    adjectives: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True)
class Tenure:
    person: str
    office: str
    start: date
    end: date | None
    acting: bool


@dataclass
class Gazetteer:
    entries: dict[str, GazEntry] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # folded name → ids
    by_adjective: dict[str, str] = field(default_factory=dict)  # folded demonym/adjective → country id
    by_iri: dict[str, str] = field(default_factory=dict)
    office_functions: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)  # office → (jurisdiction, functions)
    tenures: list[Tenure] = field(default_factory=list)
    role_nouns: dict[str, dict[str, tuple[frozenset[str], str | None]]] = field(default_factory=lambda: defaultdict(dict))
    role_modifiers: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def entity(self, entry_id: str) -> Entity:
        return self.entries[entry_id].entity

    def counts(self) -> dict[str, int]:
        by_type: dict[str, int] = defaultdict(int)
        for e in self.entries.values():
            by_type[e.entity.type] += 1
        return {**dict(sorted(by_type.items())), "offices": len(self.office_functions), "tenures": len(self.tenures)}


def _rows(path: Path, required: tuple[str, ...]):
    """Data rows of a TSV with '#' comments and a header row, as dicts; errors name file and line."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, start=1) if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].rstrip("\n").split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(f"{path}:{lines[0][0]}: missing columns {missing}")
    for n, line in lines[1:]:
        cells = line.rstrip("\n").split("\t")
        if len(cells) > len(header):
            raise DataError(f"{path}:{n}: {len(cells)} cells for {len(header)} columns")
        row = dict(zip(header, (c.strip() for c in cells + [""] * (len(header) - len(cells)))))
        yield n, row


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _date(path: Path, n: int, value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(f"{path}:{n}: bad date {value!r} (YYYY-MM-DD)") from None


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Read every TSV in the gazetteer directory. Raises DataError on an invalid row."""
    directory = directory or ONTOLOGY_DIR / "gazetteer"
    gaz = Gazetteer()
    for path in sorted(directory.glob("*.tsv")):
        if path.name in ROLE_FILES:
            continue
        for n, row in _rows(path, ENTITY_COLUMNS):
            if not row["id"] or not row["label"] or not row["type"]:
                raise DataError(f"{path}:{n}: id, type and label are required")
            if row["id"] in gaz.entries:
                raise DataError(f"{path}:{n}: duplicate id {row['id']!r}")
            qid = row["wikidata"] or None
            if qid and not _QID.match(qid):
                raise DataError(f"{path}:{n}: bad Wikidata id {qid!r}")
            names = tuple(dict.fromkeys(x for x in (row["label"], row["label_fr"], row["label_de"], *_split(row["aliases"])) if x))
            ent = Entity(iri=wikidata_iri(qid) if qid else entity_iri(row["id"]), label=row["label"], type=row["type"],
                         wikidata=qid, aliases=tuple(x for x in names if x != row["label"]))
            entry = GazEntry(ent, names, gender=row.get("gender") or None, adjectives=_split(row.get("adjectives", "")),
                             country=row.get("country") or None)
            gaz.entries[row["id"]] = entry
            gaz.by_iri[ent.iri] = row["id"]
            for name in names:
                key = fold(name)
                if row["id"] not in gaz.by_name[key]:
                    gaz.by_name[key].append(row["id"])
            for adj in entry.adjectives:
                gaz.by_adjective.setdefault(fold(adj), row["id"])
    _load_roles(directory, gaz)
    return gaz


def _load_roles(directory: Path, gaz: Gazetteer) -> None:
    offices = directory / "offices.tsv"
    if offices.exists():
        for n, row in _rows(offices, ("id", "jurisdiction", "functions")):
            functions = frozenset(_split(row["functions"]))
            if not functions <= FUNCTIONS:
                raise DataError(f"{offices}:{n}: unknown functions {sorted(functions - FUNCTIONS)}")
            gaz.office_functions[row["id"]] = (row["jurisdiction"], functions)
    tenures = directory / "tenures.tsv"
    if tenures.exists():
        for n, row in _rows(tenures, ("person", "office", "start", "end")):
            if row["person"] not in gaz.entries or row["office"] not in gaz.office_functions:
                raise DataError(f"{tenures}:{n}: unknown person {row['person']!r} or office {row['office']!r}")
            start = _date(tenures, n, row["start"])
            if start is None:
                raise DataError(f"{tenures}:{n}: start date required")
            gaz.tenures.append(Tenure(row["person"], row["office"], start, _date(tenures, n, row["end"]),
                                      row.get("acting", "").lower() == "yes"))
    nouns = directory / "role_nouns.tsv"
    if nouns.exists():
        for n, row in _rows(nouns, ("lang", "phrase", "function")):
            functions = frozenset(_split(row["function"]))
            if not functions or not functions <= FUNCTIONS:
                raise DataError(f"{nouns}:{n}: unknown function {row['function']!r}")
            gaz.role_nouns[row["lang"]][fold(row["phrase"])] = (functions, row.get("jurisdiction") or None)
    mods = directory / "role_modifiers.tsv"
    if mods.exists():
        for n, row in _rows(mods, ("lang", "word", "effect")):
            if row["effect"] not in ("future", "past"):
                raise DataError(f"{mods}:{n}: effect must be 'future' or 'past'")
            gaz.role_modifiers[row["lang"]][fold(row["word"])] = row["effect"]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    return load_gazetteer()
