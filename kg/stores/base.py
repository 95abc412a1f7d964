"""The interface every store implements."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from ..types import ArticleGraph, WriteReport


class GraphStore(ABC):
    """A place statements are written to.

    ``write`` is idempotent (an article already present is skipped and counted as such) and
    atomic per article: an article is either entirely in the store or not at all.
    """

    name: str = "store"

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteReport: ...

    def close(self) -> None:  # noqa: B027 - optional hook
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
