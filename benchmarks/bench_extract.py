"""Extraction throughput, measured in one run (prints numbers; not part of the test suite).

1. words/s of kg's extraction (parse + patterns + resolution) vs a bare ``nlp.pipe`` of the same
   spaCy model on the same paragraphs, in this process: ratio target ≥ 0.8;
2. words/s of kg with 1 vs 2 worker processes (each loads the model once): ratio target ≥ 1.7.

The corpus is the sample article's paragraphs and the PLOVER gold sentences when the shared gold
directory is beside the project, repeated to about N words.

    python benchmarks/bench_extract.py [--words 40000]
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

import spacy

from kg.clean import clean
from kg.nlp import MODELS, load_pipeline, normalise_for_parse
from kg.parallel import analyse_many
from kg.pipeline import articles
from kg.types import RawArticle

ROOT = Path(__file__).resolve().parent.parent


def corpus(words: int, lang: str):
    """Articles of about ``words`` words in one language (ids made distinct)."""
    base = []
    if lang == "fr":
        base = [a for a in articles([str(ROOT / "seeds")]) if not isinstance(a, Exception)]
    else:
        gold = ROOT.parent / "shared" / "gold" / "plover_gsr.en.jsonl"
        texts = [json.loads(line)["text"] for line in gold.open(encoding="utf-8")] if gold.exists() else []
        for i in range(0, len(texts), 8):
            raw = RawArticle("News", tuple(texts[i:i + 8]), None, "bench", None, "bench", "bench", lang="en")
            base.append(clean(raw))
    out, n, k = [], 0, 0
    while n < words and base:
        a = base[k % len(base)]
        out.append(replace(a, id=f"{a.id}-{k}"))
        n += len(a.text.split())
        k += 1
    return out, n


def rate(fn, n_words: int) -> float:
    t = time.perf_counter()
    fn()
    return n_words / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=40000)
    ap.add_argument("--lang", default="fr", choices=sorted(MODELS))
    args = ap.parse_args()
    docs, n = corpus(args.words, args.lang)
    nlp = load_pipeline(args.lang)
    bare = spacy.load(MODELS[args.lang])
    paragraphs = [normalise_for_parse(p) for a in docs for p in a.paragraphs]
    list(analyse_many(docs[:2], 1))  # warm-up: lexicons, gazetteer, resolver indexes
    r_bare = rate(lambda: list(bare.pipe(paragraphs)), n)
    r_kg1 = rate(lambda: list(analyse_many(docs, 1)), n)
    r_kg2 = rate(lambda: list(analyse_many(docs, 2)), n)
    print(f"corpus: {len(docs)} articles, {n} words ({args.lang}, model {MODELS[args.lang]}, ruler patterns: "
          f"{len(nlp.get_pipe('entity_ruler'))})")
    print(f"bare nlp.pipe          : {r_bare:8.0f} words/s")
    print(f"kg extract, 1 worker   : {r_kg1:8.0f} words/s   ratio to bare spaCy: {r_kg1 / r_bare:.2f} (target >= 0.8)")
    print(f"kg extract, 2 workers  : {r_kg2:8.0f} words/s   ratio to 1 worker : {r_kg2 / r_kg1:.2f} (target >= 1.7)")


if __name__ == "__main__":
    main()
