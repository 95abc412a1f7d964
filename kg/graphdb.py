"""A local Bolt server for users without Neo4j: the ArcadeDB server bundled in ``arcadedb-embedded``.

``kg graphdb start`` runs it on 127.0.0.1 with a generated root password, keeping its files in
``<data dir>/graphdb`` (or any directory given to :func:`start`). Production use targets Neo4j 5;
this server exists so that ``kg ingest --to neo4j``, the tests and any Neo4j client can be tried
without installing Neo4j. The machine's own Java may be too old: the package's bundled JRE is used.

Files in the server home: ``server.pid``, ``password`` (mode 600), ``server.json`` (ports, user,
database — no secret) and ``server.log``.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .config import data_dir
from .errors import ConfigError, StoreError

USER = "root"  # ArcadeDB's server user
DATABASE = "kg"


@dataclass(frozen=True)
class ServerInfo:
    """Where a running server listens. ``password`` is never printed by kg itself."""

    home: str
    pid: int
    bolt_port: int
    http_port: int
    user: str = USER
    database: str = DATABASE
    password: str = ""

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def env(self) -> dict[str, str]:
        """The NEO4J_* variables a client needs to reach this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user,
                "NEO4J_PASSWORD": self.password, "NEO4J_DATABASE": self.database}


def default_home() -> Path:
    return data_dir() / "graphdb"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (tests use it to avoid clashing with a running server)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _package_dir() -> Path:
    try:
        import arcadedb_embedded
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("the local Bolt server needs the 'graphdb' extra: pip install 'kg[graphdb]'") from exc
    return Path(arcadedb_embedded.__file__).resolve().parent


def command(home: Path, password: str, bolt_port: int, http_port: int, heap: str = "1g") -> list[str]:
    """The java command line that runs the server bound to 127.0.0.1 only."""
    pkg = _package_dir()
    java = pkg / "jre" / "bin" / "java"
    if not java.exists():
        raise ConfigError(f"bundled Java runtime not found at {java}")
    return [
        str(java), "-Xms256m", f"-Xmx{heap}", "-cp", f"{pkg / 'jars'}/*",
        f"-Darcadedb.server.rootPath={home}",
        f"-Darcadedb.server.databaseDirectory={home / 'databases'}",
        f"-Darcadedb.server.rootPassword={password}",
        f"-Darcadedb.server.defaultDatabases={DATABASE}[{USER}]",
        "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
        "-Darcadedb.server.httpIncomingHost=127.0.0.1",
        f"-Darcadedb.server.httpIncomingPort={http_port}",
        "-Darcadedb.bolt.host=127.0.0.1",
        f"-Darcadedb.bolt.port={bolt_port}",
        "com.arcadedb.server.ArcadeDBServer",
    ]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child of this process still "exists": reap it if so
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    except ChildProcessError:
        return True


def _read_password(home: Path) -> str:
    path = home / "password"
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(18)  # ArcadeDB wants >= 8 characters
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(password + "\n")
    return password


def status(home: Path | None = None) -> ServerInfo | None:
    """The running server in ``home``, or None (a stale PID file is ignored)."""
    home = Path(home or default_home())
    try:
        pid = int((home / "server.pid").read_text().strip())
        meta = json.loads((home / "server.json").read_text())
    except (FileNotFoundError, ValueError):
        return None
    if not _alive(pid):
        return None
    return ServerInfo(home=str(home), pid=pid, bolt_port=meta["bolt_port"], http_port=meta["http_port"],
                      user=meta.get("user", USER), database=meta.get("database", DATABASE),
                      password=_read_password(home))


def wait_ready(info: ServerInfo, timeout: float = 60.0) -> None:
    """Block until ``RETURN 1`` succeeds over Bolt (the server answers ~2.5 s after launch)."""
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if not _alive(info.pid):
            raise StoreError(f"the Bolt server exited during start-up; see {info.home}/server.log")
        try:
            with GraphDatabase.driver(info.uri, auth=(info.user, info.password)) as drv, \
                    drv.session(database=info.database) as session:  # session.run: no driver retry noise
                session.run("RETURN 1 AS x").consume()
            return
        except (ServiceUnavailable, SessionExpired, AuthError, Neo4jError, OSError) as exc:
            last = exc
            time.sleep(0.25)
    raise StoreError(f"the Bolt server did not answer within {timeout:.0f} s ({type(last).__name__}); "
                     f"see {info.home}/server.log")


def start(home: Path | None = None, bolt_port: int | None = None, http_port: int | None = None,
          timeout: float = 60.0, heap: str = "1g") -> ServerInfo:
    """Start the server in ``home`` (idempotent: returns the running one) and wait until it answers.

    Ports default to 7687/2480 for the user's server; pass 0 to pick free ports (tests).
    """
    home = Path(home or default_home())
    running = status(home)
    if running:
        return running
    home.mkdir(parents=True, exist_ok=True)
    os.chmod(home, 0o700)
    password = _read_password(home)
    bolt_port = free_port() if bolt_port == 0 else (bolt_port or 7687)
    http_port = free_port() if http_port == 0 else (http_port or 2480)
    log = open(home / "server.log", "ab")
    proc = subprocess.Popen(command(home, password, bolt_port, http_port, heap), stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=home,
                            start_new_session=True)  # a Ctrl-C in the shell must not kill it
    log.close()
    (home / "server.pid").write_text(f"{proc.pid}\n")
    meta = {"bolt_port": bolt_port, "http_port": http_port, "user": USER, "database": DATABASE}
    (home / "server.json").write_text(json.dumps(meta) + "\n")
    info = ServerInfo(home=str(home), pid=proc.pid, password=password, **meta)
    try:
        wait_ready(info, timeout)
    except BaseException:
        stop(home)
        raise
    return info


def stop(home: Path | None = None, timeout: float = 20.0) -> bool:
    """Stop the server in ``home`` by its PID (TERM, then KILL). True when one was running."""
    home = Path(home or default_home())
    pid_file = home / "server.pid"
    try:
        pid = int(pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return False
    was_running = _alive(pid)
    if was_running:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.05)
    pid_file.unlink(missing_ok=True)
    return was_running


def describe(info: ServerInfo) -> dict[str, object]:
    """Status fields safe to print (no password)."""
    d = asdict(info)
    d.pop("password")
    d["uri"] = info.uri
    d["password_file"] = str(Path(info.home) / "password")
    return d
