"""Rows/s of ``Neo4jStore.write`` vs a raw driver ``UNWIND … MERGE`` of the same rows, same run.

    python benchmarks/bench_neo4j.py [--sizes 10000,100000] [--batch 1000]

Uses NEO4J_* from the environment, else starts the bundled ArcadeDB server in a temp dir.
Each size: synthetic articles (10 statements each, entities drawn from a pool of 2 000, six
relation types, a third of statements are claims), written once through kg's store (row building,
has_article check, transactions included) and once through the raw driver (rows pre-built outside
the timer, same Cypher, same transaction size). The database is emptied before each run; the
order alternates to spread any warm-up effect. Target: ratio ≥ 0.9.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.ids import entity_iri, statement_id  # noqa: E402
from kg.neo4j_rows import build_batch, chunk_articles, write_plan  # noqa: E402
from kg.stores.neo4j import Neo4jConfig, Neo4jStore  # noqa: E402
from kg.types import Article, ArticleGraph, Entity, Resolution, Span, Statement  # noqa: E402

RELATIONS = ("invite", "meet", "criticize", "support", "accuse", "say")
TYPES = ("Person", "Country", "Organization")


def synthetic(n_statements: int, per_article: int = 10, pool: int = 2000, seed: int = 7) -> list[ArticleGraph]:
    rnd = random.Random(seed)
    entities = [Entity(iri=entity_iri(f"bench-{i}"), label=f"Actor {i}", type=TYPES[i % 3]) for i in range(pool)]
    graphs = []
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for a in range(0, n_statements // per_article):
        aid = f"bench-article-{a}"
        sentence = f"Sentence of article {a}."
        art = Article(id=aid, title=sentence, paragraphs=(sentence,), lang="en", lang_source="given",
                      published=t0 + timedelta(minutes=a), published_source="bench", retrieved=None,
                      retrieved_source="", source="bench")
        stmts, ents = [], {}
        for k in range(per_article):
            s, o = rnd.sample(entities, 2)
            rel = rnd.choice(RELATIONS)
            claim = rel == "say"
            key = f"claim {a} {k}" if claim else o.iri
            sid = statement_id(aid, s.iri, rel, key + str(k), "asserted")
            stmts.append(Statement(
                id=sid, article_id=aid, subject=Resolution(s.label, s, "exact"), predicate=rel,
                object_kind="proposition" if claim else "entity",
                object=None if claim else Resolution(o.label, o, "exact"),
                object_text=key if claim else o.label, modality="asserted", attributed_to=None, location=None,
                event_type=None, cameo=None, evidence=(Span(0, len(sentence), sentence),), confidence=0.7,
                pattern="bench"))
            ents[s.iri] = s
            if not claim:
                ents[o.iri] = o
        graphs.append(ArticleGraph(article=art, statements=tuple(stmts), entities=tuple(ents.values())))
    return graphs


def empty(store: Neo4jStore) -> None:
    while store.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c")[0]["c"]:
        pass


def run_store(cfg: Neo4jConfig, graphs, batch: int) -> float:
    with Neo4jStore(cfg, batch_size=batch) as store:
        t = time.perf_counter()
        report = store.write(graphs)
        dt = time.perf_counter() - t
    assert not report.errors, report.errors[:3]
    return dt


def run_raw(cfg: Neo4jConfig, plans) -> float:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(cfg.uri, auth=(cfg.user, cfg.password)) as driver:
        t = time.perf_counter()
        with driver.session(database=cfg.database) as session:
            for plan in plans:
                with session.begin_transaction() as tx:
                    for query, rows in plan:
                        if rows:
                            tx.run(query, rows=rows).consume()
                    tx.commit()
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()
    home = None
    if not all(os.environ.get(v) for v in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")):
        from kg import graphdb

        home = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        info = graphdb.start(home, bolt_port=0, http_port=0, heap="2g")
        os.environ.update(info.env())
    cfg = Neo4jConfig.from_env()
    try:
        with Neo4jStore(cfg) as store:
            for n in (int(x) for x in args.sizes.split(",")):
                graphs = synthetic(n)
                # raw baseline: the same rows and Cypher, built outside the timer
                plans = [write_plan(build_batch(g), args.batch) for g in chunk_articles(graphs, args.batch)]
                times = {"kg": [], "raw": []}
                for order in (("raw", "kg"), ("kg", "raw")) if n <= 20000 else (("raw", "kg"),):
                    for who in order:
                        empty(store)
                        dt = run_raw(cfg, plans) if who == "raw" else run_store(cfg, graphs, args.batch)
                        times[who].append(dt)
                kg_s, raw_s = min(times["kg"]), min(times["raw"])
                print(f"{n:>7} statements: kg {n / kg_s:8.0f} rows/s ({kg_s:.1f} s)   "
                      f"raw driver {n / raw_s:8.0f} rows/s ({raw_s:.1f} s)   ratio {raw_s / kg_s:.2f}", flush=True)
            empty(store)
    finally:
        if home:
            from kg import graphdb

            graphdb.stop(home)


if __name__ == "__main__":
    main()
