"""PLOVER event type of a statement from its relation and modality (table: ontology/event_modality.toml)."""
from __future__ import annotations

import tomllib
from functools import lru_cache

from .config import ONTOLOGY_DIR
from .errors import DataError


@lru_cache(maxsize=1)
def _table() -> dict:
    path = ONTOLOGY_DIR / "event_modality.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise DataError(f"{path}: {e}") from None
    groups = {t: "cooperative" for t in data.get("cooperative", [])} | {t: "hostile" for t in data.get("hostile", [])}
    return {"groups": groups, "rules": {k: v for k, v in data.items() if isinstance(v, dict)}}


def event_type(plover: str | None, modality: str) -> str | None:
    """The relation's PLOVER type, or the intent/refusal type its modality makes it."""
    if plover is None:
        return None
    t = _table()
    group = t["groups"].get(plover)
    return t["rules"].get(modality, {}).get(group, plover) if group else plover
