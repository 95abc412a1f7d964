"""The `kg` command: a thin typer skin over the library. Every KGError becomes one message on
stderr and a non-zero exit code; nothing else is decided here."""
from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .cli_neo4j import graphdb_app, neo4j_app
from .errors import KGError, QueryError

app = typer.Typer(help="Geopolitical knowledge graphs from news, with provenance, in RDF and Neo4j.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(graphdb_app, name="graphdb")
# a pipe or file gets wide tables rather than rich's 80-column default
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else 200)

StoreOpt = typer.Option(None, "--store", help="RDF store directory (default: $KG_STORE or the data directory).")
PublishedOpt = typer.Option(None, "--published", help="Publication time for inputs that carry none (plain text).")
LangOpt = typer.Option(None, "--lang", help="Language for inputs that do not say (fr, en, de); detected otherwise.")
FormatInOpt = typer.Option("auto", "--input-format", help="auto | dated | jsonl | text | html")


def fail(exc: KGError) -> None:
    err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    raise typer.Exit(exc.exit_code)


def _options(published, lang, input_format):
    from .read import ReadOptions

    return ReadOptions(published=published, lang=lang, format=input_format)


def _rdf(store: Optional[Path], read_only: bool = False):
    from .stores.oxigraph import OxigraphStore

    return OxigraphStore(store, read_only=read_only)


# -- ingest / extract -------------------------------------------------------------------------
@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, directories (recursive) or - for standard input."),
           store: Optional[Path] = StoreOpt, published: Optional[str] = PublishedOpt, lang: Optional[str] = LangOpt,
           input_format: str = FormatInOpt,
           to: str = typer.Option("rdf", "--to", help="Comma-separated stores: rdf, neo4j."),
           workers: int = typer.Option(1, "--workers", min=1, help="NLP worker processes."),
           show: bool = typer.Option(True, "--show/--no-show", help="Print the extracted statements.")) -> None:
    """Read, extract and store articles (idempotent; each article atomically)."""
    from .ingest import ingest as run

    targets = [t.strip() for t in to.split(",") if t.strip()]
    bad = [t for t in targets if t not in ("rdf", "neo4j")]
    if bad or not targets:
        fail(KGError(f"--to: unknown store {', '.join(bad) or '(none)'} (use rdf, neo4j)"))
    stores = []
    try:
        if "rdf" in targets:
            stores.append(_rdf(store))
        if "neo4j" in targets:
            from .stores.neo4j import Neo4jStore

            stores.append(Neo4jStore())
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, transient=True) as progress:
            task = progress.add_task("", total=None)
            report = run(paths, stores, _options(published, lang, input_format), workers=workers, keep_graphs=show,
                         on_article=lambda src: progress.update(task, advance=1, description=Path(src).name))
    except KGError as exc:
        fail(exc)
    finally:
        for s in stores:
            s.close()
    if show:
        for g in report.graphs:
            _print_statements(g.article, g.statements, title=f"{g.article.title[:80]} ({g.article.source})")
    for msg in report.skipped:
        err.print(f"skipped: {msg}")
    for msg in report.failed:
        err.print(f"[red]failed:[/red] {msg}")
    summary = Table(title="ingest summary")
    for col in ("new", "skipped", "failed", "statements", "entities", "seconds"):
        summary.add_column(col, justify="right")
    summary.add_row(str(len(report.new)), str(len(report.skipped)), str(len(report.failed)), str(report.statements),
                    str(report.entities), f"{report.seconds:.1f}")
    err.print(summary)
    if report.failed:
        err.print(f"{len(report.failed)} input(s) failed and were not stored; the others were.")
        raise typer.Exit(2)


def _print_statements(article, statements, title: str) -> None:
    t = Table(title=title, show_lines=False)
    for col in ("subject", "predicate", "object", "modality", "attributed to", "conf.", "evidence"):
        t.add_column(col, overflow="fold")
    for s in statements:
        t.add_row(s.subject.entity.label, s.predicate,
                  s.object.entity.label if s.object else f"“{s.object_text}”" if s.object_kind == "proposition"
                  else f"— {s.object_text}".strip(), s.modality,
                  s.attributed_to.entity.label if s.attributed_to else "", f"{s.confidence:.2f}",
                  f"[{s.evidence[0].start}:{s.evidence[0].end}] {s.evidence[0].text[:90]}")
    out.print(t)


