"""Stable identifiers and IRIs. Same input, same id, every run, in every store."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from .config import base_iri

WIKIDATA = "http://www.wikidata.org/entity/"


def digest(*parts: str, length: int = 32) -> str:
    """Hex sha256 over the parts joined by a unit separator (no ambiguity between parts)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Accent- and case-folded, whitespace-collapsed form used for matching labels (cached: the
    extractor folds every token's lemma)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().casefold()


def slug(text: str) -> str:
    """URL-safe slug of a label (folded, non-alphanumerics to '-')."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def article_iri(article_id: str) -> str:
    return f"{base_iri()}article/{quote(article_id, safe='')}"


def statement_iri(statement_id: str) -> str:
    return f"{base_iri()}statement/{quote(statement_id, safe='')}"


def entity_iri(entity_id: str) -> str:
    """IRI of a gazetteer entity without a Wikidata id."""
    return f"{base_iri()}entity/{quote(entity_id, safe='-_.')}"


def wikidata_iri(qid: str) -> str:
    return WIKIDATA + qid


def minted_entity_iri(label: str, type_: str) -> str:
    """IRI for an actor the gazetteer does not know: normalised label + type, stable across runs."""
    return f"{base_iri()}entity/minted/{quote(type_.lower(), safe='')}/{slug(label)}"


def statement_id(article_id: str, subject_iri: str, predicate: str, object_key: str, modality: str) -> str:
    """Hash of article, subject, predicate, object (IRI or folded claim text) and modality."""
    return digest(article_id, subject_iri, predicate, object_key, modality)
