"""Analysis of many articles, in this process or in a pool of workers.

Each worker loads the spaCy pipelines once (initializer) and returns small records (ArticleGraph),
never spaCy Docs, so the pool scales with cores instead of pickling costs.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator

from .pipeline import analyse_stream
from .resolve import Resolver
from .types import Article, ArticleGraph

_resolver: Resolver | None = None


def _init() -> None:
    global _resolver
    _resolver = Resolver()


def _work(chunk: list[Article]) -> list[ArticleGraph]:
    return list(analyse_stream(chunk, _resolver))


def analyse_many(articles: Iterable[Article], workers: int = 1, chunk: int = 8) -> Iterator[ArticleGraph]:
    """ArticleGraphs in input order; with ``workers`` > 1, chunks of articles go to a process pool."""
    articles = list(articles)
    if workers <= 1 or len(articles) < 2:
        yield from analyse_stream(articles, Resolver())
        return
    chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    ctx = mp.get_context("fork")
    with ctx.Pool(processes=workers, initializer=_init) as pool:
        for graphs in pool.imap(_work, chunks):
            yield from graphs