@app.command()
def extract(paths: list[str] = typer.Argument(..., help="Files, directories or -."),
            fmt: str = typer.Option("jsonl", "--format", help="jsonl | table"),
            published: Optional[str] = PublishedOpt, lang: Optional[str] = LangOpt, input_format: str = FormatInOpt,
            workers: int = typer.Option(1, "--workers", min=1)) -> None:
    """Extract statements without storing them (one JSON object per statement)."""
    from .errors import InputError
    from .parallel import analyse_many
    from .pipeline import articles
    from .records import statement_record

    if fmt not in ("jsonl", "table"):
        fail(KGError(f"--format: {fmt!r} is not jsonl or table"))
    failed = 0
    try:
        good = []
        for item in articles(paths, _options(published, lang, input_format)):
            if isinstance(item, InputError):
                err.print(f"[red]failed:[/red] {item}")
                failed += 1
            else:
                good.append(item)
        for g in analyse_many(good, workers):
            if fmt == "jsonl":
                for s in g.statements:
                    sys.stdout.write(json.dumps(statement_record(g.article, s), ensure_ascii=False) + "\n")
            else:
                _print_statements(g.article, g.statements, title=g.article.source)
    except KGError as exc:
        fail(exc)
    if failed:
        raise typer.Exit(2)


# -- reading the store ------------------------------------------------------------------------
@app.command()
def statements(actor: Optional[str] = typer.Option(None, "--actor", help="Only statements with this actor (name, alias or IRI)."),
               fmt: str = typer.Option("table", "--format", help="table | jsonl"),
               limit: int = typer.Option(1000, "--limit"), store: Optional[Path] = StoreOpt) -> None:
    """List stored statements with their provenance."""
    from .inspect import list_statements

    try:
        with _rdf(store, read_only=True) as s:
            rows = list_statements(s, actor, limit)
    except KGError as exc:
        fail(exc)
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    t = Table(title=f"{len(rows)} statement(s)" + (f" with {actor}" if actor else ""))
    for col in ("subject", "predicate", "object", "modality", "attributed to", "published", "evidence"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["subject"], r["predicate"], r["object"] or "—", r["modality"], r["attributed_to"] or "",
                  r["published"] or "", r["evidence"][:100])
    out.print(t)


@app.command()
def query(text: Optional[str] = typer.Argument(None, help="SPARQL text, or the name of a saved query in queries/."),
          file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read the query from a file."),
          param: Optional[list[str]] = typer.Option(None, "--param", "-p", help="name=value (or name:type=value); repeatable."),
          fmt: str = typer.Option("table", "--format", help="table | csv | json"),
          cypher: bool = typer.Option(False, "--cypher", help="Run Cypher against Neo4j (NEO4J_* environment)."),
          write: bool = typer.Option(False, "--write", help="Allow a Cypher query to write."),
          store: Optional[Path] = StoreOpt) -> None:
    """Run SPARQL on the RDF store (or Cypher on Neo4j) with bound parameters."""
    from .saved import run_query

    try:
        columns, rows = run_query(text, file, param, cypher=cypher, write=write, store=store)
    except KGError as exc:
        fail(exc)
    _emit(columns, rows, fmt)


def _emit(columns: list[str], rows: list[list], fmt: str) -> None:
    if fmt == "json":
        out.print_json(json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, default=str))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    elif fmt == "table":
        t = Table(title=f"{len(rows)} row(s)")
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*["" if v is None else str(v) for v in r])
        out.print(t)
    else:
        fail(QueryError(f"--format: {fmt!r} is not table, csv or json"))


@app.command()
def export(fmt: str = typer.Option("trig", "--format", help="trig | nq | ttl | nt | jsonld | graphml | gexf | cypher | neo4j-csv"),
           as_of: Optional[str] = typer.Option(None, "--as-of", help="Keep articles published on or before this date."),
           ingested_before: Optional[str] = typer.Option(None, "--ingested-before", help="Keep articles ingested before this time."),
           output: Optional[Path] = typer.Option(None, "-o", "--output", help="File (directory for neo4j-csv); default stdout."),
           manifest: Optional[Path] = typer.Option(None, "--manifest", help="Write the snapshot manifest (JSON) here."),
           store: Optional[Path] = StoreOpt) -> None:
    """Export a reproducible snapshot of the store."""
    from .snapshot import run_export

    try:
        run_export(store, fmt, as_of, ingested_before, output, manifest)
    except KGError as exc:
        fail(exc)


@app.command()
def stats(store: Optional[Path] = StoreOpt) -> None:
    """Counts of articles, statements, entities, quads and modalities in the store."""
    from .inspect import store_stats

    try:
        with _rdf(store, read_only=True) as s:
            data = store_stats(s)
    except KGError as exc:
        fail(exc)
    t = Table(title=f"store {data.pop('path')}")
    t.add_column("what")
    t.add_column("count", justify="right")
    for k, v in data.items():
        t.add_row(k, str(v))
    out.print(t)


