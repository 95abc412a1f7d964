"""HTML pages: main text with trafilatura, publication time (with zone) with htmldate."""
from __future__ import annotations

import logging

from ..errors import InputError
from ..types import RawArticle
from .common import split_paragraphs, timestamp, user_published

MIN_WORDS = 5

for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def read(source: str, text: str, options) -> RawArticle:
    import trafilatura
    from htmldate import find_date

    body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
    if not body or len(body.split()) < MIN_WORDS:  # a menu or a title alone is not an article
        raise InputError(source, "HTML page has no article text")
    meta = trafilatura.extract_metadata(text)
    if options.published:
        published, published_source = user_published(source, options)
    else:
        # htmldate keeps time and zone (trafilatura's metadata date is day-only)
        found = find_date(text, outputformat="%Y-%m-%dT%H:%M:%S%z", original_date=True, extensive_search=False)
        if not found:
            raise InputError(source, "no publication date in the page's metadata: pass --published")
        published, published_source = timestamp(source, found, "page date"), "page metadata (htmldate, original date)"
    paragraphs = split_paragraphs(body)
    title = (meta.title if meta and meta.title else "").strip()
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return RawArticle(
        title=title,
        paragraphs=paragraphs,
        published=published,
        published_source=published_source,
        retrieved=None,
        retrieved_source="not given",
        source=source,
        lang=options.lang or (meta.language if meta and meta.language else None),
        url=(meta.url if meta else None),
    )
