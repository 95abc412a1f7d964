"""Neo4j exports without a server: a ``cypher-shell`` script and ``neo4j-admin database import`` CSV.

Both come from the rows and Cypher of ``kg.neo4j_rows``, so a loaded export equals what the Bolt
writer writes. The Cypher script is the writer's own ``UNWIND … MERGE`` statements with the
parameter rows inlined as literals (no ``:param``), terminated by ``;``, idempotent, preceded by
the migrations. Output is deterministic: same graphs, same bytes.
"""
from __future__ import annotations

import csv
import math
import re
import shlex
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from .errors import DataError, InputError
from .neo4j_rows import MIGRATIONS, ROLE_EDGES, Neo4jRows, build_batch, chunk_articles, write_plan
from .types import ArticleGraph

_SAFE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


# --- Cypher literals ------------------------------------------------------------------------
def cypher_string(s: str) -> str:
    """A single-quoted Cypher string literal; control characters as \\uXXXX escapes."""
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def cypher_literal(value: Any) -> str:
    """Python value (None, bool, int, float, str, list, dict) → Cypher literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise DataError(f"cannot write non-finite number {value!r} as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            key = k if _SAFE_KEY.match(k) else "`" + k.replace("`", "``") + "`"
            parts.append(f"{key}: {cypher_literal(v)}")
        return "{" + ", ".join(parts) + "}"
    raise DataError(f"cannot write {type(value).__name__} as a Cypher literal")


def write_cypher(graphs: Iterable[ArticleGraph], out: TextIO, batch_size: int = 500) -> int:
    """Write a cypher-shell script; returns the number of statements written.

    Plain ``;``-terminated auto-commit statements (no ``:begin``/``:param`` commands), so the
    script runs in ``cypher-shell -f`` and loads through any driver that splits on ``;``.
    Re-running it is harmless (MERGE on ids).
    """
    n = 0
    out.write("// kg export: Neo4j 5 Cypher (cypher-shell -f FILE). Idempotent: MERGE on ids.\n")
    for q in MIGRATIONS:
        out.write(q + ";\n")
        n += 1
    graphs = list(graphs)
    for group in chunk_articles(graphs, batch_size):
        rows = build_batch(group)
        out.write(f"// articles: {', '.join(rows.article_ids)}\n")
        for query, data in write_plan(rows, batch_size):
            if not data:
                continue
            out.write(query.replace("UNWIND $rows AS r", f"UNWIND {cypher_literal(data)} AS r", 1) + ";\n")
            n += 1
    return n


# --- neo4j-admin CSV ------------------------------------------------------------------------
_ARRAY_DELIMS = ("|", "¦", "§", "\u241e")


#: neo4j-admin column types by property name; anything else is a string.
COLUMN_TYPES = {"confidence": "float", "minted": "boolean", "aliases": "string[]", "tags": "string[]",
                "evidence_text": "string[]", "evidence_start": "long[]", "evidence_end": "long[]"}


def _column(name: str, value: Any, delim: str) -> tuple[str, str]:
    """(typed header, cell) for one property; an empty unquoted cell is an absent property."""
    typ = COLUMN_TYPES.get(name)
    header = f"{name}:{typ}" if typ else name
    if value is None:
        return header, ""
    if isinstance(value, bool):
        return header, "true" if value else "false"
    if isinstance(value, float):
        return header, repr(value)
    if isinstance(value, list):
        return header, delim.join(str(v) for v in value)
    return header, str(value)


def _time_columns(row: dict, prefix: str) -> list[tuple[str, Any, str | None]]:
    """``published`` typed as datetime when zoned, localdatetime when naive (two different headers)."""
    cols: list[tuple[str, Any, str | None]] = []
    if row.get(f"{prefix}_ldt"):
        cols.append((prefix, row[f"{prefix}_ldt"], "localdatetime"))
    else:  # zoned, or absent (an empty cell in a datetime column)
        cols.append((prefix, row.get(f"{prefix}_dt"), "datetime"))
    cols.append((f"{prefix}_local", row.get(f"{prefix}_local"), "localdatetime"))
    cols.append((f"{prefix}_iso", row.get(f"{prefix}_iso"), None))
    return cols


class _CsvSet:
    """Rows grouped by exact header; one file per (base name, header)."""

    def __init__(self, delim: str):
        self.delim = delim
        self.files: dict[str, dict[tuple[str, ...], list[list[str]]]] = defaultdict(lambda: defaultdict(list))

    def add(self, base: str, fixed: list[tuple[str, str]], props: dict, times: list[tuple[str, Any, str | None]]):
        header, cells = [h for h, _ in fixed], [c for _, c in fixed]
        for k, v in props.items():
            h, c = _column(k, v, self.delim)
            header.append(h)
            cells.append(c)
        for name, value, typ in times:
            header.append(f"{name}:{typ}" if typ else name)
            cells.append("" if value is None else str(value))
        self.files[base][tuple(header)].append(cells)

    def write(self, directory: Path) -> dict[str, list[str]]:
        written: dict[str, list[str]] = defaultdict(list)
        for base in sorted(self.files):
            groups = self.files[base]
            for i, header in enumerate(sorted(groups)):
                name = f"{base}.csv" if len(groups) == 1 else f"{base}-{i + 1}.csv"
                with open(directory / name, "w", newline="", encoding="utf-8") as fh:
                    w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
                    w.writerow(header)
                    w.writerows(groups[header])
                written[base].append(name)
        return written


def _pick_delimiter(rows: Neo4jRows) -> str:
    texts = [t for s in rows.statements for t in s["evidence_text"]]
    texts += [a for es in rows.entities.values() for e in es for a in e["aliases"]]
    texts += [t for a in rows.articles for t in a["tags"]]
    for d in _ARRAY_DELIMS:
        if not any(d in t for t in texts):
            return d
    raise DataError("no array delimiter is free of collisions with the exported texts")


def write_neo4j_csv(graphs: Iterable[ArticleGraph], directory: str | Path) -> Path:
    """Write ``neo4j-admin database import full`` CSV files and ``import.sh`` into ``directory``.

    ID spaces keep entity IRIs, article ids and statement ids apart. ``published`` is a
    ``datetime`` column for zoned times and a ``localdatetime`` column for naive ones (rows are
    split into files by header), matching the Bolt writer. Returns the import script's path.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rows = build_batch(list(graphs))
    delim = _pick_delimiter(rows)
    cs = _CsvSet(delim)
    for label in sorted(rows.entities):
        for e in sorted(rows.entities[label], key=lambda r: r["iri"]):
            props = {k: e[k] for k in ("name", "type", "wikidata", "aliases", "minted")}
            cs.add("nodes_entity", [("iri:ID(Entity)", e["iri"]), (":LABEL", f"Entity;{label}")], props, [])
    for a in rows.articles:
        props = {k: a[k] for k in ("iri", "title", "lang", "source", "published_source", "retrieved_source",
                                   "tags", "extractor_version")}
        cs.add("nodes_article", [("id:ID(Article)", a["id"]), (":LABEL", "Article")], props,
               _time_columns(a, "published") + _time_columns(a, "retrieved"))
    stmt_keys = ("iri", "article_id", "predicate", "modality", "confidence", "object_kind", "object_text",
                 "event_type", "cameo", "pattern", "evidence_text", "evidence_start", "evidence_end")
    stmt_ids = {s["id"] for s in rows.statements}
    for s in rows.statements:
        cs.add("nodes_statement", [("id:ID(Statement)", s["id"]), (":LABEL", "Statement")],
               {k: s[k] for k in stmt_keys}, _time_columns(s, "published"))
        cs.add("rels_evidence", [(":START_ID(Statement)", s["id"]), (":END_ID(Article)", s["article_id"]),
                                 (":TYPE", "EVIDENCE_IN")], {}, [])
    for edge in ROLE_EDGES:
        for r in rows.roles.get(edge, []):
            cs.add("rels_roles", [(":START_ID(Statement)", r["statement_id"]), (":END_ID(Entity)", r["iri"]),
                                  (":TYPE", edge)], {}, [])
    for rel_type in sorted(rows.relations):
        for r in rows.relations[rel_type]:
            cs.add("rels_relation", [(":START_ID(Entity)", r["subject"]), (":END_ID(Entity)", r["object"]),
                                     (":TYPE", rel_type)],
                   {k: r[k] for k in ("statement_id", "article_id", "modality", "confidence")},
                   _time_columns(r, "published"))
    for r in rows.nested:
        if r["parent"] not in stmt_ids:
            raise DataError(f"statement {r['statement_id']} is nested in {r['parent']}, which is not exported")
        cs.add("rels_nested", [(":START_ID(Statement)", r["statement_id"]), (":END_ID(Statement)", r["parent"]),
                               (":TYPE", "NESTED_IN")], {}, [])
    written = cs.write(directory)
    args = ["neo4j-admin", "database", "import", "full", "--overwrite-destination=false",
            f"--array-delimiter={delim}", "--multiline-fields=true"]
    for base, names in sorted(written.items()):
        flag = "--nodes" if base.startswith("nodes_") else "--relationships"
        args += [f"{flag}={name}" for name in names]
    args.append('"${1:-neo4j}"')
    script = directory / "import.sh"
    cmd = " \\\n  ".join(a if a.startswith('"$') else shlex.quote(a) for a in args)
    script.write_text("#!/bin/sh\n# Load into an empty, stopped Neo4j 5 database (default: neo4j), then run\n"
                      "# `kg neo4j init` for the constraints and indexes.\nset -e\ncd \"$(dirname \"$0\")\"\n"
                      + cmd + "\n")
    script.chmod(0o755)
    return script


FORMATS = ("cypher", "neo4j-csv")


def export_neo4j(graphs: Iterable[ArticleGraph], fmt: str, dest: str | Path) -> Path:
    """``kg export --format cypher|neo4j-csv``: write to a file (cypher) or a directory (neo4j-csv)."""
    dest = Path(dest)
    if fmt == "cypher":
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(dest, "w", encoding="utf-8", newline="\n") as fh:
            write_cypher(graphs, fh)
        return dest
    if fmt == "neo4j-csv":
        write_neo4j_csv(graphs, dest)
        return dest
    raise InputError("--format", f"unknown Neo4j export format {fmt!r} (expected one of {', '.join(FORMATS)})")
