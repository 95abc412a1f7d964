"""Load the ontology (relations and their PLOVER/CAMEO codes) and the verb lexicons, once.

Both are data files in ``ontology/``; any invalid entry raises ``DataError`` naming the file
and line, at start-up rather than mid-extraction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .config import ONTOLOGY_DIR
from .errors import DataError
from .types import MODALITIES
from .vocab import KG, RDF, RDFS

LEXICON_LANGS = ("fr", "en", "de")
LEXICON_HEADER = ("lemma", "relation", "args", "modality", "note")
NO_RELATION = "-"  # lexicon rows for verbs that only pass a modality to their complement

_ARG = re.compile(r"^(obj|iobj|ccomp|xcomp|advcl|cond|none|obl:[^\W\d_][\w'’]*)$")
# [@]noun | [se |sich ]verb[_particle][+noun]  (noun-headed, reflexive, phrasal, light-verb)
_LEMMA = re.compile(r"^(@[^\W\d_][\w'’-]*|((se|sich) )?[^\W\d_][\w'’-]*(_[^\W\d_]+)?(\+[^\W\d_][\w'’-]*)?)$")
_CLAUSAL = {"ccomp", "xcomp"}


@dataclass(frozen=True)
class Relation:
    """One relation of the ontology (a ``kg:Relation``)."""

    name: str  # local name, an English verb lemma: "invite"
    iri: str
    labels: dict[str, str]  # language -> label
    symmetric: bool  # subject and object may be swapped (meet, agree, ...)
    speech: bool  # the object may be a claim (clausal complement)
    plover: str | None  # PLOVER 0.5b1 event type
    cameo: str | None  # most specific CAMEO code that fits (cameoCode, else cameoRoot)
    cameo_root: str | None  # two-digit CAMEO cue category


@dataclass(frozen=True)
class Ontology:
    """What the pipeline needs from ``ontology/kg.ttl``."""

    relations: dict[str, Relation]
    modalities: tuple[str, ...]
    path: Path

    def relation(self, name: str) -> Relation:
        """The relation called ``name``; ``DataError`` when the ontology has none."""
        try:
            return self.relations[name]
        except KeyError:
            raise DataError(f"{self.path}: no relation named {name!r} in the ontology") from None


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: a verb (or light-verb construction) and the relation it expresses."""

    lemma: str  # "inviter", "se entendre", "call_for", "avoir+entretien", "@visite"
    relation: str | None  # None: the verb only passes ``modality`` to its complement (plan to ...)
    args: tuple[str, ...]  # where the other actor is, in priority order: obj, obl:avec, ccomp, ...
    modality: str | None  # modality the verb imposes on its complement statement
    note: str = ""
    line: int = 0


def _bool(graph: Graph, s: URIRef, p: URIRef) -> bool:
    value = graph.value(s, p)
    return bool(value.toPython()) if isinstance(value, Literal) else False


def _str(graph: Graph, s: URIRef, p: URIRef) -> str | None:
    value = graph.value(s, p)
    return str(value) if value is not None else None


