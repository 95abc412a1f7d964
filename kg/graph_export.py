"""GraphML and GEXF (Gephi) snapshots of the actor graph, with a manifest; byte-identical for the same store.

Nodes are actors (label, type, wikidata). Edges are directed and aggregated per (subject, object,
relation, modality): ``weight`` = distinct articles, ``statements``, ``first``/``last`` publication
day. Claims (proposition objects) and one-actor events are not actor-to-actor links and are left
out (the manifest counts them). Nodes and edges are inserted in sorted order and the edge ids are
derived from the edge, so networkx writes the same bytes every time; GEXF's ``lastmodifieddate``
(networkx writes today's date) is replaced by the snapshot's as-of date, or the last publication
day in it.
"""
from __future__ import annotations

import hashlib
import re
import sys
from collections import defaultdict
from pathlib import Path

import networkx as nx

from .analyze import Filters, Row, entities, read_rows
from .errors import InputError
from .export import Selection, manifest_head, select_articles

FORMATS = ("graphml", "gexf")


def snapshot_graph(rows: list[Row], ents: dict[str, dict[str, str]]) -> nx.MultiDiGraph:
    """The directed, per-relation-and-modality aggregated actor graph."""
    groups: dict[tuple[str, str, str, str], list[Row]] = defaultdict(list)
    for r in rows:
        if r.object is not None:
            groups[(r.subject, r.object, r.relation, r.modality)].append(r)
    g = nx.MultiDiGraph()
    for iri in sorted({i for k in groups for i in k[:2]}):
        info = ents.get(iri, {})
        g.add_node(iri, label=info.get("label", iri), type=info.get("type", "Actor"), wikidata=info.get("wikidata", ""))
    for (s, o, rel, mod), rs in sorted(groups.items()):
        key = f"{rel}/{mod}"
        g.add_edge(s, o, key=key, id=f"{s} {key} {o}", label=rel, relation=rel, modality=mod,
                   weight=len({r.article for r in rs}), statements=len(rs),
                   first=min(r.day for r in rs), last=max(r.day for r in rs))
    return g


XML_DECL = '<?xml version="1.0" encoding="utf-8"?>\n'


def render(g: nx.MultiDiGraph, fmt: str, stamp: str) -> bytes:
    if fmt == "graphml":
        return (XML_DECL + "\n".join(nx.generate_graphml(g, prettyprint=True)) + "\n").encode("utf-8")
    if fmt == "gexf":
        text = "\n".join(nx.generate_gexf(g, prettyprint=True)) + "\n"
        text = re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{stamp}"', text, count=1)
        return (XML_DECL + text).encode("utf-8")
    raise InputError("--format", f"unknown graph format {fmt!r} (graphml, gexf)")


def export_graph(store, fmt: str, selection: Selection, output: Path | None) -> dict:
    """Write the actor graph of the selected articles as GraphML/GEXF (stdout without ``output``); the manifest."""
    graphs = select_articles(store, selection)
    rows = read_rows(store, Filters(articles=frozenset(graphs)))
    g = snapshot_graph(rows, entities(store))
    stamp = selection.as_of.isoformat() if selection.as_of else max((r.day for r in rows if r.day), default="1970-01-01")
    body = render(g, fmt, stamp)
    if output is None:
        sys.stdout.buffer.write(body)
    else:
        output.write_bytes(body)
    return {
        **manifest_head(fmt, selection, graphs),
        "counts": {"articles": len(graphs), "actors": g.number_of_nodes(), "edges": g.number_of_edges(),
                   "statements": sum(1 for r in rows if r.object is not None),
                   "claims_left_out": sum(1 for r in rows if r.object is None and not r.one_actor),
                   "one_actor_events_left_out": sum(1 for r in rows if r.one_actor)},
        "sha256": hashlib.sha256(body).hexdigest(),
    }
