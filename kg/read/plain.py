"""Plain text: first line is the title, the rest the body; date and language from options."""
from __future__ import annotations

from ..errors import InputError
from ..types import RawArticle
from .common import split_paragraphs, user_published


def read(source: str, text: str, options) -> RawArticle:
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise InputError(source, "empty file")
    published, published_source = user_published(source, options)
    return RawArticle(
        title=paragraphs[0],
        paragraphs=paragraphs[1:],
        published=published,
        published_source=published_source,
        retrieved=None,
        retrieved_source="not given",
        source=source,
        lang=options.lang,
    )
