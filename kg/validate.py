"""SHACL validation (pyshacl) of article graphs against ontology/shapes.ttl."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from .errors import InputError
from .ontology import ontology_graph, shapes_graph


@dataclass(frozen=True)
class Result:
    graph: str
    conforms: bool
    violations: tuple[str, ...]


def validate_graph(name: str, data: Graph) -> Result:
    from pyshacl import validate
    from rdflib.namespace import SH

    conforms, report, _ = validate(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
                                   advanced=True, allow_warnings=True)
    messages = []
    for r in report.subjects(predicate=None, object=SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        messages.append(f"{focus} {path or ''}: {msg}")
    return Result(name, bool(conforms), tuple(sorted(messages)))


def _to_rdflib(quads) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    nq = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    ds = Dataset()
    ds.parse(data=nq, format="nquads")
    for g in ds.graphs():
        if len(g):
            graphs[str(g.identifier)] = g
    return graphs


def validate_store(store) -> list[Result]:
    results = []
    for iri, _, _ in store.articles():
        quads = store.graph_quads([iri])
        for name, g in _to_rdflib(quads).items():
            results.append(validate_graph(name, g))
    return results


def validate_file(path: Path) -> list[Result]:
    fmt = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".nt": ox.RdfFormat.N_TRIPLES}.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), "unknown RDF file type (use .trig, .nq, .ttl or .nt)")
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except (OSError, SyntaxError, ValueError) as e:
        raise InputError(str(path), f"cannot parse: {e}") from None
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        g = ox.NamedNode("file:" + path.name)
        quads = [ox.Quad(q.subject, q.predicate, q.object, g) for q in quads]
    return [validate_graph(name, g) for name, g in _to_rdflib(quads).items()]
