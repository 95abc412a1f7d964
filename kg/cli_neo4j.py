"""Neo4j commands: ``kg neo4j init``, ``kg graphdb start|stop|status|env`` and ``run_cypher``.

``run_cypher`` is what ``kg query --cypher`` calls. Read-only by default: the session is opened in
READ access mode (Neo4j enforces it) AND the query text is checked by a small tokenizer for write
clauses outside strings and comments, because ArcadeDB's Bolt server ignores the access mode (a
CREATE in a READ session succeeds there).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from . import graphdb
from .errors import KGError, QueryError, StoreError

# --- a small Cypher tokenizer ---------------------------------------------------------------

WRITE_WORDS = {"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "FOREACH",
               "ALTER", "GRANT", "DENY", "REVOKE", "RENAME"}

_TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<line>//[^\n]*)
      | (?P<block>/\*.*?(?:\*/|\Z))
      | (?P<str>'(?:\\.|[^'\\])*(?:'|\Z)|"(?:\\.|[^"\\])*(?:"|\Z))
      | (?P<tick>`[^`]*(?:`|\Z))
      | (?P<param>\$(?:[A-Za-z_][A-Za-z0-9_]*|`[^`]*`))
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


def tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) tokens; strings, comments and whitespace are kept with their kind."""
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(query)]


def _code(query: str) -> list[tuple[str, str]]:
    return [t for t in tokens(query) if t[0] not in ("ws", "line", "block")]


def write_clauses(query: str) -> list[str]:
    """Write clauses found in the query text (empty for a read-only query)."""
    toks = _code(query)
    found: list[str] = []
    for i, (kind, text) in enumerate(toks):
        if kind != "word":
            continue
        prev = toks[i - 1][1] if i else ""
        nxt = toks[i + 1][1] if i + 1 < len(toks) else ""
        if prev in (".", ":") or nxt == ":":  # property access, label, map key: not a clause
            continue
        word = text.upper()
        nxt_word = nxt.upper()
        if word in WRITE_WORDS:
            found.append(word)
        elif word == "LOAD" and nxt_word == "CSV":
            found.append("LOAD CSV")
        elif word == "IN" and nxt_word in ("TRANSACTIONS", "CONCURRENT"):
            found.append("CALL … IN TRANSACTIONS")
    return found


def parameters(query: str) -> set[str]:
    """Names of ``$parameters`` used by the query."""
    return {t[1:].strip("`") for kind, t in _code(query) if kind == "param"}


def split_statements(script: str) -> list[str]:
    """Split a Cypher script on ``;`` outside strings and comments (cypher-shell semantics)."""
    out, buf = [], []
    for kind, text in tokens(script):
        if kind == "other" and text == ";":
            stmt = "".join(buf).strip()
            if any(k not in ("ws", "line", "block") for k, _ in tokens(stmt)):
                out.append(stmt)
            buf = []
        else:
            buf.append(text)
    rest = "".join(buf).strip()
    if any(k not in ("ws", "line", "block") for k, _ in tokens(rest)):
        out.append(rest)
    return out


# --- running Cypher -------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """Driver values → JSON-friendly Python (temporal values as ISO strings)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "to_native") and hasattr(value, "iso_format"):  # neo4j.time DateTime/Date/Time
        return value.to_native().isoformat()  # 2025-02-12T21:36:00, not …:00.000000000
    if hasattr(value, "iso_format"):  # Duration
        return value.iso_format()
    return value


def check_query(query: str, params: dict, write: bool) -> None:
    """Refuse writes in read-only mode and unbound ``$parameters`` (QueryError)."""
    if not write:
        clauses = write_clauses(query)
        if clauses:
            raise QueryError(f"query contains write clause(s) {', '.join(dict.fromkeys(clauses))}; "
                             "read-only by default (pass --write to allow)")
    missing = sorted(parameters(query) - set(params))
    if missing:
        raise QueryError(f"unbound parameter(s): {', '.join('$' + m for m in missing)} (use --param k=v)")


