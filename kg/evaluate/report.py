"""The evaluation report: counts and figures per document, per gold file and overall, error lists."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from rich.table import Table


def _ratio(num: int, den: int) -> float | None:
    """``num / den``, or None when undefined (nothing to measure)."""
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass
class Counts:
    """Raw counts; every figure is derived from these so per-file and overall figures add up.

    ``tp``/``fp``/``fn`` are strict (predicate, or for PLOVER the event type, must match);
    ``relaxed_*`` ignore the predicate / event type. ``ignored`` counts predictions that are
    neither TP nor FP (duplicates of a matched gold statement, matches of optional gold
    statements, PLOVER predictions without an event type that match nothing).
    """

    documents: int = 0
    gold: int = 0  # required gold statements
    predicted: int = 0  # every prediction given for the scored documents
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0
    relaxed_tp: int = 0
    relaxed_fp: int = 0
    relaxed_fn: int = 0
    relaxed_ignored: int = 0
    modality_correct: int = 0
    modality_total: int = 0
    attribution_correct: int = 0
    attribution_total: int = 0
    event_type_correct: int = 0
    event_type_total: int = 0
    linking_correct: int = 0
    linking_total: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts into this one (micro-averaging)."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    @property
    def relaxed_precision(self) -> float | None:
        return _ratio(self.relaxed_tp, self.relaxed_tp + self.relaxed_fp)

    @property
    def relaxed_recall(self) -> float | None:
        """For PLOVER documents this is the actor-pair recall."""
        return _ratio(self.relaxed_tp, self.gold)

    @property
    def relaxed_f1(self) -> float | None:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def modality_accuracy(self) -> float | None:
        return _ratio(self.modality_correct, self.modality_total)

    @property
    def attribution_accuracy(self) -> float | None:
        return _ratio(self.attribution_correct, self.attribution_total)

    @property
    def event_type_accuracy(self) -> float | None:
        return _ratio(self.event_type_correct, self.event_type_total)

    @property
    def linking_accuracy(self) -> float | None:
        return _ratio(self.linking_correct, self.linking_total)

    def figures(self) -> dict[str, float | None]:
        """Every derived figure by name."""
        return {name: getattr(self, name) for name in FIGURES}


FIGURES = (
    "precision", "recall", "f1", "relaxed_precision", "relaxed_recall", "relaxed_f1",
    "modality_accuracy", "attribution_accuracy", "event_type_accuracy", "linking_accuracy",
)


@dataclass
class ErrorItem:
    """One thing to look at: a false positive, a miss, or a mismatch on a matched pair."""

    document: str
    kind: str  # false_positive | miss | modality | attribution | event_type | linking
    gold: dict | None
    predicted: dict | None
    evidence: str | None  # the predicted evidence text, else the gold evidence / sentence
    detail: str = ""


@dataclass
class EvalReport:
    """Figures per document, per gold file and overall, plus the errors behind them."""

    overall: Counts = field(default_factory=Counts)
    files: dict[str, Counts] = field(default_factory=dict)
    documents: dict[str, Counts] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)  # document id -> "seed" | "plover"
    false_positives: list[ErrorItem] = field(default_factory=list)
    misses: list[ErrorItem] = field(default_factory=list)
    mismatches: list[ErrorItem] = field(default_factory=list)  # modality, attribution, event_type
    linking_errors: list[ErrorItem] = field(default_factory=list)
    unscored_documents: list[str] = field(default_factory=list)  # predicted ids not in the gold


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _acc(correct: int, total: int) -> str:
    return "–" if not total else f"{correct / total:.3f} ({correct}/{total})"


def render_table(report: EvalReport) -> Table:
    """One rich table: a row per gold file, then the overall (micro-averaged) row."""
    table = Table(title="kg eval", show_lines=False)
    for name in ("file", "docs", "gold", "pred", "TP", "FP", "FN", "P", "R", "F1",
                 "relaxed P", "relaxed R", "relaxed F1", "modality", "attribution",
                 "event type", "linking"):
        table.add_column(name, justify="left" if name == "file" else "right")
    rows = list(report.files.items()) + [("overall", report.overall)]
    for i, (name, c) in enumerate(rows):
        table.add_row(
            name, str(c.documents), str(c.gold), str(c.predicted), str(c.tp), str(c.fp),
            str(c.fn), _fmt(c.precision), _fmt(c.recall), _fmt(c.f1),
            _fmt(c.relaxed_precision), _fmt(c.relaxed_recall), _fmt(c.relaxed_f1),
            _acc(c.modality_correct, c.modality_total),
            _acc(c.attribution_correct, c.attribution_total),
            _acc(c.event_type_correct, c.event_type_total),
            _acc(c.linking_correct, c.linking_total),
            end_section=i == len(rows) - 2,
        )
    table.caption = ("relaxed = predicate (PLOVER: event type) ignored; for PLOVER files "
                     "relaxed R is the actor-pair recall")
    return table


def _block(c: Counts) -> dict:
    return {"counts": asdict(c), "figures": c.figures()}


def to_json(report: EvalReport) -> dict:
    """A JSON-ready dict: figures and counts per file, per document and overall, error counts."""
    return {
        "overall": _block(report.overall),
        "files": {name: _block(c) for name, c in report.files.items()},
        "documents": {
            doc: {"rule": report.rules.get(doc), **_block(c)} for doc, c in report.documents.items()
        },
        "errors": {
            "false_positives": len(report.false_positives),
            "misses": len(report.misses),
            "mismatches": len(report.mismatches),
            "linking_errors": len(report.linking_errors),
        },
        "unscored_documents": list(report.unscored_documents),
    }


def write_errors(report: EvalReport, directory: str | Path) -> list[Path]:
    """Write ``false_positives.jsonl``, ``misses.jsonl``, ``mismatches.jsonl`` and
    ``linking_errors.jsonl`` (one error per line, UTF-8, readable) into ``directory``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, items in (("false_positives", report.false_positives), ("misses", report.misses),
                        ("mismatches", report.mismatches),
                        ("linking_errors", report.linking_errors)):
        path = out / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(asdict(item), ensure_ascii=False) + "\n")
        written.append(path)
    return written
