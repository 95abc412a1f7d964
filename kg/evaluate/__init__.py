"""``kg eval``: score extracted statements against gold documents (rules: gold/README.md).

    docs = load_gold("gold/seed.fr.jsonl")
    report = score(docs, load_predictions("pred.jsonl"), canon=resolver.canon, link=None)
    rich.print(render_table(report)); write_errors(report, "eval-errors/")

The scorer takes ``canon``/``link`` callables instead of the resolver itself, so it is
testable (and usable) without the NLP stack.
"""
from kg.evaluate.gold import group_predictions, load_gold, load_predictions
from kg.evaluate.match import SYMMETRIC, is_plover
from kg.evaluate.report import Counts, ErrorItem, EvalReport, render_table, to_json, write_errors
from kg.evaluate.score import score

__all__ = [
    "Counts", "ErrorItem", "EvalReport", "SYMMETRIC", "group_predictions", "is_plover",
    "load_gold", "load_predictions", "render_table", "score", "to_json", "write_errors",
]