@lru_cache(maxsize=4)
def ontology_graph(path: Path | None = None) -> Graph:
    """The ontology as an rdflib graph (parsed once; treat it as read-only)."""
    path = Path(path or ONTOLOGY_DIR / "kg.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise DataError(f"{path}: cannot parse ontology: {exc}") from exc


@lru_cache(maxsize=4)
def shapes_graph(path: Path | None = None) -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``) as an rdflib graph."""
    path = Path(path or ONTOLOGY_DIR / "shapes.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:
        raise DataError(f"{path}: cannot parse shapes: {exc}") from exc


@lru_cache(maxsize=4)
def load_ontology(path: Path | None = None) -> Ontology:
    """Relations of ``ontology/kg.ttl`` with labels, symmetry, speech-act flag and codes."""
    path = Path(path or ONTOLOGY_DIR / "kg.ttl")
    graph = ontology_graph(path)
    relations: dict[str, Relation] = {}
    for subject in graph.subjects(RDF.type, KG.Relation):
        iri = str(subject)
        if not iri.startswith(str(KG._NS)):
            raise DataError(f"{path}: relation {iri} is outside the kg: namespace")
        name = iri[len(str(KG._NS)):]
        labels = {lab.language: str(lab) for lab in graph.objects(subject, RDFS.label)
                  if isinstance(lab, Literal) and lab.language}
        code, root = _str(graph, subject, KG.cameoCode), _str(graph, subject, KG.cameoRoot)
        relations[name] = Relation(
            name=name, iri=iri, labels=labels,
            symmetric=_bool(graph, subject, KG.symmetric),
            speech=_bool(graph, subject, KG.speechAct),
            plover=_str(graph, subject, KG.ploverEventType),
            cameo=code or root, cameo_root=root,
        )
    if not relations:
        raise DataError(f"{path}: the ontology defines no kg:Relation")
    modalities = tuple(sorted(str(c)[len(str(KG._NS)):] for c in graph.subjects(RDF.type, KG.Modality)))
    if set(modalities) != set(MODALITIES):
        raise DataError(f"{path}: modalities {modalities} differ from kg.types.MODALITIES {MODALITIES}")
    return Ontology(relations=relations, modalities=MODALITIES, path=path)


def _parse_row(fields: list[str], where: str, ontology: Ontology, line: int) -> LexEntry:
    """Validate one lexicon row; ``where`` is ``file:line`` for messages."""
    if len(fields) != len(LEXICON_HEADER):
        raise DataError(f"{where}: expected {len(LEXICON_HEADER)} tab-separated columns, got {len(fields)}")
    lemma, relation, args_text, modality, note = (f.strip() for f in fields)
    if not _LEMMA.match(lemma):
        raise DataError(f"{where}: bad lemma {lemma!r}")
    args = tuple(a.strip() for a in args_text.split("|"))
    bad = [a for a in args if not _ARG.match(a)]
    if bad:
        raise DataError(f"{where}: bad args {bad} (use obj, iobj, obl:PREP, ccomp, xcomp, advcl, cond, none; '|' between)")
    if len(set(args)) != len(args):
        raise DataError(f"{where}: repeated argument in {args_text!r}")
    if modality and modality not in MODALITIES:
        raise DataError(f"{where}: unknown modality {modality!r} (one of {', '.join(MODALITIES)})")
    if relation == NO_RELATION:
        if not modality or not set(args) <= _CLAUSAL:
            raise DataError(f"{where}: a '-' row needs a modality and only ccomp/xcomp args")
        return LexEntry(lemma, None, args, modality, note, line)
    if relation not in ontology.relations:
        raise DataError(f"{where}: unknown relation {relation!r} (not a kg:Relation in {ontology.path.name})")
    if _CLAUSAL & set(args) and not (ontology.relations[relation].speech or modality):
        raise DataError(f"{where}: {relation!r} is not a speech act: ccomp/xcomp needs a modality for the complement")
    return LexEntry(lemma, relation, args, modality or None, note, line)


@lru_cache(maxsize=8)
def load_lexicon(lang: str, path: Path | None = None) -> dict[str, list[LexEntry]]:
    """``ontology/lexicon/<lang>.tsv`` as lemma -> entries (several when a verb is ambiguous)."""
    path = Path(path or ONTOLOGY_DIR / "lexicon" / f"{lang}.tsv")
    if not path.is_file():
        raise DataError(f"{path}: no verb lexicon for language {lang!r}")
    ontology = load_ontology()
    entries: dict[str, list[LexEntry]] = {}
    seen_header = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = raw.split("\t")
        where = f"{path}:{number}"
        if not seen_header:
            if tuple(f.strip() for f in fields) != LEXICON_HEADER:
                raise DataError(f"{where}: expected header {'<TAB>'.join(LEXICON_HEADER)}")
            seen_header = True
            continue
        entry = _parse_row(fields, where, ontology, number)
        same = entries.setdefault(entry.lemma, [])
        if any(e.relation == entry.relation and e.args == entry.args for e in same):
            raise DataError(f"{where}: duplicate row for {entry.lemma!r} -> {entry.relation}")
        same.append(entry)
    if not seen_header:
        raise DataError(f"{path}: empty lexicon (no header row)")
    return entries
