"""Reading gold documents and prediction files (JSON Lines) with errors that name file and line."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from kg.errors import InputError

OBJECT_KINDS = ("entity", "proposition")


def load_gold(path: str | Path) -> list[dict]:
    """Read gold documents, one JSON object per line (a directory: every ``*.jsonl`` in it).

    Each document gets ``gold_file`` (the file name) so the report can group figures per file.
    Raises ``InputError(path, problem, line)`` on unreadable files and malformed lines.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError(str(path), "no *.jsonl gold files in this directory")
        return [doc for f in files for doc in load_gold(f)]
    docs: list[dict] = []
    seen: set[str] = set()
    for n, line in enumerate(_read_lines(path), 1):
        if not line.strip():
            continue
        doc = _parse(path, n, line)
        problem = _gold_problem(doc)
        if problem:
            raise InputError(str(path), problem, n)
        if doc["id"] in seen:
            raise InputError(str(path), f"duplicate document id {doc['id']!r}", n)
        seen.add(doc["id"])
        doc["gold_file"] = path.name
        docs.append(doc)
    return docs


def load_predictions(path: str | Path) -> dict[str, list[dict]]:
    """Read ``kg extract --format jsonl`` output and group the statements by ``document``."""
    path = Path(path)
    rows = []
    for n, line in enumerate(_read_lines(path), 1):
        if not line.strip():
            continue
        row = _parse(path, n, line)
        if not isinstance(row.get("document"), str):
            raise InputError(str(path), "prediction without a 'document' id", n)
        rows.append(row)
    return group_predictions(rows)


def group_predictions(rows: Iterable[dict]) -> dict[str, list[dict]]:
    """Group prediction dicts by their ``document`` key, keeping their order."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["document"], []).append(row)
    return grouped


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read ({exc})") from None


def _parse(path: Path, n: int, line: str) -> dict:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"invalid JSON: {exc.msg} (column {exc.colno})", n) from None
    if not isinstance(value, dict):
        raise InputError(str(path), "expected a JSON object", n)
    return value


def _gold_problem(doc: dict) -> str | None:
    """What is wrong with one gold document, or None."""
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        return "document without a string 'id'"
    if not isinstance(doc.get("statements", []), list):
        return "'statements' must be a list"
    if not isinstance(doc.get("entities", []), list):
        return "'entities' must be a list"
    for i, st in enumerate(doc.get("statements", [])):
        if not isinstance(st, dict):
            return f"statement {i} is not an object"
        if st.get("predicate") is None and not st.get("event_type"):
            return f"statement {i} has neither 'predicate' nor 'event_type'"
        if st.get("predicate") is not None and not (st.get("subject") and st.get("object")):
            return f"statement {i} needs 'subject' and 'object'"
        if st.get("object_kind", "entity") not in OBJECT_KINDS:
            return f"statement {i}: object_kind must be one of {OBJECT_KINDS}"
        if not isinstance(st.get("required", True), bool):
            return f"statement {i}: 'required' must be true or false"
    for i, ent in enumerate(doc.get("entities", [])):
        if not isinstance(ent, dict) or not ent.get("mention") or not ent.get("label"):
            return f"entity {i} needs 'mention' and 'label'"
    return None
