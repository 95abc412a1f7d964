"""JSON Lines: one article per line, ``{"url","published","title","text","lang"[,"retrieved"]}``."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError
from ..types import RawArticle
from .common import split_paragraphs, timestamp, user_published


def _article(source: str, n: int, obj, options) -> RawArticle:
    if not isinstance(obj, dict):
        raise InputError(source, "expected a JSON object per line", n)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "missing or empty \"text\"", n)
    if obj.get("published"):
        published, published_source = timestamp(source, obj["published"], "\"published\"", n), f"\"published\" on line {n}"
    elif options.published:  # the file says nothing: the user's --published fills the gap
        published, published_source = user_published(source, options)
    else:  # `kg extract` can work without a date; `kg ingest` refuses the article (see kg.ingest)
        published, published_source = None, "not given"
    retrieved = timestamp(source, obj["retrieved"], "\"retrieved\"", n) if obj.get("retrieved") else None
    url = obj.get("url") or None
    tags = obj.get("tags") or ()
    return RawArticle(
        title=str(obj.get("title") or "").strip(),
        paragraphs=split_paragraphs(text),
        published=published,
        published_source=published_source,
        retrieved=retrieved,
        retrieved_source=f"\"retrieved\" on line {n}" if retrieved else "not given",
        source=url or f"{source}:{n}",
        lang=(obj.get("lang") or None),
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        url=url,
        doc_id=str(obj["id"]) if obj.get("id") not in (None, "") else None,
    )


def read(source: str, text: str, options) -> Iterator[RawArticle | InputError]:
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(source, f"malformed JSON ({e.msg} at column {e.colno})", n)
            continue
        try:
            raw = _article(source, n, obj, options)
        except InputError as e:
            yield e
            continue
        if options.lang and not raw.lang:
            raw = RawArticle(**{**raw.__dict__, "lang": options.lang})
        yield raw