def run_cypher(query: str, params: dict, write: bool) -> list[dict]:
    """Run one Cypher query against the configured Neo4j (NEO4J_* environment variables).

    Read-only unless ``write``: refused client-side when the text has a write clause, and run in
    a READ session so Neo4j refuses it too. Returns rows as plain dicts.
    """
    from neo4j import READ_ACCESS, WRITE_ACCESS
    from neo4j.exceptions import Neo4jError, ServiceUnavailable

    from .stores.neo4j import Neo4jConfig, config_problem

    check_query(query, params, write)
    cfg = Neo4jConfig.from_env()
    from neo4j import GraphDatabase

    with GraphDatabase.driver(cfg.uri, auth=(cfg.user, cfg.password)) as driver:
        mode = WRITE_ACCESS if write else READ_ACCESS
        try:
            # an explicit transaction, not auto-commit: ArcadeDB keeps the effects of an auto-commit
            # query that fails half-way (Neo4j does not); rolling back makes a failed write leave nothing
            with driver.session(database=cfg.database, default_access_mode=mode) as session, \
                    session.begin_transaction() as tx:
                rows = [_plain(r.data()) for r in tx.run(query, params)]
                tx.commit()
                return rows
        except Neo4jError as exc:
            raise config_problem(exc, cfg) or QueryError(f"Cypher failed: {exc.code}: {exc.message}") from exc
        except ServiceUnavailable as exc:
            raise StoreError(f"Neo4j unavailable at {cfg.uri}: {exc}") from exc


# --- CLI ------------------------------------------------------------------------------------
neo4j_app = typer.Typer(help="Neo4j schema and maintenance.", no_args_is_help=True)
graphdb_app = typer.Typer(help="A local Bolt server (bundled ArcadeDB) for trying Cypher without Neo4j.",
                          no_args_is_help=True)


@neo4j_app.callback()
def _neo4j_group() -> None:
    """Neo4j schema and maintenance (connection from the NEO4J_* environment variables)."""


def _fail(exc: KGError) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


@neo4j_app.command("init")
def init_cmd() -> None:
    """Create kg's uniqueness constraints and indexes (idempotent)."""
    from .stores.neo4j import Neo4jStore

    try:
        with Neo4jStore(migrate=False) as store:
            for q in store.init():
                typer.echo(q)
    except KGError as exc:
        _fail(exc)


HomeOpt = typer.Option(None, "--home", help="Server directory (default: <data dir>/graphdb).")


@graphdb_app.command("start")
def graphdb_start(home: Path = HomeOpt,
                  bolt_port: int = typer.Option(7687, help="Bolt port (0 = any free port)."),
                  http_port: int = typer.Option(2480, help="ArcadeDB HTTP port (0 = any free port).")) -> None:
    """Start the server on 127.0.0.1 (returns when it answers Cypher)."""
    try:
        info = graphdb.start(home, bolt_port=bolt_port, http_port=http_port)
    except KGError as exc:
        _fail(exc)
    typer.echo(f"Bolt server running at {info.uri} (pid {info.pid}, database {info.database}).")
    typer.echo(f'Use it:  eval "$(kg graphdb env{" --home " + str(home) if home else ""})"')


@graphdb_app.command("stop")
def graphdb_stop(home: Path = HomeOpt) -> None:
    """Stop the server started by `kg graphdb start`."""
    typer.echo("stopped" if graphdb.stop(home) else "not running")


@graphdb_app.command("status")
def graphdb_status(home: Path = HomeOpt) -> None:
    """Say whether the server runs and where (never prints the password)."""
    info = graphdb.status(home)
    if info is None:
        typer.echo("not running")
        raise typer.Exit(1)
    for k, v in graphdb.describe(info).items():
        typer.echo(f"{k}: {v}")


@graphdb_app.command("env")
def graphdb_env(home: Path = HomeOpt) -> None:
    """Print shell `export NEO4J_*=` lines (the password is read from its file, not printed)."""
    info = graphdb.status(home)
    if info is None:
        typer.echo("error: the local Bolt server is not running (kg graphdb start)", err=True)
        raise typer.Exit(1)
    pw_file = Path(info.home) / "password"
    typer.echo(f"export NEO4J_URI={info.uri} NEO4J_USER={info.user} NEO4J_DATABASE={info.database}")
    typer.echo(f"export NEO4J_PASSWORD=\"$(cat '{pw_file}')\"")
