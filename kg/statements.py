"""Resolution stage: candidates → statements with canonical entities, stable ids, merged evidence."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from .confidence import confidence
from .events import event_type
from .ids import fold, statement_id
from .ontology import load_ontology
from .resolve import Resolver
from .types import Argument, Article, Candidate, Entity, Resolution, Statement

ResolveArg = Callable[[Argument], Resolution]
Counterpart = Callable[[Argument, Resolution], Resolution | None]


def argument_resolver(article: Article, resolver: Resolver) -> ResolveArg:
    """A cached resolver for one article's arguments (date and language from the article)."""

    @lru_cache(maxsize=None)
    def resolve(text: str, ner: str | None, role_phrase: str | None, via: str) -> Resolution:
        if via == "role" and role_phrase:
            found = resolver.role(role_phrase, article.lang, article.published)
            if found is not None:
                return found
        return resolver.resolve(text, ner, article.lang, article.published, role_phrase)

    @lru_cache(maxsize=None)  # coreference asks for the same argument's key many times
    def resolve_arg(a: Argument) -> Resolution:
        via = "role" if a.via == "role" or (a.via in ("coref", "plural") and a.ner == "ROLE") else a.via
        r = resolve(a.text, a.ner, a.role_phrase, via)
        # the mention recorded is what the sentence says ("U.S. Secretary of State Warren Christopher"),
        # except for pronouns, where the antecedent is the informative text
        mention = (a.antecedent or a.text) if a.via in ("coref", "plural", "quote-speaker") else a.span.text
        return replace(r, mention=mention) if mention != r.mention else r

    return resolve_arg


def counterpart_resolver(article: Article, resolver: Resolver) -> Counterpart:
    """"Putin met his Chinese counterpart": the object role phrase resolved through the subject's office."""

    def counterpart(obj: Argument, subj: Resolution) -> Resolution | None:
        if not obj.role_phrase:
            return None
        found = resolver.counterpart(obj.role_phrase, article.lang, article.published, subj.entity.iri)
        return replace(found, mention=obj.span.text) if found is not None else None

    return counterpart


def build_statements(article: Article, candidates: list[Candidate], resolve: ResolveArg,
                     counterpart: Counterpart | None = None) -> list[Statement]:
    """Resolve, deduplicate (same subject, relation, object, modality = one statement, several
    evidence spans) and number the statements of one article."""
    relations = load_ontology().relations
    merged: dict[str, dict] = {}
    index_to_id: dict[int, str] = {}
    for i, c in enumerate(candidates):
        subj = resolve(c.subject)
        obj = resolve(c.object) if c.object.kind == "entity" else None
        if obj is not None and counterpart is not None:
            obj = counterpart(c.object, subj) or obj
        if obj is not None and obj.entity.iri == subj.entity.iri:
            continue
        object_key = obj.entity.iri if obj else fold(c.object.text)
        sid = statement_id(article.id, subj.entity.iri, c.relation, object_key, c.modality)
        index_to_id[i] = sid
        rel = relations[c.relation]
        conf = confidence(c.pattern, [subj, obj])
        if sid in merged:
            m = merged[sid]
            if c.evidence not in m["evidence"]:
                m["evidence"].append(c.evidence)
            m["confidence"] = max(m["confidence"], conf)
            continue
        merged[sid] = dict(
            id=sid, article_id=article.id, subject=subj, predicate=c.relation, object_kind=c.object.kind, object=obj,
            object_text=c.object.surface or c.object.text if obj else c.object.text, modality=c.modality,
            attributed_to=resolve(c.attributed_to) if c.attributed_to else None,
            location=resolve(c.location) if c.location else None,
            event_type=c.event_type or _event_type(rel.plover, c), cameo=rel.cameo, evidence=[c.evidence], confidence=conf, pattern=c.pattern,
            parent=c.parent,
        )
    out = []
    for m in merged.values():
        parent = m.pop("parent")
        nested = index_to_id.get(parent) if parent is not None else None
        m["evidence"] = tuple(sorted(m["evidence"], key=lambda s: s.start))
        out.append(Statement(**m, nested_in=nested if nested != m["id"] else None))
    out.sort(key=lambda s: (s.evidence[0].start, s.predicate, s.id))
    return out


def _event_type(plover: str | None, c: Candidate) -> str | None:
    """PLOVER type from the relation and modality; an act someone else urged, allowed or prevented
    ("urged Iran to release …") is not the subject's intent, so it gets no intent coding."""
    if "object-control" in c.pattern.split("+") and c.modality not in ("asserted", "reported"):
        return None
    return event_type(plover, c.modality)


def entities_of(statements: list[Statement]) -> tuple[Entity, ...]:
    """Every entity the statements mention, once, in a stable order."""
    seen: dict[str, Entity] = {}
    for s in statements:
        for r in (s.subject, s.object, s.attributed_to, s.location):
            if r is not None:
                seen.setdefault(r.entity.iri, r.entity)
    return tuple(sorted(seen.values(), key=lambda e: e.iri))
