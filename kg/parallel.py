"""Analysis of many articles, in this process or in a pool of workers.

Each worker loads the spaCy pipelines once (initializer) and returns small records (ArticleGraph),
never spaCy Docs, so the pool scales with cores instead of pickling costs.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator

from .pipeline import analyse
from .resolve import Resolver
from .types import Article, ArticleGraph

_resolver: Resolver | None = None


def _init() -> None:
    global _resolver
    _resolver = Resolver()


def _work(article: Article) -> ArticleGraph:
    return analyse(article, _resolver)


def analyse_many(articles: Iterable[Article], workers: int = 1) -> Iterator[ArticleGraph]:
    """ArticleGraphs in input order."""
    articles = list(articles)
    if workers <= 1 or len(articles) < 2:
        resolver = Resolver()
        for a in articles:
            yield analyse(a, resolver)
        return
    ctx = mp.get_context("fork")
    with ctx.Pool(processes=workers, initializer=_init) as pool:
        yield from pool.imap(_work, articles, chunksize=1)
