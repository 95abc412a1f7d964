"""The sample's text format.

Line 1 publication time, line 2 title, body paragraphs, then publisher boilerplate (removed by
cleaning), a ``#tag`` line and a final Unix epoch (retrieval time). The last two are optional.
"""
from __future__ import annotations

import re

from ..errors import InputError
from ..types import RawArticle
from .common import split_paragraphs, timestamp

_FIRST = re.compile(r"^\s*\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?([+-]\d{2}:?\d{2}|Z)?\s*$")
_EPOCH = re.compile(r"^\s*\d{9,11}\s*$")
_TAGS = re.compile(r"^\s*#\S+(\s+#\S+)*\s*$")


def looks_dated(text: str) -> bool:
    return bool(_FIRST.match(text.split("\n", 1)[0]))


def read(source: str, text: str, options) -> RawArticle:
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    published = timestamp(source, lines[0].strip(), "publication time on line 1", 1)
    retrieved, retrieved_source = None, "not given"
    if len(lines) > 2 and _EPOCH.match(lines[-1]):
        retrieved = timestamp(source, lines[-1].strip(), "retrieval time on the last line", len(lines))
        retrieved_source = "Unix epoch on the last line"
        lines.pop()
    tags: tuple[str, ...] = ()
    if len(lines) > 2 and _TAGS.match(lines[-1]):
        tags = tuple(t.lstrip("#") for t in lines[-1].split())
        lines.pop()
    if len(lines) < 2 or not lines[1].strip():
        raise InputError(source, "no title on line 2", 2)
    paragraphs = split_paragraphs("\n".join(lines[2:]))
    return RawArticle(
        title=lines[1].strip(),
        paragraphs=paragraphs,
        published=published,
        published_source="line 1 of the file" + ("" if published.tzinfo else " (no time zone given)"),
        retrieved=retrieved,
        retrieved_source=retrieved_source,
        source=source,
        lang=options.lang,
        tags=tags,
    )
