"""Saved queries (queries/*.rq, *.cypher) with a declared header, and running any query.

Header: leading comment lines ``# name: …``, ``# description: …``, one ``# param: NAME TYPE
[DEFAULT]`` per parameter and optionally ``# source: gazetteer``. Parameters are bound, never pasted.

TYPE is one of kg.params.TYPES or ``actor``: an actor parameter takes a name, alias or IRI; for
SPARQL it is resolved with :func:`kg.inspect.actor_iri` (gazetteer, else the minted IRI) and bound
as an IRI, for Cypher it is passed as the string (the Cypher queries match names and aliases).

``# source: gazetteer`` marks a query over the actor gazetteer (offices and tenures, which are
reference data, not news statements) instead of the store: it runs on an in-memory graph built
from ``kg.resolve.gazetteer()`` (see :func:`gazetteer_store`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import QUERIES_DIR
from .errors import DataError, QueryError
from .params import TYPES, cypher_params, rdf_params, split_params


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None = None


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    language: str  # sparql | cypher
    text: str
    path: Path
    params: tuple[Param, ...] = field(default_factory=tuple)
    source: str = "store"  # store | gazetteer

    def declared(self) -> dict[str, str]:
        return {p.name: p.type for p in self.params}


_HEADER = re.compile(r"^\s*(#|//)\s*(name|description|param|source)\s*:\s*(.*)$")
PARAM_TYPES = (*TYPES, "actor")
SOURCES = ("store", "gazetteer")


def parse_saved(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if not m:
            if line.strip() and not line.lstrip().startswith(("#", "//")):
                break
            continue
        key, value = m.group(2), m.group(3).strip()
        if key == "param":
            parts = value.split(None, 2)
            if len(parts) < 2 or parts[1] not in PARAM_TYPES:
                raise DataError(f"{path}:{n}: '# param: NAME TYPE [DEFAULT]' with TYPE in {', '.join(PARAM_TYPES)}")
            params.append(Param(parts[0], parts[1], parts[2] if len(parts) > 2 else None))
        else:
            meta[key] = value
    if "name" not in meta or "description" not in meta:
        raise DataError(f"{path}: a saved query needs '# name:' and '# description:' header lines")
    source = meta.get("source", "store")
    if source not in SOURCES:
        raise DataError(f"{path}: '# source: {source}' is not one of {', '.join(SOURCES)}")
    lang = "cypher" if path.suffix == ".cypher" else "sparql"
    return SavedQuery(meta["name"], meta["description"], lang, text, path, tuple(params), source)


def saved_queries(directory: Path | None = None) -> list[SavedQuery]:
    directory = directory or QUERIES_DIR
    return sorted((parse_saved(p) for p in directory.glob("*") if p.suffix in (".rq", ".cypher")),
                  key=lambda q: (q.name, q.language))


def find_saved(name: str, language: str) -> SavedQuery | None:
    for q in saved_queries():
        if q.name == name and q.language == language:
            return q
    return None


def _with_defaults(q: SavedQuery | None, items: list[str] | None) -> list[str]:
    items = list(items or [])
    if q is None:
        return items
    given = {k.split(":")[0] for k in split_params(items)}
    for p in q.params:
        if p.name not in given:
            if p.default is None:
                raise QueryError(f"saved query {q.name!r} needs --param {p.name}=… ({p.type})")
            items.append(f"{p.name}={p.default}")
    return items


def run_query(text: str | None, file: Path | None, params: list[str] | None, *, cypher: bool = False,
              write: bool = False, store=None) -> tuple[list[str], list[list]]:
    """(columns, rows) of a SPARQL query on the RDF store, or of Cypher on Neo4j."""
    saved = None
    if file is not None:
        try:
            body = file.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"{file}: cannot read: {e.strerror}") from None
        if file.suffix in (".rq", ".cypher"):
            saved = parse_saved(file)
            cypher = cypher or saved.language == "cypher"
    elif text is None:
        raise QueryError("give a query text, a saved query name or --file")
    elif re.fullmatch(r"[A-Za-z0-9_\-]+", text.strip()):
        saved = find_saved(text.strip(), "cypher" if cypher else "sparql")
        if saved is None:
            raise QueryError(f"no saved {'Cypher' if cypher else 'SPARQL'} query named {text!r} (see `kg queries`)")
        body = saved.text
    else:
        body = text
    items = _with_defaults(saved, params)
    declared = saved.declared() if saved else None
    if declared and not cypher:
        items, declared = _resolve_actors(items, declared)
    if cypher:
        from .cli_neo4j import run_cypher

        rows = run_cypher(body, cypher_params(items, declared), write)
        columns = list(rows[0].keys()) if rows else []
        return columns, [[r[c] for c in columns] for r in rows]
    from .stores.oxigraph import OxigraphStore

    bound = rdf_params(items, declared)
    if saved is not None and saved.source == "gazetteer":
        return sparql_table(gazetteer_store().query(body, bound))
    if isinstance(store, OxigraphStore):  # an open store (tests, kg serve, Python callers)
        return sparql_table(store.query(body, bound))
    with OxigraphStore(store, read_only=True) as s:
        result = s.query(body, bound)
        return sparql_table(result)


def _resolve_actors(items: list[str], declared: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """Actor parameters (declared type ``actor``, no explicit ``name:type``) become IRIs."""
    from .inspect import actor_iri

    out = []
    for key, value in split_params(items).items():
        if ":" not in key and declared.get(key) == "actor":
            value = actor_iri(value)
        out.append(f"{key}={value}")
    return out, {k: ("iri" if t == "actor" else t) for k, t in declared.items()}


def gazetteer_store():
    """The gazetteer's offices and tenures as RDF in an in-memory Oxigraph store (built once).

    ``?role a kg:Role ; kg:holder ?person ; kg:office ?office ; kg:start ?date [; kg:end ?date]
    ; kg:acting ?bool`` and ``?office a kg:Office ; kg:officeId "USA/president" ; rdfs:label ?l ;
    kg:jurisdiction "USA"``; holders carry ``skos:prefLabel``.
    """
    global _GAZ_STORE
    if _GAZ_STORE is None:
        _GAZ_STORE = _build_gazetteer_store()
    return _GAZ_STORE


_GAZ_STORE = None


def _build_gazetteer_store():
    from urllib.parse import quote

    import pyoxigraph as ox

    from .config import base_iri
    from .resolve import gazetteer
    from .stores.oxigraph import PREFIXES, OxigraphStore

    gaz = gazetteer()
    kg = PREFIXES["kg"]
    nn, lit = ox.NamedNode, ox.Literal
    typ, label = nn(PREFIXES["rdf"] + "type"), nn(PREFIXES["skos"] + "prefLabel")
    xsd = PREFIXES["xsd"]
    g = ox.DefaultGraph()
    quads = []

    def office_iri(office: str) -> ox.NamedNode:
        return nn(f"{base_iri()}office/{quote(office, safe='')}")

    offices = {}
    labels = _office_labels()
    for office, (jurisdiction, _functions) in gaz.office_functions.items():
        o = office_iri(office)
        offices[office] = o
        quads += [ox.Quad(o, typ, nn(kg + "Office"), g), ox.Quad(o, nn(kg + "officeId"), lit(office), g),
                  ox.Quad(o, nn(kg + "jurisdiction"), lit(jurisdiction), g)]
        if office in labels:
            quads.append(ox.Quad(o, nn(PREFIXES["rdfs"] + "label"), lit(labels[office], language="en"), g))
    for i, t in enumerate(gaz.tenures):
        if t.person not in gaz.entries:
            continue
        person = gaz.entity(t.person)
        r = nn(f"{base_iri()}role/{i}")
        quads += [ox.Quad(r, typ, nn(kg + "Role"), g), ox.Quad(r, nn(kg + "holder"), nn(person.iri), g),
                  ox.Quad(r, nn(kg + "office"), offices.get(t.office, office_iri(t.office)), g),
                  ox.Quad(r, nn(kg + "acting"), lit("true" if t.acting else "false", datatype=nn(xsd + "boolean")), g),
                  ox.Quad(nn(person.iri), label, lit(person.label, language="en"), g)]
        if t.start:
            quads.append(ox.Quad(r, nn(kg + "start"), lit(t.start.isoformat(), datatype=nn(xsd + "date")), g))
        if t.end:
            quads.append(ox.Quad(r, nn(kg + "end"), lit(t.end.isoformat(), datatype=nn(xsd + "date")), g))
    s = OxigraphStore.memory()
    s.store.extend(quads)
    return s


def _office_labels() -> dict[str, str]:
    """Office id → English label from ontology/gazetteer/offices.tsv (the loader keeps only functions)."""
    import csv

    from .config import ONTOLOGY_DIR

    out = {}
    with (ONTOLOGY_DIR / "gazetteer" / "offices.tsv").open(encoding="utf-8", newline="") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        out[row["id"]] = row["label"]
    return out


def sparql_table(result) -> tuple[list[str], list[list]]:
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[bool(result)]]
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        return columns, [[_term(sol[c]) for c in columns] for sol in result]
    rows = [[_term(t.subject), _term(t.predicate), _term(t.object)] for t in result]
    return ["subject", "predicate", "object"], rows


def _term(t):
    if t is None:
        return None
    return t.value
