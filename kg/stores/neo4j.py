"""Neo4j (Bolt) store: the same statements as the RDF store, written with parameterised UNWIND batches.

Configuration comes only from ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE``; the password is never printed or logged. Rows and Cypher come from
``kg.neo4j_rows`` (the single builder for Neo4j).

Transactions: whole articles are grouped up to ``batch_size`` statements per explicit
transaction. If a group fails for a non-transient reason, it is rolled back and its articles are
retried one per transaction, so one bad article cannot keep good ones out and never leaves
anything half-written; the bad article is reported in ``WriteReport.errors``. A server that
stays unreachable through the retries raises ``Neo4jUnavailable`` (a StoreError) instead: the
articles written before it are committed, the current batch is not.
"""
from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import ConfigError, KGError, StoreError
from ..neo4j_rows import MIGRATIONS, Neo4jRows, build_batch, chunk_articles, write_plan
from ..types import ArticleGraph, WriteReport
from .base import GraphStore

log = logging.getLogger(__name__)

ENV_VARS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


@dataclass(frozen=True)
class Neo4jConfig:
    uri: str
    user: str
    password: str
    database: str

    def __repr__(self) -> str:  # keep the password out of tracebacks and logs
        return f"Neo4jConfig(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Neo4jConfig:
        """Read the four NEO4J_* variables; a missing one is a ConfigError naming it."""
        env = os.environ if environ is None else environ
        missing = [v for v in ENV_VARS if not env.get(v)]
        if missing:
            raise ConfigError(f"Neo4j is not configured: set {', '.join(missing)} "
                              "(or run `kg graphdb start` for a local Bolt server)")
        return cls(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"], env["NEO4J_DATABASE"])


class Neo4jUnavailable(StoreError):
    """The server stayed unreachable (or kept failing transiently) through every retry."""


def config_problem(exc: BaseException, config: Neo4jConfig) -> ConfigError | None:
    """A ConfigError for server answers that mean the NEO4J_* settings are wrong, else None."""
    from neo4j.exceptions import AuthError, Neo4jError

    if isinstance(exc, AuthError):
        return ConfigError(f"Neo4j at {config.uri} refused the credentials of user {config.user!r}: "
                           "check NEO4J_USER and NEO4J_PASSWORD")
    if isinstance(exc, Neo4jError) and exc.code == "Neo.ClientError.Database.DatabaseNotFound":
        return ConfigError(f"Neo4j at {config.uri} has no database {config.database!r}: check NEO4J_DATABASE")
    return None


def _transient() -> tuple[type[BaseException], ...]:
    from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

    return (TransientError, ServiceUnavailable, SessionExpired)


class Neo4jStore(GraphStore):
    """Writes ArticleGraphs to a Neo4j 5 (or Bolt-compatible) server."""

    name = "neo4j"

    def __init__(self, config: Neo4jConfig | None = None, batch_size: int = 1000, retries: int = 4,
                 backoff: float = 0.2, migrate: bool = True):
        from neo4j import GraphDatabase

        self.config = config or Neo4jConfig.from_env()
        self.batch_size = max(1, batch_size)
        self.retries = retries
        self.backoff = backoff
        self.driver = GraphDatabase.driver(self.config.uri, auth=(self.config.user, self.config.password))
        if migrate:
            self.init()

    # -- schema ------------------------------------------------------------------------------
    def init(self) -> list[str]:
        """Create constraints and indexes (idempotent). Returns the statements run."""
        with self._guard(), self.driver.session(database=self.config.database) as session:
            for q in MIGRATIONS:
                self._retry(lambda q=q: session.run(q).consume())
        return list(MIGRATIONS)

    # -- reads -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self.existing_articles([article_id]))

    def existing_articles(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids are already stored (one round trip)."""
        if not article_ids:
            return set()
        with self._guard(), self.driver.session(database=self.config.database) as session:
            rows = self._retry(lambda: session.run(
                "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id", ids=list(article_ids)).data())
        return {r["id"] for r in rows}

    def run(self, query: str, params: dict | None = None) -> list[dict]:
        """Run one query in an auto-commit transaction and return plain dict rows (errors: StoreError)."""
        with self._guard(), self.driver.session(database=self.config.database) as session:
            return self._retry(lambda: session.run(query, params or {}).data())

    @contextmanager
    def _guard(self):
        """Server errors outside the write path become KGErrors (the CLI shows one message, no traceback)."""
        from neo4j.exceptions import Neo4jError

        try:
            yield
        except Neo4jError as exc:
            raise config_problem(exc, self.config) or StoreError(f"Neo4j: {exc.code}: {exc.message}") from exc

    # -- writes ------------------------------------------------------------------------------
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteReport:
        """Write new articles (existing ones are skipped and counted); see the module docstring."""
        report = WriteReport(store=self.name)
        unique: dict[str, ArticleGraph] = {}
        for g in graphs:
            unique.setdefault(g.article.id, g)
        existing = self.existing_articles(list(unique))
        report.articles_skipped = len(graphs) - len(unique) + len(existing)
        todo = [g for aid, g in unique.items() if aid not in existing]
        for group in chunk_articles(todo, self.batch_size):
            try:
                rows = build_batch(group)
            except KGError as exc:  # invalid relation names etc.: isolate per article below
                rows, first_error = None, exc
            if rows is not None:
                try:
                    self.write_rows(rows)
                    self._count(report, rows)
                    continue
                except Neo4jUnavailable:
                    raise  # no point isolating articles when the server is gone
                except StoreError as exc:
                    first_error = exc
            if len(group) == 1:
                report.errors.append(f"article {group[0].article.id}: {first_error}")
                continue
            for g in group:  # isolate the failing article(s)
                try:
                    rows = build_batch([g])
                    self.write_rows(rows)
                    self._count(report, rows)
                except Neo4jUnavailable:
                    raise
                except KGError as exc:
                    report.errors.append(f"article {g.article.id}: {exc}")
        return report

    @staticmethod
    def _count(report: WriteReport, rows: Neo4jRows) -> None:
        report.articles_new += len(rows.article_ids)
        report.statements += rows.n_statements
        report.entities += rows.n_entities

    def write_rows(self, rows: Neo4jRows) -> None:
        """Write prepared rows in ONE explicit transaction (rolled back entirely on failure).

        Transient failures are retried with exponential backoff; anything else is a StoreError.
        """
        plan = write_plan(rows, self.batch_size)

        def attempt() -> None:
            with self.driver.session(database=self.config.database) as session:
                tx = session.begin_transaction()
                try:
                    for query, data in plan:
                        tx.run(query, rows=data).consume()
                    tx.commit()
                except BaseException:
                    if not tx.closed():
                        tx.rollback()
                    raise

        try:
            self._retry(attempt)
        except StoreError:
            raise
        except Exception as exc:
            from neo4j.exceptions import Neo4jError

            problem = config_problem(exc, self.config)
            if problem is not None:
                raise problem from exc
            if isinstance(exc, Neo4jError):
                raise StoreError(f"Neo4j refused the batch (rolled back): {exc.code}: {exc.message}") from exc
            raise

    def _retry(self, fn):
        """Call ``fn``; on a transient error wait (exponential backoff + jitter) and try again."""
        transient = _transient()
        for i in range(self.retries + 1):
            try:
                return fn()
            except transient as exc:
                if i == self.retries:
                    raise Neo4jUnavailable(f"Neo4j unavailable after {self.retries} retries "
                                           f"({type(exc).__name__}); nothing of this batch was written") from exc
                delay = self.backoff * (2 ** i) * (1 + random.random())
                log.warning("Neo4j transient error (%s), retry %d in %.2fs", type(exc).__name__, i + 1, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.driver.close()
