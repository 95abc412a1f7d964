"""Ingestion as a library call: read, clean, analyse, write to every chosen store."""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .errors import InputError
from .parallel import analyse_many
from .pipeline import articles
from .read import ReadOptions
from .stores.base import GraphStore
from .types import Article, ArticleGraph


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)  # sources written
    skipped: list[str] = field(default_factory=list)  # "already ingested"
    failed: list[str] = field(default_factory=list)  # one message per bad input
    statements: int = 0
    entities: int = 0
    seconds: float = 0.0
    graphs: list[ArticleGraph] = field(default_factory=list)


def ingest(paths: Sequence[str], stores: Sequence[GraphStore], options: ReadOptions | None = None, *,
           workers: int = 1, on_article: Callable[[str], None] | None = None, keep_graphs: bool = False) -> IngestReport:
    """Ingest every article under ``paths`` into every store; idempotent, atomic per article.

    Bad inputs are reported (``failed``) and leave no trace; the other articles still go in.
    ``keep_graphs`` keeps the written ArticleGraphs in the report (to show them; off for big runs).
    """
    t0 = time.perf_counter()
    report = IngestReport()
    todo: list[Article] = []
    seen: set[str] = set()
    for item in articles(list(paths), options):
        if isinstance(item, InputError):
            report.failed.append(str(item))
            continue
        if item.published is None:  # every stored statement carries its publication time
            report.failed.append(str(InputError(item.source, "no publication time: add \"published\" or pass --published")))
            continue
        if item.id in seen or all(s.has_article(item.id) for s in stores):
            report.skipped.append(f"{item.source}: already ingested (article {item.id[:12]})")
            continue
        seen.add(item.id)
        todo.append(item)
    entities: set[str] = set()
    for g in analyse_many(todo, workers):
        errors = []
        for store in stores:
            w = store.write([g])
            errors += w.errors
        if errors:
            report.failed.extend(errors)
        else:
            report.new.append(g.article.source)
            report.statements += len(g.statements)
            entities.update(e.iri for e in g.entities)
            if keep_graphs:
                report.graphs.append(g)
        if on_article:
            on_article(g.article.source)
    report.entities = len(entities)
    report.seconds = time.perf_counter() - t0
    return report
