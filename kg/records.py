"""The ``kg extract --format jsonl`` record: a contract read by the eval tools. Keep its shape."""
from __future__ import annotations

from .dates import iso
from .types import Article, Resolution, Statement


def _entity(r: Resolution | None, text: str | None = None) -> dict:
    if r is None:
        return {"label": None, "text": text, "wikidata": None, "iri": None}
    return {"label": r.entity.label, "text": r.mention, "wikidata": r.entity.wikidata, "iri": r.entity.iri}


def statement_record(article: Article, s: Statement) -> dict:
    """One JSON object per statement, exactly the documented shape."""
    obj = _entity(s.object) if s.object is not None else _entity(None, s.object_text or None)
    obj = {"label": obj["label"], "text": obj["text"], "kind": s.object_kind, "wikidata": obj["wikidata"], "iri": obj["iri"]}
    ev = s.evidence[0]
    return {
        "document": article.document,
        "published": iso(article.published),
        "subject": _entity(s.subject),
        "predicate": s.predicate,
        "object": obj,
        "modality": s.modality,
        "attributed_to": s.attributed_to.entity.label if s.attributed_to else None,
        "event_type": s.event_type,
        "evidence": {"text": ev.text, "start": ev.start, "end": ev.end},
        "confidence": s.confidence,
    }