# -- quality ----------------------------------------------------------------------------------
@app.command("eval")
def eval_cmd(gold: list[Path] = typer.Argument(..., help="Gold JSONL files (see shared/gold/README.md)."),
             fmt: str = typer.Option("table", "--format", help="table | json"),
             predictions: Optional[Path] = typer.Option(None, "--predictions", help="Score this `kg extract` JSONL instead of running the extractor."),
             errors_dir: Optional[Path] = typer.Option(Path("eval-errors"), "--errors", help="Write false positives and misses here."),
             workers: int = typer.Option(1, "--workers", min=1)) -> None:
    """Score the extractor against gold data (strict/relaxed P/R/F1, modality, attribution, linking)."""
    from .evaluate import render_table, to_json, write_errors
    from .evaluation import run_eval

    try:
        report = run_eval(gold, predictions, workers)
    except KGError as exc:
        fail(exc)
    if errors_dir:
        write_errors(report, errors_dir)
    if fmt == "json":
        out.print_json(json.dumps(to_json(report), default=str))
    else:
        out.print(render_table(report))
        if errors_dir:
            out.print(f"false positives, misses and mismatches written to {errors_dir}/")


@app.command()
def validate(file: Optional[Path] = typer.Option(None, "--file", help="Validate an RDF file (TriG/N-Quads/Turtle) instead of the store."),
             store: Optional[Path] = StoreOpt) -> None:
    """Check every article graph against the SHACL shapes (ontology/shapes.ttl)."""
    from .validate import validate_file, validate_store

    try:
        if file:
            results = validate_file(file)
        else:
            with _rdf(store, read_only=True) as s:
                results = validate_store(s)
    except KGError as exc:
        fail(exc)
    bad = [r for r in results if not r.conforms]
    for r in bad:
        err.print(f"[red]{r.graph}[/red]: {len(r.violations)} violation(s)")
        for v in r.violations[:20]:
            err.print(f"  - {v}")
    out.print(f"{len(results) - len(bad)} of {len(results)} graph(s) conform to the shapes.")
    if bad:
        raise typer.Exit(1)


# -- entities ---------------------------------------------------------------------------------
@app.command()
def entity(name: str = typer.Argument(..., help="A name, alias or role phrase."),
           as_of: Optional[str] = typer.Option(None, "--as-of", help="Date for role phrases (default: today)."),
           lang: str = typer.Option("en", "--lang"), store: Optional[Path] = StoreOpt) -> None:
    """Canonical entity for a name: ids, aliases, roles, statement count."""
    from .inspect import describe_entity

    try:
        when = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        fail(KGError(f"--as-of: unparseable date {as_of!r} (YYYY-MM-DD)"))
    try:
        info = describe_entity(name, when, lang, store)
    except KGError as exc:
        fail(exc)
    t = Table(show_header=False, title=info["label"])
    for k, v in info.items():
        t.add_row(k, "\n".join(v) if isinstance(v, list) else str(v))
    out.print(t)


@app.command()
def entities(type_: Optional[str] = typer.Option(None, "--type", help="Person, Country, Organization, MediaOutlet, City, …"),
             search: Optional[str] = typer.Option(None, "--search", help="Substring of a name or alias (accents ignored)."),
             limit: int = typer.Option(50, "--limit")) -> None:
    """List gazetteer entities."""
    from .inspect import list_entities

    try:
        rows = list_entities(type_, search, limit)
    except KGError as exc:
        fail(exc)
    t = Table(title=f"{len(rows)} entit(y/ies)")
    for c in ("label", "type", "wikidata", "iri"):
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(r["label"], r["type"], r["wikidata"] or "", r["iri"])
    out.print(t)


@app.command()
def sync(target: str = typer.Argument(..., help="neo4j"), store: Optional[Path] = StoreOpt,
         batch: int = typer.Option(50, "--batch", help="Articles per Neo4j transaction.")) -> None:
    """Load what the RDF store holds into another store (no re-extraction)."""
    from .inspect import sync_neo4j

    if target != "neo4j":
        fail(KGError(f"sync: unknown target {target!r} (neo4j)"))
    try:
        with _rdf(store, read_only=True) as s:
            report = sync_neo4j(s, batch)
    except KGError as exc:
        fail(exc)
    out.print(f"neo4j: {report.articles_new} article(s) written, {report.articles_skipped} already there, "
              f"{report.statements} statement(s)")
    for e in report.errors:
        err.print(f"[red]failed:[/red] {e}")
    if report.errors:
        raise typer.Exit(4)


from .cli_analyst import register as _register_analyst  # noqa: E402  (commands defined in their own module)

_register_analyst(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
