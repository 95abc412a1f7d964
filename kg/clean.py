"""Cleaning: boilerplate removal (patterns from ontology/boilerplate.toml), whitespace and Unicode
normalisation, language detection, and the article id (hash of the normalised body)."""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .config import ONTOLOGY_DIR
from .errors import DataError, InputError
from .ids import digest
from .types import Article, RawArticle

SUPPORTED_LANGS = ("fr", "en", "de")


@dataclass(frozen=True)
class BoilerplatePattern:
    regex: re.Pattern
    action: str  # drop | drop_rest
    publisher: str
    lang: str


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[BoilerplatePattern, ...]:
    path = ONTOLOGY_DIR / "boilerplate.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise DataError(f"{path}: {e}") from None
    out = []
    for i, p in enumerate(data.get("pattern", []), start=1):
        if p.get("action") not in ("drop", "drop_rest") or not p.get("match"):
            raise DataError(f"{path}: pattern {i} needs 'match' and action 'drop' or 'drop_rest'")
        try:
            regex = re.compile(p["match"], re.IGNORECASE)
        except re.error as e:
            raise DataError(f"{path}: pattern {i}: bad regular expression: {e}") from None
        out.append(BoilerplatePattern(regex, p["action"], p.get("publisher", "any"), p.get("lang", "any")))
    return tuple(out)


def normalise_text(text: str) -> str:
    """NFC, no control characters, single spaces. Typographic quotes are kept (offsets must match the source)."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c if c in "\n\t" or unicodedata.category(c)[0] != "C" else " " for c in text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def strip_boilerplate(paragraphs: tuple[str, ...], lang: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(kept, removed) paragraphs."""
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        for pat in boilerplate_patterns():
            if pat.lang not in ("any", lang) and lang is not None:
                continue
            if pat.regex.search(para):
                if pat.action == "drop_rest":
                    return tuple(kept), tuple(paragraphs[i:])
                break
        else:
            kept.append(para)
    removed = tuple(p for p in paragraphs if p not in kept)
    return tuple(kept), removed


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [Language.FRENCH, Language.ENGLISH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
             Language.DUTCH, Language.PORTUGUESE, Language.POLISH, Language.RUSSIAN, Language.UKRAINIAN]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str) -> str | None:
    lang = _detector().detect_language_of(text[:2000])
    return lang.iso_code_639_1.name.lower() if lang else None


def article_id(paragraphs: tuple[str, ...]) -> str:
    """Hash of the normalised body: whitespace- and case-insensitive, so re-fetches of the same text match."""
    norm = re.sub(r"\s+", " ", " ".join(paragraphs)).strip().casefold()
    return digest(norm, length=32)


def clean(raw: RawArticle) -> Article:
    """RawArticle → Article. Raises InputError when nothing readable is left."""
    title = normalise_text(raw.title)
    paragraphs = tuple(p for p in (normalise_text(p) for p in raw.paragraphs) if p)
    lang_given = (raw.lang or "").lower()[:2] or None
    if title and paragraphs and paragraphs[0] == title:  # inputs whose text already starts with the title
        paragraphs = paragraphs[1:]
    kept, removed = strip_boilerplate(paragraphs, lang_given)
    body = ((title,) if title else ()) + kept
    if not kept and not title:
        raise InputError(raw.source, "no article text left after removing boilerplate")
    if lang_given:
        lang, lang_source = lang_given, "given"
    else:
        lang, lang_source = detect_language("\n".join(body)), "detected"
        if lang is None:
            raise InputError(raw.source, "cannot detect the language: pass --lang")
        # boilerplate patterns are per language: apply them again now that we know it
        kept, removed = strip_boilerplate(paragraphs, lang)
        body = ((title,) if title else ()) + kept
    return Article(
        id=article_id(body),
        title=title,
        paragraphs=body,
        lang=lang,
        lang_source=lang_source,
        published=raw.published,
        published_source=raw.published_source,
        retrieved=raw.retrieved,
        retrieved_source=raw.retrieved_source,
        source=raw.url or raw.source,
        tags=raw.tags,
        removed=removed,
        doc_id=raw.doc_id,
    )
