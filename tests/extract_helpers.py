"""Run the full extractor on one short text (real spaCy pipelines, gazetteer, resolver)."""
from __future__ import annotations

from functools import lru_cache

from kg.clean import clean
from kg.dates import parse_timestamp
from kg.pipeline import analyse
from kg.resolve import Resolver
from kg.types import RawArticle


@lru_cache(maxsize=1)
def resolver() -> Resolver:
    return Resolver()


def extract(text: str, lang: str, published: str = "2025-02-12T12:00:00"):
    lines = text.split("\n")
    raw = RawArticle(title=lines[0], paragraphs=tuple(lines[1:]), published=parse_timestamp(published),
                     published_source="test", retrieved=None, retrieved_source="not given", source="test", lang=lang)
    return analyse(clean(raw), resolver()).statements


def triples(text: str, lang: str, published: str = "2025-02-12T12:00:00") -> set[tuple]:
    """(subject, predicate, object, modality, attributed_to) with canonical labels (claim text for claims)."""
    return {(s.subject.entity.label, s.predicate, s.object.entity.label if s.object else s.object_text, s.modality,
             s.attributed_to.entity.label if s.attributed_to else None) for s in extract(text, lang, published)}
