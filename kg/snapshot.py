"""`kg export`: RDF snapshots and Neo4j exports of the store, with a manifest."""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from .errors import InputError
from .export import RDF_FORMATS, Selection, export_rdf, manifest_head, parse_day, select_articles
from .stores.oxigraph import OxigraphStore

NEO4J_FORMATS = ("cypher", "neo4j-csv")
GRAPH_FORMATS = ("graphml", "gexf")


def selection(as_of: str | None, ingested_before: str | None) -> Selection:
    before = None
    if ingested_before:
        try:
            before = datetime.fromisoformat(ingested_before.replace("Z", "+00:00"))
        except ValueError:
            raise InputError("--ingested-before", f"unparseable time {ingested_before!r}") from None
    return Selection(parse_day(as_of, "--as-of") if as_of else None, before)


def run_export(store: Path | None, fmt: str, as_of: str | None, ingested_before: str | None,
               output: Path | None, manifest_path: Path | None) -> dict:
    sel = selection(as_of, ingested_before)
    with OxigraphStore(store, read_only=True) as s:
        if fmt in RDF_FORMATS:
            body, manifest = export_rdf(s, fmt, sel)
            if output:
                output.write_bytes(body)
            else:
                sys.stdout.buffer.write(body)
        elif fmt in NEO4J_FORMATS:
            from .export_neo4j import export_neo4j
            from .rdf_read import read_all

            graphs = read_all(s.store, select_articles(s, sel))
            if fmt == "neo4j-csv" and output is None:
                raise InputError("-o", "neo4j-csv writes several files: give a directory with -o DIR")
            if output is None:
                import io

                from .export_neo4j import write_cypher

                buf = io.StringIO()
                write_cypher(graphs, buf)
                sys.stdout.write(buf.getvalue())
            else:
                export_neo4j(graphs, fmt, output)
            manifest = {**manifest_head(fmt, sel, [g.article.id for g in graphs]),
                        "counts": {"articles": len(graphs), "statements": sum(len(g.statements) for g in graphs)},
                        "sha256": _digest(output) if output else None}
        elif fmt in GRAPH_FORMATS:
            from .graph_export import export_graph

            manifest = export_graph(s, fmt, sel, output)
        else:
            raise InputError("--format", f"unknown export format {fmt!r} (trig, nq, ttl, nt, jsonld, cypher, neo4j-csv, graphml, gexf)")
    if manifest_path:
        manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def _digest(path: Path) -> str:
    """sha256 over a file, or over a directory's files in name order (neo4j-csv)."""
    import hashlib

    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()
