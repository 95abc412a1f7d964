"""Parsing timestamps from inputs. Never guesses: a value that does not parse is an error."""
from __future__ import annotations

import re
from datetime import datetime, timezone

_EPOCH = re.compile(r"^\d{9,11}$")


def parse_timestamp(value: str | int | float) -> datetime:
    """ISO 8601 (date, date-time, with or without zone, ``Z``), ``YYYY-MM-DD HH:MM[:SS]`` or a Unix epoch.

    A value without a zone stays naive: the source did not say, and we do not invent one.
    Raises ``ValueError`` with the offending value.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    text = str(value).strip()
    if _EPOCH.match(text):
        return datetime.fromtimestamp(int(text), tz=timezone.utc)
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    # "+0100" → "+01:00" (htmldate and some feeds write zones without a colon)
    iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", iso)
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    for fmt in ("%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"unparseable date {text!r} (expected ISO 8601 such as 2025-02-12T21:36:00+01:00, or a Unix epoch)")


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 with ``Z`` for UTC; naive values stay naive."""
    if dt is None:
        return None
    s = dt.isoformat()
    return s[:-6] + "Z" if s.endswith("+00:00") else s
