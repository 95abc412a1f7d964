"""Snapshots of the RDF store: the articles published (or ingested) up to a date, in a standard
format, with a manifest. Output is canonical (sorted), so the same store gives the same bytes."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

import pyoxigraph as ox

from .errors import InputError
from .stores.oxigraph import PREFIXES, OxigraphStore
from .vocab import RDF

RDF_FORMATS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.TURTLE,
               "nt": ox.RdfFormat.N_TRIPLES, "jsonld": None}


@dataclass(frozen=True)
class Selection:
    as_of: date | None = None  # publication date, inclusive
    ingested_before: datetime | None = None  # transaction time, exclusive


def parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(option, f"unparseable date {value!r} (expected YYYY-MM-DD)") from None


def select_articles(store: OxigraphStore, sel: Selection) -> list[str]:
    """Graph IRIs of the articles in the snapshot, sorted."""
    out = []
    for iri, published, ingested in store.articles():
        if sel.as_of is not None and (published is None or published.date() > sel.as_of):
            continue
        if sel.ingested_before is not None and ingested is not None:
            cutoff = sel.ingested_before
            if ingested.tzinfo and not cutoff.tzinfo:
                cutoff = cutoff.replace(tzinfo=ingested.tzinfo)
            if ingested >= cutoff:
                continue
        out.append(iri)
    return out


def _sort_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def serialize(quads: list[ox.Quad], fmt: str) -> bytes:
    quads = sorted(quads, key=_sort_key)
    if fmt not in RDF_FORMATS:
        raise InputError("--format", f"unknown RDF format {fmt!r} (one of {', '.join(RDF_FORMATS)})")
    if fmt == "jsonld":
        return _jsonld(quads)
    target = RDF_FORMATS[fmt]
    if target in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                         key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return ox.serialize(triples, format=target, prefixes=PREFIXES if target == ox.RdfFormat.TURTLE else None)
    return ox.serialize(quads, format=target, prefixes=PREFIXES if target == ox.RdfFormat.TRIG else None)


def _jsonld(quads: list[ox.Quad]) -> bytes:
    """JSON-LD (expanded form, one node object per subject and graph) built directly, sorted."""
    graphs: dict[str, dict[str, dict[str, list]]] = {}
    for q in quads:
        g = graphs.setdefault(q.graph_name.value, {})
        node = g.setdefault(q.subject.value, {})
        o = q.object
        if isinstance(o, ox.Literal):
            val = {"@value": o.value}
            if o.language:
                val["@language"] = o.language
            elif o.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                val["@type"] = o.datatype.value
        else:
            val = {"@id": o.value}
        key = "@type" if q.predicate.value == str(RDF.type) else q.predicate.value
        node.setdefault(key, []).append(val["@id"] if key == "@type" else val)
    doc = [{"@id": g, "@graph": [{"@id": s, **props} for s, props in sorted(nodes.items())]}
           for g, nodes in sorted(graphs.items())]
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def manifest_head(fmt: str, sel: Selection, articles: list[str]) -> dict:
    """The part of every export manifest that says what was selected."""
    return {
        "format": fmt,
        "as_of": sel.as_of.isoformat() if sel.as_of else None,
        "ingested_before": sel.ingested_before.isoformat() if sel.ingested_before else None,
        "selection": "articles published on or before as_of (publication time)" if sel.as_of else "all articles",
        "articles": articles,
    }


def manifest(store: OxigraphStore, graphs: list[str], quads: list[ox.Quad], body: bytes, fmt: str, sel: Selection) -> dict:
    """What the snapshot holds: selection, articles, counts per class, content hash."""
    types = Counter(q.object.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
                    for q in quads if q.predicate.value == str(RDF.type))
    return {
        **manifest_head(fmt, sel, graphs),
        "counts": {"articles": len(graphs), "quads": len(quads), "statements": types.get("Statement", 0),
                   "by_type": dict(sorted(types.items()))},
        "sha256": hashlib.sha256(body).hexdigest(),
    }


def export_rdf(store: OxigraphStore, fmt: str, sel: Selection) -> tuple[bytes, dict]:
    graphs = select_articles(store, sel)
    quads = store.graph_quads(graphs)
    body = serialize(quads, fmt)
    return body, manifest(store, graphs, quads, body, fmt, sel)

