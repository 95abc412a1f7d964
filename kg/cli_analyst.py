"""Analyst commands (`kg queries`, `kg analyze`, `kg view`, `kg plot`, `kg serve`), registered on the main app.

Thin wrappers: parse options, call kg.saved / kg.analyze / kg.view / kg.plot / kg.serve, print.
KGError → one message and its exit code (kg.cli.fail).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .errors import KGError

StoreOpt = typer.Option(None, "--store", help="RDF store directory (default: $KG_STORE or the data directory).")
FromOpt = typer.Option(None, "--from", help="First publication day (YYYY-MM-DD, inclusive).")
ToOpt = typer.Option(None, "--to", help="Last publication day (YYYY-MM-DD, inclusive).")
RelOpt = typer.Option(None, "--relation", help="Only this relation (repeatable), e.g. invite.")
ModOpt = typer.Option(None, "--modality", help="Only this modality (repeatable): asserted, reported, negated, …")


def _filters(start, end, relation, modality):
    from .analyze import Filters
    from .export import parse_day

    return Filters(tuple(relation or ()), tuple(modality or ()),
                   parse_day(start, "--from").isoformat() if start else None,
                   parse_day(end, "--to").isoformat() if end else None)


def _store(store: Optional[Path]):
    from .stores.oxigraph import OxigraphStore

    return OxigraphStore(store, read_only=True)


def _on_store(store: Optional[Path], work):
    """``work(s)`` on the store opened read-only; a KGError (store or filters) is one message and its exit code."""
    from .cli import fail

    try:
        with _store(store) as s:
            return work(s)
    except KGError as exc:
        fail(exc)


def queries_cmd() -> None:
    """List the saved queries: name, language(s), description, parameters."""
    from rich.table import Table

    from .cli import fail, out
    from .saved import saved_queries

    try:
        qs = saved_queries()
    except KGError as exc:
        fail(exc)
    by_name: dict[str, list] = {}
    for q in qs:
        by_name.setdefault(q.name, []).append(q)
    t = Table(title=f"{len(by_name)} saved queries (kg query NAME --param k=v; --cypher for Neo4j)")
    for col in ("name", "languages", "description", "params"):
        t.add_column(col, overflow="fold")
    for name, group in sorted(by_name.items()):
        first = next((q for q in group if q.language == "sparql"), group[0])
        params = ", ".join(f"{p.name}:{p.type}" + (f"={p.default}" if p.default is not None else "") for p in first.params)
        langs = ", ".join(sorted(q.language for q in group)) + (" (gazetteer)" if first.source == "gazetteer" else "")
        t.add_row(name, langs, first.description, params)
    out.print(t)


def analyze_cmd(what: str = typer.Argument(..., help="centrality | communities | ego | timeline"),
                name: Optional[str] = typer.Argument(None, help="Actor (name, alias or IRI) for ego and timeline."),
                start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
                relation: Optional[list[str]] = RelOpt, modality: Optional[list[str]] = ModOpt,
                fmt: str = typer.Option("table", "--format", help="table | json | csv"),
                store: Optional[Path] = StoreOpt) -> None:
    """Network analytics on the actor graph (edge weight = distinct articles)."""
    from .analyze import analyze
    from .cli import _emit

    columns, rows = _on_store(store, lambda s: analyze(s, what, name, _filters(start, end, relation, modality)))
    _emit(columns, rows, fmt)


def view_cmd(name: Optional[str] = typer.Argument(None, help="Draw only this actor and its neighbours."),
             output: Path = typer.Option(Path("graph.html"), "-o", "--output", help="HTML file to write."),
             start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
             relation: Optional[list[str]] = RelOpt, modality: Optional[list[str]] = ModOpt,
             store: Optional[Path] = StoreOpt) -> None:
    """Write a self-contained HTML picture of the actor network (click an edge for its evidence)."""
    from .cli import err
    from .view import write_view

    counts = _on_store(store, lambda s: write_view(s, output, name, _filters(start, end, relation, modality)))
    err.print(f"wrote {output}: {counts['nodes']} actors, {counts['edges']} links, {counts['statements']} statements")


def plot_cmd(kind: str = typer.Argument(..., help="timeline"),
             name: str = typer.Argument(..., help="Actor (name, alias or IRI)."),
             output: Path = typer.Option(Path("timeline.png"), "-o", "--output", help="PNG file to write."),
             start: Optional[str] = FromOpt, end: Optional[str] = ToOpt,
             relation: Optional[list[str]] = RelOpt, modality: Optional[list[str]] = ModOpt,
             store: Optional[Path] = StoreOpt) -> None:
    """Plot a time line of an actor's statements (PNG)."""
    from .cli import err, fail
    from .plot import plot_timeline

    if kind != "timeline":
        fail(KGError(f"unknown plot {kind!r} (timeline)"))
    n = _on_store(store, lambda s: plot_timeline(s, name, output, _filters(start, end, relation, modality)))
    err.print(f"wrote {output}: {n} statements")


def serve_cmd(host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(7878, "--port"),
              timeout: float = typer.Option(30.0, "--timeout", help="Seconds before a query gets 503."),
              verbose: bool = typer.Option(False, "--verbose", help="Log every request."),
              store: Optional[Path] = StoreOpt) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol (GET/POST; JSON, XML, CSV, TSV, Turtle)."""
    from .cli import err, fail
    from .serve import open_server

    try:
        server = open_server(store, host, port, timeout, verbose)
    except KGError as exc:
        fail(exc)
    except OSError as exc:
        fail(KGError(f"cannot listen on {host}:{port}: {exc.strerror}"))
    err.print(f"SPARQL endpoint at {server.url} (read-only, timeout {timeout:g} s); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def register(app: typer.Typer) -> None:
    """Add the analyst commands to ``app`` (called once by kg.cli)."""
    app.command("queries")(queries_cmd)
    app.command("analyze")(analyze_cmd)
    app.command("view")(view_cmd)
    app.command("plot")(plot_cmd)
    app.command("serve")(serve_cmd)
