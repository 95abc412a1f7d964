"""Saved queries (queries/*.rq, *.cypher) with a declared header, and running any query.

Header: leading comment lines ``# name: …``, ``# description: …`` and one ``# param: NAME TYPE
[DEFAULT]`` per parameter (TYPE one of kg.params.TYPES). Parameters are bound, never pasted.
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

    def declared(self) -> dict[str, str]:
        return {p.name: p.type for p in self.params}


_HEADER = re.compile(r"^\s*(#|//)\s*(name|description|param)\s*:\s*(.*)$")


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
            if len(parts) < 2 or parts[1] not in TYPES:
                raise DataError(f"{path}:{n}: '# param: NAME TYPE [DEFAULT]' with TYPE in {', '.join(TYPES)}")
            params.append(Param(parts[0], parts[1], parts[2] if len(parts) > 2 else None))
        else:
            meta[key] = value
    if "name" not in meta or "description" not in meta:
        raise DataError(f"{path}: a saved query needs '# name:' and '# description:' header lines")
    lang = "cypher" if path.suffix == ".cypher" else "sparql"
    return SavedQuery(meta["name"], meta["description"], lang, text, path, tuple(params))


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
    if cypher:
        from .cli_neo4j import run_cypher

        rows = run_cypher(body, cypher_params(items, declared), write)
        columns = list(rows[0].keys()) if rows else []
        return columns, [[r[c] for c in columns] for r in rows]
    from .stores.oxigraph import OxigraphStore

    bound = rdf_params(items, declared)
    with OxigraphStore(store, read_only=True) as s:
        result = s.query(body, bound)
        return sparql_table(result)


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
