"""A small hand-made multi-article store for the analyst surface (saved queries, analytics, views,
the SPARQL endpoint), built from kg.types records so tests need no NLP model.

Actors come from the project's gazetteer (so names like "Putin" resolve to the same IRIs the
saved queries see); only the texts are invented. Four articles on four dates, every modality:

* A1 2025-02-10 fr: Putin invites Trump (asserted); Putin says Trump is welcome in Moscow (claim).
* A2 2025-02-12 en: Trump calls Putin (reported, according to TASS); Hegseth says NATO membership
  for Ukraine is not realistic (claim); Zelensky meets Macron (asserted).
* A3 2025-02-14 en: the Kremlin denies that Putin invited Trump (denied: conflicts with A1);
  Trump did not call Zelensky (negated); Trump plans to meet Putin (planned); Zelensky could meet
  Putin (hypothetical).
* A4 2025-03-01 de: Zelensky meets Macron again (asserted); Macron calls Trump (asserted).
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from kg.ids import statement_id
from kg.resolve import gazetteer
from kg.types import Article, ArticleGraph, Entity, Resolution, Span, Statement

INGESTED = datetime(2025, 3, 2, 12, 0, 0, tzinfo=timezone.utc)


def ent(key: str) -> Entity:
    return gazetteer().entity(key)


def _article(aid: str, lang: str, published: datetime, paragraphs: tuple[str, ...]) -> Article:
    return Article(id=aid, title=paragraphs[0], paragraphs=paragraphs, lang=lang, lang_source="given",
                   published=published, published_source="line 1",
                   retrieved=published.replace(hour=23), retrieved_source="last line",
                   source=f"fixture/{aid}.txt")


def _st(article: Article, subj: str, pred: str, obj: str | None, modality: str, sentence: str,
        claim: str = "", source: str | None = None) -> Statement:
    s, o = ent(subj), ent(obj) if obj else None
    start = article.text.index(sentence)
    sid = statement_id(article.id, s.iri, pred, o.iri if o else claim.casefold(), modality)
    res = lambda e: Resolution(mention=e.label, entity=e, method="exact")  # noqa: E731
    return Statement(
        id=sid, article_id=article.id, subject=res(s), predicate=pred,
        object_kind="entity" if o else "proposition", object=res(o) if o else None,
        object_text=claim or o.label, modality=modality, attributed_to=res(ent(source)) if source else None,
        location=None, event_type=None, cameo=None, evidence=(Span(start, start + len(sentence), sentence),),
        confidence=0.8, pattern="fixture")


def _graph(article: Article, statements: list[Statement]) -> ArticleGraph:
    entities: dict[str, Entity] = {}
    for st in statements:
        for r in (st.subject, st.object, st.attributed_to):
            if r is not None:
                entities[r.entity.iri] = r.entity
    return ArticleGraph(article, tuple(statements), tuple(sorted(entities.values(), key=lambda e: e.iri)), "fixture-1")


CLAIM_A1 = "Trump est le bienvenu à Moscou"
CLAIM_A2 = "NATO membership for Ukraine is not realistic"


def make_graphs() -> list[ArticleGraph]:
    a1 = _article("fx-a1", "fr", datetime(2025, 2, 10, 9, 0), (
        "Poutine invite Trump à Moscou",
        "Vladimir Poutine a invité Donald Trump à Moscou.",
        "Poutine a déclaré que Trump est le bienvenu à Moscou."))
    a2 = _article("fx-a2", "en", datetime(2025, 2, 12, 21, 36, tzinfo=timezone.utc), (
        "Trump calls Putin",
        "Trump called Putin on Wednesday, according to TASS.",
        "Hegseth said NATO membership for Ukraine is not realistic.",
        "Zelensky met Macron in Paris."))
    a3 = _article("fx-a3", "en", datetime(2025, 2, 14, 8, 0, tzinfo=timezone.utc), (
        "Kremlin denies invitation",
        "The Kremlin denied that Putin had invited Trump.",
        "Trump did not call Zelensky.",
        "Trump plans to meet Putin.",
        "Zelensky could meet Putin."))
    a4 = _article("fx-a4", "de", datetime(2025, 3, 1, 10, 0), (
        "Selenskyj trifft Macron",
        "Selenskyj traf Macron erneut.",
        "Macron rief Trump an."))
    return [
        _graph(a1, [_st(a1, "vladimir-putin", "invite", "donald-trump", "asserted", a1.paragraphs[1]),
                    _st(a1, "vladimir-putin", "say", None, "asserted", a1.paragraphs[2], claim=CLAIM_A1)]),
        _graph(a2, [_st(a2, "donald-trump", "call", "vladimir-putin", "reported", a2.paragraphs[1], source="tass"),
                    _st(a2, "pete-hegseth", "say", None, "asserted", a2.paragraphs[2], claim=CLAIM_A2),
                    _st(a2, "volodymyr-zelenskyy", "meet", "emmanuel-macron", "asserted", a2.paragraphs[3])]),
        _graph(a3, [_st(a3, "vladimir-putin", "invite", "donald-trump", "denied", a3.paragraphs[1]),
                    _st(a3, "donald-trump", "call", "volodymyr-zelenskyy", "negated", a3.paragraphs[2]),
                    _st(a3, "donald-trump", "meet", "vladimir-putin", "planned", a3.paragraphs[3]),
                    _st(a3, "volodymyr-zelenskyy", "meet", "vladimir-putin", "hypothetical", a3.paragraphs[4])]),
        _graph(a4, [_st(a4, "volodymyr-zelenskyy", "meet", "emmanuel-macron", "asserted", a4.paragraphs[1]),
                    _st(a4, "emmanuel-macron", "call", "donald-trump", "asserted", a4.paragraphs[2])]),
    ]


def build_store(path: Path) -> Path:
    """Write the fixture articles into a persistent Oxigraph store at ``path`` (closed afterwards)."""
    from kg.stores.oxigraph import OxigraphStore

    s = OxigraphStore(path)
    report = s.write(make_graphs(), ingested=INGESTED)
    assert not report.errors, report.errors
    s.flush()
    s.close()
    return path


def memory_store():
    from kg.stores.oxigraph import OxigraphStore

    s = OxigraphStore.memory()
    s.write(make_graphs(), ingested=INGESTED)
    return s
