"""`kg eval`: run the extractor on gold documents and score it with kg.evaluate."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .clean import clean
from .dates import parse_timestamp
from .evaluate import EvalReport, group_predictions, load_gold, load_predictions, score
from .parallel import analyse_many
from .records import statement_record
from .resolve import Resolver
from .types import RawArticle


def gold_article(doc: dict):
    """The gold document as an Article: its text is the body the offsets refer to."""
    published = parse_timestamp(doc["published"]) if doc.get("published") else None
    retrieved = parse_timestamp(doc["retrieved"]) if doc.get("retrieved") else None
    lines = tuple(line for line in doc["text"].split("\n"))
    raw = RawArticle(title=lines[0], paragraphs=lines[1:], published=published, published_source="gold",
                     retrieved=retrieved, retrieved_source="gold" if retrieved else "not given",
                     source=doc["id"], lang=doc.get("lang"), doc_id=doc["id"])
    return clean(raw)


def run_eval(gold_paths: list[Path], predictions: Path | None = None, workers: int = 1) -> EvalReport:
    docs = [d for p in gold_paths for d in load_gold(p)]
    if predictions is not None:
        preds = load_predictions(predictions)
    else:
        articles = [gold_article(d) for d in docs]
        rows = [statement_record(g.article, s) for g in analyse_many(articles, workers) for s in g.statements]
        preds = group_predictions(rows)
    resolver = Resolver()

    def canon(label: str) -> str | None:
        r = resolver.lookup(label)
        return r.entity.iri if r is not None else None

    def link(mention: str, doc: dict) -> tuple[str | None, str | None]:
        when = datetime.fromisoformat(doc["published"]) if doc.get("published") else None
        r = resolver.resolve(mention, None, doc.get("lang") or "en", when)
        return (None, None) if r.method == "minted" else (r.entity.label, r.entity.wikidata)

    return score(docs, preds, canon=canon, link=link)
